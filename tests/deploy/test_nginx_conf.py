"""deploy/nginx.conf as written: the evidence location keeps the sandbox, the client cannot pick its scheme or
address, and only the upload addresses take large bodies, after the gate. The config as nginx's image renders it
at start: tests/processes/deploy/test_nginx_conf_rendered.py."""

import re

import pytest
from django.urls import reverse

from tests.deploy.nginx_config import CONF, directives


def location(name: str) -> str:
    text = CONF.read_text()
    match = re.search(r"location\s+" + re.escape(name) + r"\s*\{(.*?)\n    \}", text, re.S)
    assert match, name
    return match.group(1)


def test_protected_media_sends_sandbox_csp_and_nosniff():
    headers = directives(location("/protected-media/"), "add_header")
    assert headers == [
        "Content-Security-Policy \"default-src 'none'; sandbox\" always",
        "X-Content-Type-Options nosniff always",
    ]


def test_the_stores_downloads_keep_the_sandbox_and_the_signed_host_and_take_no_writes():
    block = location("/cdd4-files/")
    assert directives(block, "add_header") == [
        "Content-Security-Policy \"default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; "
        "frame-ancestors 'self'\" always",
        "X-Content-Type-Options nosniff always",
        "X-Frame-Options SAMEORIGIN always",
        'Cache-Control "private, no-store" always',
    ]
    # The link is signed for the browser's host: MinIO must see that one, not `minio:9000`.
    assert dict(d.split(None, 1) for d in directives(block, "proxy_set_header"))["Host"] == "$http_host"
    assert "limit_except GET { deny all; }" in block


def server_level() -> str:
    """The server block without its locations: what every proxied location inherits."""
    return re.sub(r"\n    location[^{]*\{.*?\n    \}", "", CONF.read_text(), flags=re.S)


def test_proxy_sets_scheme_and_address_itself():
    for block in (server_level(), location("= /_upload_gate")):
        proxied = dict(d.split(None, 1) for d in directives(block, "proxy_set_header"))
        assert (proxied["X-Forwarded-Proto"], proxied["X-Real-IP"], proxied["X-Forwarded-For"]) == (
            "$scheme",
            "$remote_addr",
            "$remote_addr",
        )
    assert "$http_x_forwarded" not in CONF.read_text()
    assert "$proxy_add_x_forwarded_for" not in CONF.read_text()


def test_only_upload_locations_take_large_bodies_and_only_after_the_gate():
    assert directives(server_level(), "client_max_body_size") == ["3m"]
    upload = location("~ ^/(years/[^/]+/provinces/[^/]+/criteria/[^/]+/upload/|api/v1/years/[^/]+/evidence/|"
                      "standings/stages/[-a-zA-Z0-9_]+/files/|api/v1/uploads/|"
                      "admin/[a-z_]+/[a-z_]+/(process_)?import/)")  # fmt: skip
    assert directives(upload, "auth_request") == ["/_upload_gate"]
    assert directives(upload, "client_max_body_size") == ["1100m"]
    gate = location("= /_upload_gate")
    assert directives(gate, "proxy_pass_request_body") == ["off"]
    assert directives(gate, "proxy_pass") == ["http://cdd4_web/accounts/upload-gate/"]


@pytest.mark.parametrize("key", ["2566", "chonburi-web-2564", "ubon-milestones-2568.2567-10"])
def test_every_contests_upload_addresses_reach_the_upload_location(key):
    """An office contest's key is a slug, with a period after a dot: its uploads take the upload location's
    size and gate too, not the 3 MB every other address gets (a 4 MB scan for a district contest was 413)."""
    pattern = re.search(r"location ~ (\^/\(years/.*?\)) \{", CONF.read_text()).group(1)
    addresses = [
        reverse("submissions:upload", args=[key, "TH-50", "1.1"]),
        reverse("api-evidence", args=[key]),
        reverse("api-uploads"),
    ]

    assert [bool(re.match(pattern, address)) for address in addresses] == [True, True, True]
