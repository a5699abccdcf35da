"""What the verification tests share: the portal's public address its QR codes print, a document issued as
the worker makes it, and a page's own content."""

import re

import pytest
from django.core.cache import cache

from awards import services

PUBLIC = "https://cdd4.example.go.th"


@pytest.fixture
def public_url(settings):
    """The portal's public address, as its QR codes print it, and no look-ups counted yet."""
    settings.CDD4_PUBLIC_URL = PUBLIC
    cache.clear()  # the rate limit's counts


def issue(rubric, capture, kind: str, unit=None):
    with capture(execute=True):
        doc = services.document_request(rubric=rubric, kind=kind, unit=unit)
    doc.refresh_from_db()
    return doc


def main(response) -> str:
    """The page's own content, without the header (which names a signed-in user)."""
    return re.search(r"<main[^>]*>(.*)</main>", response.content.decode(), re.S).group(1)
