"""What each kind of notice says, made at delivery time from the params stored with it: the words live
here (through Django's i18n, Thai in locale/th), the facts in the notice, so a text fixed later reaches
every notice not yet read. Dates are stored as ISO days and shown in the Buddhist Era (core.thai)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from core.i18n import Text
from core.thai import thai_date, thai_digits

from .models import Kind

DATES = ("old", "new", "day")  # params holding an ISO day
NUMBERS = ("near", "count", "units", "left")  # params holding a count: Thai digits in Thai, as the dates are


@dataclass(frozen=True)
class Wording:
    title: Text  # a msgid with %(name)s params
    soon: bool  # needs action soon: sent at once (the rest wait for the daily digest)
    details: tuple[tuple[str, Text], ...] = ()  # (param, a msgid for its line), shown when the param is set
    # A kind told many times a day (each upload to every judge): one title for several of one contest, and a
    # line for each of them, so a day's hundred receipts are one line in an inbox or a digest, not a hundred.
    group: Text | None = None  # a msgid with %(contest)s, %(count)s and %(units)s
    item: Text | None = None  # a msgid for one of the group, with the notice's params


WORDINGS = {
    Kind.DEADLINE_MOVED: Wording(
        gettext_lazy("%(contest)s: the deadline of %(code)s moved from %(old)s to %(new)s"),
        True,
        (("reason", gettext_lazy("Reason: %(reason)s")), ("letter", gettext_lazy("Letter: %(letter)s"))),
    ),
    Kind.QUESTION_ASKED: Wording(gettext_lazy("%(contest)s: the committee asks %(unit)s about %(code)s"), True),
    Kind.QUESTION_ANSWERED: Wording(gettext_lazy("%(contest)s: %(unit)s answered the question on %(code)s"), True),
    Kind.EVIDENCE_RECEIVED: Wording(
        gettext_lazy("%(contest)s: evidence for %(code)s received from %(unit)s"),
        False,
        (("day", gettext_lazy("Recorded as received by the Department on %(day)s")),),
        gettext_lazy("%(contest)s: %(count)s pieces of evidence received from %(units)s units"),
        gettext_lazy("%(unit)s: %(code)s"),
    ),
    Kind.RESULTS_FROZEN: Wording(gettext_lazy("%(contest)s: the results are frozen"), False),
    Kind.RESULTS_PUBLISHED: Wording(gettext_lazy("%(contest)s: the results are published"), False),
    Kind.RESULTS_WITHDRAWN: Wording(
        gettext_lazy("%(contest)s: the published results were withdrawn"),
        True,
        (("reason", gettext_lazy("Reason: %(reason)s")),),
    ),
    Kind.CONTEST_OPENED: Wording(gettext_lazy("%(contest)s is open: evidence can be sent"), True),
    Kind.TIE_WAITING: Wording(
        gettext_lazy("%(contest)s: a tie at the award line (%(award)s) waits for a decision: %(units)s"), True
    ),
    Kind.FINAL_WAITING: Wording(
        gettext_lazy("%(contest)s: members disagree on %(code)s for %(unit)s: a final score waits"), True
    ),
    Kind.ACCOUNT_INVITED: Wording(gettext_lazy("Invitation sent to %(name)s (%(username)s)"), False),
    Kind.INVITATION_ACCEPTED: Wording(
        gettext_lazy("%(name)s (%(username)s) accepted the invitation and set a password"), False
    ),
    Kind.JUDGING_DEADLINE: Wording(
        gettext_lazy("%(contest)s: judging ends on %(new)s"),
        True,
        (("old", gettext_lazy("Before: %(old)s")), ("reason", gettext_lazy("Reason: %(reason)s"))),
    ),
    Kind.PICK_DUE: Wording(
        gettext_lazy("%(contest)s: %(unit)s picks its entrants by %(day)s"),
        True,
        (("near", gettext_lazy("The date is near: %(near)s days left")),),
    ),
    Kind.REMINDER_DUE: Wording(
        gettext_lazy("%(contest)s: %(what)s is due on %(day)s, %(left)s working days from today"),
        True,
        (("unit", gettext_lazy("For: %(unit)s")),),
    ),
    Kind.REMINDER_OVERDUE: Wording(
        gettext_lazy("%(contest)s: %(what)s was due on %(day)s and is overdue"),
        True,
        (("unit", gettext_lazy("For: %(unit)s")),),
    ),
}


def _shown(params: dict) -> dict:
    shown = {key: ("-" if value in (None, "") else value) for key, value in params.items()}
    for key in DATES:
        if params.get(key):
            shown[key] = thai_date(date.fromisoformat(params[key]))
    thai = (get_language() or "th").startswith("th")
    for key in NUMBERS:
        if thai and params.get(key) not in (None, ""):
            shown[key] = thai_digits(params[key])
    return shown


GROUPED = tuple(kind for kind, wording in WORDINGS.items() if wording.group)


def soon(kind: str) -> bool:
    return WORDINGS[Kind(kind)].soon


def title(notice) -> str:
    """One line, in the active language (Thai unless the reader chose English)."""
    return str(WORDINGS[Kind(notice.kind)].title) % _shown(notice.params)


def details(notice) -> list[str]:
    shown = _shown(notice.params)
    return [str(line) % shown for key, line in WORDINGS[Kind(notice.kind)].details if notice.params.get(key)]


def subject(notice) -> str:
    return _("CDD 4.0: %(title)s") % {"title": title(notice)}


def group_title(notices: Sequence) -> str:
    """The one line for several notices of a grouped kind on one contest."""
    units = {n.unit_id or n.params.get("unit") for n in notices}
    params = {"contest": notices[0].params.get("contest", ""), "count": len(notices), "units": len(units)}
    return str(WORDINGS[Kind(notices[0].kind)].group) % _shown(params)


def group_line(notice) -> str:
    """One notice of a group, short: the group's title says the rest; its details follow when it has any."""
    shown = _shown(notice.params)
    return "; ".join([str(WORDINGS[Kind(notice.kind)].item) % shown, *details(notice)])


