"""One squashed migration per app: `<app>/migrations/0001_squashed_<last>.py`, replacing the app's whole chain.

    .venv/bin/python tools/squash_migrations.py          # write them (run again after new migrations: same result)
    .venv/bin/python tools/squash_migrations.py --check  # exit 1 if writing them would change a file

The squashed migration is made from the models, not from the old operations: `makemigrations` runs with every
project app's migrations pointed at an empty package, and what it writes becomes the app's squashed migration,
with `replaces` naming the old chain and its dependencies on other project apps renamed to their squashed
migrations. Django's `squashmigrations` cannot serve here: the old chains move models between apps with
SeparateDatabaseAndState (scoring made the units, contests holds them now), so its squashed apps depend on each
other in a circle, and it leaves the chains' RunPython functions as references to the old modules, to be ported
by hand. The models' own graph has no circle (`makemigrations` would otherwise need a second migration in some
app, and this tool stops).

The result holds because the chain ends where the models are: the tool stops unless `makemigrations --check`
is clean first, so the squashed state is the old chain's final state (tests/test_squashed_migrations.py compares
the two; tests/contests/test_migrations.py the schemas each makes).

RunPython and RunSQL from the old chains: each is named below, as seeding a fresh database (its function is
copied into the squashed migration, which then stands alone once the old files are deleted) or as reworking
rows only an old database holds (left out: a fresh database has none, and an old one ran it already or runs it
from the old files). An operation marked `elidable` (Django's word for "drop me when squashing", as
core.migration_ops' content-type relabels are) is left out unasked. Any other named in neither stops the
tool, so a new one is decided on, not dropped.
"""

from __future__ import annotations

import argparse
import inspect
import os
import re
import sys
import tempfile
import textwrap
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent

# (app, migration, function): seeds a fresh database; copied into the squashed migration.
SEEDS = {
    ("ops", "0004_site_contact", "one_row"),  # the one SiteContact row pages read and never add
    ("scoring", "0031_staged_points", "unlogged"),  # the staged points' table, unlogged
    ("scoring", "0033_standings_half_pages_free", "half_of_each_page_free"),  # the standings' fillfactor
    ("scoring", "0034_standings_explanations_out_of_line", "explanations_out_of_line"),  # their toast_tuple_target
}
# (app, migration, function): reworks existing rows (or only reverses); a fresh database has none.
REWORKS = {
    ("contests", "0002_province_name_order", "number_existing_units"),
    ("contests", "0003_contest_stages", "drop_content_types"),
    ("scoring", "0010_units", "fill_dopa_codes"),
    ("scoring", "0011_contests", "national_contests"),
    ("scoring", "0013_rank_key", "fill_rank_keys"),
    ("scoring", "0015_contest_codes", "refuse_squatted_codes"),
    # The standings' fillfactor, set again by 0033 (a seed), and the reverses of both.
    ("scoring", "0030_standings_rank_unindexed", "room_on_each_page"),
    ("scoring", "0030_standings_rank_unindexed", "full_pages"),
    ("scoring", "0033_standings_half_pages_free", "a_tenth_free"),
    ("scoring", "0031_staged_points", "logged"),
    ("scoring", "0034_standings_explanations_out_of_line", "explanations_in_line"),
    # Texts emptied when stale, before the standings said whether their texts were current, and the reverse.
    ("scoring", "0035_standings_explained", "built_texts_are_current"),
    ("scoring", "0035_standings_explained", "texts_emptied_where_stale"),
    # A wrong code at set-up recorded as any wrong code is; a stored 0 award minimum read as the least total.
    ("accounts", "0007_setup_failures_recorded_as_factor_failures", "setup_failures_as_factor_failures"),
    ("scoring", "0039_year_settings_award_minimum_above_zero", "zero_to_floor"),
}

SQUASHED = re.compile(r"0001_squashed_.*\.py$")
REPLACED_README = '''"""The chain the squashed migration beside this folder replaces, out of Django's sight (a
subfolder): while Django saw both, the squashed apps would inherit the old chains' dependencies between apps, a
circle. A database stopped partway through it finishes it with `CDD4_REPLACED_MIGRATIONS=1 manage.py migrate`
(docs/operations.md, "Squashed migrations")."""
'''
HEADER = """\
# One migration for the app's whole chain, made from the models by tools/squash_migrations.py (run it again,
# never edit this file). A database that applied the old chain records this one as applied too; the old files
# stay until every deployed database has applied this one (docs/operations.md, "Squashed migrations").
"""


