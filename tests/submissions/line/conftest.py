"""The chat as a linked office sees it (tests/line_standin.py stands in for LINE)."""

import pytest

from .support import hook, linked


@pytest.fixture
def chat(client, line_api, provincial_user, clock, media_root, django_capture_on_commit_callbacks):
    """Chiang Mai's staff, their LINE linked, on 28 November 2565 at 10:00: `chat(*events)` posts them as LINE
    does and runs what they queue (the offer, the worker), unless `run=False`: the queue's names are returned."""
    clock(2022, 11, 28, 10, 0)
    linked(provincial_user)

    def post(*events, run=True):
        with django_capture_on_commit_callbacks(execute=run) as queued:
            assert hook(client, *events).status_code == 200
        return queued

    return post
