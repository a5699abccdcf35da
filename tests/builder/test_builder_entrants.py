"""The builder's entrants: a search by Thai name or DOPA code among the office's own units,
every unit of the level in one step, a chosen list with remove; another office's unit is never offered or
added, and the save service refuses one posted anyway."""

import pytest

from builder.prefill import BLANK, to_form
from contests.models import Contest
from people.models import Role
from tests.builder.builder_people import sign_in
from tests.factories import DistrictFactory, UserFactory

BUILD = "/standings/contests/build/"


@pytest.fixture
def units(db, chiang_mai, phuket):
    return {
        "mine": [
            DistrictFactory(parent=chiang_mai, name_th="อำเภอเชียงดาวทดสอบ"),
            DistrictFactory(parent=chiang_mai, name_th="อำเภอสันทรายทดสอบ"),
        ],
        "theirs": DistrictFactory(parent=phuket, name_th="อำเภอเชียงทองทดสอบ"),
    }


@pytest.fixture
def organiser(db, chiang_mai):
    return UserFactory(role=Role.ORGANISER, role__unit=chiang_mai)


def _form(**more):
    form = to_form(BLANK)
    form.update({k: v for k, v in more.items() if not isinstance(v, list)})
    for k, v in more.items():
        if isinstance(v, list):
            form.setlist(k, v)
    return form


def _chosen(page: str) -> str:
    start = page.index('id="entrants-chosen"')
    return page[start : page.index("</ul>", start)] if "<ul" in page[start - 30 : start] else page[start:][:200]


def test_a_search_by_thai_name_finds_the_offices_own_units_only(client, organiser, units):
    client.force_login(organiser)
    page = client.post(BUILD, _form(entrant_q="เชียง", action="entrant_search")).content.decode()
    found = page[page.index('id="entrants-found"') :]
    assert f'value="entrant_add:{units["mine"][0].dopa_code}"' in found
    assert "อำเภอสันทรายทดสอบ" not in found
    assert "อำเภอเชียงทองทดสอบ" not in page  # Phuket's: not this office's to pick


def test_a_search_by_dopa_code_finds_the_unit(client, organiser, units):
    client.force_login(organiser)
    code = units["mine"][1].dopa_code
    page = client.post(BUILD, _form(entrant_q=code, action="entrant_search")).content.decode()
    assert f'value="entrant_add:{code}"' in page[page.index('id="entrants-found"') :]


def test_add_then_remove_keeps_the_chosen_list_and_saves_nothing(client, organiser, units):
    client.force_login(organiser)
    before = Contest.objects.count()
    a, b = (u.dopa_code for u in units["mine"])
    page = client.post(BUILD, _form(entrants=[a], action=f"entrant_add:{b}")).content.decode()
    assert _chosen(page).count('name="entrants"') == 2
    assert 'id="b-entrants_all" checked' not in page  # a chosen list is no longer "every unit"
    page = client.post(BUILD, _form(entrants=[a, b], action=f"entrant_remove:{a}")).content.decode()
    assert (f'name="entrants" value="{a}"' in page, f'name="entrants" value="{b}"' in page) == (False, True)
    assert Contest.objects.count() == before


def test_every_unit_of_the_level_in_one_step_is_the_offices_own(client, organiser, units):
    client.force_login(organiser)
    page = client.post(BUILD, _form(action="entrants_every")).content.decode()
    listed = _chosen(page)
    assert [u.dopa_code in listed for u in units["mine"]] == [True, True]
    assert units["theirs"].dopa_code not in listed


def test_another_offices_unit_is_not_added_by_its_code(client, organiser, units):
    client.force_login(organiser)
    theirs = units["theirs"].dopa_code
    page = client.post(BUILD, _form(action=f"entrant_add:{theirs}")).content.decode()
    assert f'name="entrants" value="{theirs}"' not in page


def test_another_offices_unit_posted_anyway_is_refused_by_the_service(client, organiser, units):
    client.force_login(organiser)
    form = _form(
        name_th="ทดสอบ", name_en="Test", year="2568", slug="chiangmai-test-2568", starts_on="1/10/2567",
        ends_on="30/9/2568", total_points="5", entrants=[units["theirs"].dopa_code], action="save",
        **{"d0-code": "1", "d0-name_th": "ข", "d0-name_en": "b", "d0-max_points": "5", "d0c0-code": "1.1",
           "d0c0-name_th": "ก", "d0c0-name_en": "a", "d0c0-max_points": "5", "d0c0-kind": "points",
           "d0c0-kind_was": "points"},
    )  # fmt: skip
    del form["entrants_all"]
    response = client.post(BUILD, form)
    assert response.status_code == 400
    assert "ไม่อยู่ในจังหวัดของท่าน</li>" in response.content.decode()  # the refusal in Thai alone
    assert not Contest.objects.filter(slug="chiangmai-test-2568").exists()


def test_central_staff_search_every_office(client, units):
    client.force_login(UserFactory(role=Role.CENTRAL))
    page = client.post(BUILD, _form(entrant_q="เชียง", action="entrant_search")).content.decode()
    found = page[page.index('id="entrants-found"') :]
    assert (units["mine"][0].dopa_code in found, units["theirs"].dopa_code in found) == (True, True)


@pytest.mark.parametrize(
    ("who", "status"),
    [("other_organiser", 200), ("committee", 403), ("panelist", 403), ("anonymous", 302)],
)
def test_no_one_else_is_offered_the_offices_units(client, units, phuket, chiang_mai, who, status):
    sign_in(client, who, chiang_mai=chiang_mai, phuket=phuket)
    response = client.post(BUILD, _form(entrant_q="เชียง", action="entrant_search"))
    assert response.status_code == status
    assert "อำเภอเชียงดาวทดสอบ" not in response.content.decode()
