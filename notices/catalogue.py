"""What each kind of notice says, made at delivery time from the params stored with it: the words live
here (through Django's i18n, Thai in locale/th), the facts in the notice, so a text fixed later reaches
every notice not yet read. Dates are stored as ISO days and shown in the Buddhist Era (core.thai); codes
and counts in the reader's digits (core.thai.digits).

Every kind reads as a short official message (docs/architecture.md, "A new kind of notice"): its `news`
first and alone (an e-mail's subject, an inbox line, a LINE push's first line), the contest it is about
once, after it; then the details, what the reader is asked to do (`asks`), and the link where it is done.
A kind that asks nothing is for information: quiet in the inbox and not counted in the bell."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from contests.actor import actor_of
from contests.units import office_name
from core.i18n import Text, either
from core.thai import digits, thai_date
from rulebook.workdays import moved_suffix

from .hooks import sealed_link
from .models import Kind

DATES = ("old", "new", "due", "day", "letter_date")  # params holding an ISO day
DIGITS = ("code", "near", "count", "units", "left", "late", "hours", "days")  # a code or a count: the reader's digits


@dataclass(frozen=True)
class Wording:
    news: Text | Callable[[dict], Text]  # the news alone, no contest: a msgid with %(name)s params, or one chosen
    soon: bool  # sent at once (the rest wait for the daily digest)
    details: tuple[tuple[str, Text], ...] = ()  # (param, a msgid for its line), shown when the param is set
    # A kind told many times a day (each upload to every judge): one news for several of one contest, and a
    # line for each of them, so a day's hundred receipts are one line in an inbox or a digest, not a hundred.
    group: Text | None = None  # a msgid with %(count)s and %(units)s
    item: Text | None = None  # a msgid for one of the group, with the notice's params
    # What the reader is asked to do ("needs you": first in the inbox, counted in the bell); None: for
    # information. Required of every kind, so that none is added without deciding which it is.
    asks: Text | None = field(kw_only=True)
    # About the account's own safety (a LINE linked to it): sent at once by SAFE_CHANNELS whatever the person
    # chose for them, and by no other, since the other may be what it tells of, in someone else's hands.
    safety: bool = field(default=False, kw_only=True)
    # A safety kind about a door to the account that is none of the channels (a digital ID linked to it): sent at
    # once by every channel that reaches the person as well, since none of them is what it tells of.
    everywhere: bool = field(default=False, kw_only=True)
    # A key to the account (a link to set a password, to confirm an address): a safety kind whose link is made
    # for its person when it is sent (notices.hooks.sealed_link), never stored, and which is sent alone, never in
    # a digest: past the hour's limit it waits for the hour's room (notices.outbox). The inbox shows `link`.
    sealed: bool = field(default=False, kw_only=True)
    # The param holding the address it goes to when not the account's own (a new address to confirm).
    to: str = field(default="", kw_only=True)


SAFE_CHANNELS = ("email",)


def _deadline_news(params: dict) -> Text:
    """Moved earlier or later, set where there was none, or taken away: the news says which. A new date on
    which offices are closed is said with the working day it falls due on, as the criterion's page says it
    (rulebook.workdays.moved_suffix): "… ๑๘ ก.ค. ๒๕๖๔ (วันหยุดราชการ) → เลื่อนเป็น ๒๑ ก.ค. ๒๕๖๔"."""
    old, new, due = params.get("old"), params.get("new"), params.get("due")
    if old and new:
        if new < old:
            news = gettext_lazy("Deadline of %(code)s moved earlier, to %(new)s")
        else:
            news = gettext_lazy("Deadline of %(code)s moved later, to %(new)s")
    elif new:
        news = gettext_lazy("Deadline of %(code)s set: %(new)s")
    else:
        return gettext_lazy("Deadline of %(code)s removed")
    if not due or due == new:
        return news
    return format_lazy("{news}{moved}", news=news, moved=either(moved_suffix("%(due)s"), moved_suffix("%(due)s", "en")))


STAYS = gettext_lazy("The address stays with your account (%(username)s): nothing was made or changed.")

WORDINGS = {
    Kind.DEADLINE_MOVED: Wording(
        _deadline_news,
        True,
        (
            ("old", gettext_lazy("Previous deadline: %(old)s")),
            ("reason", gettext_lazy("Reason: %(reason)s")),
            ("letter", gettext_lazy("By letter no. %(letter)s dated %(letter_date)s")),
        ),
        asks=gettext_lazy("Please check the new date and send the criterion's evidence by it."),
    ),
    Kind.QUESTION_ASKED: Wording(
        gettext_lazy("The committee asks %(unit)s to clarify criterion %(code)s"),
        True,
        asks=gettext_lazy("Please answer the committee's question on the criterion's page."),
    ),
    Kind.QUESTION_ANSWERED: Wording(
        gettext_lazy("%(unit)s answered the question on criterion %(code)s"),
        True,
        asks=gettext_lazy("Please read the answer and review your score of this criterion."),
    ),
    Kind.EVIDENCE_RECEIVED: Wording(
        gettext_lazy("Evidence for criterion %(code)s received from %(unit)s"),
        False,
        (("day", gettext_lazy("Recorded as received by the Department on %(day)s")),),
        gettext_lazy("%(count)s pieces of evidence received from %(units)s units"),
        gettext_lazy("%(unit)s: criterion %(code)s"),
        asks=None,
    ),
    Kind.RESULTS_FROZEN: Wording(gettext_lazy("The results are frozen"), False, asks=None),
    Kind.RESULTS_PUBLISHED: Wording(gettext_lazy("The results are published"), False, asks=None),
    Kind.RESULTS_WITHDRAWN: Wording(
        gettext_lazy("The published results were withdrawn"),
        True,
        (("reason", gettext_lazy("Reason: %(reason)s")),),
        asks=None,
    ),
    Kind.CONTEST_OPENED: Wording(
        gettext_lazy("Evidence can be sent now"),
        True,
        asks=gettext_lazy("Please send each criterion's evidence by its deadline."),
    ),
    Kind.TIE_WAITING: Wording(
        gettext_lazy("A tie at the award line (%(award)s) waits for a decision: %(units)s"),
        True,
        asks=gettext_lazy("Please settle the order of the tied entrants."),
    ),
    Kind.AWARD_CORRECTED: Wording(
        gettext_lazy("The published award of %(unit)s is corrected: %(before)s → %(after)s"),
        True,
        (("reason", gettext_lazy("Reason: %(reason)s")),),
        asks=None,
    ),
    Kind.FINAL_WAITING: Wording(
        gettext_lazy("Members disagree on criterion %(code)s for %(unit)s: a final score waits"),
        True,
        asks=gettext_lazy("Please give the final score."),
    ),
    Kind.ACCOUNT_INVITED: Wording(gettext_lazy("Invitation sent to %(name)s (%(username)s)"), False, asks=None),
    Kind.INVITATION_ACCEPTED: Wording(
        gettext_lazy("%(name)s (%(username)s) accepted the invitation and set a password"), False, asks=None
    ),
    Kind.JUDGING_DEADLINE: Wording(
        gettext_lazy("Judging ends on %(new)s"),
        True,
        (("old", gettext_lazy("Before: %(old)s")), ("reason", gettext_lazy("Reason: %(reason)s"))),
        asks=gettext_lazy("Please finish your scoring by this date."),
    ),
    Kind.LINE_LINKED: Wording(
        gettext_lazy("A LINE was linked to your account"),
        True,
        (("day", gettext_lazy("Linked on %(day)s: the portal's notices now also go to that LINE.")),),
        asks=gettext_lazy("If you did not link it: unlink it on “My account” and change your password."),
        safety=True,
    ),
    Kind.CALENDAR_MADE: Wording(
        gettext_lazy("A calendar address was made for your account"),
        True,
        (("day", gettext_lazy("Made on %(day)s: whoever has the address sees your due dates.")),),
        asks=gettext_lazy("If you did not make it: stop it on “My account” and change your password."),
        safety=True,
    ),
    Kind.DIGITAL_ID_LINKED: Wording(
        gettext_lazy("%(provider)s was linked to your account"),
        True,
        (("day", gettext_lazy("Linked on %(day)s: you may now sign in with it.")),),
        asks=gettext_lazy("If you did not link it: unlink it on “My account” and change your password."),
        safety=True,
        everywhere=True,
    ),
    Kind.DIGITAL_ID_UNLINKED: Wording(
        gettext_lazy("%(provider)s was unlinked from your account"),
        True,
        (("day", gettext_lazy("Unlinked on %(day)s: it no longer signs you in.")),),
        asks=gettext_lazy("If you did not unlink it: change your password and tell the help contacts."),
        safety=True,
        everywhere=True,
    ),
    Kind.INVITATION: Wording(
        gettext_lazy("An account on the CDD 4.0 portal was made for you"),
        True,
        (
            ("username", gettext_lazy("Username: %(username)s")),
            ("by", gettext_lazy("Made by: %(by)s")),
            ("days", gettext_lazy("The link works once, within %(days)s days.")),
        ),
        asks=gettext_lazy("Please set your own password at the link. If you did not expect this, do nothing."),
        safety=True,
        sealed=True,
    ),
    Kind.PASSWORD_RESET: Wording(
        gettext_lazy("Set a new password for the account %(username)s"),
        True,
        (("hours", gettext_lazy("The link works once, within %(hours)s hours.")),),
        asks=gettext_lazy("Set the new password at the link. If you did not ask, do nothing: your password stays."),
        safety=True,
        sealed=True,
    ),
    Kind.EMAIL_CONFIRM: Wording(
        gettext_lazy("Confirm this address for the account %(username)s"),
        True,
        (
            ("address", gettext_lazy("New address: %(address)s")),
            ("hours", gettext_lazy("Open the link within %(hours)s hours; until then the old address stays.")),
        ),
        asks=gettext_lazy("Confirm at the link. If you did not ask, do nothing."),
        safety=True,
        sealed=True,
        to="address",
    ),
    Kind.ADDRESS_LISTED: Wording(
        gettext_lazy("%(by)s listed your address on a sheet to make an account"),
        False,
        (
            ("username", STAYS),
            ("by", gettext_lazy("If you moved offices, ask central staff to move your account.")),
        ),
        asks=None,
    ),
    Kind.ADDRESS_ASKED: Wording(
        gettext_lazy("Another account asked to use your address"),
        False,
        (
            ("username", STAYS),
            ("username", gettext_lazy("To move it to another account, ask central staff.")),
        ),
        asks=None,
    ),
    Kind.CHECK_RED: Wording(
        gettext_lazy("A readiness check stays red: %(checks)s"),
        True,
        (("detail", gettext_lazy("What it says: %(detail)s")),),
        asks=gettext_lazy("Please look at the portal's status page."),
    ),
    Kind.PICK_DUE: Wording(
        gettext_lazy("%(unit)s picks its entrants by %(day)s"),
        True,
        (("near", gettext_lazy("The date is near: %(near)s days left")),),
        asks=gettext_lazy("Please pick the entrants on the selection stage's page."),
    ),
    Kind.REMINDER_DUE: Wording(
        gettext_lazy("%(what)s is due on %(day)s, %(left)s working days from today"),
        True,
        (("unit", gettext_lazy("For: %(unit)s")),),
        asks=gettext_lazy("Please complete it by the due date on the linked page."),
    ),
    Kind.LATE_REMINDED: Wording(
        gettext_lazy("%(unit)s has %(count)s rounds overdue: please send them"),
        True,
        (("rounds", gettext_lazy("Overdue: %(rounds)s")), ("by", gettext_lazy("Reminded by %(by)s"))),
        asks=gettext_lazy("Please send what is overdue as soon as you can, from the office's page."),
    ),
    Kind.ANNOUNCEMENT: Wording(
        gettext_lazy("Announcement: %(subject)s"),
        True,
        (
            ("body", gettext_lazy("Message: %(body)s")),
            ("letter", gettext_lazy("With a letter: %(letter)s")),
            ("by", gettext_lazy("From %(by)s, central staff")),
            ("organiser", gettext_lazy("From %(organiser)s, who runs the contest")),
        ),
        asks=gettext_lazy("Please read it, and its letter if it has one, on the linked page."),
    ),
    Kind.REMINDER_OVERDUE: Wording(
        gettext_lazy("%(what)s was due on %(day)s and is overdue"),
        True,
        (("unit", gettext_lazy("For: %(unit)s")), ("late", gettext_lazy("Overdue by %(late)s working days"))),
        asks=gettext_lazy("Please complete it as soon as you can on the linked page."),
    ),
}


class _Shown(dict):
    """A notice's params as shown: one stored before a wording named a new param reads "-" for it."""

    def __missing__(self, key: str) -> str:
        return "-"


