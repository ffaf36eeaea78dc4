#!/usr/bin/env bash
# Builds the Debian package: target/debian/qari_VERSION_ARCH.deb (installs cargo-deb if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh package
command -v cargo-deb >/dev/null || cargo install cargo-deb --locked
desktop-file-validate packaging/io.github.qari.Qari.desktop
appstreamcli validate --no-net packaging/io.github.qari.Qari.metainfo.xml
cargo deb --locked --strip "$@"
ls -1 target/debian/*.deb
