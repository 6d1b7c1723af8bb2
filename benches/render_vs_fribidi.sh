#!/usr/bin/env bash
# Whole-process measurement of `khabar render` on one long Arabic paragraph against GNU
# FriBidi's `fribidi --width 80` on the same file (issue 3: khabar at most 1.5× fribidi's
# time; fribidi reorders the whole paragraph and then cuts it, which is wrong, so it is a floor
# on speed only).
#
#   bash benches/render_vs_fribidi.sh [BYTES=1900000]
#
# Builds the release binary and the generator, writes the paragraph (the demo articles'
# Arabic paragraphs, repeated; see benches/common/paragraph_gen.rs) into a temp folder, checks
# that khabar renders it as one paragraph of rows no wider than 80 columns, times both with
# hyperfine (-N, stdout to /dev/null for both) and measures khabar's peak RSS. Needs hyperfine,
# fribidi and /usr/bin/time (Debian: apt-get install -y hyperfine libfribidi-bin time).
set -euo pipefail

cd "$(dirname "$0")/.."
BYTES=${1:-1900000}

for tool in hyperfine fribidi /usr/bin/time python3; do
    command -v "$tool" >/dev/null || { echo "missing: $tool (apt-get install -y hyperfine libfribidi-bin time python3)" >&2; exit 1; }
done

work=$(mktemp -d -t khabar-render-XXXXXX)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME=$work/config XDG_CACHE_HOME=$work/cache

echo "== build (release)"
cargo build --release --quiet --bin khabar --example gen_paragraph
khabar=target/release/khabar
para=$work/paragraph.txt
target/release/examples/gen_paragraph "$para" "$BYTES"

echo "== check"
rows=$("$khabar" render "$para" --width 80 | wc -l)
wide=$("$khabar" render "$para" --width 80 | python3 -c '
import sys, unicodedata
def cols(line):
    return sum(0 if unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Me", "Cf")
               else 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in line)
print(sum(1 for l in sys.stdin if cols(l.rstrip("\n")) > 80))')
echo "khabar: $rows rows, $wide wider than 80 columns; fribidi: $(fribidi --width 80 "$para" | wc -l) rows"
[ "$wide" = 0 ] || { echo "rows wider than 80 columns" >&2; exit 1; }

echo "== time"
hyperfine -N --warmup 5 --runs 60 --export-json "$work/times.json" \
    "$khabar render $para --width 80" "fribidi --width 80 $para" --output=null
python3 - "$work/times.json" <<'PY'
import json, statistics, sys
khabar, fribidi = json.load(open(sys.argv[1]))["results"]
km, fm = statistics.median(khabar["times"]), statistics.median(fribidi["times"])
print(f"median: khabar {km*1000:.1f} ms, fribidi {fm*1000:.1f} ms, ratio {km/fm:.2f}")
print(f"fastest: khabar {min(khabar['times'])*1000:.1f} ms, fribidi {min(fribidi['times'])*1000:.1f} ms, "
      f"ratio {min(khabar['times'])/min(fribidi['times']):.2f}")
PY

echo "== paired runs"
# This machine's speed drifts from minute to minute; hyperfine runs one command's runs and
# then the other's. Alternating the two and taking the median of the per-pair ratios cancels
# the drift.
python3 - "$khabar" "$para" <<'PY'
import os, statistics, subprocess, sys, time
khabar, para = sys.argv[1], sys.argv[2]
a = [khabar, "render", para, "--width", "80"]
b = ["fribidi", "--width", "80", para]
null = open(os.devnull, "w")
def run(cmd):
    start = time.perf_counter()
    subprocess.run(cmd, stdout=null, stderr=null, check=True)
    return time.perf_counter() - start
for _ in range(3):
    run(a), run(b)
ratios, ka, fb = [], [], []
for i in range(60):
    if i % 2:
        y, x = run(b), run(a)
    else:
        x, y = run(a), run(b)
    ka.append(x), fb.append(y), ratios.append(x / y)
q = statistics.quantiles(ratios, n=4)
print(f"60 pairs: khabar median {statistics.median(ka)*1000:.1f} ms, fribidi median "
      f"{statistics.median(fb)*1000:.1f} ms; khabar/fribidi per pair: median "
      f"{statistics.median(ratios):.2f}, quartiles {q[0]:.2f}-{q[2]:.2f}")
PY

echo "== peak memory"
/usr/bin/time -f "khabar render: peak RSS %M KB" "$khabar" render "$para" --width 80 > /dev/null
/usr/bin/time -f "fribidi: peak RSS %M KB" fribidi --width 80 "$para" > /dev/null
