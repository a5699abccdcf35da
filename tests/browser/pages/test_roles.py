"""Each demo role's main pages in Chromium, on a 1366 px desktop and on a 390 px phone.

With `bootstrap --demo` data: every page passes axe-core's WCAG 2.1 A and AA rules at both widths, whatever the
impact (one load and one axe run per page and width); the province pages and the dashboard fit the phone
(nothing wider than the screen, no text drawn over other text), and `make screenshots` keeps a picture of every
page under var/screenshots/roles/ for review. The admin's selection counter keeps the page's Thai digits as boxes
are ticked.
"""

import os
from urllib.parse import urlsplit

from django.conf import settings as django_settings
from django.core.management import call_command
from django.utils import timezone

from scoring.demo import DEMO_PASSWORD, present_year
from tests.browser_support import MARKS, axe_violations, keep_shot, portal_login, settle

pytestmark = MARKS
# The demo's national contest is the present fiscal year's.
YEAR = present_year(timezone.localdate())
PROVINCE = f"/years/{YEAR}/provinces/TH-50/"
PAGES = {
    "chiangmai": {
        "home": PROVINCE,
        "criterion": PROVINCE + "criteria/3.2/",
        "innovation": PROVINCE + "innovation/",
        "help": "/help/",
    },
    "committee1": {
        "matrix": "/admin/committee/judgment/matrix/",
        "score": f"/admin/committee/judgment/score/{YEAR}/TH-50/3.1/",
        "clarification": f"/admin/committee/judgment/score/{YEAR}/TH-50/3.4/",  # a question waits for Chiang Mai
    },
    "chair": {
        "matrix": "/admin/committee/judgment/matrix/",
        "score": f"/admin/committee/judgment/score/{YEAR}/TH-50/3.1/",
    },
    "central": {
        "provinces": "/",
        "dashboard": f"/standings/{YEAR}/",
        "calendar": f"/standings/{YEAR}/calendar/",
        "awards": "/awards/",
        "stages": "/standings/stages/",
        "notices": "/notices/",
        "account": "/accounts/me/",
        "admin": "/admin/",
        "admin-list": "/admin/ops/sitecontact/",
    },
    "": {  # nobody signed in: a person checking a certificate
        "verify": "/verify/",
        "login": "/accounts/login/",
        "password": "/accounts/password-reset/",
    },
}
# Must fit a phone: the provincial officer's pages and the dashboard.
PHONE_CHECKED = {"chiangmai": ["home", "criterion", "innovation"], "central": ["dashboard"]}
PHONE = {"width": 390, "height": 844}

# Text nodes drawn over one another: each line box of each visible text node, compared pairwise.
OVERLAPS = """() => {
  const boxes = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, el = node.parentElement;
    if (!node.textContent.trim() || !el || el.closest("svg, script, style, noscript")) continue;
    const style = getComputedStyle(el);
    if (style.visibility !== "visible" || el.getClientRects().length === 0) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) {
      if (r.width > 1 && r.height > 1) boxes.push([r, el, node.textContent.trim()]);
    }
  }
  const clash = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const [a, ea, ta] = boxes[i], [b, eb, tb] = boxes[j];
    const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
    const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    if (w > 2 && h > 2 && ea !== eb) clash.push(ta.slice(0, 30) + " × " + tb.slice(0, 30));
  }
  return clash;
}"""

# Tap targets under 44 × 44 px (checkboxes, radios and the file inputs inside their label buttons count by their
# label, which is the target).
SMALL_TARGETS = """() => Array.from(document.querySelectorAll(
    "main button, main .button, main select,"
    + " main input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not(.visually-hidden),"
    + " table.criteria a, .rolenav a, .top a, .top button, .crumb a"))
  .filter(el => el.getClientRects().length && getComputedStyle(el).visibility === "visible")
  .map(el => [el, el.getBoundingClientRect()])
  .filter(([el, r]) => r.height < 43.5 || r.width < 43.5)
  .map(([el, r]) => `${el.tagName.toLowerCase()} "${(el.textContent || el.name || "").trim().slice(0, 30)}" `
                    + `${Math.round(r.width)}×${Math.round(r.height)}`)"""


def _login(context, base: str, username: str):
    page = context.new_page()
    portal_login(page, base, username, DEMO_PASSWORD)
    return page


def _focus_ring(page) -> str:
    """How the third element reached with Tab shows its focus."""
    for _ in range(3):
        page.keyboard.press("Tab")
    return page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement); return `${s.outlineStyle} ${s.outlineWidth}`; }"
    )