class SquashError(Exception):
    pass


def setup() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cdd4.settings")
    os.environ.pop("CDD4_REPLACED_MIGRATIONS", None)
    import django

    django.setup()


def old_files() -> dict[str, list[Path]]:
    """Each project app's migrations other than a squashed one, wherever they are (`replaced/` or beside it)."""
    from django.apps import apps

    found = {}
    for config in apps.get_app_configs():
        folder = Path(config.path) / "migrations"
        if Path(config.path).parent != ROOT:
            continue
        files = [p for p in [*folder.glob("0*.py"), *folder.glob("replaced/0*.py")] if not SQUASHED.match(p.name)]
        if files:
            found[config.label] = sorted(files, key=lambda p: p.name)
    return found


@contextmanager
def old_chains_only(files: dict[str, list[Path]]):
    """Django's migrations as they were before any squash: copies of the old files, one package per app."""
    with tempfile.TemporaryDirectory() as folder:
        for label, paths in files.items():
            package = Path(folder) / f"old_{label}"
            package.mkdir()
            (package / "__init__.py").touch()
            for path in paths:
                (package / path.name).write_text(chain_end_named(path.read_text()))
        with migration_modules(folder, {label: f"old_{label}" for label in files}):
            yield


def chain_end_named(source: str) -> str:
    """A migration's source naming the end of a squashed chain where it named the squashed migration (made after
    an earlier squash): the same node, and one that resolves where no squashed migration is."""
    return re.sub(r"(['\"])0001_squashed_(\w+)\1", r"\1\2\1", source)


@contextmanager
def migration_modules(folder: str, modules: dict[str, str]):
    from django.conf import settings

    sys.path.insert(0, folder)
    kept, settings.MIGRATION_MODULES = settings.MIGRATION_MODULES, {**settings.MIGRATION_MODULES, **modules}
    try:
        yield
    finally:
        settings.MIGRATION_MODULES = kept
        sys.path.remove(folder)


def old_chains(labels: list[str]) -> dict[str, list[str]]:
    """Each app's old migrations in the order they apply; a single leaf each."""
    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(None, ignore_no_migrations=True)
    graph = loader.graph
    chains = {}
    for label in labels:
        leaves = graph.leaf_nodes(label)
        if len(leaves) != 1:
            raise SquashError(f"{label} has {len(leaves)} leaves {sorted(leaves)}: `makemigrations --merge` first")
        chains[label] = [name for app, name in graph.forwards_plan(leaves[0]) if app == label]
        for name in chains[label]:
            check_runs((label, name), loader.disk_migrations[(label, name)])
    return chains


def check_runs(key: tuple[str, str], migration) -> None:
    from django.db import migrations

    for code in data_operations(migration.operations):
        named = (*key, code.__name__)
        if named not in SEEDS and named not in REWORKS:
            raise SquashError(
                f"{key}: {code.__name__} is neither a seed nor a rework: name it in SEEDS or REWORKS "
                "of tools/squash_migrations.py"
            )
        if named in SEEDS and isinstance(code, str | migrations.RunSQL):
            raise SquashError(f"{key}: copying RunSQL is not supported")


def data_operations(operations):
    """The functions (or SQL, as a RunSQL operation) run by RunPython/RunSQL, nested ones included."""
    from django.db import migrations

    for operation in operations:
        if isinstance(operation, migrations.SeparateDatabaseAndState):
            yield from data_operations(operation.database_operations)
        elif isinstance(operation, migrations.RunPython) and not operation.elidable:
            noop = migrations.RunPython.noop
            yield from (code for code in (operation.code, operation.reverse_code) if code not in (None, noop))
        elif isinstance(operation, migrations.RunSQL) and not operation.elidable:
            raise SquashError(f"RunSQL {operation.sql!r}: name it in SEEDS or REWORKS (not supported yet)")


