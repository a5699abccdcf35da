"""The admin's selection counter in Thai digits as boxes are ticked: Django's actions.js rewrites it
in Arabic ones, and static/js/admin-access.js keeps the page's digits."""

from urllib.parse import urlsplit

from django.conf import settings as django_settings

from tests.browser_support import MARKS, settle

pytestmark = MARKS


def test_the_selection_counter_keeps_thai_digits_as_boxes_are_ticked(browser, live_server, client, central_user):
    client.force_login(central_user)  # signed in without the second factor central staff set up on first login
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="th-TH")
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME].value
    host = urlsplit(live_server.url).hostname
    context.add_cookies([{"name": django_settings.SESSION_COOKIE_NAME, "value": cookie, "domain": host, "path": "/"}])
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/scoring/rubric/")
    settle(page)
    rows = page.locator("input.action-select").count()
    total = str(rows).translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    assert page.inner_text(".action-counter") == f"เลือก ๐ จาก {total}"

    page.locator("input.action-select").nth(0).check()

    assert page.inner_text(".action-counter") == f"เลือก ๑ จาก {total}"
