"""tests/browser_support.py. The live server the browser tests drive counts the requests it is still answering, so
a test ends only once none is left (`launch`): a request finished after the test found its database closed.
`keep_shot` keeps a picture of a page or of one element only when screenshots are asked for (`make screenshots`):
the browser tests' checks run the same either way."""

import socket

import pytest

from tests import browser_support
from tests.browser_support import NEEDS_CHROMIUM, LiveRequests, keep_shot

PAGE = "<main><h1>ผลการประกวด</h1><p id='rank'>อันดับ ๑</p></main>"
PNG = b"\x89PNG\r\n\x1a\n"


def test_the_live_server_counts_a_request_until_its_response_is_closed(live_server, settings):
    settings.CDD4_LINE_CHANNEL_ACCESS_TOKEN, settings.CDD4_LINE_CHANNEL_SECRET = "token", "secret"
    host, port = live_server.thread.host, live_server.thread.port
    with socket.create_connection((host, port), timeout=5) as sock:
        # LINE's webhook reads its whole body before it answers (the signature covers it); this one stops
        # part-way, so Django is still answering it.
        sock.sendall(
            f"POST /line/webhook/ HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json"
            '\r\nX-Line-Signature: x\r\nContent-Length: 200\r\n\r\n{"events": ['.encode()
        )
        with LiveRequests.changed:
            assert LiveRequests.changed.wait_for(lambda: LiveRequests.count == 1, timeout=5)
        assert not LiveRequests.wait_none(timeout=0.5)  # and it goes on answering it
    assert LiveRequests.wait_none(timeout=5)  # the link gone, the request ended and its response closed
    assert LiveRequests.count == 0


@pytest.fixture
def shots(monkeypatch, tmp_path):
    monkeypatch.setattr(browser_support, "SHOTS", tmp_path / "screenshots")
    return tmp_path / "screenshots"


@pytest.mark.browser
@NEEDS_CHROMIUM
def test_asked_for_a_page_and_an_element_are_kept_as_png_under_their_names(browser, shots, monkeypatch):
    monkeypatch.setattr(browser_support, "SCREENSHOTS", True)
    page = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    page.set_content(PAGE)

    keep_shot(page, "roles/page-phone.png", full_page=True)
    keep_shot(page.locator("#rank"), "rank.png")

    assert sorted(p.relative_to(shots).as_posix() for p in shots.rglob("*.png")) == ["rank.png", "roles/page-phone.png"]
    assert (shots / "roles" / "page-phone.png").read_bytes()[:8] == PNG
    assert (shots / "rank.png").read_bytes()[:8] == PNG


@pytest.mark.browser
@NEEDS_CHROMIUM
def test_not_asked_for_nothing_is_drawn_or_kept(browser, shots, monkeypatch):
    monkeypatch.setattr(browser_support, "SCREENSHOTS", False)
    page = browser.new_context().new_page()
    page.set_content(PAGE)

    keep_shot(page, "page.png", full_page=True)

    assert not shots.exists()
