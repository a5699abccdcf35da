"""Playwright against Debian's Chromium, headless, with none of its background network chatter."""

import asyncio
import functools
import json
import os
import threading
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connections

SHOTS = Path(__file__).resolve().parents[1] / "var" / "screenshots"
# Screenshots are pictures for a person to look at, not checks: taken only when asked (`make screenshots`).
# Drawing and encoding them was a tenth of the browser tests' CPU, in every run where nobody looks at them.
SCREENSHOTS = os.environ.get("CDD4_SCREENSHOTS", "") not in ("", "0")
FULL_CHROMIUM = "/usr/bin/chromium"
# Debian's headless shell of the same Chromium (package chromium-headless-shell; what Playwright itself runs for
# headless=True): the same Blink lays out and draws the same pages without the full browser's windows, WebUI
# and extensions, for about a quarter of its CPU on these 2-core machines (a new context loading a bare page
# four times: 0.18 CPU-s against 0.69; the browser tests 106 CPU-s against 222). The full browser
# stays for what only it has, its built-in PDF viewer (`full_chromium`), and wherever the shell is not installed.
HEADLESS_SHELL = "/usr/bin/chromium-headless-shell"
CHROMIUM = HEADLESS_SHELL if os.path.exists(HEADLESS_SHELL) else FULL_CHROMIUM
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # One renderer process for every page, as the portal is one site: site isolation would give each context's
    # pages their own process to start and feed (the builder and publish tests 94.9 → 89.5 and 86.2 → 81.6 CPU-s
    # of the machine, run alternately).
    "--disable-features=site-per-process,IsolateOrigins",
    "--renderer-process-limit=1",
]
# What the page still has in hand, counted in the page: fetches and XHRs until their body is read and handled
# (the count drops a task later, after the promise chain that reads it), and timers under a second (the
# builder's preview waits 450 ms after typing). `settle` waits for none, instead of Playwright's networkidle,
# which waits out a fixed 500 ms of quiet after every step (232 steps, about two minutes a run).
BUSY = """(() => {
  if (window.__busy) return;
  let busy = 0;
  const setT = window.setTimeout.bind(window), clearT = window.clearTimeout.bind(window), timers = new Set();
  const done = () => setT(() => { busy--; }, 0);
  window.setTimeout = function (fn, ms, ...args) {
    if (typeof fn !== "function" || !(Number(ms || 0) < 1000)) return setT(fn, ms, ...args);
    busy++;
    const id = setT(() => { timers.delete(id); busy--; fn(...args); }, ms);
    timers.add(id);
    return id;
  };
  window.clearTimeout = (id) => { if (timers.delete(id)) busy--; return clearT(id); };
  const fetch = window.fetch.bind(window);
  window.fetch = (...a) => { busy++; const p = fetch(...a); p.then(done, done); return p; };
  for (const name of ["text", "json", "blob", "arrayBuffer", "formData"]) {
    const read = Response.prototype[name];
    Response.prototype[name] = function (...a) { busy++; const p = read.apply(this, a); p.then(done, done); return p; };
  }
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function (...a) {
    busy++;
    this.addEventListener("loadend", done, { once: true });
    return send.apply(this, a);
  };
  window.__busy = () => busy;
})();"""
NEEDS_CHROMIUM = pytest.mark.skipif(
    not os.path.exists(CHROMIUM), reason="Debian's chromium is not installed (.ci/run installs it)"
)
MARKS = [pytest.mark.browser, NEEDS_CHROMIUM]


@pytest.fixture(scope="session")
def playwright_started():
    """One Playwright per worker. Between its calls Playwright's sync API leaves its event loop marked as
    running in this thread, which Django's async guard takes for async code: the mark is put back only while a
    browser test runs (`launch`), so the worker's other tests keep the guard (and no DJANGO_ALLOW_ASYNC_UNSAFE
    leaks into their subprocesses)."""
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    loop = asyncio.events._get_running_loop()
    asyncio.events._set_running_loop(None)
    yield playwright, loop
    asyncio.events._set_running_loop(loop)
    playwright.stop()


def _started(playwright_started, executable: str):
    playwright, loop = playwright_started
    asyncio.events._set_running_loop(loop)  # Playwright starts the browser's process on its own loop
    browser = playwright.chromium.launch(executable_path=executable, headless=True, args=ARGS)
    asyncio.events._set_running_loop(None)
    yield browser, loop
    asyncio.events._set_running_loop(loop)
    browser.close()
    asyncio.events._set_running_loop(None)


@pytest.fixture(scope="session")
def chromium(playwright_started):
    """One Chromium for all of a worker's browser tests: starting Playwright and a browser cost about 0.8 s a test.

    Each test still gets its own contexts (cookies, storage), closed after it by `launch`."""
    yield from _started(playwright_started, CHROMIUM)