def _shown(params: dict, *, short: bool = False) -> dict:
    """The params as the reader reads them: dates in the Buddhist Era (`short`: "๑๕ มิ.ย. ๒๕๗๐", for the news
    line a phone shows whole), codes and counts in the reader's digits."""
    shown = _Shown((key, "-" if value in (None, "") else value) for key, value in params.items())
    for key in DATES:
        if params.get(key):
            shown[key] = thai_date(date.fromisoformat(params[key]), short=short)
    for key in DIGITS:
        if params.get(key) not in (None, ""):
            shown[key] = str(digits(params[key]))
    return shown


GROUPED = tuple(kind for kind, wording in WORDINGS.items() if wording.group)
# "Needs you": counted in the bell. A sealed kind asks what its e-mail's link does, never anything in the portal.
ACTION = tuple(kind for kind, wording in WORDINGS.items() if wording.asks and not wording.sealed)
assert all(w.safety and w.soon for w in WORDINGS.values() if w.sealed)  # at once, by e-mail, whatever was chosen
assert all(w.safety and not w.sealed for w in WORDINGS.values() if w.everywhere)


def soon(kind: str) -> bool:
    return WORDINGS[Kind(kind)].soon


def safety(kind: str) -> bool:
    return WORDINGS[Kind(kind)].safety


