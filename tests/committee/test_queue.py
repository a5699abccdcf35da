"""The committee's work as a queue: next with evidence, by criterion or by province, filters kept
on the way and back, Thai names found, each member's progress, and which number counts on the screen. What the
queue costs at N and 10 × N entrants is tests/scale/committee/test_queue.py's."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse
from django.utils.http import urlencode

from committee import queue, services
from contests.models import Level, Unit
from core.labels import both
from submissions import services as evidence_services
from tests.factories import DistrictFactory, SubdistrictFactory, office_contest

MATRIX = reverse("admin:committee_matrix")
NEXT = reverse("admin:committee_next")


def _score_url(unit: str, criterion: str) -> str:
    return reverse("admin:committee_score", args=[2566, unit, criterion])


@pytest.fixture
def sent_cells(sent):
    """Evidence for 1.2 in Nonthaburi and Chiang Mai, for 1.1 in Phuket; Chiang Mai's 1.1 was withdrawn."""
    p = {code: Unit.objects.get(code=code) for code in ("TH-12", "TH-50", "TH-83")}
    sent(p["TH-12"], "1.2")
    sent(p["TH-50"], "1.2")
    sent(p["TH-83"], "1.1")
    gone = sent(p["TH-50"], "1.1")
    evidence_services.evidence_withdraw(user=gone.created_by, evidence=gone)
    sent(p["TH-50"], "2.1.2")  # a computed criterion: evidence there is nothing for a member to score
    return p


@pytest.mark.parametrize(
    ("query", "codes"),
    [
        ("เชียงใหม่", ["TH-50"]),
        ("จังหวัดเชียงใหม่", ["TH-50"]),
        (" เชียง ", ["TH-50", "TH-57"]),
        ("Chiang Mai", ["TH-50"]),
        ("th-50", ["TH-50"]),
    ],
)
def test_matrix_province_filter_finds_thai_and_english_names(client, members, query, codes):
    client.force_login(members[0])
    response = client.get(MATRIX, {"province": query})
    assert [p.code for p, _ in response.context["rows"]] == codes


def test_next_with_evidence_walks_criterion_by_criterion_skipping_units_without(client, members, judge, sent_cells):
    """The member scores each item `next` gives, until nothing with evidence is left."""
    client.force_login(members[0])
    walked, after = [], {}
    while len(walked) < 5:
        url = client.get(NEXT, after)["Location"]
        if url.startswith(MATRIX):
            walked.append(url)
            break
        unit, criterion = url.rstrip("/").split("/")[-2:]
        walked.append((unit, criterion))
        judge(members[0], sent_cells[unit], criterion, points="5")
        after = {"after_province": unit, "after_criterion": criterion}
    # Criterion 1.1 first: only Phuket's evidence stands (Chiang Mai withdrew its 1.1); then 1.2 by code.
    assert walked == [("TH-83", "1.1"), ("TH-12", "1.2"), ("TH-50", "1.2"), MATRIX + "?year=2566"]


def test_next_with_evidence_province_by_province(member_next):
    assert member_next("province") == [("TH-12", "1.2"), ("TH-50", "1.2"), ("TH-83", "1.1")]


@pytest.fixture
def member_next(members, rubric, sent_cells):
    """The order `next` takes for members[0] when nothing is scored, from the start and after each item."""

    def walk(by: str, filters: dict | None = None) -> list[tuple[str, str]]:
        out, after = [], None
        while True:
            found = queue.next_with_evidence(members[0], rubric, after=after, by=by, filters=filters)
            if found is None or found in out:
                return out
            out.append(found)
            after = found

    return walk


def test_next_with_evidence_keeps_to_the_filters(member_next):
    assert member_next("criterion", {"province": "เชียงใหม่"}) == [("TH-50", "1.2")]
    assert member_next("province", {"criterion": "1.1"}) == [("TH-83", "1.1")]
    assert member_next("criterion", {"dimension": "2"}) == []


