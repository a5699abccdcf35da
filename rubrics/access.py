"""The one loader of the contest a URL names, and of a contest's unit (docs/architecture.md, the lock).

`contest_or_404` for pages about a contest (<contest:key>, core.converters.ContestKey), `entry_or_404` for pages
about one of its units (an entry, contests.entries): each resolves its object once a request (the rubric kept on
the request, as pretalx keeps request.event) and asks its act once (core.acts). Resolving is what makes the object
exist for the person: a contest they see (contests.actor `sees`), a unit among the contest's entrants they see
(`entrants`); anything else answers 404, never 403, so nobody learns what another office runs. A refused act is
404 too, but where the person sees what they may not do: the national contest (every role sees it) answers 403,
and so does an entry the person sees (`contests.see_unit`) but may not act on. The refusal's kind is asked only
on that path: an allowed page asks its act once."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import BasePermission

from contests.actor import Actor, Need, actor_of
from contests.entries import Entry
from contests.scopes import visible_contests, visible_entrants
from core import acts
from core.converters import ContestKey
from core.gate import SignInRequired
from rubrics.models import ContestPeriod

SEE_ENTRY = "contests.see_unit"  # the act a refused act on an entry falls back to: 403 if seen, else 404
SEE_CONTEST = "rubrics.see_rubric"  # the contest exists for the user (`Rights.sees`)
RUN_CONTEST = "scoring.view_standings"  # whoever runs the contest (its builder, opening a draft, its settings)


def rubrics(actor: Actor, need: Need | str = Need.SEE) -> QuerySet[ContestPeriod]:
    """The rubrics (every period) of the contests the actor may `need`."""
    return ContestPeriod.objects.filter(contest__in=visible_contests(actor, need)).select_related("contest")


def _rubric(key: ContestKey | str | ContestPeriod, request=None) -> ContestPeriod | None:
    """The rubric a URL names, with its contest and organiser: one query, kept on the request when one is given,
    so a page's gate, its context and its service share one object. A rubric in hand is kept as it is."""
    if isinstance(key, ContestPeriod):
        if request is not None:
            request.__dict__.setdefault("_rubrics", {})[key.key] = key
        return key
    kept = getattr(request, "_rubrics", None) if request is not None else None
    if kept is not None and str(key) in kept:
        return kept[str(key)]
    rubric = ContestPeriod.objects.by_key(key).select_related("contest", "contest__organiser").first()
    if request is not None:
        request.__dict__.setdefault("_rubrics", {})[str(key)] = rubric
    return rubric


def _signed_in(user) -> None:
    if user is None or not user.is_authenticated:
        raise SignInRequired


def _step_up(user, act: str, request) -> None:
    """A page is shown without the second factor; a request that changes something asks the act's."""
    if request is not None and request.method not in ("GET", "HEAD", "OPTIONS"):
        acts.step_up(user, act)


def contest_or_404(
    user,
    key: ContestKey | str | ContestPeriod,
    act: str,
    *,
    request=None,
    national_403: bool = True,
    seen: str | None = None,
) -> ContestPeriod:
    """The rubric `key` names (or the one in hand), if the user may do `act` on it; its act asked once.
    A contest the user does not see, or any refused act, answers 404; the national contest, which every role
    sees, 403 (`national_403`: pages; the API's uploads and the builder answer 404 there too, as they always have),
    and so does a contest whose page the user may see (`seen`, an act asked only once `act` is refused)."""
    _signed_in(user)
    rubric = _rubric(key, request)
    if rubric is None or not actor_of(user).rights(rubric.contest).sees:
        raise Http404(_("no such contest"))
    if not acts.allowed(user, act, rubric):
        if (national_403 and rubric.contest.is_national) or (seen is not None and acts.allowed(user, seen, rubric)):
            raise PermissionDenied
        raise Http404(_("no such contest"))
    _step_up(user, act, request)
    return rubric


def entry_or_404(
    user, key: ContestKey | str, code: str, act: str = SEE_ENTRY, *, request=None
) -> tuple[ContestPeriod, Entry]:
    """The rubric `key` names and its entry for the unit `code`, if the user may do `act` on the entry; its act
    asked once. A contest or unit the user does not see there answers 404 (the unit is looked up among the
    contest's entrants the user sees: one query); an act refused on an entry they see, 403."""
    _signed_in(user)
    rubric = _rubric(key, request)
    actor = actor_of(user)
    if rubric is None or not actor.rights(rubric.contest).sees:
        raise Http404(_("no such contest"))
    unit = visible_entrants(actor, rubric.contest).filter(code=code).first()
    if unit is None:
        raise Http404
    entry = Entry(rubric.contest, unit, known_entrant=True)
    if not acts.allowed(user, act, entry):
        if act != SEE_ENTRY and acts.allowed(user, SEE_ENTRY, entry):
            raise PermissionDenied
        raise Http404
    _step_up(user, act, request)
    return rubric, entry


def contest_permission(act: str) -> type[BasePermission]:
    """contest_or_404 for the API's views under years/<contest:key>/: 401 anonymous, 404 a contest the user may
    not act on, 403 the national one; the view finds the rubric on `self.rubric`."""

    class MayActOnContest(BasePermission):
        def has_permission(self, request, view) -> bool:
            if not request.user.is_authenticated:
                return False
            key = view.kwargs.get("key") or view.kwargs["slug"]
            view.rubric = contest_or_404(request.user, key, act, request=request)
            return True

    MayActOnContest.__name__ = f"MayActOnContest[{act}]"
    return MayActOnContest
