"""`bootstrap` is an ops command: its demo spans scoring and committee, which only the top app may import."""

import io

from django.core.management import call_command
from django.utils import timezone

from committee.models import Judgment
from contests.models import Unit
from core.thai import thai_digits
from rubrics.models import ContestPeriod, Criterion
from rubrics.selectors import rubric_spec
from scoring.demo import present_year
from scoring.facts.imports import fact_set
from scoring.models import Fact, FactSource, Standing
from scoring.recompute import standings_recompute
from submissions.models import Evidence


def test_bootstrap_twice_changes_nothing(db):  # the test database was bootstrapped once already
    call_command("bootstrap", "--no-units", stdout=io.StringIO())  # the units: tests/scoring/test_units_real.py
    assert (Unit.objects.count(), ContestPeriod.objects.count(), Criterion.objects.count()) == (76, 1, 18)
    assert Standing.objects.count() == 76


def test_demo_judged_criteria_score_only_what_the_demo_committee_judged(db, settings, tmp_path):
    """A judged criterion of the demo counts the demo committee's scores (committee/demo.py) or 0: a
    hand-written "1.2 done=yes" would give a province with no evidence 5 points nobody judged."""
    settings.MEDIA_ROOT = tmp_path / "media"
    rubric = ContestPeriod.objects.get(year=2566)
    # A demo loaded before the fix, with its judged facts: a second `make run` must not keep them.
    fact_set(
        rubric=rubric,
        unit=Unit.objects.get(code="TH-32"),
        criterion_code="1.2",
        name="done",
        value="yes",
        source=FactSource.DEMO,
    )
    call_command("bootstrap", "--no-units", demo=True, stdout=io.StringIO())
    standings_recompute(rubric_id=rubric.pk, full=True)  # what on_commit would have run
    judged = [c.code for c in rubric_spec(rubric).criteria() if c.rule.committee_judges]
    assert judged == ["1.1", "1.2", "1.3", "1.4", "3.1", "3.2", "3.4", "3.5", "4.1.1", "4.2", "5.1", "5.2"]
    results = {r.unit.code: r.criteria for r in Standing.objects.filter(rubric=rubric).select_related("unit")}
    surin = results["TH-32"]  # no evidence, no judgment: the demo's winner on 90 points before the fix
    assert not Judgment.objects.filter(rubric=rubric, unit__code="TH-32").exists()
    assert {code: surin[code] for code in judged} == dict.fromkeys(judged, "0")
    assert (
        not Fact.objects.filter(rubric=rubric, criterion__code__in=judged)
        .exclude(value="")
        .exclude(name="new_downloads")
        .exists()
    )
    assert surin["2.1.1"] != "0"  # the data criteria keep their demo facts
    # The demo's evidence and judgments are the present fiscal year's. Chiang Mai: the chair's
    # final 5 on 3.1; Khon Kaen: both members 3 on 4.1.1, ticks 1 and 1,2,3 on 3.1.
    present = ContestPeriod.objects.get(year=present_year(timezone.localdate()))
    standings_recompute(rubric_id=present.pk, full=True)
    results = {r.unit.code: r.criteria for r in Standing.objects.filter(rubric=present).select_related("unit")}
    assert (results["TH-50"]["3.1"], results["TH-40"]["4.1.1"], results["TH-40"]["3.1"]) == ("5", "3", "3")
    assert results["TH-50"]["1.2"] == results["TH-40"]["1.2"] == "0"


def test_the_demo_lives_in_the_present_fiscal_year(db, settings, tmp_path, second_factor_required):
    """The demo's national contest is this fiscal year's, its deadlines ahead and behind as in a
    real year; nothing is sent, received or recorded in the future, and nothing is months late. With the second
    factor required, as `make run` and production have it: the demo's people act with theirs confirmed."""
    settings.MEDIA_ROOT = tmp_path / "media"
    out = io.StringIO()
    call_command("bootstrap", "--no-units", demo=True, stdout=out)
    today = timezone.localdate()
    year = present_year(today)
    rubric = ContestPeriod.objects.get(year=year)
    assert "การประกวดของปีงบประมาณปัจจุบัน" in out.getvalue()
    assert rubric.name_th == f"โครงการพัฒนาชุมชนดิจิทัล ๔.๐ ประจำปี {thai_digits(year)}"
    assert rubric.starts_on <= today <= rubric.ends_on
    deadlines = dict(rubric.criteria.exclude(deadline=None).values_list("code", "deadline"))
    assert deadlines["2.1.2"] < today < deadlines["1.2"]  # the BMN data was due a fortnight ago
    assert Evidence.objects.filter(submission__rubric=rubric).count() > 60
    assert not Evidence.objects.filter(created_at__gt=timezone.now()).exists()
    dated = Fact.objects.filter(rubric=rubric, name__in=["received_on", "recorded_on", "sent_at"]).exclude(value="")
    assert dated.exists() and all(f.value[:10] <= today.isoformat() for f in dated)
    # That a second start adds no year: tests/committee/test_demo.py, which starts the demo again anyway.
    assert ContestPeriod.objects.national().count() == 2
