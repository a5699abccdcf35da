"""The channels named in settings.CDD4_NOTICE_CHANNELS (dotted paths to `Channel` subclasses), by name."""

from __future__ import annotations

from functools import cache

from django.conf import settings
from django.utils.module_loading import import_string

from .base import Channel


@cache
def _load(paths: tuple[str, ...]) -> dict[str, Channel]:
    found = [import_string(path)() for path in paths]
    return {channel.name: channel for channel in found}


def registered() -> dict[str, Channel]:
    return _load(tuple(settings.CDD4_NOTICE_CHANNELS))
