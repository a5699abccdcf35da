from django import template

from ..selectors import unread_count

register = template.Library()


@register.inclusion_tag("notices/_bell.html", takes_context=True)
def notices_bell(context):
    """{% notices_bell %}: the signed-in person's unread count, read once per request (1 query)."""
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return {"show": False}
    if not hasattr(request, "_notices_unread"):
        request._notices_unread = unread_count(request.user)
    return {"show": True, "unread": request._notices_unread}
