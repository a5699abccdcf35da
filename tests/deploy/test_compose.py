"""docker-compose.yml, checked rather than read: valid against the Compose Specification's schema, every variable it
gives the portal is one the code reads, every secret production requires is set, and the services start in the
order the README gives (the database, Redis and the store; one migration; then the web machines, worker, beat and
backup; nginx once both web machines are healthy)."""

import ast
import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from cdd4 import options

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "tests" / "vendor" / "compose-spec" / "compose-spec.json").read_text())
# Where the portal reads its environment besides its table of options (cdd4/options.py): the metrics' folder.
READERS = ["ops/metrics.py"]
PORTAL = {"migrate", "web", "web2", "worker", "beat", "backup"}  # the services built from this tree
ONE_SHOT = {"minio-bucket", "migrate"}


def compose(text: str | None = None) -> dict:
    return yaml.safe_load(text if text is not None else (ROOT / "docker-compose.yml").read_text())


def schema_errors(document: dict) -> list[str]:
    validator = jsonschema.Draft7Validator(SCHEMA)
    return sorted(f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(document))


def env_example() -> dict[str, str]:
    lines = (ROOT / ".env.example").read_text().splitlines()
    return dict(line.split("=", 1) for line in lines if line.strip() and not line.startswith("#"))


def is_environ(node: ast.AST) -> bool:
    """`os.environ`, or a name called `environ`."""
    return (isinstance(node, ast.Attribute) and node.attr == "environ") or (
        isinstance(node, ast.Name) and node.id == "environ"
    )


def variables_read(tree: ast.AST) -> set[str]:
    """Every NAME in environ.get("NAME"), environ["NAME"] and "NAME" in environ."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get":
            if is_environ(node.func.value) and node.args and isinstance(node.args[0], ast.Constant):
                names.add(node.args[0].value)
        elif isinstance(node, ast.Subscript) and is_environ(node.value) and isinstance(node.slice, ast.Constant):
            names.add(node.slice.value)
        elif isinstance(node, ast.Compare) and any(is_environ(c) for c in node.comparators):
            if isinstance(node.left, ast.Constant):
                names.add(node.left.value)
    return names


def parsed(path: str) -> ast.AST:
    return ast.parse((ROOT / path).read_text())


def portal_environment(service: dict) -> dict[str, str]:
    """What a portal process sees: the compose file's `environment` and the env_file (.env, from .env.example)."""
    assert service["env_file"] == ".env"
    return env_example() | service["environment"]


def test_the_compose_file_is_valid_against_the_compose_specification():
    assert schema_errors(compose()) == []


def test_the_schema_check_catches_a_misspelt_key():
    broken = compose((ROOT / "docker-compose.yml").read_text().replace("    healthcheck:\n", "    healthchek:\n", 1))
    assert schema_errors(broken) == ["services/db: 'healthchek' does not match any of the regexes: '^x-'"]


def test_every_variable_the_portal_is_given_is_one_the_code_reads():
    services = compose()["services"]
    read = {name for name, _, _ in options.documented()}.union(*(variables_read(parsed(p)) for p in READERS))
    text = (ROOT / "docker-compose.yml").read_text()
    interpolated = set(re.findall(r"(?<!\$)\$\{([A-Z0-9_]+)", text))  # compose's own ${NAME}
    in_commands = set(re.findall(r"\$\$\{([A-Z0-9_]+)", text))  # a service's shell reads $${NAME}
    for name in PORTAL:
        given = set(portal_environment(services[name]))
        assert sorted(given - read - interpolated - in_commands) == [], name


def test_every_variable_compose_interpolates_is_in_the_example_env():
    text = (ROOT / "docker-compose.yml").read_text()
    assert sorted(set(re.findall(r"(?<!\$)\$\{([A-Z0-9_]+)", text)) - set(env_example())) == []


def test_every_secret_production_requires_is_set_for_every_portal_process():
    services = compose()["services"]
    required = set(options.PRODUCTION_REQUIRED)
    assert "DJANGO_SECRET_KEY" in required
    for name in PORTAL:
        environment = portal_environment(services[name])
        assert environment["DJANGO_ENV"] == "production", name
        assert sorted(required - set(environment)) == [], name
        # The object store's keys and the database's password come from .env, never written in the file.
        for key in ("CDD4_S3_ACCESS_KEY", "CDD4_S3_SECRET_KEY", "DATABASE_URL"):
            assert "${" in environment[key], (name, key)


def test_one_migration_then_the_portal_then_nginx():
    services = compose()["services"]
    migrating = sorted(n for n, s in services.items() if "manage.py migrate" in str(s.get("command", "")))
    assert migrating == ["migrate"]
    assert services["migrate"]["restart"] == "no"
    assert services["migrate"]["depends_on"] == {
        "db": {"condition": "service_healthy"},
        "redis": {"condition": "service_healthy"},
        "minio-bucket": {"condition": "service_completed_successfully"},
    }
    for name in PORTAL - {"migrate"}:
        assert services[name]["depends_on"]["migrate"] == {"condition": "service_completed_successfully"}, name
    assert services["nginx"]["depends_on"] == {
        "web": {"condition": "service_healthy"},
        "web2": {"condition": "service_healthy"},
    }


def test_every_long_running_service_has_a_health_check_and_every_awaited_one_can_be_awaited():
    services = compose()["services"]
    assert sorted(n for n, s in services.items() if n not in ONE_SHOT and "healthcheck" not in s) == []
    for name, service in services.items():
        for target, how in service.get("depends_on", {}).items():
            if how["condition"] == "service_healthy":
                assert "healthcheck" in services[target], (name, target)
            else:  # a job that ends: it must not be restarted after it succeeded
                assert how["condition"] == "service_completed_successfully", (name, target)
                assert target in ONE_SHOT and services[target].get("restart", "no") == "no", (name, target)


@pytest.mark.parametrize("name", sorted(PORTAL))
def test_every_portal_process_is_built_from_this_tree(name):
    assert compose()["services"][name]["build"] == "."


def test_each_web_machine_opens_its_port_only_once_django_is_loaded():
    """gunicorn's --preload loads the app before it binds: a web machine started again refuses connections (nginx
    tries the other) until it can answer, instead of taking requests its workers would hold while loading."""
    services = compose()["services"]

    assert [("--preload" in services[name]["command"].split()) for name in ("web", "web2")] == [True, True]
