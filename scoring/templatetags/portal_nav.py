from django import template

from contests.actor import actor_of
from scoring.navigation import nav_items

register = template.Library()


@register.inclusion_tag("_nav.html", takes_context=True)
def portal_nav(context, both: bool = False):
    """{% portal_nav %}: the signed-in user's navigation bar; `both` shows "ไทย / English" (the admin)."""
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return {"items": [], "both": both}
    return {"items": nav_items(request.user, request.path), "both": both}


@register.inclusion_tag("_work.html", takes_context=True)
def work_cards(context):
    """{% work_cards %}: the committee's destinations as big buttons on the home page, whose province list
    is not their work (central staff's nav already starts at their dashboard)."""
    request = context["request"]
    if not actor_of(request.user).on_committee():
        return {"items": []}
    return {"items": nav_items(request.user, request.path)}
