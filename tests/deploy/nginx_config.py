"""deploy/nginx.conf and its directives, read as text."""

import re
from pathlib import Path

CONF = Path(__file__).resolve().parents[2] / "deploy" / "nginx.conf"


def directives(block: str, name: str) -> list[str]:
    return [m.strip() for m in re.findall(r"^\s*" + name + r'\s+((?:"[^"]*"|[^;"])*);', block, re.M)]
