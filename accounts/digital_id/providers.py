"""The providers central staff configured (settings.CDD4_DIGITAL_IDS, from the options table), each one's Authlib
client, and the keyed hash that stands for a citizen ID."""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from functools import cache

from authlib.integrations.django_client import DjangoOAuth2App, OAuth
from django.conf import settings
from django.http import Http404

from core.thai import arabic_digits

NAMES = {"thaid": "ThaID", "digitalid": "Digital ID"}  # as the providers name themselves
ALGORITHMS = ("RS256",)  # the ID token's signature, whatever a discovery document lists; `none` never


@dataclass(frozen=True)
class Provider:
    key: str
    discovery_url: str
    client_id: str
    client_secret: str
    scopes: tuple[str, ...]
    citizen_id_claim: str
    name_claims: tuple[str, ...]
    vouched_acr: tuple[str, ...]
    vouched_amr: tuple[str, ...]

    @property
    def name(self) -> str:
        return NAMES.get(self.key, self.key)

    def vouches(self, claims) -> bool:
        """The sign-in met the assurance level central staff set: its `acr`, or one of its `amr` methods, is one
        they listed (DGS 1-2's levels as the provider writes them). Nothing listed, nothing vouches."""
        amr = claims.get("amr") or []
        return claims.get("acr") in self.vouched_acr or any(method in self.vouched_amr for method in amr)


def configured() -> list[Provider]:
    return [Provider(key=key, **values) for key, values in settings.CDD4_DIGITAL_IDS.items()]


def provider_of(key: str) -> Provider:
    """The configured provider named in an address, or 404."""
    values = settings.CDD4_DIGITAL_IDS.get(key)
    if values is None:
        raise Http404
    return Provider(key=key, **values)


def client(provider: Provider) -> DjangoOAuth2App:
    """The provider's Authlib client: one per configuration and process, so its discovery document and keys are
    fetched once and again only when a token names a key they lack (a rotation)."""
    return _client(provider, settings.CDD4_DIGITAL_ID_TIMEOUT_SECONDS)


class PinnedClient(DjangoOAuth2App):
    """Authlib's client, checking the ID token's signature with ALGORITHMS alone: Authlib takes the algorithms from
    the discovery document, where a provider (or whoever answers for its address) may list `none`."""

    def load_server_metadata(self):
        metadata = super().load_server_metadata()
        metadata["id_token_signing_alg_values_supported"] = list(ALGORITHMS)
        return metadata


@cache
def _client(provider: Provider, timeout: float) -> DjangoOAuth2App:
    registry = OAuth()
    return registry.register(
        provider.key,
        client_cls=PinnedClient,
        client_id=provider.client_id,
        client_secret=provider.client_secret,
        server_metadata_url=provider.discovery_url,
        client_kwargs={
            "scope": " ".join(provider.scopes),
            "code_challenge_method": "S256",
            "token_endpoint_auth_method": "client_secret_basic",
            "default_timeout": timeout,
        },
    )


def citizen_hash(citizen_id: str) -> str:
    """HMAC-SHA256 of the citizen ID under the portal's own key: the same person gives the same hash, and a copy
    of the database alone does not give the ID back (13 digits are few: a bare hash would)."""
    key = settings.CDD4_DIGITAL_ID_HASH_KEY or f"digital-id:{settings.SECRET_KEY}"
    # The same 13 digits however the provider writes them: Thai digits read as Arabic, dashes and spaces dropped.
    digits = "".join(ch for ch in arabic_digits(citizen_id) if ch.isascii() and ch.isdigit())
    digits = digits or str(citizen_id).strip()
    return hmac.new(key.encode(), digits.encode(), hashlib.sha256).hexdigest()
