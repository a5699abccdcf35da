"""An iPhone's video sent to a criterion that asks for one: taken as the phone recorded it (QuickTime and the
other phone formats, known by content), its length counted from its samples; a file of a kind the criterion
does not take is refused with what that criterion takes and the way on from its page (docs/decisions.md, 15)."""

import shutil
from base64 import b64encode

import pytest
from django.urls import reverse

from contests.media import video_seconds
from submissions.models import Evidence

from . import files
from .conftest import stored_files

JSON = {"accept": "application/json"}


def _url(code: str) -> str:
    return reverse("submissions:upload", args=[2566, "TH-50", code])


@pytest.fixture(autouse=True)
def _no_ffprobe(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)  # the container's own checks, whatever is installed


@pytest.mark.parametrize(
    ("name", "brand", "content_type", "stored_as"),
    [
        ("IMG_0412.MOV", b"qt  ", "video/quicktime", "IMG_0412.MOV"),
        ("clip.3gp", b"3gp4", "video/3gpp", "clip.3gp"),
        ("clip.m4v", b"M4V ", "video/x-m4v", "clip.m4v"),
        ("IMG_0412", b"qt  ", "video/quicktime", "IMG_0412.mov"),  # no name to go by: the content names it
    ],
)
def test_a_phone_video_is_taken_where_the_criterion_asks_for_video(
    owner_client, media_root, name, brand, content_type, stored_as
):
    video = files.upload(name, files.quicktime(42.5, brand=brand), content_type="application/octet-stream")

    response = owner_client.post(_url("4.1.2"), {"file": video}, headers=JSON)

    assert response.status_code == 201, response.json()
    evidence = Evidence.objects.get()
    assert (evidence.file_kind, evidence.content_type, evidence.original_name) == ("video", content_type, stored_as)


def test_an_iphone_videos_length_is_counted_from_its_samples(tmp_path):
    # QuickTime's second handler (minf's "dhlr"/"alis") once hid the video track: no length at all
    path = tmp_path / "IMG_0412.MOV"
    path.write_bytes(files.quicktime(419.99))
    assert str(video_seconds(str(path))) == "419.99"


def test_the_picker_offers_a_phones_videos_where_the_criterion_takes_video(owner_client):
    page = owner_client.get(reverse("submissions:criterion", args=[2566, "TH-50", "4.1.2"])).content.decode()
    assert 'accept=".pdf,.mp4,.mov,.m4v,.3gp,video/mp4,video/quicktime,video/x-m4v,video/3gpp"' in page
    assert "PDF, วีดิทัศน์ (MP4, MOV, M4V, 3GP)" in page


def test_a_kind_the_criterion_does_not_take_is_refused_with_what_it_takes_and_the_link(owner_client, media_root):
    response = owner_client.post(_url("4.1.2"), {"file": files.upload("plan.docx", files.ooxml())}, headers=JSON)

    assert response.status_code == 400
    assert response.json()["refused"][0]["th"] == (
        "ชนิดไฟล์ไม่ถูกต้อง: ตัวชี้วัด ๔.๑.๒ รับเฉพาะ PDF, วีดิทัศน์ (MP4, MOV, M4V, 3GP) (ตรวจจากเนื้อหาไฟล์"
        " ไม่ใช่นามสกุล) วีดิทัศน์ชนิดอื่นให้บันทึกเป็น MP4 ก่อน หรือส่งที่อยู่บน YouTube หรือ Facebook ทางช่อง"
        " “ส่งลิงก์” ในหน้านี้"
    )
    assert Evidence.objects.count() == 0 and stored_files(media_root) == []


def test_a_kind_the_portal_takes_nowhere_names_only_this_criterions_types(owner_client, media_root):
    # an AVI, refused from its first bytes by the streaming handler, before the criterion's check
    avi = files.upload("IMG_0412.avi", b"RIFF\x00\x10\x00\x00AVI LIST" + b"\x00" * 200)

    refused = owner_client.post(_url("1.1"), {"file": avi}, headers=JSON).json()["refused"][0]

    assert refused["th"].startswith(
        "ชนิดไฟล์ไม่ถูกต้อง: ตัวชี้วัด ๑.๑ รับเฉพาะ PDF, JPG, PNG, Word (DOCX), Excel (XLSX), PowerPoint (PPTX) ("
    )
    assert "MP4" not in refused["th"] and refused["th"].endswith("ทางช่อง “ส่งลิงก์” ในหน้านี้")
    assert refused["en"].startswith("File type not accepted: criterion 1.1 takes only PDF, JPG, PNG,")


AVI = b"RIFF\x00\x10\x00\x00AVI LIST" + b"\x00" * 200  # a kind the portal takes nowhere, known from its first bytes
VIDEO_REFUSAL = (
    "ชนิดไฟล์ไม่ถูกต้อง: ตัวชี้วัด ๔.๑.๒ รับเฉพาะ PDF, วีดิทัศน์ (MP4, MOV, M4V, 3GP) (ตรวจจากเนื้อหาไฟล์"
    " ไม่ใช่นามสกุล) วีดิทัศน์ชนิดอื่นให้บันทึกเป็น MP4 ก่อน หรือส่งที่อยู่บน YouTube หรือ Facebook ทางช่อง"
    " “ส่งลิงก์” ในหน้านี้"
)


def test_the_api_refuses_a_kind_it_takes_nowhere_as_the_criterion_does(api, provincial_user, media_root):
    """The API's streaming handler refuses the AVI before the form's criterion is read: the refusal is still the
    criterion's, as on its page, not the portal's list of every type."""
    api.force_authenticate(provincial_user)
    upload = files.upload("IMG_0412.avi", AVI)

    response = api.post("/api/v1/years/2566/evidence/", {"file": upload, "criterion": "4.1.2"}, format="multipart")

    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert (error["code"], error["th"]) == ("upload_refused", VIDEO_REFUSAL)
    assert error["en"].startswith("File type not accepted: criterion 4.1.2 takes only PDF, video (MP4, MOV, M4V, 3GP)")
    assert Evidence.objects.count() == 0 and stored_files(media_root) == []


def test_the_api_asks_for_a_criterion_before_refusing_a_file_for_it(api, provincial_user):
    api.force_authenticate(provincial_user)
    upload = files.upload("IMG_0412.avi", AVI)

    response = api.post("/api/v1/years/2566/evidence/", {"file": upload, "criterion": "9.9"}, format="multipart")

    assert response.status_code == 404


def test_a_resumable_upload_of_a_kind_taken_nowhere_is_refused_as_the_criterion_does(owner_client):
    metadata = {"kind": "evidence", "rubric": "2566", "unit": "TH-50", "criterion": "4.1.2", "filename": "IMG.avi"}
    header = ",".join(f"{k} {b64encode(v.encode()).decode()}" for k, v in metadata.items())

    response = owner_client.post(
        "/api/v1/uploads/", headers={"Tus-Resumable": "1.0.0", "Upload-Length": "1000", "Upload-Metadata": header}
    )

    assert response.status_code == 400
    assert response.json()["errors"][0]["th"] == VIDEO_REFUSAL
