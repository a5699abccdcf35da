#!/usr/bin/env bash
# The application as the image ships it, made from a clean tree (the Dockerfile runs this; so does
# tests/processes/deploy/test_build_app.py, in a copy of the tracked files, and `make` for the assets step):
#   assets    tus-js-client from assets/package-lock.json into static/vendor/tus/ (the script and its map)
#   messages  every locale*/*/LC_MESSAGES/*.po (ours, and the packages' Thai) compiled to its .mo, checked by msgfmt
#   static    collectstatic in production mode (whitenoise's manifest storage) into $CDD4_VAR_DIR/staticfiles,
#             then every file a template names with {% static %} must be in the manifest
# No step named: all three, in that order. Any failure stops the build.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python}"

assets() {
  npm ci --prefix assets --no-audit --no-fund --prefer-offline
  mkdir -p static/vendor/tus
  # The map too: tus.min.js ends with `//# sourceMappingURL=tus.min.js.map`, which the manifest storage
  # follows (and rewrites to the map's hashed name). Copied as published, the vendored file stays
  # byte-identical to the pinned package, and a browser's developer tools still map it to its source.
  cp assets/node_modules/tus-js-client/dist/tus.min.js assets/node_modules/tus-js-client/dist/tus.min.js.map \
    static/vendor/tus/
}

messages() {
  local po
  for po in locale/*/LC_MESSAGES/*.po locale_packages/*/LC_MESSAGES/*.po; do
    [ -e "$po" ] || continue
    msgfmt --check-format --check-domain -o "${po%.po}.mo" "$po"
  done
}

static() {
  DJANGO_ENV=production DJANGO_SECRET_KEY="${DJANGO_SECRET_KEY:-build-only}" \
    "$PYTHON" manage.py collectstatic --noinput --clear -v0
  DJANGO_ENV=production DJANGO_SECRET_KEY="${DJANGO_SECRET_KEY:-build-only}" \
    "$PYTHON" deploy/check_manifest.py
}

steps=("$@")
[ ${#steps[@]} -gt 0 ] || steps=(assets messages static)
for step in "${steps[@]}"; do
  case "$step" in
    assets | messages | static) "$step" ;;
    *) echo "build-app.sh: unknown step '$step' (assets, messages, static)" >&2; exit 2 ;;
  esac
done
