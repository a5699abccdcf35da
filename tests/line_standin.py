"""A local stand-in for LINE's Messaging API, and webhooks signed as LINE signs them (docs/line.md).

`LineStandIn` is a small threaded HTTP server on 127.0.0.1 (a free port) that answers the calls the portal
makes, `POST /v2/bot/message/push` and `POST /v2/bot/message/reply`, as LINE does, and LINE's content API for what
people send (`GET /v2/bot/message/{id}/content`: the bytes with LINE's `Content-Type` and `Content-Length`, 404
once LINE no longer keeps them; `GET /v2/bot/message/{id}/content/transcoding`: a video's or audio clip's
preparation, `processing`, `succeeded` or `failed`, as `held` says): 401 without the channel's
`Authorization: Bearer <token>`, 409 for a push whose `X-Line-Retry-Key` LINE already took, 403 for a user who
blocked the Official Account, and, given `per_second`, 429 for a push past that many in the last second (LINE's
rate limit per channel: 2,000 requests a second for the push endpoint); it records every request it took (body and
retry key), and can be told to fail the next N with a status, or to take a push and lose the answer. The portal
reaches it through the real SDK with settings.CDD4_LINE_API_HOST, the fixture `line_api`."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import secrets
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

TOKEN = "standin-channel-token"
SECRET = "standin-channel-secret"
PATHS = {"/v2/bot/message/push": "push", "/v2/bot/message/reply": "reply"}
CONTENT = re.compile(r"^/v2/bot/message/(?P<id>[0-9]+)/content(?P<transcoding>/transcoding)?$")


@dataclass
class Taken:
    kind: str  # "push" or "reply"
    body: dict
    retry_key: str | None
    at: float = field(default_factory=time.monotonic)

    @property
    def text(self) -> str:
        return self.body["messages"][0]["text"]

    @property
    def choices(self) -> list[dict]:
        """The quick reply's postback buttons: each its `label`, `data` and `displayText`."""
        quick = self.body["messages"][0].get("quickReply") or {"items": []}
        return [item["action"] for item in quick["items"]]


@dataclass
class Held:
    """What a person sent, as LINE keeps it for the content API: its bytes and type, and for a video or audio
    clip where LINE's preparation stands."""

    data: bytes
    content_type: str
    transcoding: str = "succeeded"


@dataclass
class LineStandIn:
    token: str = TOKEN
    taken: list[Taken] = field(default_factory=list)
    asked: list[tuple[str, int, str | None]] = field(default_factory=list)  # (kind, status answered, retry key)
    blocked: set[str] = field(default_factory=set)
    held: dict[str, Held] = field(default_factory=dict)  # message id → content (absent: gone, 404)
    fetched: list[str] = field(default_factory=list)  # message ids whose content was asked, in order
    per_second: int = 0  # pushes taken in any second before LINE answers 429 (0: no limit)
    _recent: deque = field(default_factory=deque)
    _fail: list[int] = field(default_factory=list)
    _lose: int = 0
    _keys: set[str] = field(default_factory=set)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def fail_next(self, n: int, status: int = 500) -> None:
        with self._lock:
            self._fail.extend([status] * n)

    def lose_next_answer(self) -> None:
        """Takes the next push, then answers 500: LINE showed it, the portal does not know."""
        with self._lock:
            self._lose += 1

    def pushes(self) -> list[Taken]:
        return [t for t in self.taken if t.kind == "push"]

    def replies(self) -> list[Taken]:
        return [t for t in self.taken if t.kind == "reply"]

    def answer(self, kind: str, headers, body: dict) -> tuple[int, dict]:
        key = headers.get("X-Line-Retry-Key")
        with self._lock:
            status, reply = self._decide(kind, headers, body, key)
            self.asked.append((kind, status, key))
        return status, reply

    def _decide(self, kind: str, headers, body: dict, key: str | None) -> tuple[int, dict]:
        if headers.get("Authorization") != f"Bearer {self.token}":
            return 401, {"message": "Authentication failed: the access token is not valid"}
        if self._fail:
            return self._fail.pop(0), {"message": "The stand-in was told to fail"}
        if kind == "push" and self._over_rate():
            return 429, {"message": "Too Many Requests"}
        if kind == "push" and key in self._keys:
            return 409, {"message": "The retry key is already accepted"}
        if kind == "push" and body.get("to") in self.blocked:
            return 403, {"message": "The user has blocked the account"}
        self.taken.append(Taken(kind, body, key))
        if kind == "push" and key:
            self._keys.add(key)
        if kind == "push" and self._lose:
            self._lose -= 1
            return 500, {"message": "Internal error"}
        return 200, {"sentMessages": [{"id": str(time.time_ns()), "quoteToken": secrets.token_hex(8)}]}

    def _over_rate(self) -> bool:
        """Whether `per_second` pushes came within the last second (each counted, taken or not, as LINE counts
        requests)."""
        if not self.per_second:
            return False
        now = time.monotonic()
        while self._recent and self._recent[0] <= now - 1:
            self._recent.popleft()
        self._recent.append(now)
        return len(self._recent) > self.per_second

    def hold(self, message_id: str, data: bytes, content_type: str, transcoding: str = "succeeded") -> None:
        self.held[message_id] = Held(data, content_type, transcoding)

    def content(self, headers, message_id: str, transcoding: bool) -> tuple[int, str, bytes]:
        """LINE's content API: (status, content type, body)."""
        with self._lock:
            if headers.get("Authorization") != f"Bearer {self.token}":
                return 401, "application/json", b'{"message": "Authentication failed"}'
            if self._fail:
                return self._fail.pop(0), "application/json", b'{"message": "The stand-in was told to fail"}'
            held = self.held.get(message_id)
            if held is None:
                return 404, "application/json", b'{"message": "Not found"}'
            if transcoding:
                return 200, "application/json", json.dumps({"status": held.transcoding}).encode()
            self.fetched.append(message_id)
            if held.transcoding != "succeeded":  # LINE answers the content of one not prepared with 404
                return 404, "application/json", b'{"message": "Not found"}'
            return 200, held.content_type, held.data

    def __enter__(self) -> LineStandIn:
        standin = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                found = CONTENT.match(self.path)
                if found is None:
                    status, kind, data = 404, "application/json", b'{"message": "Not found"}'
                else:
                    status, kind, data = standin.content(self.headers, found["id"], bool(found["transcoding"]))
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self):
                kind = PATHS.get(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                if kind is None:
                    status, reply = 404, {"message": "Not found"}
                else:
                    status, reply = standin.answer(kind, self.headers, json.loads(raw or b"{}"))
                data = json.dumps(reply).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):  # quiet: the tests read `asked` instead
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        # Polled often: `shutdown` waits for the next poll (half a second by default, at every test's end).
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


