"""The public pages' request count per client (core.ratelimit)."""

import pytest
from django.core.cache import cache

from core.ratelimit import wait_seconds


@pytest.mark.pg  # and on Redis, the production cache, in `make test-services`
def test_counts_per_client_within_the_window():
    cache.clear()
    assert [wait_seconds("t", "192.0.2.1", "2/60") for _ in range(2)] == [0, 0]
    assert 0 < wait_seconds("t", "192.0.2.1", "2/60") <= 60
    assert wait_seconds("t", "192.0.2.2", "2/60") == 0  # another client
    assert wait_seconds("other", "192.0.2.1", "2/60") == 0  # another page's count


def test_the_cache_holds_no_address_in_the_clear():
    cache.clear()
    wait_seconds("t", "192.0.2.1", "5/60")
    assert not [k for k in cache._cache if "192.0.2.1" in k]  # LocMemCache's own store


def test_fails_open_when_the_cache_is_away(settings):
    # A Redis nobody listens on: the page must still answer, uncounted.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    assert [wait_seconds("t", "192.0.2.1", "1/60") for _ in range(3)] == [0, 0, 0]
