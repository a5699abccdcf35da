"""A linked office in LINE, the webhook posted as LINE posts it, and pictures that differ (the portal refuses the
same bytes twice for one criterion)."""

from __future__ import annotations

import io

from PIL import Image

from notices.channels.line.models import LineLink
from tests.line_standin import content_event, message_id, sign, webhook_body

LINE_USER = "U" + "c" * 32


def picture(shade: int) -> bytes:
    """A small real JPEG, its colour `shade`: each shade different bytes."""
    out = io.BytesIO()
    Image.new("RGB", (8, 8), (shade % 256, 80, 160)).save(out, "JPEG")
    return out.getvalue()


def linked(user, line_user: str = LINE_USER) -> str:
    LineLink.objects.create(user=user, line_user_id=line_user)
    return line_user


def hook(client, *events):
    body = webhook_body(*events)
    return client.post("/line/webhook/", body, content_type="application/json", HTTP_X_LINE_SIGNATURE=sign(body))


def image_set(line_api, line_user: str, count: int, *, set_id: str = "SET1", first_shade: int = 0) -> list[dict]:
    """`count` pictures of one LINE image set, held by the stand-in: their events."""
    events = []
    for index in range(1, count + 1):
        msg = message_id()
        line_api.hold(msg, picture(first_shade + index), "image/jpeg")
        events.append(content_event(line_user, "image", msg, image_set=(set_id, index, count)))
    return events


def tap(reply, label_start: str) -> str:
    """The postback data of the reply's button whose label starts so."""
    return next(c["data"] for c in reply.choices if c["label"].startswith(label_start))
