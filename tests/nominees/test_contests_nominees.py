"""A contest that honours people (seed 001's "คนต้นแบบ ไอที พช.ชลบุรี"): each district office nominates one of
its staff; the office stays the entrant, the nominee is who the award names."""

import io
import json
from datetime import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.http import Http404

from contests.models import Contest
from core.errors import PortalError, YearFrozen
from core.thai import BANGKOK
from nominees.models import Nominee, NomineeVersion
from nominees.services import nominee_submit
from people.models import Role
from rubrics import services
from rubrics.contest_spec import parse_rubric_file
from rubrics.models import YearSettings
from rulebook.spec import RubricError
from scoring import snapshots
from scoring.facts.imports import facts_import
from scoring.recompute import standings_recompute
from tests.factories import DistrictFactory, UserFactory

ITMODEL = "rubrics/rubric_files/chonburi-itmodel-2564.json"
OPEN = datetime(2021, 7, 1, 9, 0, tzinfo=BANGKOK)  # before the seed's 20 July 2564: nominations are open


def itmodel_data(*codes: str, **extra) -> dict:
    data = json.loads(open(ITMODEL, encoding="utf-8").read())
    data["contest"] = {**data["contest"], "slug": "cm-itmodel-2564", "organiser": "50", "entrants": list(codes)}
    return {**data, **extra}


@pytest.fixture
def districts(db, chiang_mai):
    return [DistrictFactory(parent=chiang_mai, name_th=name) for name in ("แม่ริม", "สันทราย", "หางดง")]


@pytest.fixture
def rubric(districts):
    return services.rubric_load(data=itmodel_data(*(d.code for d in districts)))


@pytest.fixture
def people(districts, chiang_mai, phuket):
    return {
        "organiser": UserFactory(role=Role.ORGANISER, role__unit=chiang_mai),
        "other_organiser": UserFactory(role=Role.ORGANISER, role__unit=phuket),
        "own": UserFactory(role=Role.OFFICE_STAFF, role__unit=districts[0]),
        "other_district": UserFactory(role=Role.OFFICE_STAFF, role__unit=districts[1]),
        "committee": UserFactory(role=Role.COMMITTEE),
    }


def submit(user, rubric, unit, name="นางสาวสุภาพร ใจดี", position="นักวิชาการพัฒนาชุมชนชำนาญการ", now=OPEN, **kw):
    # A civil servant of the nominating office, as the seed asks, unless a test says otherwise.
    kw = {"employment": "civil_servant", "office": unit.code, **kw}
    return nominee_submit(
        user=user, contest=rubric.contest, unit=unit, name_th=name, position_th=position, now=now, **kw
    )


def test_the_rubric_file_sets_nominating_and_the_award_minimum(rubric):
    assert rubric.contest.nominates is True
    assert YearSettings.objects.get(rubric=rubric).award_min_total == Decimal("3.00")
    assert [(t.name_th, t.count) for t in rubric.award_tiers.all()] == [("คนต้นแบบ ไอที พช.ชลบุรี", 11)]
    assert rubric.total_points == Decimal("3.00")
    assert [c.deadline.isoformat() for c in rubric.criteria.all()] == ["2021-07-20"] * 3


@pytest.mark.parametrize("bad", ["4", "-1", "0", "สาม", True, None])
def test_an_award_minimum_outside_the_total_is_refused(districts, bad):
    with pytest.raises(RubricError) as exc:
        services.rubric_load(data=itmodel_data(districts[0].code, award_min_total=bad))
    assert "award_min_total ต้องเป็นตัวเลขที่มากกว่า 0 และไม่เกิน 3" in str(exc.value)


def test_other_contests_do_not_nominate(db, rubric):
    assert Contest.objects.get(slug="cdd4-2566").nominates is False


def test_own_district_staff_nominate_and_a_change_keeps_the_earlier_name(rubric, districts, people):
    first = submit(people["own"], rubric, districts[0], name="  นายสมชาย   รักษ์ชุมชน ", name_en="Somchai Rakchumchon")
    assert (first.name_th, first.version, first.submitted_by) == ("นายสมชาย รักษ์ชุมชน", 1, people["own"])
    again = submit(people["own"], rubric, districts[0], name="นายสมชาย รักษ์ชุมชน", name_en="Somchai Rakchumchon")
    assert again.version == 1  # the same name again is no new version
    # The same person with another position is a new version of the nominee.
    changed = submit(
        people["organiser"], rubric, districts[0], name="นายสมชาย รักษ์ชุมชน", position="นักวิชาการพัฒนาชุมชนชำนาญการพิเศษ"
    )
    assert (changed.pk, changed.version, changed.name_en) == (first.pk, 2, "")
    assert Nominee.objects.filter(contest=rubric.contest).count() == 1
    history = list(NomineeVersion.objects.filter(nominee=changed).values_list("version", "position_th", "submitted_by"))
    assert history == [
        (2, "นักวิชาการพัฒนาชุมชนชำนาญการพิเศษ", people["organiser"].pk),
        (1, "นักวิชาการพัฒนาชุมชนชำนาญการ", people["own"].pk),
    ]


@pytest.mark.parametrize(
    ("who", "refusal"),
    [
        ("other_district", Http404),
        ("other_organiser", Http404),
        ("committee", PermissionDenied),
        (None, PermissionDenied),
    ],
)
def test_others_are_refused(rubric, districts, people, who, refusal):
    from django.contrib.auth.models import AnonymousUser

    user = people[who] if who else AnonymousUser()
    with pytest.raises(refusal):
        submit(user, rubric, districts[0])
    assert not Nominee.objects.exists()


def test_a_unit_outside_the_contest_is_not_found(rubric, chiang_mai, people):
    outsider = DistrictFactory(parent=chiang_mai)
    with pytest.raises(Http404):
        submit(people["organiser"], rubric, outsider)