def admin_pages() -> dict[str, dict[str, str]]:
    """Admin pages where the accessibility walk (`make a11y`) found what Django's admin and its packages leave
    unnamed or out of the keyboard's reach (static/js/admin-access.js): an autocomplete box, import-export's
    "select all", a link told apart by colour, inline groups and a rubric's JSON scrolling on a phone."""
    from committee.models import Clarification
    from rubrics.models import ContestPeriod

    national = ContestPeriod.objects.national().order_by("-year").first()
    central = {
        "conflict-add": "/admin/people/conflict/add/",
        "fact-export": "/admin/scoring/fact/export/",
        "judgment-import": "/admin/committee/judgment/import/",
    }
    chair = {
        "rubric": f"/admin/rubrics/contestperiod/{national.pk}/change/",
        "clarification": f"/admin/committee/clarification/{Clarification.objects.order_by('pk').first().pk}/change/",
    }
    return {"central": central, "chair": chair}


def test_every_role_main_pages_desktop_and_phone(browser, live_server):
    call_command("bootstrap", "--no-units", demo=True, stdout=open(os.devnull, "w"))
    problems = []
    extra = admin_pages()
    for username, pages in PAGES.items():
        pages = {**pages, **extra.get(username, {})}
        for device, viewport in (("desktop", {"width": 1366, "height": 1000}), ("phone", PHONE)):
            context = browser.new_context(viewport=viewport, locale="th-TH", is_mobile=device == "phone")
            page = _login(context, live_server.url, username) if username else context.new_page()
            for name, url in pages.items():
                response = page.goto(live_server.url + url)
                settle(page)
                where = f"{username or 'anonymous'} {name} {device}"
                if response.status != 200:
                    problems.append(f"{where}: HTTP {response.status}")
                keep_shot(page, f"roles/{username or 'anonymous'}-{name}-{device}.png", full_page=True)
                problems += [f"{where}: axe {v}" for v in axe_violations(page)]
                if device == "desktop":
                    if (focus := _focus_ring(page)) != "solid 3px":
                        problems.append(f"{where}: keyboard focus shows as {focus}")
                elif name in PHONE_CHECKED.get(username, []):
                    width = page.evaluate("document.scrollingElement.scrollWidth")
                    if width > PHONE["width"]:
                        problems.append(f"{where}: page is {width} px wide")
                    problems += [f"{where}: overlap {c}" for c in page.evaluate(OVERLAPS)]
                    if username == "chiangmai":
                        problems += [f"{where}: small target {t}" for t in page.evaluate(SMALL_TARGETS)]
            context.close()
    assert problems == [], "\n".join(problems)


def _signed_in_page(browser, live_server, client, user):
    """A desk-sized page signed in as `user` through the test client's session (without the second factor central
    staff set up on first login)."""
    client.force_login(user)
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="th-TH")
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME].value
    host = urlsplit(live_server.url).hostname
    context.add_cookies([{"name": django_settings.SESSION_COOKIE_NAME, "value": cookie, "domain": host, "path": "/"}])
    return context.new_page()


def test_the_admins_selection_counter_keeps_thai_digits_as_boxes_are_ticked(browser, live_server, client, central_user):
    """Django's actions.js rewrites the counter in Arabic digits; static/js/admin-access.js keeps the page's."""
    page = _signed_in_page(browser, live_server, client, central_user)
    page.goto(f"{live_server.url}/admin/rubrics/contestperiod/")
    settle(page)
    rows = page.locator("input.action-select").count()
    total = str(rows).translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    assert page.inner_text(".action-counter") == f"เลือก ๐ จาก {total}"

    page.locator("input.action-select").nth(0).check()

    assert page.inner_text(".action-counter") == f"เลือก ๑ จาก {total}"


def test_the_exports_select_all_box_ticks_and_unticks_every_column(browser, live_server, client, central_user):
    """django-import-export wires "select all" with an inline onchange, which the portal's Content-Security-Policy
    blocks (Chromium says so in the console as it reads the page, and the box did nothing); static/js/admin-access.js
    wires it instead."""
    page = _signed_in_page(browser, live_server, client, central_user)
    page.goto(f"{live_server.url}/admin/scoring/fact/export/")
    settle(page)
    columns = page.locator('.selectable-field-export-row input[type="checkbox"]')
    assert columns.count() > 3
    assert all(columns.nth(i).is_checked() for i in range(columns.count()))

    page.locator("input.select-toggle").uncheck()

    assert not any(columns.nth(i).is_checked() for i in range(columns.count()))
    page.locator("input.select-toggle").check()
    assert all(columns.nth(i).is_checked() for i in range(columns.count()))
