"""One kind of digits per page: the admin's pages in Arabic digits, the portal's in Thai."""

import re
from datetime import date

import pytest
from django.urls import reverse

from scoring.models import HolidayOverride, Rubric


def _text(html: str) -> str:
    """What a reader sees: no script, style, text box or tag (attributes carry values, not text)."""
    html = re.sub(r"<(script|style|textarea)\b.*?</\1>", " ", html, flags=re.S | re.I)
    return re.sub(r"<[^>]*>", " ", html)


@pytest.fixture
def named(rubric):
    Rubric.objects.filter(pk=rubric.pk).update(name_th="โครงการพัฒนาชุมชนดิจิทัล ๔.๐ ประจำปี ๒๕๖๖")
    rubric.refresh_from_db()
    return rubric


@pytest.mark.django_db
def test_an_admin_list_reads_a_name_typed_in_thai_digits_with_arabic_ones(client, central_user, named):
    client.force_login(central_user)
    html = client.get(reverse("admin:scoring_rubric_changelist")).content.decode()
    text = _text(html)
    assert "โครงการพัฒนาชุมชนดิจิทัล 4.0 ประจำปี 2566" in text
    assert "พอร์ทัลพัฒนาชุมชนดิจิทัล 4.0" in text  # the site's own header too
    assert re.findall(r"[๐-๙]", text) == []


@pytest.mark.django_db
def test_an_admin_form_gives_back_what_was_typed(client, central_user):
    """The box shows the name as stored: saving the form never rewrites a person's digits."""
    day = HolidayOverride.objects.create(date=date(2023, 5, 5), name_th="วันหยุดชดเชย ๕ พฤษภาคม")
    client.force_login(central_user)
    html = client.get(reverse("admin:scoring_holidayoverride_change", args=[day.pk])).content.decode()
    assert 'value="วันหยุดชดเชย ๕ พฤษภาคม"' in html
    assert "วันหยุดชดเชย 5 พฤษภาคม" in _text(html)  # the page's title and breadcrumbs
    assert re.findall(r"[๐-๙]", _text(html)) == []


@pytest.mark.django_db
def test_the_scoring_screen_dates_and_numbers_in_arabic_digits(client, committee_user, named, chiang_mai):
    client.force_login(committee_user)
    url = reverse("admin:committee_score", args=[named.key, chiang_mai.code, "3.1"])
    text = _text(client.get(url).content.decode())
    assert "ตัวชี้วัด 3.1" in text
    assert re.findall(r"[๐-๙]", text) == []


@pytest.mark.django_db
def test_the_portal_keeps_thai_digits(client, central_user, named):
    client.force_login(central_user)
    html = client.get(reverse("scoring:dashboard", args=[named.key])).content.decode()
    assert "อันดับคะแนนจังหวัด ปี ๒๕๖๖" in html
    assert "โครงการพัฒนาชุมชนดิจิทัล ๔.๐ ประจำปี ๒๕๖๖" in html
