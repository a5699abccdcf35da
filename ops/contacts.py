"""Central staff's contacts (ops.models.SiteContact) as every page reads them: from the cache, the database
once per change or per few minutes; never an error of its own, since the error pages read it too."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.cache import cache
from django.db import DatabaseError

KEY = "ops:site-contact"
TIMEOUT = 300  # seconds: a change saved on another server is seen within five minutes


@dataclass(frozen=True)
class Contact:
    phone: str = ""
    email: str = ""
    line_id: str = ""
    line_url: str = ""
    hours: str = ""

    @property
    def any(self) -> bool:
        return bool(self.phone or self.email or self.line_id or self.line_url)


def site_contact() -> Contact:
    """The help desk's contacts; empty when none are set, or when the database cannot be read (an error page)."""
    found = cache.get(KEY)
    if found is not None:
        return found
    from .models import SiteContact  # inline: the model's save() forgets this module's cache

    try:
        row = SiteContact.objects.filter(pk=1).first()
    except DatabaseError:
        return Contact()
    found = Contact(row.phone, row.email, row.line_id, row.line_url, row.hours) if row else Contact()
    cache.set(KEY, found, TIMEOUT)
    return found


def forget() -> None:
    cache.delete(KEY)
