"""Chromium: the API docs (Swagger UI) run from the portal's own static files under the docs CSP."""

from people.models import Role
from tests.browser_support import MARKS, keep_shot
from tests.factories import PASSWORD, UserFactory

pytestmark = MARKS


def test_api_docs_render_offline_under_csp_after_login(browser, live_server):
    user = UserFactory(role=Role.CENTRAL)
    page = browser.new_context().new_page()
    problems, outside = [], []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(live_server.url) else None)
    page.goto(f"{live_server.url}/api/v1/docs/")
    assert "/accounts/login/" in page.url  # the docs need a login
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_selector(".swagger-ui .info .title", timeout=15_000)

    assert "CDD 4.0" in page.inner_text(".swagger-ui .info .title")
    assert page.locator(".opblock").count() > 10  # the schema loaded and its operations are listed
    keep_shot(page, "api-docs.png")
    assert outside == []
    assert [p for p in problems if "Content Security Policy" in p] == []
