#!/usr/bin/env bash
# Reading-core benchmarks: first-screen `qari render` time for 100 KB, 1 MB and 10 MB
# documents and for the hard shapes (one 1 MB and 5 MB paragraph, 1 MB of mixed
# Arabic/Hebrew/Latin/digits, one word of 2 million letters), and CPU time per frame while
# scrolling the 10 MB one headless.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo; $sudo apt-get install -y -qq hyperfine; }
cargo build --release --locked
qari=target/release/qari
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
for size in 100000 1000000 10000000; do
  $qari debug synth seeds/000_f28f254fb6dd51e1.txt --bytes "$size" --out "$dir/doc-$size.txt"
  echo "== qari render, first screen, $size bytes"
  hyperfine -N --warmup 2 --runs 10 \
    "$qari render $dir/doc-$size.txt --width 1400 --height 900 --out $dir/page.png" | grep -E "Time|Range"
done
for shape in one-paragraph:1000000 one-paragraph:5000000 mixed:1000000 long-word:4000000; do
  name=${shape%%:*}; size=${shape##*:}
  $qari debug synth seeds/000_f28f254fb6dd51e1.txt --shape "$name" --bytes "$size" --out "$dir/$name-$size.txt"
  echo "== qari render, first screen, $name, $size bytes"
  hyperfine -N --warmup 1 --runs 5 \
    "$qari render $dir/$name-$size.txt --width 1400 --height 900 --out $dir/page.png" | grep -E "Time|Range"
done
echo "== scrolling the 10 MB document at 1400x900"
$qari debug bench-scroll "$dir/doc-10000000.txt" --frames 600 --step 40
$qari debug bench-scroll "$dir/doc-10000000.txt" --frames 600 --step 900