def everywhere(kind: str) -> bool:
    return WORDINGS[Kind(kind)].everywhere


def needs_action(kind: str) -> bool:
    return kind in ACTION


def sealed(kind: str) -> bool:
    return WORDINGS[Kind(kind)].sealed


def addressed(kind: str) -> bool:
    """Sent to an address its params hold, not the account's own."""
    return bool(WORDINGS[Kind(kind)].to)


def address(notice) -> str:
    """The address a notice goes to when it is not its reader's account's own; "" when it is."""
    param = WORDINGS[Kind(notice.kind)].to
    return str(notice.params.get(param, "")) if param else ""


def sealed_path(notice, user) -> str | None:
    """A sealed kind's link for `user`, made now by whoever seals it (notices.hooks.sealed_link, accounts): None
    when it no longer opens anything (a newer invitation, a password set since) or nobody makes it."""
    return next((found for found in sealed_link(notice=notice, user=user) if found), None)


def title(notice, *, short: bool = True) -> str:
    """The news, one line, in the active language (Thai unless the reader chose English): the e-mail's
    subject, the inbox line, the LINE push's first line, with short dates a phone shows whole ("๑๕ มิ.ย.
    ๒๕๗๐"); a letter's body writes them in full (`short=False`). The contest is not in it (`contest`)."""
    news = WORDINGS[Kind(notice.kind)].news
    return str(news(notice.params) if callable(news) else news) % _shown(notice.params, short=short)


