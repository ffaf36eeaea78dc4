#!/usr/bin/env bash
# Installs the Debian packages qari needs, if missing: `run` (a window), `test` or `package`.
set -euo pipefail
case "${1:-run}" in
  run) pkgs=(libgl1 libegl1 libx11-xcb1 libxkbcommon-x11-0 libxcursor1 libxrandr2 libxi6) ;;
  test) pkgs=(python3 desktop-file-utils appstream libfribidi-bin) ;;
  package) pkgs=(desktop-file-utils appstream dpkg-dev) ;;
  *) echo "usage: $0 run|test|package" >&2; exit 2 ;;
esac
need=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || need+=("$p")
done
if ((${#need[@]})); then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}"
fi
