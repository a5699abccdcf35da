"""Chromium sends a 20 MB file in pieces over tus (tus-js-client) and the link breaks mid-way: the page says so,
resumes from the last piece the portal holds, and the evidence saved is the file byte for byte."""

from submissions.models import Evidence, ResumableState, ResumableUpload
from tests.browser_support import MARKS, keep_shot, portal_login
from tests.factories import PASSWORD
from tests.stages.stage_support import box, load_chain, mp4, organiser
from tests.stages.test_stages import pick
from tests.submissions import files

from .test_upload import criterion_page

pytestmark = MARKS


def send_with_a_broken_piece(page, data: bytes) -> tuple[list, list]:
    """Sends `data` as "สรุปผล.pdf" from the criterion page, the second piece dying on a mobile link; returns
    the offsets of the pieces sent and of the one broken."""
    pieces, broken = [], []

    def link(route, request):
        if request.method == "PATCH":
            pieces.append(request.headers["upload-offset"])
            if len(pieces) == 2 and not broken:  # the second piece dies on a mobile link
                broken.append(request.headers["upload-offset"])
                return route.abort("connectionreset")
        return route.continue_()

    page.route("**/api/v1/uploads/**", link)
    page.fill("#upload-description", "วีดิทัศน์สรุปผล")
    page.set_input_files("#file-input", {"name": "สรุปผล.pdf", "mimeType": "application/pdf", "buffer": data})
    page.wait_for_selector(".upload-item.ok", timeout=90_000)
    return pieces, broken


def test_a_large_file_resumes_after_the_link_breaks_and_arrives_whole(browser, live_server):
    page = criterion_page(browser, live_server.url, 390)
    pdf = files.pdf(size=20 * 1024 * 1024)
    pieces, broken = send_with_a_broken_piece(page, pdf)
    keep_shot(page, "resumable_upload_390.png", full_page=True)

    evidence = Evidence.objects.get()
    assert page.context.request.get(f"{live_server.url}/evidence/{evidence.pk}/download/").body() == pdf
    assert (evidence.original_name, evidence.description) == ("สรุปผล.pdf", "วีดิทัศน์สรุปผล")
    assert broken == ["8388608"] and pieces.count("8388608") == 2  # the broken piece was sent again, once
    assert pieces[0] == "0" and pieces[-1] == "16777216"
    assert ResumableUpload.objects.get().state == ResumableState.SAVED
    assert page.locator("#evidence-list li.evidence").first.inner_text().count("สรุปผล.pdf") == 1


def test_the_same_with_the_files_in_the_object_store(browser, live_server, in_object_store, object_store):
    """Service mode with CDD4_S3_BUCKET: the pieces and the file go to the S3 store, the download is a signed
    link the browser follows there."""
    page = criterion_page(browser, live_server.url, 390)
    pdf = files.pdf(size=12 * 1024 * 1024)
    pieces, broken = send_with_a_broken_piece(page, pdf)

    evidence = Evidence.objects.get()
    answer = page.context.request.get(f"{live_server.url}/evidence/{evidence.pk}/download/")
    assert (broken, pieces) == (["8388608"], ["0", "8388608", "8388608"])
    assert answer.url.startswith(f"{object_store.url}/{in_object_store['CDD4_S3_BUCKET']}/{evidence.stored_path}?")
    assert answer.body() == pdf
    assert object_store.objects(in_object_store["CDD4_S3_BUCKET"]) == {evidence.stored_path: pdf}


def test_a_stage_video_goes_in_pieces_from_the_stage_page(browser, live_server):
    chain = load_chain()
    pick(organiser(chain.mae_rim), chain.district_stage, chain.rim_nua)
    chiang_mai = organiser(chain.mae_rim.parent)
    pick(chiang_mai, chain.region_stage, chain.rim_nua)
    video = mp4(6 * 60) + box(b"free", bytes(12 * 1024 * 1024))  # six minutes, 12 MB: two pieces
    page = browser.new_context(viewport={"width": 390, "height": 844}, locale="th-TH").new_page()
    portal_login(page, live_server.url, chiang_mai.username, PASSWORD)
    page.goto(f"{live_server.url}/standings/stages/{chain.region_stage.slug}/")
    form = page.locator(f"#send-{chain.rim_nua.code}-video")

    form.locator("input[type=file]").set_input_files({"name": "ริมเหนือ.mp4", "mimeType": "video/mp4", "buffer": video})
    with page.expect_navigation(timeout=60_000):  # read again once saved
        form.locator("button").click()

    upload = ResumableUpload.objects.get()
    assert (upload.state, upload.stage_upload.seconds) == (ResumableState.SAVED, 360)
    assert upload.stage_upload.file.read() == video
    assert page.locator(f"#send-{chain.rim_nua.code}-video").count() == 0  # no longer missing
