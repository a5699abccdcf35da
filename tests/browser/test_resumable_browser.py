"""Chromium sends a 20 MB file in pieces over tus (tus-js-client) and the link breaks mid-way: the page says so,
resumes from the last piece the portal holds, and the evidence saved is the file byte for byte (issue #42)."""

from submissions.models import Evidence, ResumableState, ResumableUpload
from tests.browser_support import MARKS, SHOTS
from tests.submissions import files

from .test_upload_browser import criterion_page

pytestmark = MARKS


def test_a_large_file_resumes_after_the_link_breaks_and_arrives_whole(browser, live_server):
    page = criterion_page(browser, live_server.url, 390)
    pieces, broken = [], []

    def link(route, request):
        if request.method == "PATCH":
            pieces.append(request.headers["upload-offset"])
            if len(pieces) == 2 and not broken:  # the second piece dies on a mobile link
                broken.append(request.headers["upload-offset"])
                return route.abort("connectionreset")
        return route.continue_()

    page.route("**/api/v1/uploads/**", link)
    pdf = files.pdf(size=20 * 1024 * 1024)
    page.fill("#upload-description", "วีดิทัศน์สรุปผล")
    page.set_input_files("#file-input", {"name": "สรุปผล.pdf", "mimeType": "application/pdf", "buffer": pdf})
    page.wait_for_selector(".upload-item.ok", timeout=90_000)
    page.screenshot(path=str(SHOTS / "resumable_upload_390.png"), full_page=True)

    evidence = Evidence.objects.get()
    assert page.context.request.get(f"{live_server.url}/evidence/{evidence.pk}/download/").body() == pdf
    assert (evidence.original_name, evidence.description) == ("สรุปผล.pdf", "วีดิทัศน์สรุปผล")
    assert broken == ["8388608"] and pieces.count("8388608") == 2  # the broken piece was sent again, once
    assert pieces[0] == "0" and pieces[-1] == "16777216"
    assert ResumableUpload.objects.get().state == ResumableState.SAVED
    assert page.locator("#evidence-list li.evidence").first.inner_text().count("สรุปผล.pdf") == 1
