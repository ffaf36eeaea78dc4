#!/usr/bin/env bash
# Fits the shipped quote and speaker models (assets/models/{quotes,speakers}.json) on the own
# articles, the annotated pool-saudi articles and dev-news — never on dev-saudi, which stays
# for measuring (its folds are used only inside the cross-validation of eval-analysis.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked -q -p qari-train --examples
target/release/examples/train_learned \
  tests/fixtures/analysis/*.txt tests/fixtures/analysis_heldout/*.txt \
  tests/fixtures/analysis_unseen/*.txt tests/fixtures/analysis_pool/*.txt \
  ../shared/eval/dev-news/*.txt
