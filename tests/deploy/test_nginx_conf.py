"""deploy/nginx.conf: the evidence location keeps the sandbox, the client cannot pick its scheme or address, and
a Host the portal does not serve is closed."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse

CONF = Path(__file__).resolve().parents[2] / "deploy" / "nginx.conf"
SERVER_NAMES = CONF.with_name("nginx-server-names.envsh")


def rendered(allowed_hosts: str) -> str:
    """The config as the nginx image writes it at start: the names script sourced, then envsubst over the
    template with the variables the environment defines (nginx's own $host and the like stay)."""
    done = subprocess.run(
        ["sh", "-c", f'. "{SERVER_NAMES}" && envsubst \'${{CDD4_SERVER_NAMES}}\' < "{CONF}"'],
        env={"PATH": "/usr/bin:/bin", "DJANGO_ALLOWED_HOSTS": allowed_hosts},
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def site_for(web: str, store: str = "127.0.0.1:9") -> str:
    """The config for the names the tests send (localhost, 127.0.0.1), with the compose services' names (which
    do not resolve here) pointed at local ports: both web machines at `web`, MinIO at `store`."""
    return (
        rendered("localhost,127.0.0.1")
        .replace("server web:8000;", f"server {web};")
        .replace("    server web2:8000;\n", "")
        .replace("server minio:9000;", f"server {store};")
    )


def location(name: str) -> str:
    text = CONF.read_text()
    match = re.search(r"location\s+" + re.escape(name) + r"\s*\{(.*?)\n    \}", text, re.S)
    assert match, name
    return match.group(1)


def directives(block: str, name: str) -> list[str]:
    return [m.strip() for m in re.findall(r"^\s*" + name + r'\s+((?:"[^"]*"|[^;"])*);', block, re.M)]


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


@pytest.mark.skipif(shutil.which("nginx") is None, reason="nginx is not installed (apt-get install nginx)")
def test_nginx_accepts_the_config(tmp_path):
    site = site_for("127.0.0.1:8000")
    assert "${" not in site  # every template variable was filled in
    (tmp_path / "site.conf").write_text(site)
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{\n access_log off;\n include {tmp_path}/site.conf;\n}}\n"
    )
    done = subprocess.run(
        ["nginx", "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr


def test_the_portal_answers_only_the_allowed_hosts_and_the_default_server_closes_the_rest():
    site = rendered("cdd4.example.go.th,localhost")
    servers = re.findall(r"^server \{(.*?)^\}", site, re.S | re.M)
    assert len(servers) == 2
    default, portal = servers
    assert directives(default, "listen") == ["80 default_server"]
    assert directives(default, "return")[-1] == "444"
    assert directives(portal, "listen") == ["80"]
    assert directives(portal, "server_name") == ["cdd4.example.go.th localhost"]


def test_the_names_script_stops_the_start_without_allowed_hosts():
    done = subprocess.run(["sh", "-c", f'. "{SERVER_NAMES}"'], env={}, capture_output=True, text=True)
    assert done.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS is not set" in done.stderr
