"""One lock: outside people/ only the actor (contests/actor.py, and its scopes, contests/scopes.py: functions of
the actor that filter lists by its office) reads a user's role or office.

Everyone else asks the actor a question (docs/architecture.md, "Who may do what: the actor"). This scans the
source: an actor's private attributes, the role/office attributes it used to hand out, a user's
membership, a filter on someone's membership role, and the people.models Role imported outside the
writers of memberships. The import-linter contract "one-lock" keeps people.selectors the actor's alone.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.packages import PACKAGES

ROOT = Path(__file__).resolve().parent.parent
# Every package but people/, where the memberships are kept and read for the actor; and the benches.
APPS = [*(package for package in PACKAGES if package != "people"), "bench"]
LOCK = {Path("contests/actor.py"), Path("contests/scopes.py")}  # the actor and its scopes
# The writers of memberships, which name a role to give one: the demo logins, the users-and-roles form and sheet
# (with what each role given may be given with, accounts/account_rights.py) and the benches that make their own
# people.
ROLE_WRITERS = {Path("scoring/demo.py"), Path("stages/demo.py"), Path("committee/demo.py"), Path("ops/demo.py")}
ROLE_WRITERS |= {Path(f"accounts/{name}.py") for name in ("account_rights", "forms", "provision")}
ROLE_WRITERS |= {Path(f"bench/{name}.py") for name in ("_setup", "broadcast", "deadline_checks", "deadline_move")}
ROLE_WRITERS |= {Path(f"bench/{name}.py") for name in ("rush", "schedule")}
# What the actor used to hand out, and its private attributes: nobody reads them of an actor.
ACTOR_ATTRS = {"role", "_role", "office", "office_id", "_office_id", "is_central", "is_committee"}
ACTOR_ATTRS |= {"is_office_staff", "is_organiser", "membership"}
ACTORS = {"actor_of", "Actor"}  # calls that make an actor
ACTOR_NAMES = {"actor", "candidate", "SYSTEM", "ANONYMOUS"}  # names an actor is kept under


def sources() -> list[Path]:
    found = []
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            rel = path.relative_to(ROOT)
            if "migrations" not in rel.parts and rel not in LOCK:
                found.append(rel)
    return found


def is_actor(node: ast.AST) -> bool:
    if isinstance(node, ast.Name):
        return node.id in ACTOR_NAMES or node.id.endswith("_actor")
    if isinstance(node, ast.Attribute) and node.attr in ACTOR_NAMES:  # self.actor, actor.SYSTEM
        return True
    if isinstance(node, ast.Call):
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        return name in ACTORS
    return False


def reads(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, what) for each read of a role or an office other than by asking the actor."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            if node.attr in ACTOR_ATTRS and is_actor(node.value):
                found.append((node.lineno, f"an actor's .{node.attr}"))
            elif node.attr == "membership":  # user.membership, request.user.membership: a role and an office
                found.append((node.lineno, ".membership"))
        elif isinstance(node, ast.Call):
            for kw in node.keywords:  # users.filter(membership__role=…): deciding by someone's role
                if kw.arg and "membership__role" in kw.arg:
                    found.append((node.lineno, f"a filter on {kw.arg}"))
            if isinstance(node.func, ast.Name) and node.func.id == "getattr" and len(node.args) >= 2:
                name = node.args[1]
                if isinstance(name, ast.Constant) and name.value in {"membership", "role", "_role", "_office_id"}:
                    found.append((node.lineno, f"getattr(…, {name.value!r})"))
        elif isinstance(node, ast.ImportFrom) and node.module in {"people.selectors", "people.models"}:
            for alias in node.names:
                if node.module == "people.selectors" or alias.name == "Role":
                    found.append((node.lineno, f"from {node.module} import {alias.name}"))
    return found


def test_the_scan_covers_the_apps():
    assert len(sources()) > 100
    assert Path("submissions/api.py") in sources() and not LOCK & set(sources())


def test_only_the_actor_reads_a_role_or_an_office():
    """One scan of every source, each finding listed as `path:line: what` (one test, not one per file)."""
    found = []
    for path in sources():
        for line, what in reads(ast.parse((ROOT / path).read_text(encoding="utf-8"))):
            if path in ROLE_WRITERS and what == "from people.models import Role":  # may name a role to write one
                continue
            found.append(f"{path}:{line}: {what}")
    assert found == [], "\n".join(["reads of a role or an office outside the actor:", *found])


SNIPPETS = [
    ("actor_of(user).role == Role.CHAIR", ["an actor's .role"]),
    ("actor.office_id == unit.pk", ["an actor's .office_id"]),
    ("self.actor.is_committee", ["an actor's .is_committee"]),
    ("SYSTEM._role", ["an actor's ._role"]),
    ("request.user.membership.province", [".membership"]),
    ("getattr(user, 'membership', None)", ["getattr(…, 'membership')"]),
    ("users.filter(membership__role__in=roles)", ["a filter on membership__role__in"]),
    ("from people.models import Role", ["from people.models import Role"]),
    ("from people.selectors import role_of", ["from people.selectors import role_of"]),
    # Not reads of a user's role or office: another model's fields, and the questions themselves.
    ("nominee.office.code", []),
    ("contest.organiser_id == unit.parent_id", []),
    ("form.cleaned_data['role']", []),
    ("actor_of(user).administers() or actor.acts_for(unit)", []),
    ("actor.own_office.name_th", []),
    ("from people.models import Conflict", []),
]


@pytest.mark.parametrize(("code", "expected"), SNIPPETS, ids=[s[0] for s in SNIPPETS])
def test_the_scan_finds_reads_and_nothing_else(code, expected):
    assert [what for _, what in reads(ast.parse(code))] == expected
