"""<contest:key>: a national year or a contest's key, and nothing that merely starts or ends like one."""

import re

import pytest
from django.urls import resolve

from core.converters import ContestKeyConverter

SCHEMA_PATTERN = f"^{ContestKeyConverter.regex}$"  # what drf-spectacular puts in the schema


@pytest.mark.parametrize("key", ["2566", "chonburi-web-2564", "ubon-milestones-2568.2567-10"])
def test_keys_match_whole(key):
    assert re.search(SCHEMA_PATTERN, key)
    assert resolve(f"/api/v1/years/{key}/rubric/").url_name == "api-rubric"


@pytest.mark.parametrize("key", ["2566abc", "x/2566", "25666", "ABC", "2566.", "-web"])
def test_anything_else_matches_nowhere(key):
    """The schema's pattern anchors both alternatives at both ends ("^[0-9]{4}|[a-z][a-z0-9-]*…$" passes
    "2566abc")."""
    assert re.search(SCHEMA_PATTERN, key) is None


def test_a_key_that_is_not_one_is_the_apis_404():
    assert resolve("/api/v1/years/2566abc/rubric/").url_name == "api-not-found"
