"""The admin's whole-rubric editor writes into the rubric's own contest: an office contest's page saved as it
opens must not land in the Department's contest of the same year (its file has no contest block)."""

import copy
import json

import pytest
from django.urls import reverse

from contests.models import Contest, Unit
from rubrics import services
from rubrics.models import ContestPeriod, RubricChange
from rubrics.selectors import contest_file
from tests.factories import DistrictFactory, office_contest

pytestmark = pytest.mark.django_db
UBON = json.loads(open("rubrics/rubric_files/ubon-milestones-2568.json", encoding="utf-8").read())


@pytest.fixture
def central_client(client, central_user):
    client.force_login(central_user)
    return client


@pytest.fixture
def chonburi_web(db):
    chonburi = Unit.objects.get(code="TH-20")
    return office_contest("chonburi-web-2566", chonburi, DistrictFactory(parent=chonburi), year=2566)


def _state(rubric: ContestPeriod) -> tuple:
    contest = Contest.objects.get(pk=rubric.contest_id)
    return contest.name_th, contest.name_en, contest_file(rubric)


def _opened_and_saved(client, rubric: ContestPeriod, **extra):
    """The change page's own form, posted back as it was filled."""
    url = reverse("admin:rubrics_contestperiod_change", args=[rubric.pk])
    form = client.get(url).context["adminform"].form
    post = {"data": form.fields["data"].initial, **({"show_provisional": "on"} if rubric.show_provisional else {})}
    return client.post(url, {**post, **extra})


def test_office_rubric_saved_unchanged_stays_in_its_contest_and_national_untouched(
    central_client, rubric, chonburi_web
):
    national, office = _state(rubric), _state(chonburi_web)
    response = _opened_and_saved(central_client, chonburi_web)
    assert response.status_code == 302
    assert (_state(rubric), _state(chonburi_web)) == (national, office)
    assert RubricChange.objects.filter(contest=rubric.contest).count() == 0


def test_office_rubric_edited_records_its_revision_against_the_office_contest(central_client, rubric, chonburi_web):
    national = _state(rubric)
    url = reverse("admin:rubrics_contestperiod_change", args=[chonburi_web.pk])
    data = contest_file(chonburi_web)
    data["name_en"] = "Chonburi website contest (edited)"
    response = central_client.post(url, {"data": json.dumps(data, ensure_ascii=False), "reason": "แก้ชื่อ"})
    assert response.status_code == 302
    assert _state(rubric) == national
    assert list(RubricChange.objects.values_list("contest__slug", "reason")) == [("chonburi-web-2566", "แก้ชื่อ")]
    assert Contest.objects.get(slug="chonburi-web-2566").name_en == "Chonburi website contest (edited)"


def test_period_rubric_saved_unchanged_stays_in_its_contest_and_keeps_its_own_settings(central_client, chiang_mai):
    districts = [DistrictFactory(parent=chiang_mai, dopa_code=f"506{n}") for n in (1, 2)]
    data = copy.deepcopy(UBON)
    data["contest"] |= {"slug": "cm-milestones-2568", "organiser": "50", "entrants": [d.code for d in districts]}
    services.rubric_load(data=data)
    may = ContestPeriod.objects.get(contest__slug="cm-milestones-2568", period="2568-05")
    contests, before = Contest.objects.count(), _state(may)
    response = _opened_and_saved(central_client, may, show_provisional="on")
    assert response.status_code == 302
    assert (Contest.objects.count(), Contest.objects.filter(slug="cdd4-2568").exists()) == (contests, False)
    assert _state(may) == before
    periods = ContestPeriod.objects.filter(contest__slug="cm-milestones-2568")
    provisional = dict(periods.values_list("period", "show_provisional"))
    assert provisional == {p["code"]: p["code"] == "2568-05" for p in data["contest"]["periods"]}
    assert RubricChange.objects.count() == 0


@pytest.mark.parametrize("pasted", ["national", "office"])
def test_another_contests_data_refused_with_message_and_nothing_written(central_client, rubric, chonburi_web, pasted):
    own, other = (chonburi_web, rubric) if pasted == "national" else (rubric, chonburi_web)
    data = contest_file(other)
    data["name_en"] = "Pasted from elsewhere"
    before = (_state(rubric), _state(chonburi_web))
    url = reverse("admin:rubrics_contestperiod_change", args=[own.pk])
    response = central_client.post(url, {"data": json.dumps(data, ensure_ascii=False), "reason": "วาง"})
    slugs = {"national": ("cdd4-2566", "chonburi-web-2566"), "office": ("chonburi-web-2566", "cdd4-2566")}[pasted]
    assert response.context["adminform"].form.errors["data"] == [
        f"ข้อมูลนี้เป็นของการประกวด {slugs[0]} ไม่ใช่ {slugs[1]} ของเกณฑ์ที่กำลังแก้ไข"
    ]
    assert ((_state(rubric), _state(chonburi_web)), RubricChange.objects.count()) == (before, 0)


def test_add_office_rubric_for_a_year_with_a_national_contest_is_created(central_client, rubric, chonburi_web):
    data = contest_file(chonburi_web)
    data["contest"]["slug"] = "chonburi-web2-2566"
    response = central_client.post(
        reverse("admin:rubrics_contestperiod_add"), {"data": json.dumps(data, ensure_ascii=False)}
    )
    assert response.status_code == 302
    assert ContestPeriod.objects.get(contest__slug="chonburi-web2-2566").year == 2566


def test_add_rubric_of_an_existing_office_contest_refused_with_message(central_client, chonburi_web):
    data = contest_file(chonburi_web)
    response = central_client.post(
        reverse("admin:rubrics_contestperiod_add"), {"data": json.dumps(data, ensure_ascii=False)}
    )
    assert response.context["adminform"].form.errors["data"] == ["มีเกณฑ์ของการประกวด chonburi-web-2566 แล้ว ให้แก้ไขเกณฑ์นั้น"]
