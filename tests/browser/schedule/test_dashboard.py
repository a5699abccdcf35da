"""Chromium (Debian's, headless): the dashboard's map and table, updated without a reload by another session."""

import pytest
from knox.models import AuthToken

from people.models import Role
from tests.browser_support import MARKS, keep_shot, launch, settle
from tests.factories import PASSWORD, UserFactory

pytestmark = MARKS


@pytest.fixture
def browser(chromium, live_server, monkeypatch, settings, tmp_path):
    settings.CDD4_DASHBOARD_POLL_SECONDS = 1
    yield from launch(chromium, live_server, monkeypatch, settings, tmp_path)


def test_dashboard_map_and_table_update_live_after_an_import_elsewhere(browser, live_server):
    watcher = UserFactory(role=Role.CENTRAL)
    importer = UserFactory(role=Role.CENTRAL)
    base = live_server.url
    page = browser.new_context(viewport={"width": 1500, "height": 1000}, locale="th-TH").new_page()
    requests_seen = []
    page.on("request", lambda r: requests_seen.append(r.url))
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", watcher.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    settle(page)
    page.goto(f"{base}/standings/2566/")
    assert page.locator("#thmap path.prov").count() == 76
    assert page.locator("#ranking tbody tr").count() == 76
    assert "ข้อมูล ณ" in page.inner_text(".asof")
    before_fill = page.eval_on_selector("#map-TH-83", "p => getComputedStyle(p).fill")
    page.evaluate("window.__noReload = true")
    keep_shot(page, "dashboard.png", full_page=False)

    # Another session: central staff import facts through the API (an API token, its own connection).
    _, token = AuthToken.objects.create(user=importer)
    api = browser.new_context().request
    facts = [
        *({"province": "TH-83", "criterion": c, "fact": "done", "value": "yes"} for c in ["1.1", "1.2", "1.4", "3.5"]),
        {"province": "TH-83", "criterion": "3.3", "fact": "computers_total", "value": "100"},
        {"province": "TH-83", "criterion": "3.3", "fact": "computers_with_antivirus", "value": "100"},
    ]
    response = api.post(
        f"{base}/api/v1/years/2566/facts/", data={"facts": facts}, headers={"Authorization": f"Token {token}"}
    )
    assert response.status == 200, response.text()

    page.wait_for_function(
        """() => { const row = document.querySelector('#ranking tbody tr');
                   return row && row.getAttribute('data-province') === 'TH-83'
                          && row.querySelector('td.total').innerText.trim() === '๒๕'; }""",
        timeout=15_000,
    )
    assert page.evaluate("window.__noReload") is True  # swapped in place, not reloaded
    assert page.eval_on_selector("#map-TH-83", "p => getComputedStyle(p).fill") != before_fill
    assert "ชนะเลิศ" in page.inner_text("#ranking tbody tr:first-child")
    keep_shot(page, "dashboard_updated.png", full_page=False)
    page.goto(f"{base}/standings/2566/?map=award")
    keep_shot(page, "dashboard_award_map.png", full_page=True)
    assert all(url.startswith(base) for url in requests_seen)  # nothing fetched from outside


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (390, 844)])
def test_the_first_screen_is_the_work_of_the_moment(browser, live_server, clock, width, height):
    """Central's first screen opens on what is late and due soon, not on a settings form, an import form and
    "ตรึงผล", on a desktop and on a phone, and nothing scrolls sideways."""
    clock(2023, 6, 27, 10, 0)  # 1.2 due in 3 working days; earlier rounds past and owed
    central = UserFactory(role=Role.CENTRAL)
    page = browser.new_context(viewport={"width": width, "height": height}, locale="th-TH").new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", central.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    settle(page)
    page.goto(f"{live_server.url}/standings/2566/")
    work = page.locator("#work-now").bounding_box()
    assert work is not None and work["y"] < height  # begins on the first screen
    assert page.locator("#work-now h3").first.inner_text() == "เลยกำหนดแล้วยังไม่ส่ง"
    assert page.locator("#work-now .near-deadline[data-criterion='1.2']").count() == 1
    assert page.locator("input[name=award_min_total], #facts-upload").count() == 0
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    keep_shot(page, f"dashboard_first_screen_{width}.png", full_page=False)
    page.click("#settings-link")
    assert page.input_value("input[name=award_min_total]") == "0.01"
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    keep_shot(page, f"dashboard_settings_{width}.png", full_page=True)