@pytest.mark.parametrize(
    ("name", "position", "message"),
    [
        ("   ", "นักวิชาการ", "กรุณากรอกชื่อ-นามสกุล"),
        ("นายก", "", "กรุณากรอกตำแหน่ง"),
        ("ก" * 151, "นักวิชาการ", "ชื่อ-นามสกุลยาวเกิน 150 ตัวอักษร (151)"),
    ],
)
def test_blank_or_too_long_is_refused_thai_first(rubric, districts, people, name, position, message):
    with pytest.raises(PortalError) as exc:
        submit(people["own"], rubric, districts[0], name=name, position=position)
    assert str(exc.value) == message


def test_a_contest_that_does_not_nominate_refuses(districts, people, chiang_mai):
    web = json.loads(open("rubrics/rubric_files/chonburi-web-2564.json", encoding="utf-8").read())
    web["contest"] = {**web["contest"], "slug": "cm-web-2564", "organiser": "50", "entrants": [districts[0].code]}
    other = services.rubric_load(data=web)
    with pytest.raises(PortalError) as exc:
        submit(people["own"], other, districts[0])
    assert str(exc.value) == "การประกวดนี้ไม่มีการเสนอชื่อบุคคล"


def test_a_frozen_year_refuses(rubric, districts, people, central_user):
    standings_recompute(rubric_id=rubric.pk, full=True)
    snapshots.standings_freeze(user=central_user, rubric=rubric)
    with pytest.raises(YearFrozen):
        submit(people["own"], rubric, districts[0])


def judge(rubric, unit, *, civil_servant="yes", skills="yes", works="media"):
    rows = [
        {"province": unit.code, "criterion": "1.1", "fact": "done", "value": civil_servant},
        {"province": unit.code, "criterion": "1.2", "fact": "done", "value": skills},
        {"province": unit.code, "criterion": "1.3", "fact": "items", "value": works},
    ]
    facts_import(rubric=rubric, rows=rows)


def standings(slug: str) -> list[dict]:
    out = io.StringIO()
    call_command("standings", "--contest", slug, "--format", "json", "--recompute", stdout=out)
    return json.loads(out.getvalue())


def test_exactly_the_qualifying_nominees_are_honoured(rubric, districts, people):
    judge(rubric, districts[0], works="website,social")
    judge(rubric, districts[1], works="software")
    judge(rubric, districts[2], works="-")  # no evidenced IT work: 2 of 3
    rows = {r["entrant"]: r for r in standings("cm-itmodel-2564")}
    assert [(rows[d.code]["total"], rows[d.code]["award"]) for d in districts] == [
        ("3", "it_role_model"),
        ("3", "it_role_model"),
        ("2", None),
    ]


def test_standings_json_carries_the_nominee(rubric, districts, people):
    submit(people["own"], rubric, districts[0], name="นายอนุชา บุญมา", position="นักวิชาการพัฒนาชุมชนปฏิบัติการ")
    rows = {r["entrant"]: r for r in standings("cm-itmodel-2564")}
    assert rows[districts[0].code]["nominee"] == {"name": "นายอนุชา บุญมา", "position": "นักวิชาการพัฒนาชุมชนปฏิบัติการ"}
    assert rows[districts[1].code]["nominee"] is None
    # Only a nominating contest's rows carry the key.
    assert "nominee" not in standings("cdd4-2566")[0]


def test_the_organisers_dashboard_names_each_nominee(client, rubric, districts, people):
    submit(people["own"], rubric, districts[0], name="นายอนุชา บุญมา", position="นักวิชาการพัฒนาชุมชนปฏิบัติการ")
    standings_recompute(rubric_id=rubric.pk, full=True)
    client.force_login(people["organiser"])
    page = client.get("/standings/cm-itmodel-2564/").content.decode()
    assert 'นายอนุชา บุญมา <span class="muted">นักวิชาการพัฒนาชุมชนปฏิบัติการ</span>' in page
    assert page.count("ยังไม่เสนอชื่อ") == 2 and "no nominee yet" not in page
    # A contest among districts speaks of districts, never of provinces.
    assert "ผู้เข้าประกวด (อำเภอ) เห็นอันดับของตน" in client.get("/standings/cm-itmodel-2564/settings/").content.decode()
    assert "การกระจายคะแนนรายมิติ" in page and "spread, per dimension" not in page  # Thai alone
    assert "provinces" not in page


@pytest.mark.parametrize("bad", ["yes", 1, None])
def test_nominates_must_be_true_or_false(districts, bad):
    data = itmodel_data(districts[0].code)
    data["contest"]["nominates"] = bad
    with pytest.raises(RubricError) as exc:
        services.rubric_load(data=data)
    assert "contest.nominates ต้องเป็น true หรือ false" in str(exc.value)


def test_the_nominee_is_the_evidence_only_in_a_contest_that_takes_nominees():
    data = itmodel_data("1001")
    assert parse_rubric_file(data).criterion("1.1").nominee is True  # seed 001's 1.1: the nominee's name
    data["contest"] = {k: v for k, v in data["contest"].items() if k not in ("nominates", "nominee")}
    with pytest.raises(RubricError) as refused:
        parse_rubric_file(data)
    assert [(p.where.criterion, p.where.field, p.th) for p in refused.value.problems] == [
        ("1.1", "nominee", "หลักฐานเป็นผู้ได้รับการเสนอชื่อได้เฉพาะการประกวดที่ให้เสนอชื่อบุคคล (contest.nominates)")
    ]
    data["dimensions"][0]["criteria"][0]["nominee"] = "yes"
    with pytest.raises(RubricError, match="“nominee” ต้องเป็น true หรือ false"):
        parse_rubric_file(data)
