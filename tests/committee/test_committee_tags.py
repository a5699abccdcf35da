"""The scoring matrix's cell, drawn by `committee_tags.matrix_cell`: what each person sees in it, escaped."""

from decimal import Decimal

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


def test_a_data_criterion_shows_its_computed_points_or_a_dash_and_a_dimmed_cell_says_so():
    computed = MatrixCell(code="1.1", data=True, computed="3.5", href=HREF)
    nothing = MatrixCell(code="1.1", data=True, href=HREF, dim=True)

    with override("en"):
        assert matrix_cell(computed, False) == (
            f'<td class="data"><a href="{HREF}"><span class="cm-code">1.1</span>'
            '<span title="computed from data">3.5</span></a></td>'
        )
        assert matrix_cell(nothing, True) == (
            f'<td class="data dim"><a href="{HREF}"><span class="cm-code">1.1</span>'
            '<span title="computed from data">–</span></a></td>'
        )


def test_a_final_score_carries_its_star_and_a_cell_without_evidence_says_so():
    final = cell(agg=Aggregate(Decimal("5"), None, None, 0, "override"), statuses={"scored", "final"})
    empty = cell(statuses={"noevidence"})

    with override("en"):
        assert matrix_cell(final, True) == (
            f'<td class="final"><a href="{HREF}"><span class="cm-code">3.1</span><b>5</b>'
            ' <span class="badge b-final">★</span></a></td>'
        )
        assert matrix_cell(empty, False) == (
            f'<td class="noev"><a href="{HREF}"><span class="cm-code">3.1</span>'
            '<span title="no evidence">–</span></a></td>'
        )
