from django import template

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
    """{% work_cards %}: the same destinations as big buttons, for a home page (the current one left out)."""
    request = context["request"]
    return {"items": [i for i in nav_items(request.user, request.path) if not i.current]}
