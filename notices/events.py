"""The services that make a change tell of it here, one function per kind, in their own transaction: who
hears of it (notices.recipients, the lock's answer), the key that makes a repeat one notice, and the link
where it is acted on. Each takes the objects the service already holds (a rubric, a unit, a message)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from django.urls import reverse
from django.utils import timezone

from contests.entrants import contest_entrants
from contests.models import Contest

from . import asks, recipients
from .models import BulkAct, Delivery, Kind, Notice
from .outreach import Target, outreach_record
from .services import notice_record, notices_settle


def _about(rubric) -> dict:
    """The contest a notice names; a contest of periods with the period (April's results, May's 4.1's deadline)."""
    period = f" · {rubric.period_name_th}" if rubric.period else ""
    return {"contest": rubric.contest.name_th + period}


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


MOVED_ANCHOR = "deadline-moved"  # the highlighted box of the move (templates/rubrics/_moves.html)


def deadline_moved(
    *,
    rubric,
    codes: Sequence[str],
    labels: Sequence[str],
    old: date | None,
    new: date | None,
    due: date | None,
    reason: str,
    letter_number: str,
    letter_date: date | None,
    change: int,
    author,
):
    """Once per recorded change (`change`, its RubricChange id) and move: moving it back and forth is told each
    time. One act, one letter, one notice: the criteria a change moves from one date to the same new one (4.1.1
    and 4.1.2, which times its files) are `codes`, named by `labels`, the numbers their pages show
    (Criterion.label); `due` is the day `new` falls due (a closed day moves it: rubrics.selectors.due_on). It
    lands on the first criterion's page, the move highlighted: the page sends an entrant's staff on to their
    own office's page of it (schedule.deadline_views). The contest's chosen entrants are read once for all its
    people (contests.entrants)."""
    contest = Contest.objects.prefetch_related("entrants").get(pk=rubric.contest_id)
    code = codes[0]
    params = {
        **_about(rubric),
        "code": ", ".join(labels),  # shown in the reader's digits (notices.catalogue)
        "old": _day(old),
        "new": _day(new),
        "due": _day(due),
        "reason": reason,
        "letter": letter_number,
        "letter_date": _day(letter_date),
    }
    notice = notice_record(
        kind=Kind.DEADLINE_MOVED,
        key=f"deadline:{rubric.pk}:{code}:c{change}",
        recipients=lambda: recipients.deadline_moved(contest, author),
        contest=contest,
        about=code,
        params=params,
        link=reverse("schedule:criterion", args=[rubric.key, code]) + f"#{MOVED_ANCHOR}",
    )
    _moved_outreach(notice, contest, author)
    return notice


def _moved_outreach(notice: Notice, contest: Contest, author) -> None:
    """The move's account, by entrant: told (one of those who send its evidence has the notice), or not, and why."""
    entrants = list(contest_entrants(contest).only("pk", "code", "name_th").order_by("code"))
    people = recipients.evidence_owed(contest, [u.pk for u in entrants])
    readers = set(notice.receipts.values_list("user_id", flat=True))
    targets = [Target(u.name_th, people.get(u.pk, [])) for u in entrants]
    told = {place for place, t in enumerate(targets) if any(p.pk in readers for p in t.people)}
    outreach_record(act=BulkAct.DEADLINE_MOVED, author=author, contest=contest, targets=targets, told=told)


AT_ONCE_EVERY = timedelta(hours=1)  # a thread's questions, and its answers, told at once at most once in it


def _told_at_once_lately(kind: Kind, clarification) -> bool:
    """Whether a question (or an answer) in this thread went out at once within the hour: the next ones then
    wait for the daily digest, one message for many, so however often a thread is written to, each reader
    hears of it at once once an hour."""
    return Delivery.objects.filter(
        digest=False,
        receipt__notice__unit_id=clarification.unit_id,  # the unit's notices (an index), then the thread's
        receipt__notice__kind=kind,
        receipt__notice__key__startswith=f"{kind}:{clarification.pk}:",
        receipt__notice__created_at__gt=timezone.now() - AT_ONCE_EVERY,
    ).exists()


def _clarification(kind: Kind, message, who) -> object:
    """Told per message (each is in the inbox); the caller holds the thread's row, so the hour is its own."""
    clarification = message.clarification
    rubric, unit, code = clarification.rubric, clarification.unit, clarification.criterion.code
    return notice_record(
        kind=kind,
        key=f"{kind}:{clarification.pk}:{message.pk}",
        digest=_told_at_once_lately(kind, clarification),
        recipients=lambda: who(rubric.contest, unit, message.author),
        contest=rubric.contest,
        unit=unit,
        about=code,
        params={**_about(rubric), "unit": unit.name_th, "code": code},
        link=reverse("committee:clarification", args=[clarification.pk]),
    )


def question_asked(*, message):
    return _clarification(Kind.QUESTION_ASKED, message, recipients.question_asked)


def question_answered(*, message):
    """The office's answer, told to the judges; the thread's questions told to the office before it wait for it no
    more (each new question after it does)."""
    notice = _clarification(Kind.QUESTION_ANSWERED, message, recipients.question_answered)
    question_settled(clarification=message.clarification)
    return notice


def question_settled(*, clarification) -> int:
    """The thread's questions no longer wait for the office: answered, or the thread closed (notices_settle)."""
    kind = Kind.QUESTION_ASKED
    return notices_settle(
        Notice.objects.filter(unit_id=clarification.unit_id, kind=kind, key__startswith=f"{kind}:{clarification.pk}:")
    )


def evidence_received(
    *, rubric, unit, code: str, key: str, author, day: date | None = None, at: datetime | None = None
):
    """An upload (`key` names the version; `at`, when it was sent) or the Department's record of receipt
    (`day`). The unit's reminders of the rounds it met, and its late reminders once every round they name is
    met, settle (notices.asks): those still waiting in the outbox (a digest's, a retry's) are not sent. A round
    still owed keeps its reminders."""
    contest = rubric.contest
    asks.rounds_settle(rubric=rubric, unit=unit, codes=[code])
    return notice_record(
        kind=Kind.EVIDENCE_RECEIVED,
        key=f"evidence:{rubric.pk}:{key}",
        recipients=lambda: recipients.evidence_received(contest, unit, author),
        contest=contest,
        unit=unit,
        about=code,
        params={**_about(rubric), "unit": unit.name_th, "code": code, "day": _day(day)},
        link=reverse("submissions:criterion", args=[rubric.key, unit.code, code]),
        at=at,
    )


RESULTS = {"freeze": Kind.RESULTS_FROZEN, "publish": Kind.RESULTS_PUBLISHED, "withdraw": Kind.RESULTS_WITHDRAWN}


def results_changed(*, rubric, event, author):
    """A freeze, publication or withdrawal (`event`: its FreezeEvent, whose id makes it one notice). It lands
    on the contest's results as each reader may open them (scoring.views.mine sends each on): an entrant's
    staff on their own, whoever runs it on its dashboard, a judge on the published results or, while none
    are, on the scoring matrix."""
    kind = RESULTS[event.action]
    link = reverse("scoring:mine", args=[rubric.key])
    return notice_record(
        kind=kind,
        key=f"results:{event.pk}",
        recipients=lambda: recipients.results_changed(rubric.contest, author),
        contest=rubric.contest,
        params={**_about(rubric), "reason": event.reason},
        link=link,
    )


def award_corrected(*, rubric, event, unit, before: str, after: str, author):
    """A correction of published awards (`event`: its FreezeEvent) told to each awardee whose award it changed,
    on the contest's results as the awardee opens them (its new certificate is offered there)."""
    return notice_record(
        kind=Kind.AWARD_CORRECTED,
        key=f"corrected:{event.pk}:{unit.pk}",
        recipients=lambda: recipients.award_corrected(rubric.contest, unit, author),
        contest=rubric.contest,
        unit=unit,
        params={**_about(rubric), "unit": unit.name_th, "before": before, "after": after, "reason": event.reason},
        link=reverse("scoring:mine", args=[rubric.key]),
    )


def contest_opened(*, rubric, author):
    return notice_record(
        kind=Kind.CONTEST_OPENED,
        key=f"opened:{rubric.contest_id}",
        recipients=lambda: recipients.contest_opened(rubric.contest, author),
        contest=rubric.contest,
        params=_about(rubric),
        link=reverse("submissions:home"),
    )


def tie_waiting(*, rubric, award: str, units: list):
    """A tie at an award line (its units) told once while it is the same tie."""
    return notice_record(
        kind=Kind.TIE_WAITING,
        key=asks.tie_key(rubric.pk, award, [u.pk for u in units]),
        recipients=lambda: recipients.tie_waiting(rubric.contest),
        contest=rubric.contest,
        about=award,
        params={**_about(rubric), "award": award, "units": ", ".join(u.name_th for u in units)},
        link=reverse("scoring:ties", args=[rubric.key]),
    )


def ties_waiting(*, rubric) -> bool:
    """Whether a tie notice of the rubric still waits for its decision."""
    return asks.ties_waiting(rubric).exists()


def ties_open(*, rubric, ties: list[list[int]]) -> int:
    """The ties open at the rubric's award lines now (each its unit ids): a tie notice naming none of them asks
    nothing any more (notices.asks.ties_settle)."""
    return asks.ties_settle(rubric=rubric, open_ties=ties)


def final_waiting(*, rubric, unit, code: str, key: str, link: str):
    """Members' scores on a cell disagree: the chair's final waits (`key`: what makes this disagreement one)."""
    return notice_record(
        kind=Kind.FINAL_WAITING,
        key=f"final:{rubric.pk}:{unit.pk}:{code}:{key}",
        recipients=lambda: recipients.final_waiting(rubric.contest, unit),
        contest=rubric.contest,
        unit=unit,
        about=code,
        params={**_about(rubric), "unit": unit.name_th, "code": code},
        link=link,
    )


def judging_deadline(*, contest, old: date | None, new: date | None, reason: str, author):
    """Set or moved: each change told once (the caller holds the contest's row locked, so the count is its own)."""
    change = Notice.objects.filter(kind=Kind.JUDGING_DEADLINE, contest=contest).count()
    return notice_record(
        kind=Kind.JUDGING_DEADLINE,
        key=f"judging:{contest.pk}:{change}:{_day(new)}",
        recipients=lambda: recipients.judging_deadline(contest, author),
        contest=contest,
        params={"contest": contest.name_th, "old": _day(old), "new": _day(new), "reason": reason},
        link=reverse("submissions:home"),
    )


def pick_due(*, stage, office, people: list):
    """A stage open for picking: told to the office's choosers (`people`, who the lock says pick for it), once
    per stage and office. That its date is near, or past, the reminders tell (schedule.reminders)."""
    contest = stage.contest
    return notice_record(
        kind=Kind.PICK_DUE,
        key=f"pick:{stage.pk}:{office.pk}:open",
        recipients=lambda: recipients.pick_due(contest, office, people),
        contest=contest,
        unit=office,
        about="open",
        params={"contest": contest.name_th, "unit": office.name_th, "day": _day(stage.deadline)},
        link=reverse("stages:stage", args=[contest.slug]),
    )
