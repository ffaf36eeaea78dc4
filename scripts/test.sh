#!/usr/bin/env bash
# The test command: installs what the tests need, then runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh test
# The desktop entry and the AppStream metainfo are checked as distributions check them.
desktop-file-validate packaging/io.github.qari.Qari.desktop
appstreamcli validate --no-net packaging/io.github.qari.Qari.metainfo.xml
cargo test --locked --workspace "$@"
