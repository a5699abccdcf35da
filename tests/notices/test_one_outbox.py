"""Every mail the portal sends goes through the notices' outbox and counts against its limits (SECURITY.md, "Sending
limits"): no module but the e-mail channel reaches Django's mail, and no logger mails anyone (Django's own adds a
handler that e-mails ADMINS at every error)."""

from __future__ import annotations

import ast
import logging
from pathlib import Path

from django.utils.log import AdminEmailHandler

from tests.test_lock import ROOT, sources

CHANNEL = Path("notices/channels/email.py")
MAIL = "django.core.mail"
SENDERS = {"send_mail", "send_mass_mail", "mail_admins", "mail_managers", "EmailMessage", "EmailMultiAlternatives"}


def mail_reached(path: Path) -> list[str]:
    """Where a module imports Django's mail, or names one of its senders."""
    found = []
    for node in ast.walk(ast.parse((ROOT / path).read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(MAIL):
            found.append(f"{path}:{node.lineno} from {node.module} import")
        elif isinstance(node, ast.Import) and any(alias.name.startswith(MAIL) for alias in node.names):
            found.append(f"{path}:{node.lineno} import {MAIL}")
        elif isinstance(node, ast.Name | ast.Attribute) and getattr(node, "id", getattr(node, "attr", "")) in SENDERS:
            found.append(f"{path}:{node.lineno} {getattr(node, 'id', getattr(node, 'attr', ''))}")
    return found


def test_no_module_but_the_e_mail_channel_reaches_djangos_mail():
    more = [p.relative_to(ROOT) for app in ("accounts", "people") for p in sorted((ROOT / app).rglob("*.py"))]
    portal = [path for path in sources() if path.parts[0] != "bench"] + [p for p in more if "migrations" not in p.parts]
    assert [where for path in portal if path != CHANNEL for where in mail_reached(path)] == []
    assert mail_reached(CHANNEL)  # the scan sees the one that does


def test_no_logger_mails_anyone():
    loggers = [logging.getLogger(), *(logging.getLogger(name) for name in logging.root.manager.loggerDict)]
    assert [lg.name for lg in loggers for h in lg.handlers if isinstance(h, AdminEmailHandler)] == []
