"""deploy/build-app.sh, what the Dockerfile runs to make the application, run here on a clean copy of the tracked
files in production mode: it passes, the manifest has every file a page names, and a broken reference fails it."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[3]
# The variables the settings read that would point the copy elsewhere than its own var/ (service mode, S3).
OWN = ("DATABASE_URL", "REDIS_URL", "CDD4_S3_BUCKET", "CDD4_VAR_DIR", "CDD4_MEDIA_ROOT", "DJANGO_ENV")


def clean_copy(into: Path) -> Path:
    """The tracked files as they are in the work tree (what `git archive` would give once committed)."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for name in filter(None, listed.decode().split("\0")):
        source = ROOT / name
        if source.is_file():  # a file deleted in the work tree but not yet committed is left out
            (into / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, into / name)
    return into


def build(tree: Path, *steps: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in OWN}
    env |= {"PYTHON": sys.executable, "CDD4_VAR_DIR": str(tree / "var"), "DJANGO_SECRET_KEY": "build-test"}
    return subprocess.run(
        ["bash", "deploy/build-app.sh", *steps], cwd=tree, env=env, capture_output=True, text=True, timeout=900
    )


@pytest.fixture(scope="module")
def clean(tmp_path_factory) -> Path:
    """A clean tree, never built: no npm tree, no static/vendor/, no var/."""
    return clean_copy(tmp_path_factory.mktemp("clean"))


def test_a_clean_tree_builds_in_production_mode(tmp_path):
    tree = clean_copy(tmp_path)

    done = build(tree)

    assert done.returncode == 0, done.stderr[-3000:]
    manifest = json.loads((tree / "var" / "staticfiles" / "staticfiles.json").read_text())["paths"]
    hashed_tus, hashed_map = manifest["vendor/tus/tus.min.js"], manifest["vendor/tus/tus.min.js.map"]
    for page_asset in ("css/portal.css", "js/upload.js", "js/stage_files.js", "scoring/vendor/htmx/htmx.min.js"):
        assert (tree / "var" / "staticfiles" / manifest[page_asset]).is_file()
    # The API docs' Swagger UI is shipped; the sidecar's ReDoc, which no page serves, is not.
    assert (
        tree / "var" / "staticfiles" / manifest["drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js"]
    ).is_file()
    assert [path for path in manifest if "redoc" in path] == []
    assert not (tree / "var" / "staticfiles" / "drf_spectacular_sidecar" / "redoc").exists()
    # The script's source map is followed to the map's hashed name.
    shipped = (tree / "var" / "staticfiles" / hashed_tus).read_text()
    assert shipped.rstrip().endswith(f"//# sourceMappingURL={Path(hashed_map).name}")
    assert (tree / "locale" / "th" / "LC_MESSAGES" / "django.mo").stat().st_size > 0


@pytest.mark.parametrize(
    ("name", "content", "missing"),
    [
        ("css/broken.css", "body { background: url(../img/gone.png); }\n", "img/gone.png"),
        ("js/broken.js", "console.log(1);\n//# sourceMappingURL=broken.js.map\n", "js/broken.js.map"),
    ],
)
def test_a_reference_to_a_missing_file_fails_the_build(clean, tmp_path, name, content, missing):
    """collectstatic stops at the first reference it cannot follow, before it compresses anything."""
    copy = tmp_path / "tree"
    shutil.copytree(clean, copy)
    (copy / "static" / name).write_text(content)

    done = build(copy, "static")

    assert done.returncode != 0
    assert f"The file '{missing}' could not be found" in done.stderr


def test_a_page_asset_missing_from_the_manifest_fails_the_build(clean, tmp_path):
    """An image built without the npm step: collectstatic has nothing to complain of, the check has."""
    static_root = tmp_path / "var" / "staticfiles"
    static_root.mkdir(parents=True)
    folders = [clean / Path(folder).relative_to(settings.BASE_DIR) for folder in settings.STATICFILES_DIRS]
    paths = {str(p.relative_to(folder)): "x" for folder in folders for p in folder.rglob("*") if p.is_file()}
    (static_root / "staticfiles.json").write_text(json.dumps({"paths": paths, "version": "1.1"}))
    env = {k: v for k, v in os.environ.items() if k not in OWN}
    env |= {"CDD4_VAR_DIR": str(tmp_path / "var"), "DJANGO_ENV": "production", "DJANGO_SECRET_KEY": "build-test"}

    done = subprocess.run(
        [sys.executable, "deploy/check_manifest.py"], cwd=clean, env=env, capture_output=True, text=True, timeout=120
    )

    assert done.returncode == 1
    pages = ", ".join(
        [
            "templates/submissions/criterion.html",
            "templates/submissions/innovation.html",
            "stages/templates/stages/stage.html",
        ]
    )
    assert done.stderr.splitlines() == [
        f"check_manifest: 'vendor/tus/tus.min.js' (named in {pages}) is not in {static_root / 'staticfiles.json'}"
    ]
