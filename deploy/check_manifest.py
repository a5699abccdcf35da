"""After collectstatic in production mode: every file the portal's own templates name with {% static %} is in
whitenoise's manifest (a page asking for one that is not would fall back to an unhashed address that 404s).

Run by deploy/build-app.sh; exits 1 naming each missing file.
"""

import json
import os
import re
import sys
from pathlib import Path

STATIC_TAG = re.compile(r"""\{%\s*static\s+['"]([^'"]+)['"]""")


def named_in_templates(base: Path, template_dirs: list[Path]) -> dict[str, list[str]]:
    """Static path → the templates (relative to `base`) that name it."""
    named: dict[str, list[str]] = {}
    for folder in template_dirs:
        for template in sorted(folder.rglob("*")):
            if template.is_file() and template.suffix in {".html", ".txt", ".jinja", ".jinja2"}:
                for path in STATIC_TAG.findall(template.read_text(errors="replace")):
                    named.setdefault(path, []).append(str(template.relative_to(base)))
    return named


def main() -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cdd4.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.template import engines
    from django.template.utils import get_app_template_dirs

    base = Path(settings.BASE_DIR)
    dirs = [Path(d) for d in engines.all()[0].dirs]  # TEMPLATES[0]'s DIRS
    dirs += [Path(d) for d in get_app_template_dirs("templates") if Path(d).is_relative_to(base)]
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if not manifest.is_file():
        print(f"check_manifest: {manifest} is missing: run collectstatic with DJANGO_ENV=production", file=sys.stderr)
        return 1
    paths = json.loads(manifest.read_text())["paths"]
    missing = {p: where for p, where in named_in_templates(base, dirs).items() if p not in paths}
    for path, where in sorted(missing.items()):
        print(f"check_manifest: '{path}' (named in {', '.join(where)}) is not in {manifest}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
