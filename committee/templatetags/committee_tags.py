from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext

from core.thai import points_text

register = template.Library()


@register.filter
def pts(value) -> str:
    """5.00 → "5", 2.50 → "2.5"; empty for no score."""
    return points_text(value, thai=False, empty="")


@register.filter
def get(mapping, key):
    return mapping.get(key) if mapping else None


@register.simple_tag
def matrix_cell(cell, sees_all: bool) -> SafeString:
    """One cell of the scoring matrix (committee.screens.MatrixCell), its <td> whole. Drawn here rather than in the
    template's loop: the matrix is 76 × 18 cells, and Django's template engine took about 0.2 ms a cell for its
    dozen conditions, most of the page's 0.3 s."""
    agg = cell.agg
    if sees_all and agg and agg.points is not None:
        shown = format_html("<b>{}</b>", pts(agg.points))
        if agg.count:
            members = ngettext("%(n)s member", "%(n)s members", agg.count) % {"n": agg.count}
            shown += format_html('<span class="badge b-n">{}</span>', members)
        if cell.disagree:
            shown += format_html('<span class="spread">±{}</span>', pts(agg.spread))
    elif cell.mine is not None:
        shown = format_html("{}", pts(cell.mine))
    elif agg and agg.points is not None:
        shown = format_html("{}", pts(agg.points))
    elif cell.data:
        shown = format_html('<span title="{}">{}</span>', gettext("computed from data"), pts(cell.computed) or "–")
    elif cell.evidence:
        shown = mark_safe("·")
    else:
        shown = format_html('<span title="{}">–</span>', gettext("no evidence"))
    # A space before each badge, as between words: "2.5 ★", not "2.5★".
    if "final" in cell.statuses:
        shown += mark_safe(' <span class="badge b-final">★</span>')
    if "decide" in cell.statuses:
        shown += format_html(
            ' <span class="badge b-decide" title="{}">{}</span>', gettext("needs a decision"), gettext("to decide")
        )
    if cell.clarification:
        shown += format_html(' <span class="badge b-clar" title="{}">?</span>', cell.clarification)
    title = format_html_join(", ", "{}: {}", ((name, pts(points)) for name, points in cell.names))
    return format_html(
        '<td class="{}"{}><a href="{}"><span class="cm-code">{}</span>{}</a></td>',
        cell.css,
        format_html(' title="{}"', title) if cell.names else "",
        cell.href,
        cell.code,
        shown,
    )
