"""Every page each demo role reaches, checked by axe-core with the WCAG 2.1 A and AA rules at 1366 px and on a
390 px phone (Thailand's government web standard asks for AA).

The pages are the crawl's (tests/whole/pages/test_crawl.py: every same-origin link reachable with GET from the role's
home, up to three pages per URL pattern): one page per pattern and role is loaded in Chromium, the first the crawl
reached, since the pages of one pattern are one view and one template drawn with other rows. `bootstrap --demo`
supplies the data, with every unit (a district office's staff is one of the roles).

Each page is loaded once and checked at both widths: axe at 1366 px, then the window narrowed to 390 px and axe
again on the same document. The phone's layout is CSS alone (no script of ours reads the window's size, and every
page's viewport tag, which a phone's emulation honoured, is the device's width), so narrowing the window lays the
page out as a phone's first load does; what a second load added was the server's rendering, Chromium's parsing and
axe's 500 kB of source once more.

About 300 pages and 600 axe runs: `make a11y` runs it, `make test` does not (tests/browser/pages/test_roles.py
checks each role's main pages the same way in every run): 106 CPU-s (bench/RESULTS.md, "The test suite's timings").
"""

import os
from urllib.parse import urlsplit

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.core.management import call_command

from tests.browser_support import MARKS, axe_violations, settle
from tests.whole.pages.test_crawl import ROLES, crawl, route

pytestmark = [*MARKS, pytest.mark.walk]
WIDTHS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}


def pages_of(client, username: str) -> list[str]:
    """The first page of each URL pattern the role reaches that answers 200 with HTML (not a download)."""
    client.force_login(get_user_model().objects.get(username=username))
    html: list[str] = []
    crawl(client, "/", html)
    client.logout()
    first: dict[str, str] = {}
    for url in html:
        first.setdefault(route(urlsplit(url).path), url)
    return list(first.values())


def test_every_page_of_every_demo_role_passes_axe_at_both_widths(browser, live_server, client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("bootstrap", demo=True, stdout=open(os.devnull, "w"))
    problems: list[str] = []
    checked = 0
    for username in ROLES:
        urls = pages_of(client, username)
        client.force_login(get_user_model().objects.get(username=username))  # a session the browser carries
        cookie = client.cookies[django_settings.SESSION_COOKIE_NAME].value
        context = browser.new_context(viewport=WIDTHS["desktop"], locale="th-TH")
        host = urlsplit(live_server.url).hostname
        session = {"name": django_settings.SESSION_COOKIE_NAME, "value": cookie, "domain": host, "path": "/"}
        context.add_cookies([session])
        page = context.new_page()
        for url in urls:
            page.set_viewport_size(WIDTHS["desktop"])
            response = page.goto(live_server.url + url)
            settle(page)
            if response is None or "text/html" not in (response.headers.get("content-type") or ""):
                continue
            for device, viewport in WIDTHS.items():
                page.set_viewport_size(viewport)
                checked += 1
                problems += [f"{username} {device} {url}: axe {v}" for v in axe_violations(page)]
        context.close()
    assert checked > 200, checked  # the walk really went somewhere
    assert problems == [], "\n".join(problems)