def test_next_keeps_the_matrix_filters_on_the_way_and_back(client, members, sent_cells):
    client.force_login(members[0])
    response = client.get(NEXT, {"year": "2566", "province": "เชียงใหม่", "by": "province"})
    assert response["Location"] == _score_url("TH-50", "1.2") + "?" + urlencode(
        {"province": "เชียงใหม่", "by": "province"}
    )
    page = client.get(response["Location"])
    back = urlsplit(page.context["matrix_url"])
    assert (back.path, parse_qs(back.query)) == (
        MATRIX,
        {"year": ["2566"], "province": ["เชียงใหม่"], "by": ["province"]},
    )
    assert f'href="{page.context["matrix_url"].replace("&", "&amp;")}"' in page.content.decode()
    # Saving and going on: Chiang Mai has nothing else with evidence, so back to the filtered matrix.
    saved = client.post(
        response["Location"], {"action": "judge", "points": "5", "expected_version": 0, "save_next": "1"}
    )
    assert saved["Location"] == page.context["matrix_url"]
    # A plain save stays on the same screen, filters and all.
    again = client.post(response["Location"], {"action": "judge", "points": "0", "expected_version": 1})
    assert again["Location"] == response["Location"]


def test_scoring_screen_next_criterion_stays_on_the_province(client, members):
    client.force_login(members[0])
    page = client.get(_score_url("TH-50", "1.2"), {"dimension": "1"})
    assert (page.context["prev_criterion"], page.context["next_criterion"]) == ("1.1", "1.3")
    assert f'href="{_score_url("TH-50", "1.3")}?dimension=1"' in page.content.decode()
    last = client.get(_score_url("TH-50", "5.2"))
    assert (last.context["prev_criterion"], last.context["next_criterion"]) == ("5.1", None)


def test_member_progress_counts_cells_with_evidence_and_drops_as_they_score(client, members, judge, sent_cells):
    client.force_login(members[0])
    assert [(p.done, p.total, p.left) for p in client.get(MATRIX).context["progress"]] == [(0, 3, 3)]
    judge(members[0], sent_cells["TH-50"], "1.2", points="5")
    judge(members[0], sent_cells["TH-50"], "1.1", points="5")  # withdrawn evidence: not in the count
    page = client.get(MATRIX)
    assert [(p.done, p.total, p.left) for p in page.context["progress"]] == [(1, 3, 2)]
    assert 'เหลือ <b data-left="2">๒</b> จาก ๓ ข้อที่มีหลักฐาน' in page.content.decode()


def test_chair_sees_every_members_progress_less_their_conflicts(
    client, chair, central_user, members, judge, sent_cells
):
    services.conflict_set(by=central_user, member=members[2], unit=sent_cells["TH-50"], conflicted=True)
    judge(members[0], sent_cells["TH-83"], "1.1", points="5")
    judge(members[1], sent_cells["TH-12"], "1.2", points="5")
    judge(members[1], sent_cells["TH-50"], "1.2", points="0")
    members[0].first_name, members[0].last_name = "สมศรี", "ใจดี"  # named as people know them
    members[0].save(update_fields=["first_name", "last_name"])
    client.force_login(chair)
    progress = client.get(MATRIX).context["progress"]
    assert [(p.who, p.done, p.total) for p in progress] == [
        ("สมศรี ใจดี", 1, 3),
        (members[1].username, 2, 3),
        (members[2].username, 0, 2),
    ]


def test_the_chair_sees_their_own_finals_left_where_members_disagree(client, chair, members, judge, sent_cells, rubric):
    judge(members[0], sent_cells["TH-83"], "1.1", points="5")
    judge(members[1], sent_cells["TH-83"], "1.1", points="0")
    judge(members[0], sent_cells["TH-12"], "1.2", points="5")
    judge(members[1], sent_cells["TH-12"], "1.2", points="0")
    judge(members[0], sent_cells["TH-50"], "1.2", points="5")
    judge(members[1], sent_cells["TH-50"], "1.2", points="5")  # agreed: nothing for the chair
    services.chair_final_record(
        chair=chair,
        rubric=rubric,
        unit=sent_cells["TH-83"],
        criterion_code="1.1",
        points="5",
        reason="ประชุมแล้ว",
        expected_version=0,
    )
    client.force_login(chair)

    page = client.get(MATRIX)

    finals = page.context["finals"]
    assert (finals.who, finals.done, finals.total, finals.left) == (chair.username, 1, 2, 1)
    assert re.search(
        r'<tr id="chair-finals"><td>[^<]*</td><td>๑ จาก ๒</td><td data-left="1">๑</td></tr>', page.content.decode()
    )
    client.force_login(members[0])
    assert client.get(MATRIX).context["finals"] is None  # a member has no finals to give


