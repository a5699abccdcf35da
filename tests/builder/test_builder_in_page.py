"""What the builder's page adds without asking the server (static/scoring/builder.js) is what the
server would add: a period's own rule is a copy of the blank one the page carries in a <template>, and the rows
and rule the script numbers are read back as if the server had numbered them."""

import json
from pathlib import Path

from django.utils.datastructures import MultiValueDict

from builder.form import Builder
from builder.prefill import to_form
from builder.rule_data import put_rule
from people.models import Role
from tests.factories import UserFactory

UBON = json.loads((Path(__file__).resolve().parents[2] / "rubrics/rubric_files/ubon-milestones-2568.json").read_text())
MAY = next(p for p in UBON["contest"]["periods"] if p["code"] == "2568-05")


def _with_october(**more: str) -> MultiValueDict:
    form = to_form(UBON)
    form.update({"periods": "7", "p6-code": "2568-10", "p6-name_th": "ต.ค.", "p6-deadline": "20/10/2568", **more})
    return form


def test_the_blank_own_rule_the_page_copies_is_the_one_the_server_adds() -> None:
    added = Builder(_with_october(action="add_period_criterion:6")).rows.periods[-1].criteria[0]
    blank = Builder(_with_october()).rows.blank_own
    assert (added.prefix, blank.prefix) == ("p6c0-", "p_c_-")
    assert (blank.kind, blank.codes) == (added.kind, added.codes) == ("milestones", ["4.1.1"])
    assert list(blank.rule_form.fields) == list(added.rule_form.fields)
    assert not blank.rule_form.is_bound and not added.rule_form.is_bound


def test_an_own_rule_numbered_by_the_page_is_read_into_its_period() -> None:
    own = MAY["criteria"]["4.1.1"]
    form = _with_october(**{"p6-crits": "1", "p6c0-code": "4.1.1", "p6c0-kind": "milestones"})
    form.update({"p6c0-kind_was": "milestones", "p6c0-evidence_th": own["evidence_th"]})
    put_rule(form, "p6c0-r-", own["rule"])
    builder = Builder(form)
    october = builder.data()["contest"]["periods"][-1]
    assert not builder.problems, builder.problems.at
    assert october["criteria"] == {"4.1.1": {"rule": own["rule"], "evidence_th": own["evidence_th"]}}


def test_the_page_carries_the_blank_own_rule_and_hides_the_rows_add_buttons_until_the_script_shows_them(client, db):
    client.force_login(UserFactory(role=Role.CENTRAL))
    html = client.get("/standings/contests/build/?from=shipped:ubon-milestones-2568").content.decode()
    template = html[html.index('<template id="own-criterion">') : html.index("</template>")]
    assert 'name="p_c_-code"' in template and 'name="p_c_-r-levels-rows" value="1"' in template
    assert 'name="p_c_-kind_was" value="milestones"' in template
    assert html.count('<button type="button" class="secondary small add-row" hidden>') == html.count(
        'class="param table-param"'
    )
    assert '<button type="button" class="secondary small add-line" hidden>+ เพิ่มเงื่อนไข</button>' in html
