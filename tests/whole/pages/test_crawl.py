"""Log in as each demo role and follow every same-origin link reachable with GET.

A 5xx, an exception or an undefined template variable (tests/conftest.py makes those raise) on any
page fails the test, with every broken URL listed; so does a link the role is offered that answers 403 or
404 (an organiser's judgment page linked its contest's admin page, a district's page the year on
year of a province it is not), an Arabic digit in an admin page's codes and counts, and an English sentence after
a Thai one.
`bootstrap --demo` supplies the data.
"""

import functools
import os
import re
from collections import Counter
from urllib.parse import urldefrag, urljoin, urlsplit

import lxml.html
import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import Resolver404, resolve

from people.models import Role
from tests.whole.cdd4.test_admin_digits import arabic_words, shown

ROLES = {
    "central": Role.CENTRAL,
    "committee1": Role.COMMITTEE,
    "chair": Role.CHAIR,
    "chiangmai": Role.OFFICE_STAFF,
    "chonburi": Role.ORGANISER,
    "mueangchonburi": Role.OFFICE_STAFF,  # a district office's staff
}
MAX_PAGES = 500  # per role
# Per URL pattern, not per path: the scoring screen of each criterion and province, or each object's admin
# pages, render one view and template (tests/whole/committee/test_every_screen.py opens every scoring screen).
# Capped per path, those filled MAX_PAGES with 48 patterns reached for central staff (22 for the committee);
# capped per pattern, the crawl ends by itself at 96 (51) in half the time.
MAX_PER_ROUTE = 3
# "สถานะ / status": a Thai text followed by its English on a Thai page (the language switch shows English alone).
ENGLISH_AFTER_THAI = re.compile(r"[\u0E00-\u0E7F][^/\n<>]{0,60} / [A-Za-z][A-Za-z ]{2,}")
BOXES = re.compile(r"<(script|style|textarea)\b.*?</\1>", re.S | re.I)
TAGS = re.compile(r"<[^>]*>")
SKIP = ("/accounts/logout", "/admin/logout", "/i18n/", "/static/", "/api/v1/schema")


def links(html: str) -> list[str]:
    """Each <a href>, <iframe src> and <img src> of a page, in the page's order, read by libxml2's HTML parser
    (lxml): six times as fast as html.parser in pure Python (32 against 5 ms for the same five pages), whose
    links were the very same, in the same order, on each of the demo's 518 pages when this changed."""
    return [url for url in lxml.html.fromstring(html).xpath("//a/@href | //iframe/@src | //img/@src") if url]


@functools.cache  # a page links the same few paths many times (the matrix: a link per cell)
def route(path: str) -> str:
    """The URL pattern a path matches (`admin/committee/judgment/<path:object_id>/change/`); else the path."""
    try:
        return resolve(path).route
    except Resolver404:
        return path


def crawl(client, start: str, html_pages: list[str] | None = None) -> tuple[dict[str, int], list[str]]:
    """Every page reached from `start`: its status, and what is broken; `html_pages` (when given) gets each
    page that answered 200 with HTML, in the order reached."""
    seen: dict[str, int] = {}
    found_on: dict[str, str] = {}  # a link → the page that offered it
    per_route: Counter = Counter()
    broken: list[str] = []
    queue = [start]
    names = set(get_user_model().objects.values_list("username", flat=True))  # their digits are their own
    while queue and len(seen) < MAX_PAGES:
        url = queue.pop(0)
        if url in seen:
            continue
        try:
            response = client.get(url)
        except Exception as exc:  # the test client re-raises the view's (or the template's) exception
            seen[url] = 500
            broken.append(f"{url}: {type(exc).__name__}: {exc}")
            continue
        seen[url] = response.status_code
        if response.status_code >= 500:
            broken.append(f"{url}: HTTP {response.status_code}")
        elif response.status_code in (403, 404) and url in found_on:
            broken.append(f"{url}: HTTP {response.status_code}, linked from {found_on[url]}")
        if response.status_code in (301, 302, 303):
            queue.append(urljoin(url, response["Location"]))
            continue
        if "text/html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        if html_pages is not None and response.status_code == 200:
            html_pages.append(url)
        text = TAGS.sub(" ", BOXES.sub(" ", html))
        if url.startswith("/admin/") and (arabic := arabic_words(shown(html), names=names)):
            broken.append(f"{url}: Arabic digits on an admin page (its codes and counts are Thai): {arabic[:5]}")
        if pair := ENGLISH_AFTER_THAI.search(text):
            broken.append(f"{url}: English after Thai: {pair.group(0)!r}")
        for raw in links(html):
            target = urldefrag(urljoin(url, raw)).url
            parts = urlsplit(target)
            if parts.scheme not in ("", "http") or parts.netloc not in ("", "testserver"):
                continue  # another origin
            local = parts.path + (f"?{parts.query}" if parts.query else "")
            if local in seen or local.startswith(SKIP):
                continue
            pattern = route(parts.path)
            if per_route[pattern] >= MAX_PER_ROUTE:
                continue
            per_route[pattern] += 1
            found_on.setdefault(local, url)
            queue.append(local)
    return seen, broken


@pytest.mark.django_db
def test_every_reachable_page_of_every_demo_role(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("bootstrap", demo=True, stdout=open(os.devnull, "w"))
    problems = {}
    for username in ROLES:
        client.force_login(get_user_model().objects.get(username=username))
        seen, broken = crawl(client, "/")
        if broken:
            problems[username] = broken
        ok = [u for u, status in seen.items() if status == 200]
        assert len(ok) >= 8, (username, seen)  # the role's home really leads somewhere
        client.logout()
    assert problems == {}, "\n".join(f"{user}: {line}" for user, lines in problems.items() for line in lines)
