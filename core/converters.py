"""The <contest:key> part of a URL: a national contest's year ("2566") or a contest's key
("chonburi-web-2564", "ubon-milestones-2568.2567-10"); see ContestPeriod.key. Registered on import."""

from typing import NewType

from django.urls import register_converter

# What a view receives for <contest:key>: a contest's key (or a national year as text), never a number;
# rubrics.access.contest_or_404 (and entry_or_404) turns it into the rubric, once a request.
ContestKey = NewType("ContestKey", str)


class ContestKeyConverter:
    # One group: Django wraps the regex in its own, but drf-spectacular's `pattern` is ^…$ around it as it is,
    # and "^[0-9]{4}|[a-z]…$" anchored each alternative at one end only.
    regex = r"(?:[0-9]{4}|[a-z][a-z0-9-]*(?:\.[a-z0-9-]+)?)"

    def to_python(self, value: str) -> ContestKey:
        return ContestKey(value)

    def to_url(self, value) -> str:
        return str(value)


register_converter(ContestKeyConverter, "contest")
