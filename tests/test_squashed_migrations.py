"""Each app's migrations are one squashed migration (tools/squash_migrations.py) replacing the app's old chain
(`<app>/migrations/replaced/`): it makes the state the old chain made. A database made by the old chain goes on
through it keeping its rows, at the schema a fresh database gets: tests/contests/test_migrations.py walks it."""

from django.conf import settings
from django.db.migrations.loader import MigrationLoader

from tests.contests.test_migrations import replaced_modules


def _replaced_files(label: str) -> set[str]:
    return {p.stem for p in (settings.BASE_DIR / label / "migrations" / "replaced").glob("0*.py")}


def test_each_app_has_one_leaf_and_one_squashed_migration_replacing_its_whole_old_chain():
    loader = MigrationLoader(None)
    labels = sorted(replaced_modules())
    assert labels == [
        "accounts", "awards", "committee", "contests", "nominees", "notices", "ops", "people", "scoring", "stages",
        "submissions",
    ]  # fmt: skip
    for label in labels:
        (squashed,) = [key for key in loader.replacements if key[0] == label]
        replaces = loader.replacements[squashed].replaces
        assert squashed[1] == f"0001_squashed_{replaces[-1][1]}"
        assert {name for app, name in replaces if app == label} == _replaced_files(label)
        assert len(graph_leaves := loader.graph.leaf_nodes(label)) == 1, graph_leaves
        assert not loader.graph.node_map[squashed].parents & {
            n for n in loader.graph.node_map.values() if n.key[0] == label
        }
        assert not set(replaces) & set(loader.graph.nodes)  # a fresh database goes through the squashed ones only


def test_the_squashed_migrations_make_the_state_the_old_chains_end_in(settings):
    """The state at the squashed migrations themselves: the migrations after them change it further."""
    loader = MigrationLoader(None)
    squashed = loader.project_state(nodes=list(loader.replacements), at_end=True)
    settings.MIGRATION_MODULES = replaced_modules()
    old = MigrationLoader(None).project_state()
    ours = {key for key in old.models if key[0] in replaced_modules()}
    assert {key for key in squashed.models if key[0] in replaced_modules()} == ours
    for key in sorted(ours):
        assert _model(squashed.models[key]) == _model(old.models[key]), key


def _model(state) -> tuple:
    """A model's state with its fields, indexes and constraints in any order (as the autodetector takes them)."""
    options = {
        name: sorted(value, key=lambda item: item.name) if name in ("indexes", "constraints") else value
        for name, value in state.options.items()
    }
    fields = {name: field.deconstruct()[1:] for name, field in state.fields.items()}
    return state.name, fields, options, state.bases, state.managers