@pytest.fixture(scope="session")
def full_chromium(playwright_started):
    """The full browser, started for the first test that needs what the headless shell lacks (a PDF shown in
    Chromium's own viewer)."""
    yield from _started(playwright_started, FULL_CHROMIUM)


def settle(page) -> None:
    """The page loaded (a click that navigates has already waited for the new page to commit) and nothing it
    started is still in flight: no request, no response unread, no short timer pending."""
    page.wait_for_load_state("load")
    page.wait_for_function("() => !window.__busy || window.__busy() === 0")


def _counting(monkeypatch):
    """Every context and page of the test counts what it has in hand (BUSY), for `settle`."""
    from playwright.sync_api import Browser

    new_context, new_page = Browser.new_context, Browser.new_page

    def context_counting(self, *args, **kwargs):
        context = new_context(self, *args, **kwargs)
        context.add_init_script(BUSY)
        return context

    def page_counting(self, *args, **kwargs):
        page = new_page(self, *args, **kwargs)
        page.add_init_script(BUSY)
        return page

    monkeypatch.setattr(Browser, "new_context", context_counting)
    monkeypatch.setattr(Browser, "new_page", page_counting)


class LiveRequests:
    """The live server's requests begun and not yet closed."""

    count = 0
    changed = threading.Condition()

    @classmethod
    def begun(cls) -> None:
        with cls.changed:
            cls.count += 1
            cls.changed.notify_all()

    @classmethod
    def ended(cls) -> None:
        with cls.changed:
            cls.count -= 1
            cls.changed.notify_all()

    @classmethod
    def wait_none(cls, timeout: float = 10) -> bool:
        with cls.changed:
            return cls.changed.wait_for(lambda: cls.count == 0, timeout)


class CountedResponse:
    """A response whose close (after Django's own, which sends `request_finished`) ends its request's count."""

    def __init__(self, response):
        self.response = response

    def __iter__(self):
        return iter(self.response)

    def close(self) -> None:
        try:
            self.response.close()
        finally:
            LiveRequests.ended()


def launch(chromium, live_server, monkeypatch, settings, tmp_path):
    """Yields the browser on a live server whose data is bootstrapped and whose evidence goes to tmp_path."""
    from contests.models import Unit
    from rubrics.models import ContestPeriod
    from scoring.recompute import standings_recompute

    browser, loop = chromium
    _counting(monkeypatch)
    settings.MEDIA_ROOT = tmp_path / "media"
    if not Unit.objects.exists():  # an earlier transactional test flushed the bootstrap data
        call_command("bootstrap", "--no-units", verbosity=0, stdout=open(os.devnull, "w"))
    # In service mode the session bootstrap may have queued its recompute to a broker no worker reads.
    standings_recompute(rubric_id=ContestPeriod.objects.get(year=2566).pk)
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # the test's own ORM calls, beside the running loop
    asyncio.events._set_running_loop(loop)
    yield browser
    for context in browser.contexts:
        context.close()
    # A request the closed page had begun (a live poll, say) is still finished by the server; its end reads
    # the database, which is closed to it once this test is over.
    assert LiveRequests.wait_none(), "the live server is still answering a request 10 s after the test"
    # While the loop is marked running, asgiref's Local keeps Django's connections per context, not per thread:
    # the test's own queries opened a connection of their own, which nothing else closes. Left open on
    # PostgreSQL, it kept the worker's test database from being dropped at the end of the run.
    connections.close_all()
    asyncio.events._set_running_loop(None)


def keep_shot(target, name: str, **options) -> None:
    """A screenshot of a page or an element (a Playwright locator) as var/screenshots/`name`, when they are asked
    for (`SCREENSHOTS`); `options` are Playwright's (`full_page`)."""
    if SCREENSHOTS:
        path = SHOTS / name
        path.parent.mkdir(parents=True, exist_ok=True)
        target.screenshot(path=str(path), **options)


def portal_login(page, base: str, username: str, password: str) -> None:
    """Signs in through the portal's own login page (tests.factories.PASSWORD for factory users)."""
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    settle(page)


AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]  # Thailand's government web standard asks for AA


@functools.cache
def _axe_source() -> str:
    return AXE.read_text()


def axe_violations(page) -> list[str]:
    """axe-core's WCAG 2.1 A and AA violations on the page, whatever their impact, one line each. Loaded into the
    pages it checks only (not as an init script of every page: 500 kB parsed each time), through the DevTools
    protocol, which the portal's Content-Security-Policy does not govern (a <script> tag it would); once a document:
    a page checked again at another width keeps it."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(f"() => {{ {_axe_source()}\n }}")
    options = json.dumps({"runOnly": {"type": "tag", "values": WCAG}, "resultTypes": ["violations"]})
    result = page.evaluate(f"async () => JSON.stringify(await axe.run(document, {options}))")
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}" for v in json.loads(result)["violations"]
    ]
