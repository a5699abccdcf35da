"""Contests: the national B.E. 2566 contest is one contest like the others."""

import io
import json
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from contests.models import Combine, Contest
from rubrics.models import ContestPeriod
from scoring.contest_results import _combine


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_the_national_year_is_contest_cdd4_2566(rubric):
    contest = rubric.contest
    assert (contest.slug, contest.year, contest.organiser, contest.entrant_level) == (
        "cdd4-2566",
        2566,
        None,
        "province",
    )
    assert contest.is_national
    assert rubric.key == "2566"
    assert ContestPeriod.objects.by_key("2566").get() == rubric
    assert ContestPeriod.objects.by_key("cdd4-2566").get() == rubric


def test_standings_by_contest_is_the_national_year(rubric):
    by_contest = json.loads(run("standings", "--contest", "cdd4-2566", "--format", "json"))
    by_year = json.loads(run("standings", "--year", "2566", "--format", "json"))
    assert by_contest == by_year
    assert len(by_contest) == 76
    first = by_contest[0]
    assert set(first) >= {"entrant", "name", "rank", "total", "dimensions", "criteria", "award", "tied"}
    assert first["entrant"].startswith("TH-")


def test_standings_of_an_unknown_contest_says_so(db):
    with pytest.raises(CommandError, match=r"^ไม่พบการประกวด nope-2566$"):
        run("standings", "--contest", "nope-2566")


def test_pages_answer_under_the_contest_key(client, central_user, rubric):
    client.force_login(central_user)
    assert client.get("/standings/2566/").status_code == 200
    assert client.get("/standings/cdd4-2566/").status_code == 200
    assert client.get("/standings/nope-2566/").status_code == 404


@pytest.mark.parametrize(
    ("how", "values", "expected"),
    [
        (Combine.SUM, ["5", "4", "0"], "9"),
        (Combine.MEAN, ["5", "4", "0"], "3.00"),  # a month without a report counts as 0
        (Combine.MEAN, ["5", "4"], "4.50"),
        (Combine.LATEST, ["5", "4", "2"], "2"),
    ],
)
def test_periods_combine_as_the_contest_says(how, values, expected):
    assert _combine(how, [Decimal(v) for v in values], len(values)) == Decimal(expected)


def test_loading_a_rubric_again_keeps_one_contest(rubric):
    assert Contest.objects.filter(year=2566).count() == 1
    run("bootstrap")
    assert Contest.objects.filter(year=2566).count() == 1
    assert ContestPeriod.objects.filter(contest__slug="cdd4-2566").count() == 1