def test_matrix_number_and_unit_are_spaced(client, chair, members, judge, chiang_mai):
    judge(members[0], chiang_mai, "4.1.1", points="3")
    judge(members[1], chiang_mai, "4.1.1", points="5")
    client.force_login(chair)
    page = client.get(MATRIX, {"province": "TH-50"}).content.decode()
    assert '<span class="badge b-n">๒ คน</span>' in page


def test_matrix_marks_judged_cells_without_evidence(client, members, sent_cells):
    client.force_login(members[0])
    rows = dict(client.get(MATRIX, {"province": "เชียงใหม่", "dimension": "1"}).context["rows"])
    cells = {c.code: c.statuses for c in rows[sent_cells["TH-50"]]}
    assert cells == {"1.1": {"noevidence"}, "1.2": {"todo"}, "1.3": {"noevidence"}, "1.4": {"noevidence"}}


def test_screen_says_no_evidence_and_where_the_counted_points_come_from(client, members, chair, sent_cells):
    client.force_login(members[0])
    page = client.get(_score_url("TH-83", "1.2"))
    html = page.content.decode()
    assert (page.context["has_evidence"], page.context["counts"]["source"]) == (False, "nothing")
    assert "<b>ไม่มีหลักฐาน</b>" in html
    assert "จากยังไม่มีคะแนนจากกรรมการ</p>" in html and "from no member" not in html
    with_evidence = client.get(_score_url("TH-50", "1.2"))
    assert (with_evidence.context["has_evidence"], 'id="no-evidence"' in with_evidence.content.decode()) == (
        True,
        False,
    )
    services.judgment_record(
        member=members[0],
        rubric=page.context["rubric"],
        unit=sent_cells["TH-50"],
        criterion_code="1.2",
        points="5",
        expected_version=0,
    )
    assert client.get(_score_url("TH-50", "1.2")).context["counts"]["source"] == "median"
    services.chair_final_record(
        chair=chair,
        rubric=page.context["rubric"],
        unit=sent_cells["TH-50"],
        criterion_code="1.2",
        points="0",
        reason="มติ",
        expected_version=0,
    )
    counts = client.get(_score_url("TH-50", "1.2")).context["counts"]
    assert (counts["source"], both(counts["text"])[0]) == ("chair", "คะแนนสรุปของประธาน")


def test_screen_names_imported_facts_as_the_source_until_a_member_scores(client, members, rubric, chiang_mai):
    from scoring.facts.imports import facts_import
    from scoring.models import FactSource
    from scoring.recompute import standings_recompute

    facts_import(
        rubric=rubric,
        rows=[{"province": "TH-50", "criterion": "1.2", "fact": "done", "value": "yes"}],
        source=FactSource.DEMO,
    )
    standings_recompute(rubric_id=rubric.pk, full=True)
    client.force_login(members[0])
    page = client.get(_score_url("TH-50", "1.2"))
    html = page.content.decode()
    assert page.context["counts"]["source"] == "facts"
    assert '<b class="sc-big" id="counted">๕</b>' in html
    assert "จากข้อมูลนำเข้า เพราะยังไม่มีคะแนนจากกรรมการ" in html
    assert "<b>ไม่มีหลักฐาน</b>" in html


def test_the_national_matrix_lists_the_76_provinces_not_every_unit(client, central_user, chiang_mai):
    """Central staff may see every unit, but the national contest's matrix is its 76 entrants: with the
    districts and subdistricts loaded it listed all 8,455 (a 40 MB page)."""
    district = DistrictFactory(parent=chiang_mai)
    SubdistrictFactory(parent=district)
    client.force_login(central_user)
    rows = client.get(MATRIX, {"year": "2566"}).context["rows"]
    assert [p.level for p, _ in rows] == [Level.PROVINCE] * 76


