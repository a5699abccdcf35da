"""An organiser's rubric file cannot take the national contest's code, nor
store a code or field that breaks other people's pages; a refused file saves nothing and says why, Thai first."""

import hashlib
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.utils import translation

from contests.models import Contest
from ops.nextyear import next_year_open
from people.models import Role
from rubrics.models import ContestPeriod
from tests.factories import DistrictFactory, UserFactory

CHONBURI_WEB = "rubrics/rubric_files/chonburi-web-2564.json"
PERIODS = [
    {"code": "2567-01", "name_th": "รอบหนึ่ง", "name_en": "Round one", "deadline": "2024-01-20"},
    {"code": "2567-02", "name_th": "รอบสอง", "name_en": "Round two", "deadline": "2024-02-20"},
]


@pytest.fixture
def organiser(db, chiang_mai):
    return UserFactory(role=Role.ORGANISER, role__unit=chiang_mai)


@pytest.fixture
def district(chiang_mai):
    return DistrictFactory(parent=chiang_mai)


@pytest.fixture
def district_user(district):
    return UserFactory(role=Role.OFFICE_STAFF, role__unit=district)


@pytest.fixture
def own_contest(district):
    """Chiang Mai's own contest among one district, saved before the attack (the organiser's screens list it)."""
    from rubrics import services

    return services.rubric_load(data=contest_file(slug="cm-web-2564", entrants=[district.code]))


def contest_file(**contest) -> dict:
    data = json.loads(open(CHONBURI_WEB, encoding="utf-8").read())
    data["contest"] = {"slug": "cm-web-2565", "organiser": "50", "entrant_level": "district", **contest}
    return data


def upload(client, body: bytes):
    return client.post("/standings/contests/", {"file": SimpleUploadedFile("rubric.json", body)})


def counts() -> tuple[int, int]:
    return Contest.objects.count(), ContestPeriod.objects.count()


def every_row() -> dict[str, str]:
    """Table → a digest of all its rows: equal before and after a refusal, the file saved nothing anywhere."""
    digests = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            digests[table] = hashlib.sha256(repr(sorted(map(repr, cursor.fetchall()))).encode()).hexdigest()
    return digests


def test_an_organiser_cannot_squat_next_years_national_contest(
    client, organiser, central_user, provincial_user, district, rubric
):
    data = contest_file(slug="cdd4-2567", entrants=[district.code], periods=PERIODS)
    data["year"] = 2567
    before = counts()
    client.force_login(organiser)
    response = upload(client, json.dumps(data).encode())
    assert response.status_code == 400
    page = response.content.decode()
    th = "รหัสการประกวด “cdd4-2567”: รหัสที่ขึ้นต้นด้วย cdd4- สงวนไว้สำหรับการประกวดระดับประเทศ"
    assert_in_each_language(client, json.dumps(data).encode(), page, th, "codes beginning with cdd4- are reserved")
    assert counts() == before
    # Central staff open 2567 as ever, and the national contest of 2567 is the Department's alone.
    opened = next_year_open(user=central_user, rubric=rubric, memberships_confirmed=True)
    assert (opened.contest.slug, opened.contest.organiser, opened.key) == ("cdd4-2567", None, "2567")
    assert list(ContestPeriod.objects.by_key("2567")) == [opened]
    client.force_login(central_user)
    for url in (
        "/standings/2567/",
        "/awards/years/2567/",
        "/api/v1/years/2567/standings/",
        "/admin/committee/judgment/matrix/?year=2567",
    ):
        assert (url, client.get(url).status_code) == (url, 200)
    client.force_login(provincial_user)
    assert client.get("/", follow=True).redirect_chain[-1][0] == "/years/2567/provinces/TH-50/"
    assert client.get("/years/2567/provinces/TH-50/").status_code == 200


def _set(path: str, value):
    """A change to the file: "contest.slug" or "year" set to value."""

    def change(data: dict) -> dict:
        *parents, key = path.split(".")
        target = data
        for part in parents:
            target = target[part]
        target[key] = value
        return data

    return change


