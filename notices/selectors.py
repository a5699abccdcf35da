"""Reads of a person's own notices: never anyone else's."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.db.models import CharField, Count, Max, Q, QuerySet, Value
from django.db.models.functions import Cast, Concat, TruncDate
from django.utils import timezone

from . import catalogue
from .channels import registered
from .models import Mode, Preference, Receipt

PAGE = 50


def _day_of_notice():
    """The local day a notice was made on (settings.TIME_ZONE, Bangkok): the inbox's groups are days."""
    return TruncDate("notice__created_at", tzinfo=timezone.get_current_timezone())


def unread_count(user) -> int:
    """What the bell counts: the unread notices that need the person (catalogue.ACTION), each once, but a day's
    notices of a grouped kind on one contest once; those for information wait quietly in the inbox. 1 query."""
    grouped = Q(notice__kind__in=catalogue.GROUPED)
    day = Cast(_day_of_notice(), CharField())
    group = Concat("notice__kind", Value(":"), Cast("notice__contest_id", CharField()), Value(":"), day)
    unread = Receipt.objects.filter(user=user, read_at__isnull=True, notice__kind__in=catalogue.ACTION)
    counts = unread.aggregate(alone=Count("pk", filter=~grouped), groups=Count(group, distinct=True, filter=grouped))
    return counts["alone"] + counts["groups"]


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
        return catalogue.needs_action(self.receipts[0].notice.kind)


def inbox_sections(entries: list[Entry]) -> tuple[list[Entry], list[Entry]]:
    """The inbox's two parts, each newest first: what needs the person ("needs you"), then what is for their
    information."""
    needs, fyi = [e for e in entries if e.needs_action], [e for e in entries if not e.needs_action]
    for line, entry in enumerate(needs + fyi, start=1):
        entry.line = line
    return needs, fyi


def inbox_entries(user, *, limit: int = PAGE) -> list[Entry]:
    """The person's latest `limit` inbox lines, newest first: 2 queries, 3 when a grouped kind is among them.
    A group's notices are all read (the days on the page), so its count is whole, however many it holds."""
    mine = Receipt.objects.filter(user=user).select_related("notice").order_by("-notice__created_at", "-pk")
    alone = [_alone(r) for r in mine.exclude(notice__kind__in=catalogue.GROUPED)[:limit]]
    days = (
        Receipt.objects.filter(user=user, notice__kind__in=catalogue.GROUPED)
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
    if kind not in catalogue.GROUPED or not (contest.isdigit() or contest == ""):
        return None
    try:
        return kind, int(contest) if contest else None, date.fromisoformat(day)
    except ValueError:
        return None


def preferences(user) -> list[dict]:
    """Each channel with the person's choice (the default where none is stored): 1 query."""
    chosen = dict(Preference.objects.filter(user=user).values_list("channel", "mode"))
    return [
        {"name": name, "label": channel.label, "mode": chosen.get(name, Mode.IMMEDIATE)}
        | {"reaches": channel.reaches(user)}
        for name, channel in registered().items()
    ]
