#!/usr/bin/env bash
# Fits the shipped models: the tagger (assets/models/ner.bin) on ANERcorp and the annotated
# news articles (the own articles and pool-saudi: `train_ner --gold --gold-domain`), then the
# quote and speaker models (assets/models/{quotes,speakers}.json) on the own articles, the
# annotated pool and dev-news — never on dev-saudi, which stays for measuring (its folds are
# used only inside the cross-validation of eval-analysis.sh).
#
# Cross-fitting: the quote and speaker stages are fitted on analyses by five fold taggers,
# each of which learned every annotated article but those of its fold, so every training
# article is analysed by a tagger that never saw it — as an article a reader opens is.
# QUICK=1 skips the tagger and uses the fold taggers left in target/cross-fit.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked -q -p qari-train --examples
ner=target/release/examples/train_ner
learned=target/release/examples/train_learned
folds=target/cross-fit
mkdir -p "$folds"
# Every annotated article (a .txt with its .gold.json beside it).
articles=()
for f in tests/fixtures/analysis/*.txt tests/fixtures/analysis_heldout/*.txt \
  tests/fixtures/analysis_unseen/*.txt tests/fixtures/analysis_pool/*.txt; do
  if [ -f "${f%.txt}.gold.json" ]; then articles+=("$f"); fi
done
if [ -z "${QUICK:-}" ]; then
  $ner --gold --gold-domain
  $learned --print-folds "${articles[@]}" > "$folds/folds.tsv"
  for k in 0 1 2 3 4; do
    awk -F'\t' -v k="$k" '$1 != k { print $2 }' "$folds/folds.tsv" > "$folds/gold$k.list"
    $ner --gold-list "$folds/gold$k.list" --gold-domain --out "$folds/fold$k.ner.bin"
  done
fi
$learned --ner-fold-models "$folds" "${articles[@]}" ../shared/eval/dev-news/*.txt