def sign(body: bytes, secret: str = SECRET) -> str:
    """`X-Line-Signature` as LINE computes it: HMAC-SHA256 of the body with the channel secret, base64."""
    return base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest()).decode()


def _source(line_user_id: str, group: str = "") -> dict:
    if group:
        return {"type": "group", "groupId": group, "userId": line_user_id}
    return {"type": "user", "userId": line_user_id}


def _common(kind: str, line_user_id: str, group: str = "", at_ms: int | None = None) -> dict:
    return {
        "type": kind,
        "mode": "active",
        "timestamp": at_ms if at_ms is not None else int(time.time() * 1000),
        "source": _source(line_user_id, group),
        "webhookEventId": secrets.token_hex(13).upper(),
        "deliveryContext": {"isRedelivery": False},
    }


def message_id() -> str:
    """A message id as LINE writes them: digits."""
    return str(time.time_ns())


def content_event(
    line_user_id: str,
    kind: str,
    msg_id: str,
    *,
    image_set: tuple[str, int, int] | None = None,
    file_name: str = "",
    size: int = 0,
    group: str = "",
    at_ms: int | None = None,
) -> dict:
    """A message event with content, as LINE's webhook sends it: `kind` image, video, audio or file; an image of
    a set carries `imageSet` (its id, index from 1, total); a file its name and size; a video or audio clip its
    duration; each from LINE (`contentProvider`)."""
    message: dict = {"type": kind, "id": msg_id}
    if kind in ("image", "video", "audio"):
        message["contentProvider"] = {"type": "line"}
    if kind == "image":
        message["quoteToken"] = secrets.token_hex(8)
        if image_set is not None:
            message["imageSet"] = {"id": image_set[0], "index": image_set[1], "total": image_set[2]}
    if kind in ("video", "audio"):
        message["duration"] = 12000
    if kind == "video":
        message["quoteToken"] = secrets.token_hex(8)
    if kind == "file":
        message |= {"fileName": file_name, "fileSize": size}
    common = _common("message", line_user_id, group, at_ms)
    return common | {"replyToken": secrets.token_hex(16), "message": message}


def postback_event(line_user_id: str, data: str) -> dict:
    return _common("postback", line_user_id) | {"replyToken": secrets.token_hex(16), "postback": {"data": data}}


def text_event(line_user_id: str, text: str) -> dict:
    message = {"type": "text", "id": str(time.time_ns()), "quoteToken": secrets.token_hex(8), "text": text}
    return _common("message", line_user_id) | {"replyToken": secrets.token_hex(16), "message": message}


def follow_event(line_user_id: str) -> dict:
    return _common("follow", line_user_id) | {"replyToken": secrets.token_hex(16), "follow": {"isUnblocked": False}}


def unfollow_event(line_user_id: str) -> dict:
    return _common("unfollow", line_user_id)


def webhook_body(*events: dict) -> bytes:
    return json.dumps({"destination": "U" + "0" * 32, "events": list(events)}, ensure_ascii=False).encode()


@pytest.fixture
def line_api(settings):
    """LINE on, its API the stand-in: the channel's token and secret, the Official Account's LINE ID."""
    with LineStandIn() as standin:
        settings.CDD4_LINE_CHANNEL_ACCESS_TOKEN = TOKEN
        settings.CDD4_LINE_CHANNEL_SECRET = SECRET
        settings.CDD4_LINE_API_HOST = standin.url
        settings.CDD4_LINE_BASIC_ID = "@cdd4portal"
        yield standin
