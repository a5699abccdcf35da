from django import template

from accounts.digital_id.flows import signed_out_at
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


@register.simple_tag
def unlinked_of(rows) -> list[Provider]:
    """`{% unlinked_of rows as providers %}`: the providers of `digital_ids_of` the person has not linked."""
    return [provider for provider, linked in rows if linked is None]


@register.simple_tag(takes_context=True)
def digital_id_signed_out_at(context) -> Provider | None:
    """`{% digital_id_signed_out_at as provider %}`: the provider this browser just came back from signing out of
    (the login page says so), or None."""
    request = context.get("request")
    key = signed_out_at(request) if request is not None else None
    return next((provider for provider in configured() if provider.key == key), None) if key else None
