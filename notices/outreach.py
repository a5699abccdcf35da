"""What a bulk act did, in one shape for every such act (reminding the late, an announcement, a deadline move): who
it reached now, who it had reached earlier (told nothing more), and who it could not reach and why (no account
there, no address to send to), each by name, kept as an `Outreach` whose page lists them one click from the act's
message. Written by the act's service in its own transaction."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from core import acts
from core.thai import digits

from .channels import registered
from .models import BulkAct, Outreach, Unreached
from .permissions import ANNOUNCE


@dataclass(frozen=True)
class Target:
    """One thing a bulk act tells (an office, a committee): its name and the people the lock says hear of it there
    (none: nobody there has an account that may)."""

    name: str
    people: Sequence


def outreach_record(*, act: BulkAct, author, contest, targets: Sequence[Target], told: Iterable[int]) -> Outreach:
    """The act's account: `told`, the places in `targets` told now (an inbox row for one of its people). A target
    told now whose people no channel reaches is told in the portal alone: not reached, for want of an address. A
    query for each channel that asks the database, and one to write."""
    told = set(told)
    people = [p for t in targets for p in t.people]
    addressed = set().union(*(channel.reaching(people) for channel in registered().values())) if people else set()
    reached: list[str] = []
    earlier: list[str] = []
    missed: list[list[str]] = []
    for place, target in enumerate(targets):
        if not target.people:
            missed.append([target.name, Unreached.NO_ACCOUNT])
        elif place not in told:
            earlier.append(target.name)
        elif not any(p.pk in addressed for p in target.people):
            missed.append([target.name, Unreached.NO_ADDRESS])
        else:
            reached.append(target.name)
    return Outreach.objects.create(
        act=act, author=author, contest=contest, reached=reached, earlier=earlier, missed=missed
    )


def outreach_said(outreach: Outreach | None) -> SafeString:
    """The act's message: how many it reached, reached earlier and could not reach, and the link to their names."""
    if outreach is None or not (outreach.reached or outreach.earlier or outreach.missed):
        return format_html("{}", _("Nobody was told: nobody is concerned yet."))
    sizes = {name: digits(len(getattr(outreach, name))) for name in ("reached", "earlier", "missed")}
    if outreach.act == BulkAct.INVITATIONS:  # its rows are people; every other act's are offices or committees
        counts = pgettext("people", "Told now: {reached}; told earlier: {earlier}; could not be told: {missed}.")
    else:
        counts = _("Told now: {reached}; told earlier: {earlier}; could not be told: {missed}.")
    counts = counts.format(**sizes)
    link = reverse("notices:outreach", args=[outreach.pk])
    return format_html('{} <a href="{}" class="outreach-link">{}</a>', counts, link, _("Whom, and why not"))


def outreach_for(user, pk: int) -> Outreach | None:
    """An act's account, to whoever did it (and to central staff, who write to everyone); anyone else: None."""
    found = Outreach.objects.select_related("contest", "author").filter(pk=pk).first()
    if found is None or (found.author_id != user.pk and not acts.allowed(user, ANNOUNCE)):
        return None
    return found


def outreach_latest(user, act: BulkAct, since) -> Outreach | None:
    """The account of the act this person just did (`since`: when their request began), if it told anyone."""
    return Outreach.objects.filter(author=user, act=act, created_at__gte=since).order_by("-pk").first()
