"""The Dockerfile makes the application with deploy/build-app.sh alone, the script that
tests/processes/deploy/test_build_app.py runs on a clean copy of the tracked files."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_dockerfile_makes_the_application_with_this_script_only():
    """No Docker engine here: what is checked is that the image runs the tested script and nothing beside it."""
    lines = [line.strip() for line in (ROOT / "Dockerfile").read_text().splitlines()]
    runs = [line for line in lines if line.startswith("RUN ")]
    assert "RUN deploy/build-app.sh" in runs
    assert [line for line in runs if "collectstatic" in line or "npm ci" in line or "msgfmt" in line] == []
    assert "COPY --from=build /var/lib/cdd4/staticfiles /var/lib/cdd4/staticfiles" in lines
    assert "COPY --from=build /app/static/vendor static/vendor" in lines
