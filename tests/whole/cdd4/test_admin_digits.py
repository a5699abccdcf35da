"""The admin's codes and counts in the reader's digits, as the portal's: Thai on a Thai page."""

import html as html_lib
import os
import re
from datetime import date

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import NoReverseMatch, reverse

from core.thai import KEEP_DIGITS, KEPT_DIGITS
from rubrics.models import ContestPeriod, HolidayOverride

# What a reader sees of a page: no script, style, template or form box (a box shows what a person typed or will
# send back, as typed), no tag or attribute (addresses and ids, not text), no file's text shown as it is (a
# contest's JSON in <pre>), and not what the page marks as written.
NOT_SHOWN = re.compile(
    rf"<(script|style|template|textarea|select|pre)\b.*?</\1\s*>|{re.escape(KEEP_DIGITS)}.*?{re.escape(KEPT_DIGITS)}",
    re.S | re.I,
)
TAG = re.compile(r"<[^>]*>")


def shown(html: str) -> str:
    return html_lib.unescape(TAG.sub(" ", NOT_SHOWN.sub(" ", html)))


def arabic_words(text: str, *, names: set[str]) -> list[str]:
    """Each word of the text written with an Arabic digit, but for what is typed and matched character for
    character, whose digits are its own: a username (`names`), an e-mail or web address, a file's name or path,
    a province's code ("TH-50"), a Latin word with a digit ("CDD4", "WCAG2")."""
    words = re.findall(r"[^\s()\[\],;:\"'“”«»]*[0-9][^\s()\[\],;:\"'“”«»]*", text)
    return [word for word in words if word not in names and not re.search(r"[A-Za-z_@]", word)]


@pytest.fixture
def named(rubric):
    ContestPeriod.objects.filter(pk=rubric.pk).update(name_th="โครงการพัฒนาชุมชนดิจิทัล 4.0 ประจำปี 2566")
    rubric.refresh_from_db()
    return rubric


@pytest.mark.django_db
def test_an_admin_list_reads_a_name_typed_in_arabic_digits_with_thai_ones(client, central_user, named):
    client.force_login(central_user)
    text = shown(client.get(reverse("admin:rubrics_contestperiod_changelist")).content.decode())
    assert "โครงการพัฒนาชุมชนดิจิทัล ๔.๐ ประจำปี ๒๕๖๖" in text
    assert "พอร์ทัลพัฒนาชุมชนดิจิทัล ๔.๐" in text  # the site's own header too
    assert "เลือก ๐ จาก ๑" in text  # Django's selection counter
    assert arabic_words(text, names={central_user.username}) == []


@pytest.mark.django_db
def test_an_english_admin_page_reads_arabic_digits(client, central_user, named):
    ContestPeriod.objects.filter(pk=named.pk).update(name_th="โครงการพัฒนาชุมชนดิจิทัล ๔.๐ ประจำปี ๒๕๖๖")
    client.force_login(central_user)
    client.post("/i18n/setlang/", {"language": "en", "next": "/admin/"})
    text = shown(client.get(reverse("admin:rubrics_contestperiod_changelist")).content.decode())
    assert "โครงการพัฒนาชุมชนดิจิทัล 4.0 ประจำปี 2566" in text
    assert "0 of 1 selected" in text
    assert re.findall("[๐-๙]", text) == []


@pytest.mark.django_db
def test_an_admin_form_gives_back_what_was_typed(client, central_user):
    """The box shows the name as stored: saving the form never rewrites a person's digits."""
    day = HolidayOverride.objects.create(date=date(2023, 5, 5), name_th="วันหยุดชดเชย 5 พฤษภาคม")
    client.force_login(central_user)
    html = client.get(reverse("admin:rubrics_holidayoverride_change", args=[day.pk])).content.decode()
    assert 'value="วันหยุดชดเชย 5 พฤษภาคม"' in html
    assert "วันหยุดชดเชย ๕ พฤษภาคม" in shown(html)  # the page's title and breadcrumbs


@pytest.mark.django_db
def test_the_scoring_screen_codes_and_numbers_in_thai_digits(client, committee_user, named, chiang_mai):
    client.force_login(committee_user)
    url = reverse("admin:committee_score", args=[named.key, chiang_mai.code, "3.1"])
    text = shown(client.get(url).content.decode())
    assert "ตัวชี้วัด ๓.๑" in text
    assert arabic_words(text, names={committee_user.username}) == []


@pytest.mark.django_db
def test_the_portal_keeps_thai_digits(client, central_user, named):
    client.force_login(central_user)
    html = client.get(reverse("schedule:dashboard", args=[named.key])).content.decode()
    assert "อันดับคะแนนจังหวัด ปี ๒๕๖๖" in html


def _admin_pages(model) -> list[str]:
    """A model's list (with its filters' counts), its first row's form and its add form, where the admin has them."""
    info = model._meta.app_label, model._meta.model_name
    pages = [reverse("admin:{}_{}_changelist".format(*info)) + "?_facets=True"]
    row = model._default_manager.order_by("pk").first()
    if row is not None:
        pages.append(reverse("admin:{}_{}_change".format(*info), args=[row.pk]))
    try:
        pages.append(reverse("admin:{}_{}_add".format(*info)))
    except NoReverseMatch:
        pass
    return pages


@pytest.mark.django_db
def test_every_admin_list_and_form_reads_codes_and_counts_in_thai_digits(client, settings, tmp_path):
    """Central staff walk each list (its filters' counts shown), its first row's form and its add form, on the
    demo's data: no code, count, date or time in Arabic digits."""
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("bootstrap", demo=True, stdout=open(os.devnull, "w"))
    central = get_user_model().objects.get(username="central")
    names = set(get_user_model().objects.values_list("username", flat=True))
    client.force_login(central)
    found: dict[str, list[str]] = {}
    walked = 0
    for model in admin.site._registry:
        for url in _admin_pages(model):
            response = client.get(url)
            if response.status_code != 200:  # an add form the admin does not offer (403)
                assert response.status_code == 403 and url.endswith("/add/"), (url, response.status_code)
                continue
            walked += 1
            html = response.content.decode()
            if words := arabic_words(shown(html), names=names):
                found[url] = words
            # a character reference ("&#10006;") whose number was turned reads as "&#๑๐๐๐๖;"
            if broken := re.findall("&#x?[0-9a-f]*[๐-๙][๐-๙a-f]*;?", html):
                found[url] = broken
    assert walked > 60, walked
    assert found == {}, "\n".join(f"{url}: {words[:12]}" for url, words in found.items())
