"""deploy/nginx.conf as nginx's image renders it at start: nginx accepts it, the portal answers only the allowed
hosts and a Host it does not serve is closed, and the start stops without allowed hosts."""

import re
import shutil
import subprocess

import pytest

from tests.deploy.nginx_config import directives

from .nginx_site import SERVER_NAMES, rendered, site_for


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
