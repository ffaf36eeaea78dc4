#!/bin/sh
# Runs every fuzz target for $1 seconds (default 300), one after the other, logging to logs/.
# Usage (from fuzz/): sh run_all.sh [SECONDS]
set -u
secs=${1:-300}
for t in plain_text html markdown json epub docx; do
  mkdir -p corpus/$t
  RUSTC_BOOTSTRAP=1 CARGO_BUILD_JOBS=1 nice cargo fuzz run $t corpus/$t seeds/$t -- \
    -max_total_time=$secs -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 > logs/$t.log 2>&1
  echo "$t exit $?" >> logs/summary.txt
done
