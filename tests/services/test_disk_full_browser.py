"""In the browser: a full disk shows the Thai reason on the file's row; after space is freed, it goes through."""

import pytest

from contests.models import Unit
from people.models import Role
from submissions.models import Evidence
from submissions.uploads import storage_full
from tests.browser_support import MARKS, keep_shot, launch
from tests.factories import PASSWORD, UserFactory
from tests.submissions import files

from .conftest import fill

pytestmark = [pytest.mark.service, *MARKS]


@pytest.fixture
def browser(small_disk, chromium, live_server, monkeypatch, settings, tmp_path):
    # launch() puts MEDIA_ROOT at tmp_path/media: the small filesystem is mounted there.
    yield from launch(chromium, live_server, monkeypatch, settings, tmp_path)


def test_browser_disk_full_shows_thai_reason_then_upload_succeeds(browser, live_server, small_disk, settings):
    assert settings.MEDIA_ROOT == small_disk
    user = UserFactory(role=Role.OFFICE_STAFF, role__unit=Unit.objects.get(code="TH-50"))
    page = browser.new_context(viewport={"width": 1280, "height": 900}, locale="th-TH").new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.goto(f"{live_server.url}/years/2566/provinces/TH-50/criteria/1.1/")
    pdf = {"name": "รายงาน.pdf", "mimeType": "application/pdf", "buffer": files.pdf(size=1024 * 1024)}

    fill(small_disk, leave=128 * 1024)
    page.set_input_files("#file-input", pdf)
    page.wait_for_selector(".upload-item.failed", timeout=30_000)
    assert page.inner_text(".upload-item.failed .msg") == f"{storage_full().th} ลองใหม่"  # the reason, then retry
    keep_shot(page, "upload_disk_full.png", full_page=True)

    (small_disk / "filler").unlink()
    page.set_input_files("#file-input", pdf)
    page.wait_for_selector(".upload-item.ok", timeout=30_000)
    assert Evidence.objects.get().original_name == "รายงาน.pdf"