subject = title  # an e-mail's subject is the news, whole on a phone: the portal names itself in the body


def contest(notice) -> str:
    """The contest a notice is about, named once, after the news; "" for an account's notice."""
    return str(notice.params.get("contest", ""))


def details(notice) -> list[str]:
    shown = _shown(notice.params)
    return [str(line) % shown for key, line in WORDINGS[Kind(notice.kind)].details if notice.params.get(key)]


def asks(notice) -> str:
    """What the reader is asked to do; "" for a notice for information."""
    return str(WORDINGS[Kind(notice.kind)].asks or "")


def group_title(notices: Sequence) -> str:
    """The one line for several notices of a grouped kind on one contest."""
    units = {n.unit_id or n.params.get("unit") for n in notices}
    return str(WORDINGS[Kind(notices[0].kind)].group) % _shown({"count": len(notices), "units": len(units)})


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


@dataclass(frozen=True)
class Item:
    """One item of a message: a notice, or a grouped kind's notices on one contest (no link of its own:
    notices.public_url.absolute makes it the inbox, which lists each of them with its link)."""

    title: str
    contest: str
    lines: list[str]
    asks: str
    path: str | None  # None: a sealed kind's link that opens nothing any more


def items(notices: Sequence, *, short: bool = True, sealed_for=None) -> list[Item]:
    """A message's items, those that need the reader first (each group in the order given); `short` as for
    `title`. `sealed_for`: the person a message goes to, whose sealed kinds' links are made now (`sealed_path`;
    None for one that opens nothing any more); else each item's path is its notice's `link`."""
    found = [
        Item(title(n, short=short), contest(n), details(n), asks(n), _path(n, sealed_for))
        if len(run) == 1
        else Item(group_title(run), contest(n), group_lines(run), asks(n), "")
        for run in grouped(notices)
        for n in run[:1]
    ]
    return sorted(found, key=lambda item: not item.asks)


def _path(notice, user) -> str | None:
    return sealed_path(notice, user) if user is not None and sealed(notice.kind) else notice.link


def push_text(notice) -> str:
    """A notice as one LINE message (its link follows, notices.channels.line.client): the news, then the contest, the
    details and what to do, each on a line of its own."""
    return "\n".join(line for line in (title(notice), contest(notice), *details(notice), asks(notice)) if line)


def addressee(user) -> str:
    """Whom an e-mail is addressed to: the person by name, with their office when they work in one
    ("สมหญิง ใจดี สำนักงานพัฒนาชุมชนจังหวัดเชียงใหม่")."""
    office = actor_of(user).own_office
    name = user.get_full_name() or user.get_username()
    return f"{name} {office_name(office)}" if office is not None else name


def closing(items: Sequence[Item]) -> str:
    """The letter's close, as the Department's letters end: to act on, or to know."""
    return _("For your action.") if any(item.asks for item in items) else _("For your information.")
