"""Every task with the keyboard alone (WCAG 2.1.1), at any size (1.4.10): an office sends evidence on a
criterion page with Tab, Enter and Space only, from the skip link to the saved row, and its home does not
scroll sideways at 200 % zoom."""

from contests.models import Unit
from people.models import Role
from rubrics.models import Criterion
from scoring.models import Fact, FactSource
from submissions.models import Evidence
from tests.browser_support import MARKS, keep_shot, portal_login, settle
from tests.factories import PASSWORD, UserFactory
from tests.submissions import files

pytestmark = MARKS
MOST_TABS = 12  # from the main content to the file chooser: the description, the drop zone, "choose files"


def _office_page(browser, base: str, **context):
    owner = UserFactory(role=Role.OFFICE_STAFF, role__unit=Unit.objects.get(code="TH-50"))
    page = browser.new_context(locale="th-TH", **context).new_page()
    portal_login(page, base, owner.username, PASSWORD)
    return page


def _tab_to(page, selector: str) -> int:
    """Tab until `selector` has the focus; how many Tabs it took."""
    for tabs in range(1, MOST_TABS + 1):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return tabs
    raise AssertionError(f"{selector} not reached in {MOST_TABS} Tabs")


def _chooser_opened_by(page, choosers: list, key: str):
    """Press `key` on what has the focus; the file chooser it opened. The page listens for choosers before it
    loads, so Chromium intercepts every chooser: `expect_file_chooser` turns interception on only as its waiter
    starts, which under load came after the key and left the chooser to headless Chromium, which cancels it."""
    before = len(choosers)
    page.keyboard.press(key)
    for _ in range(300):
        if len(choosers) > before:
            return choosers[-1]
        page.wait_for_timeout(100)
    raise AssertionError(f"{key} opened no file chooser in 30 s")


def _focus_shows(page) -> str:
    """The outline around what has the focus, or around its label (a file input inside its label button)."""
    return page.evaluate(
        """() => { const el = document.activeElement, shown = el.closest('.button') || el;
                   const s = getComputedStyle(shown); return `${s.outlineStyle} ${s.outlineWidth}`; }"""
    )


def test_an_office_sends_a_file_with_the_keyboard_alone(browser, live_server):
    base = live_server.url
    page = _office_page(browser, base, viewport={"width": 1366, "height": 900})
    choosers: list = []
    page.on("filechooser", lambda chooser: choosers.append(chooser))
    page.goto(f"{base}/years/2566/provinces/TH-50/criteria/1.1/")
    settle(page)  # upload.js loaded: the drop zone's keys answer only once it has run

    page.keyboard.press("Tab")  # the first stop of every page: the skip link
    assert page.evaluate("document.activeElement.textContent") == "ข้ามไปยังเนื้อหาหลัก"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    _tab_to(page, "#upload-description")
    page.keyboard.type("รายงานการอบรม")
    assert _tab_to(page, "#dropzone") == 1
    assert page.evaluate("document.activeElement.getAttribute('role')") == "button"
    assert _focus_shows(page) == "solid 3px"
    chooser = _chooser_opened_by(page, choosers, "Space")  # the drop zone opens the chooser with Space ...
    assert chooser.is_multiple()
    chooser.set_files([])  # closed with nothing chosen, as Esc would: Chromium opens one chooser at a time

    assert _tab_to(page, "#file-input") == 1  # ... and "choose files" is a stop of its own, with Enter
    assert _focus_shows(page) == "solid 3px"
    chooser = _chooser_opened_by(page, choosers, "Enter")
    chooser.set_files({"name": "รายงานอบรม.pdf", "mimeType": "application/pdf", "buffer": files.pdf()})

    page.wait_for_selector(".upload-item.ok", timeout=30_000)
    evidence = Evidence.objects.get()
    assert (evidence.original_name, evidence.description) == ("รายงานอบรม.pdf", "รายงานการอบรม")
    keep_shot(page, "keyboard_upload_1366.png", full_page=True)


def test_the_office_home_does_not_scroll_sideways_at_200_percent_zoom(browser, live_server):
    # the Department recorded 2.1.2 as received: the longest status the home shows
    criterion = Criterion.objects.get(rubric__year=2566, code="2.1.2")
    chiang_mai = Unit.objects.get(code="TH-50")
    Fact.objects.create(
        rubric=criterion.rubric, unit=chiang_mai, criterion=criterion, name="received_on", value="2023-05-01",
        source=FactSource.IMPORT,
    )  # fmt: skip
    # 200 % of a 1366 px screen: the page laid out in 683 CSS pixels, drawn at twice the density
    page = _office_page(browser, live_server.url, viewport={"width": 683, "height": 450}, device_scale_factor=2)
    assert page.url == f"{live_server.url}/years/2566/provinces/TH-50/"
    assert page.get_by_text("ส่งแล้ว (กรมบันทึกการรับแล้ว)").is_visible()
    assert page.evaluate("document.scrollingElement.scrollWidth") == 683
    keep_shot(page, "province_home_200_percent.png", full_page=True)
