"""Reads of a person's own notices: never anyone else's."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.db.models import Count, Max, Min, Q, QuerySet
from django.db.models.functions import TruncDate
from django.utils import timezone

from contests.actor import Need, actor_of
from contests.scopes import visible_contests
from core import acts
from core.numbers import is_whole

from . import catalogue
from .channels import registered
from .models import Announcement, Audience, Kind, Mode, Notice, Preference, Receipt
from .permissions import announce_act
from .recipients import reader_check

PAGE = 50


def _day_of_notice():
    """The local day a notice was made on (settings.TIME_ZONE, Bangkok): the inbox's groups are days."""
    return TruncDate("notice__created_at", tzinfo=timezone.get_current_timezone())


Triples = dict[tuple[str, int | None, int | None], int]  # (kind, contest id, unit id) → a notice of them


def _refused(user, triples: Triples) -> Q:
    """Of notices' (kind, contest id, unit id), those the lock no longer lets the person know of
    (notices.recipients.reader_check: the question that chose them, asked again once per kind, contest and
    unit), as a filter of receipts; Q() when none. The first time a person's notices name a contest: 1 query
    (a notice of each, with its contest and unit), and the person's conflicts when one names a unit."""
    may_know = reader_check(user)
    asking = []
    for (kind, contest, unit), pk in triples.items():
        if (kind, contest, unit) in may_know.answered:
            continue
        if contest is None:  # nothing of the lock's to ask: no object needed
            may_know.about_no_contest(kind, unit)
        else:
            asking.append(pk)
    for notice in Notice.objects.filter(pk__in=asking).select_related("contest", "unit") if asking else []:
        may_know(notice.kind, notice.contest, notice.unit)
    refused = Q()
    for kind, contest, unit in triples:
        if not may_know.answered.get((kind, contest, unit), False):
            refused |= Q(notice__kind=kind, notice__contest_id=contest, notice__unit_id=unit)
    return refused


ABOUT = ("notice__kind", "notice__contest_id", "notice__unit_id")


def _still_theirs(user, receipts: QuerySet[Receipt]) -> QuerySet[Receipt]:
    """`receipts` less those the lock no longer lets the person know of: 1 query, and `_refused`'s."""
    rows = receipts.order_by().values_list(*ABOUT).annotate(one=Min("notice_id"))
    refused = _refused(user, {(kind, contest, unit): one for kind, contest, unit, one in rows})
    return receipts.exclude(refused) if refused else receipts


def unread_count(user) -> int:
    """What the bell counts: the unread notices that need the person (catalogue.ACTION, not settled since) and
    that the lock still lets them know of, each once, but a day's notices of a grouped kind on one contest once;
    those for information wait quietly in the inbox. 1 query, and `_refused`'s when any is unread."""
    rows = list(
        Receipt.objects.filter(
            user=user, read_at__isnull=True, notice__kind__in=catalogue.ACTION, notice__settled_at__isnull=True
        )
        .values_list(*ABOUT, _day_of_notice())
        .annotate(count=Count("pk"), one=Min("notice_id"))
        .order_by()
    )
    if not rows:
        return 0
    refused = _refused(user, {(kind, contest, unit): one for kind, contest, unit, _, _, one in rows})
    may_know = reader_check(user).answered if refused else {}
    kept = [row for row in rows if may_know.get(row[:3], True)]
    alone = sum(count for kind, _, _, _, count, _ in kept if kind not in catalogue.GROUPED)
    groups = {(kind, contest, day) for kind, contest, _, day, _, _ in kept if kind in catalogue.GROUPED}
    return alone + len(groups)


def inbox(user, *, limit: int | None = PAGE) -> QuerySet[Receipt]:
    """The person's latest notices with what they are about: 1 query."""
    return Receipt.objects.filter(user=user).select_related("notice").order_by("-notice__created_at", "-pk")[:limit]


@dataclass
class Entry:
    """One line of the inbox: a notice (`receipts` holds one), or a day's notices of a grouped kind on one
    contest (`group` names them for marking read: kind, contest id, ISO day)."""

    receipts: list[Receipt]
    group: str = ""
    title: str = ""
    contest: str = ""  # the contest it is about, shown after the news
    line: int = 0  # its place on the page, needs-you first (the link to older notices lands on the next)
    details: list[str] = field(default_factory=list)
    lines: list[tuple[Receipt, str]] = field(default_factory=list)  # a group's notices, each in short

    @property
    def newest(self) -> datetime:
        return self.receipts[0].notice.created_at

    @property
    def unread(self) -> bool:
        return any(r.read_at is None for r in self.receipts)

    @property
    def needs_action(self) -> bool:
        """Asks something of the reader that is not done yet (a question answered is no longer waiting)."""
        return self.settled is None and catalogue.needs_action(self.receipts[0].notice.kind)

    @property
    def settled(self) -> datetime | None:
        """When what it asked was done (a grouped kind asks nothing: never)."""
        return self.receipts[0].notice.settled_at if not self.group else None


