"""Each file or link is a separate item: the same one twice is refused, withdrawing asks first, and the page
shows only the size limits of the kinds a criterion takes."""

import pytest
from django.urls import reverse

from submissions.models import Evidence

from . import files
from .conftest import stored_files

JSON = {"accept": "application/json"}
UPLOAD = reverse("submissions:upload", args=[2566, "TH-50", "1.1"])
PAGE = reverse("submissions:criterion", args=[2566, "TH-50", "1.1"])


def _post(client, name: str, data: bytes, url: str = UPLOAD):
    return client.post(url, {"file": files.upload(name, data)}, headers=JSON)


def test_the_same_file_again_is_refused_and_stores_nothing(owner_client, media_root):
    data = files.pdf_new()
    assert _post(owner_client, "report.pdf", data).status_code == 201
    again = _post(owner_client, "report copy.pdf", data)
    assert again.status_code == 409
    refused = again.json()["refused"][0]
    assert refused["th"] == "ส่งไฟล์นี้ไว้แล้ว (รายการที่ 1: report.pdf) จึงไม่บันทึกซ้ำ"
    assert refused["en"] == "Already sent as item 1 (report.pdf); not saved again"
    assert Evidence.objects.count() == 1 and len(stored_files(media_root)) == 1


def test_the_same_file_after_withdrawing_it_is_taken(owner_client):
    data = files.pdf_new()
    _post(owner_client, "report.pdf", data)
    owner_client.post(reverse("submissions:withdraw", args=[Evidence.objects.get().pk]), {"confirm": "1"})
    assert _post(owner_client, "report.pdf", data).status_code == 201
    rows = [(e.version, e.withdrawn) for e in Evidence.objects.order_by("version")]
    assert rows == [(1, True), (2, False)]


def test_the_same_link_again_is_refused(owner_client):
    url = reverse("submissions:link", args=[2566, "TH-50", "1.1"])
    owner_client.post(url, {"url": "https://youtu.be/abc"}, follow=True)
    response = owner_client.post(url, {"url": "https://youtu.be/abc"}, follow=True)
    assert [str(m) for m in response.context["messages"]] == ["ส่งลิงก์นี้ไว้แล้ว (รายการที่ 1) จึงไม่บันทึกซ้ำ"]
    assert Evidence.objects.count() == 1


def test_separate_photos_are_items_not_versions(owner_client):
    _post(owner_client, "a.png", files.png())
    _post(owner_client, "b.jpg", files.jpeg())
    html = owner_client.get(PAGE).content.decode()
    assert "ฉบับที่" not in html
    assert '<span class="version">รายการที่ ๒</span>' in html and '<span class="version">รายการที่ ๑</span>' in html
    assert "แต่ละไฟล์หรือลิงก์เป็นรายการแยกกัน" in html


def test_withdraw_asks_first_and_only_a_confirmed_post_withdraws(owner_client):
    _post(owner_client, "report.pdf", files.pdf_new())
    evidence = Evidence.objects.get()
    url = reverse("submissions:withdraw", args=[evidence.pk])
    assert f'href="{url}"' in owner_client.get(PAGE).content.decode()  # the row links to the question
    ask = owner_client.get(url)
    html = ask.content.decode()
    assert ask.status_code == 200
    assert "ถอนหลักฐานนี้หรือไม่" in html and "report.pdf" in html and 'name="confirm" value="1"' in html
    assert owner_client.post(url).headers["Location"] == url  # an unconfirmed post asks again
    evidence.refresh_from_db()
    assert evidence.withdrawn_at is None
    done = owner_client.post(url, {"confirm": "1"}, follow=True)
    assert done.redirect_chain == [(PAGE, 302)]
    assert [str(m) for m in done.context["messages"]] == [
        "ถอนหลักฐานแล้ว (ยังเก็บไว้ในประวัติ)"  # Thai alone on a Thai page
    ]
    evidence.refresh_from_db()
    assert evidence.withdrawn_at is not None


@pytest.mark.parametrize(
    ("code", "limits"),
    [
        ("1.1", "PDF ๕๐ MB, รูปภาพ ๒๐ MB, Office ๕๐ MB"),
        ("4.1.1", "PDF ๕๐ MB, รูปภาพ ๒๐ MB, Office ๕๐ MB, วีดิทัศน์ ๑ GB"),
    ],
)
def test_size_limits_shown_are_those_of_the_kinds_taken(owner_client, settings, code, limits):
    settings.CDD4_UPLOAD_LIMITS_MB = {"pdf": 50, "image": 20, "office": 50, "video": 1024}
    html = owner_client.get(reverse("submissions:criterion", args=[2566, "TH-50", code])).content.decode()
    shown = html.split('id="upload-limits">')[1].split("</p>")[0]
    assert f"ขนาดไม่เกิน {limits}\n" in shown
    assert ("วีดิทัศน์" in shown) == (code == "4.1.1")


def test_video_is_taken_where_its_limit_is_shown(owner_client):
    url = reverse("submissions:upload", args=[2566, "TH-50", "4.1.1"])
    assert _post(owner_client, "clip.mp4", files.mp4(), url).status_code == 201
    assert Evidence.objects.get().file_kind == "video"
