#!/bin/sh
# Runs fuzz targets for up to $1 seconds each (default 300) or 10^6 executions, whichever
# comes first, one after the other, logging to logs/ (needs nightly and cargo-fuzz).
# Usage (from fuzz/): sh run_all.sh [SECONDS] [TARGET...]
set -u
secs=${1:-300}
shift 2>/dev/null || true
targets=${*:-analysis anchor plain_text html markdown json epub docx pdf}
for t in $targets; do
  mkdir -p corpus/$t
  extra=""
  # Whole articles: keep inputs long so paragraphs, quotes and names are exercised.
  [ "$t" = analysis ] && extra="-max_len=16384 -len_control=0"
  [ "$t" = anchor ] && extra="-max_len=16384"
  [ "$t" = pdf ] && extra="-max_len=65536"
  RUSTC_BOOTSTRAP=1 CARGO_BUILD_JOBS=1 nice cargo +nightly fuzz run --sanitizer none $t corpus/$t seeds/$t -- \
    -max_total_time=$secs -runs=1000000 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 $extra > logs/$t.log 2>&1
  echo "$t exit $?" >> logs/summary.txt
done
