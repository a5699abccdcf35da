"""A contest among villages at a size a test chooses, grown tenfold in place: what the scale guards
(tests/scale/) read at N and again at 10 × N entrants, each read's cost counted by tests/scale/cost.py.

The contest is the national rubric of B.E. 2566 (`rubrics/rubric_files/2566.json`: rounds, receipts, records,
evidence) run by the Department among villages spread over four provinces, as the Department's village contests
are spread over the country. Every entrant is made in bulk with the same share of sendings (`UPLOADS`, `FACTS`):
the rounds are partly met, whatever the size. The clock stands on 27 June 2023 (`TODAY`): 1.2's second report is
due in three working days, its first and 1.3's first two steps have passed."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from django.utils import timezone

from contests.models import ChosenEntrant, Level, Unit
from core.thai import BANGKOK
from people.models import Role
from rubrics import services
from rubrics.models import ContestPeriod, Criterion
from schedule.kept import rounds_keep
from scoring.explanations import explanations_build
from scoring.models import Fact, FactChange, FactSource, Standing
from scoring.recompute import results_ensure, standings_recompute
from submissions.models import Evidence, EvidenceKind, Submission, SubmissionStatus
from tests.factories import UserFactory

N = 100  # entrants at first; the guards read again at 10 × N
TODAY = date(2023, 6, 27)
SLUG = "scale-villages"
PROVINCES = ("TH-50", "TH-83", "TH-30", "TH-40")  # the entrants' provinces, in turn
RUBRIC = Path(__file__).resolve().parents[2] / "rubrics" / "rubric_files" / "2566.json"


def _at(day: str) -> datetime:
    return datetime.fromisoformat(f"{day}T10:00").replace(tzinfo=BANGKOK)


# Who sends what (entrant i sends when i % every == 0): uploads by the day they came, a receipt (2.1.2's
# received_on), a record (2.2.1's databases up to date). 1.2's two reports are due 31 March and 30 June, 1.3's
# first two steps 31 March and 31 May.
UPLOADS = (("1.2", 2, "2023-02-15"), ("1.2", 3, "2023-05-10"), ("1.3", 4, "2023-03-10"), ("1.1", 5, "2023-04-01"))
FACTS = (("2.1.2", 3, "received_on", "2023-04-10"), ("2.2.1", 2, "databases_up_to_date", "11"))
# The first entrants lead, each with a total or tie-break of its own (dimension 2: 2.1.1 and 2.2.1; dimension 3:
# 3.3), above every other entrant's: the award places (13) and two more are the same entrants at every size, and
# no tie at an award line lists a share of the entrants. Entrant j's 3.3 is banded 5…1, its 2.2.1 5…3.
LEADERS = 15
ANTIVIRUS = ("100", "96", "91", "86", "50")  # of 100 computers: 5, 4, 3, 2, 1 points
DATABASES = ("12", "11", "10")  # of 12: 5, 4, 3 points


def _leading(j: int) -> list[tuple[str, str, str]]:
    """The facts (criterion, name, value) of the j-th leading entrant."""
    return [
        ("2.1.1", "households_target", "100"),
        ("2.1.1", "households_collected", "101"),
        ("2.1.1", "confidence_pct", "96"),  # 10 points
        ("3.3", "computers_total", "100"),
        ("3.3", "computers_with_antivirus", ANTIVIRUS[j % 5]),
        ("2.2.1", "databases_up_to_date", DATABASES[j // 5]),
    ]


@dataclass
class Scaled:
    """The contest, its districts (one in each province), its entrants' unit ids in the order made, who sent, and what
    the worker does after each recompute here: the rounds counted (`kept`), the explanations stored
    (`explained`)."""

    rubric: ContestPeriod
    districts: list[Unit]
    units: list[int]
    sender: object
    kept: bool
    explained: bool

    @property
    def key(self) -> str:
        return self.rubric.key


def scaled_contest(n: int = N, *, kept: bool = False, explained: bool = False) -> Scaled:
    """The contest among `n` villages, their standings computed; with `kept`, their rounds counted after it
    (`schedule.kept.rounds_keep`, the task queued after every recompute), else never counted (a year's first
    minutes: pages count every sending, or above `schedule.kept.STALE_MOST` entrants say the rounds are being
    counted); with `explained`, the explanation pass run after it too."""
    districts = []
    for number, code in enumerate(PROVINCES):
        province = Unit.objects.get(code=code)
        dopa = f"{province.dopa_code}97"
        districts.append(
            Unit.objects.create(
                code=dopa, dopa_code=dopa, level=Level.DISTRICT, parent=province,
                name_th=f"อำเภอขยาย {number}", name_en=f"Scale district {number}",
            )
        )  # fmt: skip
    first = _villages(districts, 0, n)
    data = json.loads(RUBRIC.read_text(encoding="utf-8"))
    data["contest"] = {"slug": SLUG, "organiser": None, "entrant_level": Level.VILLAGE, "entrants": first}
    data["name_th"], data["name_en"] = f"{data['name_th']} (หมู่บ้าน)", f"{data['name_en']} (villages)"
    rubric = services.rubric_load(data=data)
    scaled = Scaled(rubric, districts, [], UserFactory(role=Role.CENTRAL), kept, explained)
    _entered(scaled, first)
    return scaled


def grow(scaled: Scaled, to: int) -> None:
    """More villages entering, to `to` in all, each sending as the first did; the standings computed again."""
    codes = _villages(scaled.districts, len(scaled.units), to)
    ChosenEntrant.objects.bulk_create(
        ChosenEntrant(contest_id=scaled.rubric.contest_id, unit=unit) for unit in Unit.objects.filter(code__in=codes)
    )
    results_ensure(scaled.rubric)
    _entered(scaled, codes)


def _villages(districts: list[Unit], start: int, end: int) -> list[str]:
    """Villages `start` to `end` (exclusive), a hundred to a subdistrict, under each province's district in
    turn; their codes (a subdistrict's and two digits, as the Department's)."""
    at = [(districts[i % len(districts)], divmod(i // len(districts), 100)) for i in range(start, end)]
    wanted = {(district.pk, f"{district.dopa_code}{s:02d}") for district, (s, _) in at}
    have = set(Unit.objects.filter(dopa_code__in=[code for _, code in wanted]).values_list("dopa_code", flat=True))
    Unit.objects.bulk_create(
        Unit(code=code, dopa_code=code, level=Level.SUBDISTRICT, parent_id=parent, name_th=f"ตำบลขยาย {code}",
             name_en=f"Scale subdistrict {code}")
        for parent, code in sorted(wanted) if code not in have
    )  # fmt: skip
    parents = dict(Unit.objects.filter(dopa_code__in=[code for _, code in wanted]).values_list("dopa_code", "pk"))
    rows = []
    for district, (s, v) in at:
        parent = f"{district.dopa_code}{s:02d}"
        code = f"{parent}{v:02d}"
        rows.append(
            Unit(code=code, dopa_code=code, level=Level.VILLAGE, parent_id=parents[parent],
                 name_th=f"บ้านขยาย {v}", name_en=f"Scale village {v}")
        )  # fmt: skip
    Unit.objects.bulk_create(rows, batch_size=2000)
    return [u.code for u in rows]


def _entered(scaled: Scaled, codes: list[str]) -> None:
    """The sendings of the entrants `codes` (appended to `scaled.units`), then every standing computed."""
    rubric = scaled.rubric
    criteria = dict(Criterion.objects.filter(rubric=rubric).values_list("code", "pk"))
    units = list(Unit.objects.filter(code__in=codes).order_by("code").values_list("pk", flat=True))
    start = len(scaled.units)
    scaled.units += units
    sent: dict[tuple[int, str], list[str]] = {}  # (unit, criterion) → the days of its uploads, in order
    facts = []
    for i, unit in enumerate(units, start=start):
        for code, every, day in UPLOADS:
            if i % every == 0:
                sent.setdefault((unit, code), []).append(day)
        recorded = _leading(i) if i < LEADERS else [(c, n, v) for c, every, n, v in FACTS if i % every == 0]
        facts += [
            Fact(rubric=rubric, unit_id=unit, criterion_id=criteria[code], name=name, value=value,
                 source=FactSource.IMPORT)
            for code, name, value in recorded
        ]  # fmt: skip
    Submission.objects.bulk_create(
        [
            Submission(rubric=rubric, unit_id=unit, criterion_id=criteria[code], status=SubmissionStatus.SUBMITTED,
                       last_version=len(days))
            for (unit, code), days in sent.items()
        ],
        batch_size=2000,
    )  # fmt: skip
    made = Submission.objects.filter(rubric=rubric, unit_id__in=units).values_list("pk", "unit_id", "criterion_id")
    ids = {(unit, criterion): pk for pk, unit, criterion in made}
    Evidence.objects.bulk_create(
        [
            Evidence(submission_id=ids[(unit, criteria[code])], version=version, kind=EvidenceKind.LINK,
                     url=f"https://example.org/{unit}/{code}/{day}", created_at=_at(day), created_by=scaled.sender)
            for (unit, code), days in sent.items()
            for version, day in enumerate(days, start=1)
        ],
        batch_size=2000,
    )  # fmt: skip
    made = Fact.objects.bulk_create(facts, batch_size=2000)
    FactChange.objects.bulk_create(  # each fact's import, as the fact history records it
        [FactChange(fact=f, new_value=f.value, source=FactSource.IMPORT, changed_by=scaled.sender) for f in made],
        batch_size=2000,
    )
    standings_recompute(rubric_id=rubric.pk, full=True)
    assert Standing.objects.filter(rubric=rubric).count() == len(scaled.units)
    if scaled.kept:
        rounds_keep(rubric_id=rubric.pk)
    if scaled.explained:
        explanations_build(rubric_id=rubric.pk)


def on_the_day(monkeypatch) -> None:
    """The portal's clock at ten in the morning of `TODAY`, Bangkok's time."""
    moment = datetime.combine(TODAY, datetime.min.time()).replace(hour=10, tzinfo=BANGKOK)
    monkeypatch.setattr(timezone, "now", lambda: moment)


def tenfold(scaled: Scaled) -> int:
    """The contest grown to ten times its entrants; how many it had."""
    n = len(scaled.units)
    grow(scaled, 10 * n)
    return n
