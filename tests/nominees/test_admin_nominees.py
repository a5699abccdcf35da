"""The nominees' admin page: read-only, each nominee with its versions inline; central staff see every
contest's nominees, an organiser only those of the contests its office runs."""

import pytest
from django.urls import reverse

from nominees.models import Nominee
from nominees.services import nominee_submit, nominee_withdraw
from people.models import Role
from rubrics import services
from tests.factories import DistrictFactory, UserFactory
from tests.nominees.test_contests_nominees import OPEN, itmodel_data

CHANGELIST = reverse("admin:nominees_nominee_changelist")
# The session, its user and membership, the contest filter's choices, two counts, the rows with their
# office, contest and sender, and (central staff's navigation bar) the latest year, or (an organiser's) whether
# its office runs a contest with a panel: however many rows.
QUERIES = {"central": 9, "cm_organiser": 9}  # +1: the bell's unread count (notices)


def contest(organiser_unit, slug: str, names: list[str]):
    units = [DistrictFactory(parent=organiser_unit) for _ in names]
    data = itmodel_data(*(u.code for u in units))
    data["contest"] = {**data["contest"], "slug": slug, "organiser": organiser_unit.code.removeprefix("TH-")}
    rubric = services.rubric_load(data=data)
    organiser = UserFactory(role=Role.ORGANISER, role__unit=organiser_unit)
    nominees = [
        nominee_submit(
            user=organiser,
            contest=rubric.contest,
            unit=u,
            name_th=n,
            position_th="นักวิชาการพัฒนาชุมชน",
            now=OPEN,
            employment="civil_servant",
            office=u.code,
        )
        for u, n in zip(units, names, strict=True)
    ]
    return organiser, nominees


@pytest.fixture
def two(db, chiang_mai, phuket):
    cm_organiser, cm = contest(chiang_mai, "cm-itmodel-2564", ["นายอนุชา บุญมา", "นางวิไลวรรณ ศรีสุข"])
    pk_organiser, pk = contest(phuket, "pk-itmodel-2564", ["นายภูเก็ต ทะเลงาม"])
    # A misspelt name is another person: withdrawn, then nominated again; the history keeps all three versions.
    nominee_withdraw(user=cm_organiser, contest=cm[0].contest, unit=cm[0].unit, now=OPEN)
    cm[0] = nominee_submit(
        user=cm_organiser, contest=cm[0].contest, unit=cm[0].unit, name_th="นายอนุชา บุญมาก", position_th="นักวิชาการ",
        employment="civil_servant", office=cm[0].unit.code, now=OPEN,
    )  # fmt: skip
    return {"cm_organiser": cm_organiser, "pk_organiser": pk_organiser, "cm": cm, "pk": pk}


def change_url(nominee: Nominee) -> str:
    return reverse("admin:nominees_nominee_change", args=[nominee.pk])


@pytest.mark.parametrize(
    ("who", "shown"),
    [
        ("central", ["นายอนุชา บุญมาก", "นางวิไลวรรณ ศรีสุข", "นายภูเก็ต ทะเลงาม"]),
        ("cm_organiser", ["นายอนุชา บุญมาก", "นางวิไลวรรณ ศรีสุข"]),
        ("pk_organiser", ["นายภูเก็ต ทะเลงาม"]),
    ],
)
def test_the_changelist_shows_only_the_contests_the_user_runs(client, two, central_user, who, shown):
    client.force_login(central_user if who == "central" else two[who])
    response = client.get(CHANGELIST)
    assert response.status_code == 200
    rows = [n.name_th for n in response.context["cl"].result_list]
    assert sorted(rows) == sorted(shown)
    page = response.content.decode()
    everyone = ["นายอนุชา บุญมาก", "นางวิไลวรรณ ศรีสุข", "นายภูเก็ต ทะเลงาม"]
    assert [n for n in everyone if n in page] == [n for n in everyone if n in shown]
    assert "add/" not in page.split('id="changelist"')[0].split("object-tools")[-1]  # no add button