CODE_TH, CODE_EN = "ต้องเป็นอักษร a–z ตัวเล็ก ตัวเลข หรือ - ขึ้นต้นด้วยอักษร", "must be lower-case letters a–z"
PERIOD_TH, PERIOD_EN = "ต้องเป็นอักษร a–z ตัวเล็ก ตัวเลข หรือ - ยาวไม่เกิน 20 ตัว", "must be lower-case letters a–z"
YEAR_TH, YEAR_EN = "ปี (year) ต้องเป็นปีงบประมาณ พ.ศ. 2500–2700", "year must be a fiscal year B.E. 2500–2700"
ONE = [{"code": "2564-07", "name_th": "กรกฎาคม", "name_en": "July", "deadline": "2021-07-20"}]
BAD_FILES = {
    "slug PT_Upper": (_set("contest.slug", "PT_Upper"), f"รหัสการประกวด “PT_Upper”: {CODE_TH}", CODE_EN),
    "slug ../../etc": (_set("contest.slug", "../../etc"), f"รหัสการประกวด “../../etc”: {CODE_TH}", CODE_EN),
    "slug too long": (_set("contest.slug", "a" * 61), "ยาวไม่เกิน 60 ตัว", "at most 60 characters"),
    "slug of a page": (_set("contest.slug", "contests"), "“contests”: เป็นชื่อหน้าหนึ่งของระบบ", "is the name of one"),
    "slug a number": (_set("contest.slug", 2567), f"รหัสการประกวด “2567”: {CODE_TH}", CODE_EN),
    "period with a slash": (
        _set("contest.periods", [{**ONE[0], "code": "2564/07"}]),
        f"รอบที่ 1 “2564/07”: {PERIOD_TH}",
        PERIOD_EN,
    ),
    "period upper case": (_set("contest.periods", [{**ONE[0], "code": "Q1"}]), f"“Q1”: {PERIOD_TH}", PERIOD_EN),
    "period too long": (_set("contest.periods", [{**ONE[0], "code": "q" * 21}]), PERIOD_TH, PERIOD_EN),
    "period twice": (_set("contest.periods", ONE + ONE), "รหัสรอบซ้ำ: 2564-07", "repeated period code(s): 2564-07"),
    "periods abc": (_set("contest.periods", "abc"), "contest.periods ต้องเป็นรายการของออบเจกต์", "must be a list"),
    "combine unknown": (_set("contest.combine", "max"), "contest.combine ต้องเป็น single เมื่อไม่มีรอบ", "combine must"),
    "combine single with periods": (
        lambda d: _set("contest.combine", "single")(_set("contest.periods", ONE)(d)),
        "contest.combine ต้องเป็น sum, mean, latest เมื่อมีรอบ",
        "combine must be sum, mean, latest with periods",
    ),
    "entrant_level null": (_set("contest.entrant_level", None), "contest.entrant_level ต้องเป็น province", "must be"),
    "entrant_level unknown": (_set("contest.entrant_level", "region"), "contest.entrant_level ต้องเป็น", "must be"),
    "entrants not a list": (_set("contest.entrants", "5001"), "contest.entrants ต้องเป็นรายการรหัส", "must be a list"),
    "nominates a string": (_set("contest.nominates", "yes"), "contest.nominates ต้องเป็น true หรือ false", "must be"),
    "contest not an object": (_set("contest", "abc"), "contest ต้องเป็นออบเจกต์หรือ null", "contest must be"),
    "year -1": (_set("year", -1), YEAR_TH, YEAR_EN),
    "year a string": (_set("year", "2567"), YEAR_TH, YEAR_EN),
    "year far out": (_set("year", 30000), YEAR_TH, YEAR_EN),
    "year Christian era": (_set("year", 2024), YEAR_TH, YEAR_EN),
    "one day long": (_set("ends_on", "2021-07-01"), "วันเริ่มต้องก่อนวันสิ้นสุด", "starts_on must be before ends_on"),
    "name too long": (_set("name_th", "ก" * 301), "“name_th” ยาวเกิน 300 ตัวอักษร", "longer than 300 characters"),
    "criterion code with a slash": (
        lambda d: d["dimensions"][0]["criteria"][0].update(code="1/1") or d,
        "เกณฑ์ 1/1: รหัสต้องเป็นอักษร A–Z ตัวเลข",
        "Criterion 1/1: the code must be",
    ),
    "prize past its column": (
        lambda d: d["awards"][0].update(prize="100000000") or d,
        "“prize” ต้องมีทศนิยมไม่เกิน ๒ ตำแหน่ง",
        "“prize” must have at most 2 decimal places",
    ),
}


