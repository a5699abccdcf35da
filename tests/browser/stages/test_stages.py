"""Seed 002's selection in stages, in Chromium: a district office picks its subdistrict, a second district
its own, the province picks both for the inspection-region contest, and central staff find them under
Chiang Mai's inspection region; the province sees on its page which files are still missing and by when."""

from stages.models import StageEntry
from tests.browser_support import MARKS, keep_shot, portal_login, settle
from tests.factories import PASSWORD, UserFactory
from tests.stages.stage_support import load_chain, organiser

pytestmark = MARKS


def visit(browser, base, user, path):
    page = browser.new_context(viewport={"width": 1280, "height": 900}, locale="th-TH").new_page()
    portal_login(page, base, user.username, PASSWORD)
    page.goto(f"{base}{path}")
    settle(page)
    return page


def test_a_subdistrict_goes_from_district_to_province_to_inspection_region(browser, live_server, clock):
    from people.models import Role

    clock(2021, 12, 1, 10, 0)
    chain = load_chain()
    base = live_server.url

    for district, unit in ((chain.mae_rim, chain.rim_nua), (chain.hang_dong, chain.nong_kwai)):
        page = visit(browser, base, organiser(district), "/")
        page.click("[data-nav=stages]")
        settle(page)
        assert "ระดับเขตตรวจราชการ" not in page.inner_text("#stages")  # the stage above is not theirs
        page.click("#stages a")
        settle(page)
        assert "ยังต้องเลือกอีก ๑" in page.inner_text("#missing")
        page.check(f"#unit-{unit.code}")
        page.click("#pick-button")
        settle(page)
        assert "บันทึกการคัดเลือกแล้ว" in page.inner_text(".messages")
        assert "ครบแล้ว" in page.inner_text("#missing")
        page.context.close()

    province = visit(browser, base, organiser(chain.mae_rim.parent), "/standings/stages/model-subdistrict-region-2565/")
    assert "เลือกได้อีก ๒ จาก ๒" in province.inner_text("#quota-left")
    province.check(f"#unit-{chain.rim_nua.code}")
    province.check(f"#unit-{chain.nong_kwai.code}")
    province.click("#pick-button")
    settle(province)
    missing = province.inner_text("#missing")
    assert "ริมเหนือ: ไฟล์วีดิทัศน์ (VDO) ระดับจังหวัด ความยาว ๕–๗ นาที ภายใน ๓๑ พ.ค. ๒๕๖๕" in missing
    keep_shot(province, "stage_province.png", full_page=True)
    province.context.close()
    assert {e.unit for e in StageEntry.objects.filter(stage__contest=chain.region_stage)} == {
        chain.rim_nua,
        chain.nong_kwai,
    }

    central = visit(browser, base, UserFactory(role=Role.CENTRAL), "/")
    central.click("[data-nav=stages]")
    settle(central)
    central.click("#stages a:has-text('ระดับเขตตรวจราชการ')")
    settle(central)
    regions = central.inner_text("#regions")
    assert "เขตตรวจราชการที่ ๑๕" in regions and "ริมเหนือ" in regions and "หนองควาย" in regions
    keep_shot(central, "stage_regions.png", full_page=True)
