from django import template

from ops.contacts import Contact, site_contact

register = template.Library()


@register.simple_tag
def help_contact() -> Contact:
    """`{% help_contact as contact %}`: central staff's contacts, cached (ops.contacts)."""
    return site_contact()
