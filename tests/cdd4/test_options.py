"""The deployer's options: one typed table (cdd4/options.py), read once, documented in docs/operations.md, and
settings that assign each name once."""

import ast
import re
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from cdd4 import options

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = ROOT / "cdd4" / "settings.py"


def _assigned_names(body: list[ast.stmt]) -> list[str]:
    names = []
    for node in body:
        if isinstance(node, ast.Assign):
            names += [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.append(node.target.id)
        elif isinstance(node, ast.If):
            names += _assigned_names(node.body) + _assigned_names(node.orelse)
    return names


def test_settings_assign_no_name_twice():
    names = _assigned_names(ast.parse(SETTINGS.read_text()).body)
    assert sorted({n for n in names if names.count(n) > 1}) == []


def test_settings_change_no_list_or_table_after_writing_it():
    """MIDDLEWARE, INSTALLED_APPS, LOGGING and the beat schedule are each written once, in order."""
    text = SETTINGS.read_text()
    assert re.findall(r"^\s*\w+(?:\[[^\]]*\])*\.(?:append|insert|extend|update|setdefault)\(", text, re.M) == []
    # The one item set after its table: the database's own options, which depend on the engine the URL names.
    assert re.findall(r"^\s*(\w+\[[^\]]+\](?:\[[^\]]+\])*) = ", text, re.M) == ['_database["OPTIONS"]']


def test_settings_read_the_environment_only_through_the_table():
    assert SETTINGS.read_text().count("os.environ") == 1  # OPTIONS = options.read(os.environ)


def test_every_option_has_a_type_a_default_and_what_it_does():
    rows = options.documented()
    assert len(rows) == len({name for name, _, _ in rows})
    assert all(doc.strip() for _, _, doc in rows)


def test_docs_operations_lists_every_option_as_the_table_has_it():
    text = (ROOT / "docs" / "operations.md").read_text()
    section = text.split("## ตัวเลือกการติดตั้ง / Options", 1)[1].split("\n## ", 1)[0]
    table = [line for line in section.splitlines() if line.startswith("|")]
    assert "\n".join(table) == options.markdown()


def test_values_are_cast_to_their_types():
    read = options.read(
        {"DJANGO_DEBUG": "on", "DB_CONN_MAX_AGE": "5", "CDD4_OPERATORS": "a@x.go.th, ,b@x.go.th", "CDD4_X_ACCEL": "0"}
    )
    assert (read.DJANGO_DEBUG, read.DB_CONN_MAX_AGE, read.CDD4_OPERATORS, read.CDD4_X_ACCEL) == (
        True,
        5,
        ("a@x.go.th", "b@x.go.th"),
        False,
    )
    assert options.read({}).CDD4_UPLOAD_CHECK_SECONDS == 0.8


def test_a_value_that_does_not_read_names_its_option():
    with pytest.raises(ImproperlyConfigured, match=r"^CDD4_MIN_FREE_MB: "):
        options.read({"CDD4_MIN_FREE_MB": "many"})
