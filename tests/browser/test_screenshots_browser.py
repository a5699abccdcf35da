"""`keep_shot` keeps a picture of a page or of one element only when screenshots are asked for (`make screenshots`):
the browser tests' checks run the same either way."""

import pytest

from tests import browser_support
from tests.browser_support import MARKS, keep_shot

pytestmark = MARKS

PAGE = "<main><h1>ผลการประกวด</h1><p id='rank'>อันดับ ๑</p></main>"
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def shots(monkeypatch, tmp_path):
    monkeypatch.setattr(browser_support, "SHOTS", tmp_path / "screenshots")
    return tmp_path / "screenshots"


def test_asked_for_a_page_and_an_element_are_kept_as_png_under_their_names(browser, shots, monkeypatch):
    monkeypatch.setattr(browser_support, "SCREENSHOTS", True)
    page = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    page.set_content(PAGE)

    keep_shot(page, "roles/page-phone.png", full_page=True)
    keep_shot(page.locator("#rank"), "rank.png")

    assert sorted(p.relative_to(shots).as_posix() for p in shots.rglob("*.png")) == ["rank.png", "roles/page-phone.png"]
    assert (shots / "roles" / "page-phone.png").read_bytes()[:8] == PNG
    assert (shots / "rank.png").read_bytes()[:8] == PNG


def test_not_asked_for_nothing_is_drawn_or_kept(browser, shots, monkeypatch):
    monkeypatch.setattr(browser_support, "SCREENSHOTS", False)
    page = browser.new_context().new_page()
    page.set_content(PAGE)

    keep_shot(page, "page.png", full_page=True)

    assert not shots.exists()