def inbox_sections(entries: list[Entry]) -> tuple[list[Entry], list[Entry]]:
    """The inbox's two parts, each newest first: what needs the person ("needs you"), then what is for their
    information."""
    needs, fyi = [e for e in entries if e.needs_action], [e for e in entries if not e.needs_action]
    for line, entry in enumerate(needs + fyi, start=1):
        entry.line = line
    return needs, fyi


def inbox_entries(user, *, limit: int = PAGE) -> list[Entry]:
    """The person's latest `limit` inbox lines of the notices they may still know of, newest first: 3 queries,
    4 when a grouped kind is among them, and the lock's when a notice names a contest. A group's notices are
    all read (the days on the page), so its count is whole, however many it holds."""
    theirs = _still_theirs(user, Receipt.objects.filter(user=user))
    mine = theirs.select_related("notice").order_by("-notice__created_at", "-pk")
    alone = [_alone(r) for r in mine.exclude(notice__kind__in=catalogue.GROUPED)[:limit]]
    days = (
        theirs.filter(notice__kind__in=catalogue.GROUPED)
        .values("notice__kind", "notice__contest_id", day=_day_of_notice())
        .annotate(newest=Max("notice__created_at"))
        .order_by("-newest")[:limit]
    )
    keys = {(row["notice__kind"], row["notice__contest_id"], row["day"]) for row in days}
    groups: dict[tuple, list[Receipt]] = {}
    if keys:
        since = timezone.make_aware(datetime.combine(min(day for *_, day in keys), time.min))
        for receipt in mine.filter(notice__kind__in=catalogue.GROUPED, notice__created_at__gte=since):
            notice = receipt.notice
            key = (notice.kind, notice.contest_id, timezone.localdate(notice.created_at))
            if key in keys:
                groups.setdefault(key, []).append(receipt)
    entries = alone + [_group(key, receipts) for key, receipts in groups.items()]
    entries.sort(key=lambda e: (e.newest, e.receipts[0].pk), reverse=True)
    return entries[:limit]


def _alone(receipt: Receipt) -> Entry:
    notice = receipt.notice
    return Entry(
        [receipt], title=catalogue.title(notice), contest=catalogue.contest(notice), details=catalogue.details(notice)
    )


def _group(key: tuple[str, int | None, date], receipts: list[Receipt]) -> Entry:
    if len(receipts) == 1:
        return _alone(receipts[0])
    notices = [r.notice for r in receipts]
    lines = [(r, catalogue.group_line(r.notice)) for r in receipts]
    title, contest = catalogue.group_title(notices), catalogue.contest(notices[0])
    return Entry(receipts, group_name(*key), title, contest, lines=lines)


def group_name(kind: str, contest_id: int | None, day: date) -> str:
    """An inbox group as the page names it to mark it read: "kind:contest id:ISO day"."""
    return f"{kind}:{contest_id or ''}:{day.isoformat()}"


def group_named(name: str) -> tuple[str, int | None, date] | None:
    """(kind, contest id, day) of a `group_name`; None for anything else (a grouped kind, a number, a day)."""
    kind, contest, day = [*name.split(":"), "", ""][:3]
    if kind not in catalogue.GROUPED or not (is_whole(contest) or contest == ""):
        return None
    try:
        return kind, int(contest) if contest else None, date.fromisoformat(day)
    except ValueError:
        return None


def preferences(user) -> list[dict]:
    """Each channel with the person's choice (the default where none is stored), or, where it cannot reach them
    yet, what it lacks and where to give it: 1 query."""
    chosen = dict(Preference.objects.filter(user=user).values_list("channel", "mode"))
    return [
        {"name": name, "label": channel.label, "mode": chosen.get(name, Mode.IMMEDIATE)}
        | {"reaches": channel.reaches(user), "unreached": channel.unreached}
        | {"setup": channel.setup, "setup_label": channel.setup_label}
        for name, channel in registered().items()
    ]


def announcement_for(user, pk: int) -> Announcement | None:
    """An announcement as its reader may open it: one of its notices told to them that the lock still lets them
    know of (the question that chose them, asked again), or any, to whoever may write one. 2 queries."""
    found = Announcement.objects.select_related("contest", "author").filter(pk=pk).first()
    if found is None or acts.allowed(user, *announce_act(found.audience, found.contest)):
        return found
    told = Receipt.objects.filter(user=user, notice__kind=Kind.ANNOUNCEMENT, notice__about=str(pk))
    may_know = reader_check(user)
    for receipt in told.select_related("notice__contest", "notice__unit"):
        if may_know(receipt.notice.kind, receipt.notice.contest, receipt.notice.unit):
            return found
    return None


def announcements_sent(user, *, everyone: bool, limit: int = 10) -> list[Announcement]:
    """The latest announcements the person may write (`everyone`, central staff, as their page was let in:
    every one; whoever runs a contest: those to its entrants): 1 query, and the lock's list of the contests they
    run."""
    sent = Announcement.objects.select_related("contest", "author")
    if not everyone:
        sent = sent.filter(audience=Audience.ENTRANTS, contest__in=visible_contests(actor_of(user), Need.RUN))
    return list(sent[:limit])
