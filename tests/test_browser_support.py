"""The live server the browser tests drive counts the requests it is still answering, so a test ends only once
none is left (tests/browser_support.py `launch`): a request finished after the test found its database closed."""

import socket

from .browser_support import LiveRequests


def test_the_live_server_counts_a_request_until_its_response_is_closed(live_server, settings):
    settings.CDD4_LINE_CHANNEL_ACCESS_TOKEN, settings.CDD4_LINE_CHANNEL_SECRET = "token", "secret"
    host, port = live_server.thread.host, live_server.thread.port
    with socket.create_connection((host, port), timeout=5) as sock:
        # LINE's webhook reads its whole body before it answers (the signature covers it); this one stops
        # part-way, so Django is still answering it.
        sock.sendall(
            f"POST /line/webhook/ HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json"
            '\r\nX-Line-Signature: x\r\nContent-Length: 200\r\n\r\n{"events": ['.encode()
        )
        with LiveRequests.changed:
            assert LiveRequests.changed.wait_for(lambda: LiveRequests.count == 1, timeout=5)
        assert not LiveRequests.wait_none(timeout=0.5)  # and it goes on answering it
    assert LiveRequests.wait_none(timeout=5)  # the link gone, the request ended and its response closed
    assert LiveRequests.count == 0