def generate(labels: list[str]) -> dict[str, str]:
    """What `makemigrations` writes for each app when no app has a migration yet."""
    from django.core.management import call_command

    with tempfile.TemporaryDirectory() as folder:
        for label in labels:
            (Path(folder) / f"squash_{label}").mkdir()
            (Path(folder) / f"squash_{label}" / "__init__.py").touch()
        # The same text whether black is installed or not: makemigrations runs no formatter here.
        no_formatters = mock.patch(
            "django.core.management.commands.makemigrations.run_formatters", lambda *a, **k: None
        )
        with migration_modules(folder, {label: f"squash_{label}" for label in labels}), no_formatters:
            call_command("makemigrations", *labels, interactive=False, verbosity=0)
        written = {}
        for label in labels:
            files = sorted(p.name for p in (Path(folder) / f"squash_{label}").glob("0*.py"))
            if files != ["0001_initial.py"]:
                raise SquashError(f"{label}: the models need {files} (a circle of foreign keys between apps?)")
            written[label] = (Path(folder) / f"squash_{label}" / "0001_initial.py").read_text()
        return written


def squashed_name(chain: list[str]) -> str:
    return f"0001_squashed_{chain[-1]}"


def rewrite(label: str, text: str, chains: dict[str, list[str]], seeds: list) -> str:
    """The generated migration as the app's squashed one: its dependencies, `replaces`, and the seeds."""
    text = re.sub(r"^# Generated by Django [^\n]*\n\n", HEADER + "\n", text)
    for other, chain in chains.items():
        text = text.replace(f"('{other}', '0001_initial')", f"('{other}', '{squashed_name(chain)}')")
    replaces = "".join(f"        ('{label}', '{name}'),\n" for name in chains[label])
    text = text.replace("    initial = True\n", f"    initial = True\n\n    replaces = [\n{replaces}    ]\n", 1)
    if seeds:
        functions = "".join(f"\n\n{source}\n" for _, source in seeds)
        text = text.replace("\n\nclass Migration(", f"{functions}\n\nclass Migration(", 1)
        runs = "".join(f"        migrations.RunPython({name}, migrations.RunPython.noop),\n" for name, _ in seeds)
        if not text.endswith("    ]\n"):
            raise SquashError(f"{label}: unexpected end of the generated migration")
        text = text[: -len("    ]\n")] + runs + "    ]\n"
    return text


def seed_functions(label: str, chain: list[str]) -> list:
    from django.db.migrations.loader import MigrationLoader

    disk = MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    return [
        (code.__name__, textwrap.dedent(inspect.getsource(code)).rstrip())
        for name in chain
        for code in data_operations(disk[(label, name)].operations)
        if (label, name, code.__name__) in SEEDS
    ]


def check_clean() -> None:
    from django.core.management import call_command

    try:
        call_command("makemigrations", check=True, dry_run=True, verbosity=0)
    except SystemExit as exit_:
        raise SquashError("`makemigrations --check` is not clean: make the missing migrations first") from exit_


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if a file would change")
    args = parser.parse_args()
    setup()
    files = old_files()
    try:
        with old_chains_only(files):
            check_clean()
            chains = old_chains(list(files))
            seeds = {label: seed_functions(label, chain) for label, chain in chains.items()}
        written = {label: rewrite(label, text, chains, seeds[label]) for label, text in generate(list(files)).items()}
    except SquashError as error:
        print(f"squash_migrations: {error}", file=sys.stderr)
        return 2
    changed = []
    for label, text in written.items():
        folder = ROOT / label / "migrations"
        target = folder / f"{squashed_name(chains[label])}.py"
        readme = folder / "replaced" / "__init__.py"
        stale = [p for p in folder.glob("0001_squashed_*.py") if p != target]
        moves = [p for p in files[label] if p.parent == folder]
        if stale or moves or not readme.exists() or readme.read_text() != REPLACED_README:
            changed.append(label)
        elif not target.exists() or target.read_text() != text:
            changed.append(label)
        if args.check:
            continue
        for path in stale:
            path.unlink()
        readme.parent.mkdir(exist_ok=True)
        readme.write_text(REPLACED_README)
        for path in moves:  # named by the chain's end, a migration made after a squash still resolves in there
            (readme.parent / path.name).write_text(chain_end_named(path.read_text()))
            path.unlink()
        target.write_text(text)
    verb = "would change" if args.check else "wrote"
    print(f"squash_migrations: {verb} {', '.join(changed) or 'nothing'}")
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