def test_the_change_page_is_read_only_with_the_history_inline(client, two):
    client.force_login(two["cm_organiser"])
    response = client.get(change_url(two["cm"][0]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "ประวัติการเสนอชื่อ" in page and "nominee history" not in page
    assert page.index("<p>นายอนุชา บุญมาก</p>") < page.index("<p>นายอนุชา บุญมา</p>")  # version 3, then 2 and 1
    assert page.count("<p>ถอนรายชื่อแล้ว</p>") == 1  # version 2
    assert 'name="name_th"' not in page and 'name="_save"' not in page


@pytest.mark.parametrize("who", ["cm_organiser", "central"])
def test_nothing_is_edited_added_or_deleted_here(client, two, central_user, who):
    client.force_login(central_user if who == "central" else two[who])
    nominee = two["cm"][0]
    response = client.post(change_url(nominee), {"name_th": "นายแก้ไข ผ่านแอดมิน"})
    assert response.status_code == 403
    assert client.get(reverse("admin:nominees_nominee_add")).status_code == 403
    assert client.post(reverse("admin:nominees_nominee_delete", args=[nominee.pk]), {"post": "yes"}).status_code == 403
    assert Nominee.objects.get(pk=nominee.pk).name_th == "นายอนุชา บุญมาก"


def test_another_organisers_nominee_is_not_found(client, two):
    client.force_login(two["cm_organiser"])
    for url in (change_url(two["pk"][0]), reverse("admin:nominees_nominee_history", args=[two["pk"][0].pk])):
        response = client.get(url)  # the admin's answer to an object outside the queryset
        assert (response.status_code, response["Location"]) == (302, reverse("admin:index"))


@pytest.mark.parametrize(("role", "status"), [(Role.COMMITTEE, 403), (Role.CHAIR, 403), (Role.OFFICE_STAFF, 302)])
def test_the_committee_and_office_staff_have_no_such_page(client, two, chiang_mai, role, status):
    user = UserFactory(role=role, role__unit=chiang_mai if role == Role.OFFICE_STAFF else None)
    client.force_login(user)
    assert client.get(CHANGELIST).status_code == status
    assert client.get(change_url(two["cm"][0])).status_code in {status, 302}


@pytest.mark.parametrize("who", ["central", "cm_organiser"])
def test_the_changelist_costs_the_same_queries_however_many_rows(
    client, two, chiang_mai, central_user, who, django_assert_num_queries
):
    user = central_user if who == "central" else two[who]
    client.force_login(user)
    with django_assert_num_queries(QUERIES[who]):
        assert client.get(CHANGELIST).status_code == 200
    contest(chiang_mai, "cm-itmodel-more-2564", ["นายหนึ่ง ทดสอบ", "นายสอง ทดสอบ", "นายสาม ทดสอบ"])
    with django_assert_num_queries(QUERIES[who]):
        response = client.get(CHANGELIST)
    assert len(response.context["cl"].result_list) == 5 + (who == "central")


def test_the_organiser_withdraws_a_nominee_with_the_action(client, two):
    client.force_login(two["cm_organiser"])
    nominee = two["cm"][1]
    data = {"action": "withdraw", "_selected_action": [nominee.pk]}
    page = client.post(CHANGELIST, data, follow=True).content.decode()
    assert '<li class="info">ถอนรายชื่อนางวิไลวรรณ ศรีสุขแล้ว</li>' in page  # Thai alone
    assert Nominee.objects.get(pk=nominee.pk).state == "withdrawn"
    # Again: nothing stands to withdraw, said beside the row's name, Thai first.
    page = client.post(CHANGELIST, data, follow=True).content.decode()
    assert "ไม่มีผู้ได้รับการเสนอชื่อให้ถอนรายชื่อ</li>" in page and "there is no nominee to withdraw" not in page
    assert Nominee.objects.get(pk=nominee.pk).version == 2
