"""Contests Chiang Mai's office runs among its own districts, for the tests that ask for their standings and
documents: the quick ones and those that read the PDFs back (tests/processes/)."""

import json
import unicodedata

import pytest

from people.models import Role
from rubrics import services
from scoring.facts.imports import facts_import
from scoring.models import FactSource
from scoring.recompute import standings_recompute
from tests.awards.documents import squash
from tests.factories import DistrictFactory, UserFactory, office_contest

MISSIONS = "rubrics/rubric_files/nongkhai-missions-2565.json"


@pytest.fixture
def districts(chiang_mai):
    return [DistrictFactory(parent=chiang_mai, name_th="แม่ริม"), DistrictFactory(parent=chiang_mai, name_th="สันทราย")]


@pytest.fixture
def contest(districts, chiang_mai):
    return office_contest("cm-web-2564", chiang_mai, *districts)


@pytest.fixture
def organiser(chiang_mai):
    return UserFactory(role=Role.ORGANISER, role__unit=chiang_mai)


@pytest.fixture
def district_contest(db, chiang_mai):
    d1, d2 = DistrictFactory(parent=chiang_mai, name_th="แม่ริม"), DistrictFactory(parent=chiang_mai, name_th="สันทราย")
    data = json.loads(open(MISSIONS, encoding="utf-8").read())
    data["contest"] = {**data["contest"], "slug": "cm-missions-2565", "organiser": "50", "entrants": [d1.code, d2.code]}
    rubric = services.rubric_load(data=data)
    standings_recompute(rubric_id=rubric.pk, full=True)
    rubric.refresh_from_db()
    return rubric


@pytest.fixture
def missions(db, chiang_mai):
    d1 = DistrictFactory(parent=chiang_mai, name_th="แม่ริม")
    data = json.loads(open(MISSIONS, encoding="utf-8").read())
    data["contest"] = {**data["contest"], "slug": "cm-missions-2565", "organiser": "50", "entrants": [d1.code]}
    rubric = services.rubric_load(data=data)
    standings_recompute(rubric_id=rubric.pk, full=True)
    return rubric, d1


MARKS = {"แม่ริม": (20, 25, 10, 28, 12), "สันทราย": (18, 22, 9, 27, 13), "หางดง": (15, 20, 5, 30, 10)}
MARKS["สารภี"] = (20, 25, 5, 25, 5)  # 80, as หางดง: criterion 4 differs, which no order compares


def tied_contest(chiang_mai):
    """Seed 001's website contest run by Chiang Mai, its four districts marked as MARKS says."""
    # Codes fixed, later ones lower as the factory gives them: a tie lists its entrants in code order, and the
    # factory's sequence wraps every 40 units, which once put สารภี before หางดง in a long run.
    units = {
        name: DistrictFactory(parent=chiang_mai, name_th=name, dopa_code=f"{chiang_mai.dopa_code}{90 - i}")
        for i, name in enumerate(MARKS)
    }
    data = json.loads(open("rubrics/rubric_files/chonburi-web-2564.json", encoding="utf-8").read())
    codes = [u.code for u in units.values()]
    data["contest"] = {**data["contest"], "slug": "cm-web-2564", "organiser": "50", "entrants": codes}
    rubric = services.rubric_load(data=data)
    rows = [
        {"province": units[name].code, "criterion": f"{n}.1", "fact": "points", "value": str(mark)}
        for name, marks in MARKS.items()
        for n, mark in enumerate(marks, 1)
    ]
    facts_import(rubric=rubric, rows=rows, source=FactSource.IMPORT)
    standings_recompute(rubric_id=rubric.pk, full=True)
    rubric.refresh_from_db()
    return rubric, units


@pytest.fixture
def tied(db, chiang_mai):
    return tied_contest(chiang_mai)


def has(text: str, phrase: str) -> bool:  # pdftotext spells sara am as nikhahit + sara aa (NFKC)
    return squash(unicodedata.normalize("NFKC", phrase)) in text


REASON = "มติคณะกรรมการ 5 ต่อ 2 วันที่ 20 ส.ค. 2564"  # a panel's decision on the tie, as recorded


def places(rubric) -> dict[str, tuple]:
    return {r.unit.name_th: (r.rank, r.award, r.award_tie) for r in rubric.results.select_related("unit")}


def ids(units, *names) -> list[int]:
    return [units[n].pk for n in names]