def assert_in_each_language(client, body: bytes, page: str, th: str, en: str) -> None:
    """The Thai page gives the reason in Thai; sent again with English chosen, the page gives it in English."""
    assert th in page, page
    client.cookies["django_language"] = "en"
    # The English request leaves English active in this thread: the next test in the process reads Thai again.
    with translation.override(translation.get_language()):
        english = upload(client, body).content.decode()
    client.cookies["django_language"] = "th"
    assert en in english, english


def assert_pages_answer(client, who: dict, district) -> None:
    """The pages a stored bad code would break answer as before."""
    for name, url, final in (
        ("central", "/", "/standings/2566/"),  # central staff land on the running national contest
        ("district", "/", f"/years/cm-web-2564/provinces/{district.code}/"),
        ("organiser", "/", "/"),
        ("organiser", "/standings/contests/", "/standings/contests/"),
        ("organiser", "/standings/cm-web-2564/", "/standings/cm-web-2564/"),
    ):
        client.force_login(who[name])
        response = client.get(url, follow=True)
        landed = response.redirect_chain[-1][0] if response.redirect_chain else url
        assert (name, url, response.status_code, landed) == (name, url, 200, final)


@pytest.fixture
def who(organiser, central_user, district_user, own_contest):
    return {"organiser": organiser, "central": central_user, "district": district_user}


def assert_refused_whole(client, organiser, body: bytes, th: str, en: str) -> None:
    """The organiser's file is refused with the reason in each language, and no row of any table changes."""
    before = counts()
    client.force_login(organiser)
    rows = every_row()
    response = upload(client, body)
    assert response.status_code == 400
    assert_in_each_language(client, body, response.content.decode(), th, en)
    assert counts() == before
    assert every_row() == rows


def test_after_a_refused_contest_file_the_pages_a_bad_code_would_break_answer(client, who, district):
    """The pages themselves, once: every refused file below leaves each table's rows as they were (`every_row`),
    so these pages answer after each of them as they do here."""
    change, th, en = BAD_FILES["slug ../../etc"]
    body = json.dumps(change(contest_file(entrants=[district.code])), ensure_ascii=False).encode()
    assert_refused_whole(client, who["organiser"], body, th, en)
    assert_pages_answer(client, who, district)


@pytest.mark.parametrize("case", BAD_FILES)
def test_a_bad_contest_file_is_refused_whole_and_breaks_no_page(client, who, district, case):
    """Breaks no page: no row of any table changes (the pages on these rows answer:
    test_after_a_refused_contest_file_the_pages_a_bad_code_would_break_answer)."""
    change, th, en = BAD_FILES[case]
    body = json.dumps(change(contest_file(entrants=[district.code])), ensure_ascii=False).encode()
    assert_refused_whole(client, who["organiser"], body, th, en)


DEEP_TH, DEEP_EN = "ซ้อนกันลึกเกิน 20 ชั้น", "nested more than 20 levels deep"
OBJECT_TH, OBJECT_EN = "ไฟล์ต้องเป็นออบเจกต์ JSON", "the file must hold one JSON object"
BAD_BODIES = {
    "10,000 levels of [": (b"[" * 10_000, DEEP_TH, DEEP_EN),
    "10,000 levels inside the rubric": (b'{"year": ' + b"[" * 10_000 + b"]" * 10_000 + b"}", DEEP_TH, DEEP_EN),
    "500 levels of {}": (b'{"a": ' * 500 + b"1" + b"}" * 500, DEEP_TH, DEEP_EN),
    "a list": (b"[]", OBJECT_TH, OBJECT_EN),
    "a string": (b'"abc"', OBJECT_TH, OBJECT_EN),
    "a number": (b"1", OBJECT_TH, OBJECT_EN),
    "not JSON": (b"{", "JSON ไม่ถูกต้อง บรรทัด 1 คอลัมน์ 2", "invalid JSON at line 1, column 2"),
    "not UTF-8": (b'{"name_th": "\xff"}', "อ่านไฟล์ JSON ไม่ได้", "not a readable JSON file"),
}


@pytest.mark.parametrize("case", BAD_BODIES)
def test_a_file_that_is_no_rubric_object_is_refused_with_the_reason(client, who, case):
    body, th, en = BAD_BODIES[case]
    assert_refused_whole(client, who["organiser"], body, th, en)  # so the pages answer as after any refused file
