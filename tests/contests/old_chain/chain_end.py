"""The old chain's end, where the squashed migrations begin: a database made by the old chain to its end is
counted as having applied them (`replaced_chains_finished` agrees), goes on through any that come after them, and
keeps its rows, the contact row seeded by ops among them. Walked by tests/contests/test_migrations.py with the
other moves."""

from decimal import Decimal

from contests.models import Contest, Unit
from ops.models import SiteContact
from scoring.models import Rubric, Standing
from tests.contests.old_chain import rubric_2564


def rows(old) -> dict:
    """A contest with an entrant's standing, and the contact row, made with the old chain's end models."""
    unit = old.get_model("contests", "Unit").objects.create(
        code="TH-99", dopa_code="99", level="province", name_th="ทดสอบ", name_en="Test"
    )
    contest = old.get_model("contests", "Contest").objects.create(
        slug="test-web-2564", name_th="เว็บไซต์", name_en="Website", year=2564, organiser=unit
    )
    rubric = rubric_2564(old, contest)
    standing = old.get_model("scoring", "Standing").objects.create(
        rubric=rubric, unit=unit, total=Decimal("42.50"), rank=1
    )
    old.get_model("ops", "SiteContact").objects.filter(pk=1).update(phone="02 141 6000")
    return {"unit": unit.pk, "contest": contest.pk, "rubric": rubric.pk, "standing": standing.pk}


def check(ids: dict) -> None:
    """At the latest migration: the rows of `rows`."""
    assert Unit.objects.get(pk=ids["unit"]).code == "TH-99"
    assert Contest.objects.get(pk=ids["contest"]).organiser_id == ids["unit"]
    assert Rubric.objects.get(pk=ids["rubric"]).contest_id == ids["contest"]
    standing = Standing.objects.get(pk=ids["standing"])
    assert (standing.unit_id, standing.total, standing.rank) == (ids["unit"], Decimal("42.50"), 1)
    assert list(SiteContact.objects.values_list("pk", "phone")) == [(1, "02 141 6000")]
