"""The scoring matrix's cell, drawn by `committee_tags.matrix_cell`: what each person sees in it, escaped."""

from decimal import Decimal

import pytest
from django.utils.translation import override

from committee.aggregate import Aggregate
from committee.screens import MatrixCell
from committee.templatetags.committee_tags import matrix_cell

HREF = "/admin/committee/judgment/score/2566/TH-50/3.1/"


def cell(**fields) -> MatrixCell:
    return MatrixCell(code="3.1", data=False, href=HREF, **fields)


def test_the_chair_sees_the_panels_points_its_members_and_their_spread_with_each_name_in_the_title():
    disagreeing = cell(
        agg=Aggregate(Decimal("2.50"), Decimal("2.5"), Decimal("1.00"), 3, "median"),
        names=[("member<1>", Decimal("2.00")), ("member&2", Decimal("3.00"))],
        statuses={"scored", "disagree"},
    )

    with override("th"):
        html = matrix_cell(disagreeing, True)

    assert html == (
        '<td class="disagree" title="member&lt;1&gt;: 2, member&amp;2: 3"><a href="' + HREF + '">'
        '<span class="cm-code">3.1</span><b>2.5</b><span class="badge b-n">3 คน</span>'
        '<span class="spread">±1</span></a></td>'
    )


def test_a_member_sees_their_own_score_not_the_panels():
    mine = cell(mine=Decimal("4.50"), agg=Aggregate(Decimal("3"), Decimal("3"), None, 2, "median"), statuses={"scored"})

    assert matrix_cell(mine, False) == (
        f'<td class="scored"><a href="{HREF}"><span class="cm-code">3.1</span>4.5</a></td>'
    )


def test_a_cell_to_decide_with_a_clarification_shows_both_badges_in_thai():
    waiting = cell(evidence=True, clarification='"ภาพ" <ไม่ชัด>', statuses={"todo", "decide", "clarify"})

    with override("th"):
        html = matrix_cell(waiting, False)

    assert html == (
        f'<td class="todo"><a href="{HREF}"><span class="cm-code">3.1</span>·'
        ' <span class="badge b-decide" title="ต้องพิจารณา ไม่ตรงระดับใดในเอกสาร">ต้องพิจารณา</span>'
        ' <span class="badge b-clar" title="&quot;ภาพ&quot; &lt;ไม่ชัด&gt;">?</span></a></td>'
    )


ENGLISH_CELLS = {
    "a data criterion's computed points": (
        MatrixCell(code="1.1", data=True, computed="3.5", href=HREF),
        False,
        '<td class="data"><a href="{href}"><span class="cm-code">1.1</span>'
        '<span title="computed from data">3.5</span></a></td>',
    ),
    "a data criterion not computed yet, dimmed by the filter": (
        MatrixCell(code="1.1", data=True, href=HREF, dim=True),
        True,
        '<td class="data dim"><a href="{href}"><span class="cm-code">1.1</span>'
        '<span title="computed from data">–</span></a></td>',
    ),
    "a final score with its star": (
        cell(agg=Aggregate(Decimal("5"), None, None, 0, "override"), statuses={"scored", "final"}),
        True,
        '<td class="final"><a href="{href}"><span class="cm-code">3.1</span><b>5</b>'
        ' <span class="badge b-final">★</span></a></td>',
    ),
    "no evidence, nothing to judge": (
        cell(statuses={"noevidence"}),
        False,
        '<td class="noev"><a href="{href}"><span class="cm-code">3.1</span><span title="no evidence">–</span></a></td>',
    ),
}


@pytest.mark.parametrize(("shown", "sees_all", "expected"), ENGLISH_CELLS.values(), ids=ENGLISH_CELLS.keys())
def test_each_kind_of_cell_reads_as_the_legend_says(shown, sees_all, expected):
    with override("en"):
        assert matrix_cell(shown, sees_all) == expected.format(href=HREF)
