"""The admin's own words in Thai (issue #26, item 11): what Django's th catalogue lacks comes from the
project's (locale/th), and the third-party apps' sections are named Thai first (cdd4.apps)."""

import re

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def central_client(client, central_user):
    client.force_login(central_user)
    return client


def test_admin_pages_have_no_untranslated_django_strings(central_client):
    html = central_client.get(reverse("admin:contests_province_changelist")).content.decode()
    for english in ("Start typing to filter", "Toggle theme", "Skip to main content", "Show counts", "Sidebar"):
        assert english not in html
    assert 'placeholder="พิมพ์เพื่อกรอง…"' in html
    assert "สลับธีม (ธีมปัจจุบัน: อัตโนมัติ)" in html


def test_admin_sections_and_models_are_thai_first(central_client):
    html = central_client.get(reverse("admin:index")).content.decode()
    sections = re.findall(r'<caption>\s*<a href="/admin/(\w+)/" class="section"[^>]*>([^<]*)</a>', html)
    assert 'class="viewlink" aria-describedby="axes-accessattempt">ดู</a>' in html  # Django's th says "ดู:"
    assert ("axes", "การเข้าสู่ระบบที่ล้มเหลว / failed logins") in sections
    assert ("knox", "โทเค็น API / API tokens") in sections
    assert all(re.match(r"[\u0e00-\u0e7f]", name) for _, name in sections), sections
    models = re.findall(r'<th scope="row" id="[\w-]+">\s*<a href="/admin/(?:axes|knox)/\w+/">([^<]*)</a>', html)
    assert models == [
        "การเข้าสู่ระบบที่ล้มเหลว / access attempts",
        "บันทึกการเข้าสู่ระบบ / access logs",
        "โทเค็น API / API tokens",
    ]


def test_failed_login_list_columns_are_thai_first(central_client):
    AccessAttempt.objects.create(username="somchai", ip_address="10.0.0.1", failures_since_start=3)
    html = central_client.get(reverse("admin:axes_accessattempt_changelist")).content.decode()
    assert "เวลาที่พยายาม / attempt time" in html
    assert "ที่อยู่ IP / IP address" in html
    assert "จำนวนครั้งที่ผิด / failed logins" in html


def test_english_chosen_keeps_django_english(central_client):
    central_client.post("/i18n/setlang/", {"language": "en", "next": "/admin/"})
    html = central_client.get(reverse("admin:contests_province_changelist")).content.decode()
    assert 'placeholder="Start typing to filter…"' in html
