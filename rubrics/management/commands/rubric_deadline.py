import getpass
from typing import cast

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import CommandError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from core import acts
from core.errors import PortalError
from core.management.base import TranslatedCommand
from rubrics import timetable
from rubrics.letters import Letter
from rubrics.models import ContestPeriod, Criterion
from rubrics.selectors import rubric_calendar
from rulebook.dates import DateInputError, fiscal_year, parse_date, reading
from rulebook.workdays import deadline_text


class Command(TranslatedCommand):
    help = cast(
        str,
        _(
            "change a criterion's deadline: rubric_deadline 2566 2.1.2 12/04/2566 "
            "--reason 'ขยายเวลา' --letter 'มท 0410.4/ว 6001' --letter-date 10/04/2566 --by central "
            "(or 2023-04-12, 12/4/66, 'none')"
        ),
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "year", help="2566 (the national contest), or a contest's key: ubon-milestones-2568.2568-04"
        )
        parser.add_argument("criterion")
        parser.add_argument("deadline", help="12/04/2566, 12/4/66, 2023-04-12 (พ.ศ. or ค.ศ.) or 'none'")
        parser.add_argument("--reason", default="", help=_("why: needed once the contest is open"))
        parser.add_argument("--letter", default="", help=_("the Department's letter's number: มท 0410.4/ว 6001"))
        parser.add_argument("--letter-date", default="", help=_("the letter's date: 10/04/2566 or 2023-04-10"))
        parser.add_argument("--by", default="", help=_("the account the move is recorded as (else this OS user's)"))
        parser.add_argument(
            "--keep-round",
            type=int,
            action="append",
            default=[],
            metavar="N",
            help=_("round N (from 1) keeps its date instead of moving with the deadline; may be given again"),
        )

    def handle(self, year, criterion, deadline, reason, letter, letter_date, by, keep_round, **options):
        try:
            rubric = ContestPeriod.objects.by_key(year).get()
        except ContestPeriod.DoesNotExist as exc:
            raise CommandError(format_lazy(_("no rubric for {year}"), year=year)) from exc
        user = _mover(by)
        try:
            window = fiscal_year(rubric.year)
            day = None if deadline.lower() == "none" else parse_date(deadline, window=window)
            dated = parse_date(letter_date, window=window) if letter_date else None
        except DateInputError as exc:
            raise CommandError(str(exc)) from exc
        also = _ticked(rubric, criterion, keep_round) if keep_round else None
        try:
            c = timetable.criterion_deadline_set(
                user=user, rubric=rubric, code=criterion, deadline=day, reason=reason, letter=Letter(letter, dated),
                also=also,
            )  # fmt: skip
        except Criterion.DoesNotExist as exc:
            raise CommandError(
                format_lazy(_("no criterion {criterion} in {year}"), criterion=criterion, year=year)
            ) from exc
        except PermissionDenied as exc:
            raise CommandError(
                format_lazy(_("{username} may not move this contest's deadlines"), username=user.get_username())
            ) from exc
        except PortalError as exc:
            raise CommandError(str(exc)) from exc
        if c.deadline is None:
            self.stdout.write(format_lazy(_("{year} {code}: deadline -"), year=year, code=c.code))
            return
        calendar = rubric_calendar(rubric)  # the contest may read a closed-day deadline as written
        self.stdout.write(
            # Decision 9's both dates: "31 ก.ค. 2566 (วันหยุดราชการ) → เลื่อนเป็น 3 ส.ค. 2566".
            f"{year} {c.code}: กำหนดส่ง {deadline_text(c.deadline, calendar, thai_digits=False)} / deadline "
            f"{deadline_text(c.deadline, calendar, 'en')} (อ่านจาก / read from “{deadline}”: {reading(c.deadline)})"
        )


def _ticked(rubric: ContestPeriod, code: str, keep: list[int]) -> list[str]:
    """What moves with the deadline when the rounds `keep` stay: every box of the move's form but theirs; a round
    not due on the deadline (so not moving with it) is refused with the rounds that are."""
    offered = timetable.companions(rubric, code)
    rounds = {c.round for c in offered if c.round}
    strange = sorted(set(keep) - rounds)
    if strange:
        raise CommandError(
            format_lazy(
                _("round {rounds} does not move with this deadline (rounds that do: {moving})"),
                rounds=", ".join(map(str, strange)),
                moving=", ".join(map(str, sorted(rounds))) or "-",
            )
        )
    return [c.key for c in offered if c.round not in keep]


def _mover(by: str):
    """Who the move is recorded as: the account `--by` names, else the one named as the OS user running the
    command; nobody named is refused (a move in the change history always has its mover). Whoever runs a command
    on the server has passed its own sign-in: the account's second factor is taken as confirmed."""
    username = by or getpass.getuser()
    user = get_user_model().objects.filter(username=username, is_active=True).first()
    if user is None:
        raise CommandError(
            format_lazy(
                _("no active account {username}: name who moves the deadline with --by <username>"), username=username
            )
        )
    return acts.as_confirmed(user)