def test_a_large_contests_matrix_comes_in_pages_that_keep_the_filters(client, central_user, chiang_mai):
    """A contest of thousands of units was one 13 MB table; 100 units a page, filters kept from page to page."""
    districts = [DistrictFactory(parent=chiang_mai) for _ in range(3)]
    units = [SubdistrictFactory(parent=d) for d in districts for _ in range(40)]
    rubric = office_contest("cm-web-2564", chiang_mai, *units)
    client.force_login(central_user)
    first = client.get(MATRIX, {"year": rubric.key, "dimension": "1"})
    assert (len(first.context["rows"]), first.context["page"], first.context["pages"]) == (100, 1, 2)
    nav = re.search(r'<nav class="paginator".*?</nav>', first.content.decode(), re.S)[0]
    assert re.findall(r'href="([^"]+)" rel="next"', nav) == [f"?year={rubric.key}&amp;dimension=1&amp;page=2"]
    second = client.get(MATRIX, {"year": rubric.key, "dimension": "1", "page": "2"})
    assert [p.code for p, _ in second.context["rows"]] == sorted(u.code for u in units)[100:]
    assert client.get(MATRIX, {"year": rubric.key, "page": "9"}).context["page"] == 2


def test_the_admins_message_is_in_the_pages_language_alone(client, members):
    """Nothing with evidence is waiting: the admin says so in Thai alone, or in English after the switch."""
    client.force_login(members[0])
    page = client.get(NEXT, follow=True).content.decode()
    assert re.findall(r'<ul class="messagelist"><li class="success">(.*?)</li>', page) == [
        "ไม่มีข้อที่มีหลักฐานรอคุณให้คะแนนแล้ว"
    ]
    client.post("/i18n/setlang/", {"language": "en", "next": MATRIX})
    page = client.get(NEXT, follow=True).content.decode()
    assert re.findall(r'<ul class="messagelist"><li class="success">(.*?)</li>', page) == [
        "Nothing with evidence is left for you to score"
    ]


def test_each_matrix_cell_links_its_own_scoring_screen_keeping_the_filters(client, members, sent_cells):
    """76 provinces × the criteria of dimension 1, each cell a link to its screen with the filter kept (the page
    builds the links a row at a time), coloured by its strongest state."""
    client.force_login(members[0])
    response = client.get(MATRIX, {"dimension": "1"})
    html = response.content.decode()
    rows = response.context["rows"]
    codes = [c.code for c in response.context["criteria"]]
    assert (len(rows), codes) == (76, ["1.1", "1.2", "1.3", "1.4"])
    found = re.findall(r'<td class="([a-z ]+)"\s*>\s*<a href="([^"]+)">', html)
    expected = [
        (cell.css, f"{_score_url(p.code, code)}?dimension=1".replace("&", "&amp;"))
        for p, cells in rows
        for cell, code in zip(cells, codes, strict=True)
    ]
    assert found == expected
    chiang_mai = dict(zip(codes, next(cells for p, cells in rows if p.code == "TH-50"), strict=True))
    assert {code: cell.css for code, cell in chiang_mai.items()} == {
        "1.1": "noev",  # its one file was withdrawn
        "1.2": "todo",
        "1.3": "noev",
        "1.4": "noev",
    }


def test_chair_screen_names_the_median_in_one_pair_of_brackets(client, members, chair, sent_cells, rubric):
    services.judgment_record(
        member=members[0],
        rubric=rubric,
        unit=sent_cells["TH-50"],
        criterion_code="1.2",
        points="5",
        expected_version=0,
    )
    client.force_login(chair)
    html = client.get(_score_url("TH-50", "1.2")).content.decode()
    used = re.search(r"คะแนนที่ใช้: <b class=\"sc-big\">([^<]*)</b>\s*([^<]*)</p>", html)
    assert used.groups() == ("๕", "(มัธยฐาน)")


def test_member_without_a_score_of_their_own_sees_no_figure_built_from_a_colleagues(
    client, members, sent_cells, rubric
):
    services.judgment_record(
        member=members[0],
        rubric=rubric,
        unit=sent_cells["TH-12"],
        criterion_code="1.2",
        points="5",
        expected_version=0,
    )
    client.force_login(members[1])
    before = client.get(_score_url("TH-12", "1.2"))
    services.judgment_record(
        member=members[1],
        rubric=rubric,
        unit=sent_cells["TH-12"],
        criterion_code="1.2",
        points="0",
        expected_version=0,
    )
    after = client.get(_score_url("TH-12", "1.2"))
    assert (
        before.context["withheld"],
        before.context["stored"],
        'id="counted-withheld"' in before.content.decode(),
    ) == (
        True,
        None,
        True,
    )
    assert (after.context["withheld"], 'id="counted-withheld"' in after.content.decode()) == (False, False)
