"""The inbox and the bell: a person's own notices only, read and unread, in a fixed number of queries."""

import pytest
from django.urls import reverse

from notices.models import Kind, Receipt
from notices.services import notice_record

pytestmark = pytest.mark.django_db


def tell(people, n: int, who=("cm",)):
    for i in range(n):
        notice_record(
            kind=Kind.QUESTION_ASKED, key=f"q{i}", recipients=lambda: [people[w] for w in who],
            params={"contest": "ประกวด", "unit": "เชียงใหม่", "code": f"4.1.{i}"}, link="/committee/clarifications/1/",
        )  # fmt: skip


@pytest.mark.parametrize("count", [1, 12])
def test_the_inbox_lists_the_persons_notices_in_the_same_queries_however_many(
    people, client, count, django_assert_num_queries
):
    tell(people, count)
    client.force_login(people["cm"])
    # session, user, the inbox, the person's channel choices, the bell's unread count; the menu's 3
    with django_assert_num_queries(8):
        html = client.get(reverse("notices:inbox")).content.decode()
    assert html.count('class="unread"') == count and "เชียงใหม่" in html
    assert f'<span class="count">{count}</span>'.replace(str(count), "๑๒" if count == 12 else "๑") in html


def test_another_persons_notice_is_neither_listed_nor_marked_read_by_them(people, client):
    tell(people, 1, who=("member",))
    client.force_login(people["pk"])
    assert "4.1.0" not in client.get(reverse("notices:inbox")).content.decode()
    theirs = Receipt.objects.get(user=people["member"])
    response = client.post(reverse("notices:read"), {"receipt": theirs.pk})
    assert response.status_code == 302 and response["Location"] == reverse("notices:inbox")
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_opening_a_notice_marks_it_read_and_follows_its_link_and_mark_all_read_empties_the_bell(people, client):
    tell(people, 3)
    client.force_login(people["cm"])
    first = Receipt.objects.filter(user=people["cm"]).first()
    response = client.post(reverse("notices:read"), {"receipt": first.pk})
    assert response["Location"] == "/committee/clarifications/1/"
    assert Receipt.objects.filter(user=people["cm"], read_at__isnull=True).count() == 2
    client.post(reverse("notices:read"))
    assert Receipt.objects.filter(user=people["cm"], read_at__isnull=True).count() == 0
    assert 'class="count"' not in client.get(reverse("notices:inbox")).content.decode()


def test_the_choice_per_channel_is_kept_for_the_person_alone(people, client):
    client.force_login(people["cm"])
    client.post(reverse("notices:preferences"), {"mode-email": "digest", "mode-fax": "none"})
    assert list(people["cm"].notice_preferences.values_list("channel", "mode")) == [("email", "digest")]
    html = client.get(reverse("accounts:account")).content.decode()
    assert 'value="digest" checked' in html