def group_lines(notices: Sequence) -> list[str]:
    """A group in a message: a line for each unit with its codes in the order they came, then the details of
    those that have any (a receipt the Department recorded, with its day)."""
    codes: dict[str, list[str]] = {}
    in_order = sorted(notices, key=lambda n: (n.created_at, n.pk))
    for notice in in_order:
        codes.setdefault(notice.params.get("unit", ""), []).append(notice.params.get("code", ""))
    item = WORDINGS[Kind(notices[0].kind)].item
    lines = [str(item) % _shown({"unit": unit, "code": ", ".join(them)}) for unit, them in codes.items()]
    return lines + [group_line(n) for n in in_order if details(n)]


def grouped(notices: Sequence) -> list[list]:
    """`notices` as runs to show, in their order: each notice alone, except those of a grouped kind, which go
    together by contest, at the place of the first of them."""
    groups: dict[tuple[str, int | None], list] = {}
    runs: list[list] = []
    for notice in notices:
        if notice.kind not in GROUPED:
            runs.append([notice])
            continue
        key = (notice.kind, notice.contest_id)
        if key not in groups:
            groups[key] = []
            runs.append(groups[key])
        groups[key].append(notice)
    return runs


def digest_items(notices: Sequence) -> list[tuple[str, list[str], str]]:
    """A digest's items (title, detail lines, path): a notice alone, or a grouped kind's notices on one contest
    as one item with no path of its own (notices.links.absolute makes it the inbox, which lists each of them
    with its link)."""
    return [
        (title(run[0]), details(run[0]), run[0].link) if len(run) == 1 else (group_title(run), group_lines(run), "")
        for run in grouped(notices)
    ]
