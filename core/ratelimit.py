"""A request count per client in the cache, for pages anyone may open without signing in.

Fixed windows ("30/60": 30 requests in each 60 seconds) counted with the cache's atomic add and incr,
so every worker shares the count in Redis. Like the login throttle, it fails open: a cache that is
away (Redis restarting) must not take a public page down with it. django-ratelimit does the same
counting but refuses Django's local-memory cache (development, the SQLite suite) at its system check
and lets a Redis error through as a 500.
"""

from __future__ import annotations

import hashlib
import logging
import time
from functools import wraps

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render

log = logging.getLogger(__name__)


def redis_errors() -> tuple[type[Exception], ...]:
    """Redis's errors, imported only once one is being caught (an except clause is read when something is raised):
    the embedded default's cache is in memory, and importing redis costs every process 0.2 s."""
    from redis.exceptions import RedisError

    return (RedisError,)


def wait_seconds(scope: str, client: str, rate: str) -> int:
    """Counts one request of `client`; the seconds until the next window when it is over `rate`, else 0."""
    limit, period = (int(part) for part in rate.split("/"))
    now = int(time.time())
    window = now // period
    # The address hashed: the cache holds no client addresses in the clear.
    key = f"rate:{scope}:{hashlib.sha256(client.encode()).hexdigest()[:32]}:{window}"
    try:
        cache.add(key, 0, period + 5)
        count = cache.incr(key)
    # ValueError: the key expired between add and incr. (mypy reads no unpacked tuple in an except clause.)
    except (OSError, ValueError, *redis_errors()):  # type: ignore[misc]
        log.warning("rate limit %s not counted: the cache is unavailable", scope)
        return 0
    return (window + 1) * period - now if count > limit else 0


def rate_limited(scope: str, setting: str):
    """A view counted per client address (the one axes sees: cdd4.auth.client_ip) against
    settings.<setting>; past it, the Thai-first 429 page with Retry-After."""

    def decorate(view):
        @wraps(view)
        def counted(request, *args, **kwargs):
            wait = wait_seconds(scope, get_client_ip_address(request) or "", getattr(settings, setting))
            if wait:
                response = render(request, "429.html", {"wait": wait}, status=429)
                response["Retry-After"] = str(wait)
                return response
            return view(request, *args, **kwargs)

        return counted

    return decorate
