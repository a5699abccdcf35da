from django import template

from ops.navigation import nav_items

register = template.Library()


@register.inclusion_tag("_nav.html", takes_context=True)
def portal_nav(context):
    """{% portal_nav %}: the signed-in user's navigation bar, in the page's language (the admin's too)."""
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return {"items": []}
    return {"items": nav_items(request.user, request.path)}
