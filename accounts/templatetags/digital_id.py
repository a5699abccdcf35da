from django import template

from accounts.digital_id.providers import Provider, configured
from accounts.models import DigitalIdentity

register = template.Library()


@register.simple_tag
def digital_id_providers() -> list[Provider]:
    """`{% digital_id_providers as providers %}`: the providers central staff configured; none, no buttons."""
    return configured()


@register.simple_tag
def digital_ids_of(user) -> list[tuple[Provider, DigitalIdentity | None]]:
    """`{% digital_ids_of user as rows %}`: each configured provider with the person's link to it, or None."""
    providers = configured()
    if not providers:
        return []
    linked = {row.provider: row for row in DigitalIdentity.objects.filter(user=user)}
    return [(provider, linked.get(provider.key)) for provider in providers]
