#!/usr/bin/env bash
# Installs the distribution's packages deploy/system-packages.txt lists for the given needs (run, test,
# services) that are missing, with apt-get as root; not root, it installs nothing, names the one command that
# would, and fails, so that nothing runs half-equipped.
#   deploy/system-packages.sh run            `make run`
#   deploy/system-packages.sh run test       `make test`
#   deploy/system-packages.sh run test services   CI (.ci/run), `make rehearse`
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || { echo "usage: $0 run|test|services ..." >&2; exit 2; }

missing() {
  local need package probe wanted
  while read -r need package probe; do
    case "$need" in '' | '#'*) continue ;; esac
    for wanted in "$@"; do
      if [ "$need" = "$wanted" ] && ! bash -c "$probe" >/dev/null 2>&1; then
        echo "$package"
      fi
    done
  done <deploy/system-packages.txt
}

mapfile -t packages < <(missing "$@")
[ ${#packages[@]} -gt 0 ] || exit 0
command="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${packages[*]}"
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "ขาดแพ็กเกจของระบบ / missing system packages: ${packages[*]}" >&2
  echo "ติดตั้งด้วย / install them with:  sudo sh -c '$command'" >&2
  exit 1
fi
echo "installing the missing system packages: ${packages[*]}"
bash -c "$command"
mapfile -t still < <(missing "$@")
if [ ${#still[@]} -gt 0 ]; then
  echo "still missing after apt-get: ${still[*]}" >&2
  exit 1
fi
