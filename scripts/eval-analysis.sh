#!/usr/bin/env bash
# Scores `qari analyze` with ../shared/eval/score.py on the sample, the own articles
# (tests/fixtures/analysis, _heldout, _unseen) and the 25 real stories of
# ../shared/eval/dev-news, each set on its own line.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked -q
qari=target/release/qari
eval=../shared/eval
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
$qari analyze seeds/000_f28f254fb6dd51e1.txt --json > "$tmp/sample.json"
printf 'sample:   '; python3 $eval/score.py "$tmp/sample.json" $eval/000_f28f254fb6dd51e1.gold.json | tail -1
for set in tests/fixtures/analysis tests/fixtures/analysis_heldout tests/fixtures/analysis_unseen $eval/dev-news; do
  args=()
  for f in $set/*.txt; do
    name=$(basename "$f" .txt)
    $qari analyze "$f" --json > "$tmp/$name.json"
    args+=("$tmp/$name.json" "${f%.txt}.gold.json")
  done
  printf '%-18s ' "$(basename "$set"):"; python3 $eval/score.py "${args[@]}" | tail -1
done
# The whole analysis on held-out ANERcorp text (the dev tenth), with the model trained
# without it: `cargo run --release -p qari-train --example train_ner -- --dev` writes target/dev.ner.bin.
if [ -f target/dev.ner.bin ] && [ -f target/dev.gold.conll ]; then
  python3 scripts/anercorp_docs.py target/dev.gold.conll "$tmp/anercorp"
  args=()
  for f in "$tmp"/anercorp/*.txt; do
    QARI_MODEL=target/dev.ner.bin $qari analyze "$f" --json > "${f%.txt}.raw.json"
    python3 scripts/anercorp_docs.py --filter "${f%.txt}.raw.json" > "${f%.txt}.json"
    args+=("${f%.txt}.json" "${f%.txt}.gold.json")
  done
  printf '%-18s ' "anercorp dev:"; python3 $eval/score.py "${args[@]}" | tail -1 | sed 's/ · quotes.*//'
else
  echo "anercorp dev:      (run train_ner -- --dev first)"
fi
