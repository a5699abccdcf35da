"""deploy/nginx.conf rendered as nginx's image writes it at start, for the names the tests send."""

import subprocess

from tests.deploy.nginx_config import CONF

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
