#!/usr/bin/env bash
# Whole-process measurement of `khabar list` against `rg -c ال` over the same generated
# corpus (the goal: khabar ≤ 3× rg's time, peak RSS ≤ 2× the corpus size).
#
#   bash benches/whole_process.sh [CORPUS_DIR]
#
# Builds the release binary and the generator, writes COUNT (default 10000) files into
# CORPUS_DIR (or a temp folder, removed at exit; an existing non-empty CORPUS_DIR is reused
# as is), checks that khabar loads them all without a problem on stderr, times both
# commands with hyperfine, and measures peak RSS with /usr/bin/time -v. Writes nothing in
# the repository besides cargo's target/. Needs hyperfine, rg, /usr/bin/time (Debian:
# apt-get install -y hyperfine ripgrep time).
set -euo pipefail

cd "$(dirname "$0")/.."
COUNT=${COUNT:-10000}
SEED=${SEED:-1}

for tool in hyperfine rg /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "missing: $tool (apt-get install -y hyperfine ripgrep time)" >&2; exit 1; }
done

work=$(mktemp -d -t khabar-whole-XXXXXX)
trap 'rm -rf "$work"' EXIT
corpus=${1:-$work/corpus}
# khabar reads its config from the XDG folder; measure with none, and keep its article cache
# in the temp folder too.
export XDG_CONFIG_HOME=$work/config
export XDG_CACHE_HOME=$work/cache

echo "== build (release)"
cargo build --release --quiet --bin khabar --example gen_corpus
khabar=target/release/khabar

if [ -d "$corpus" ] && [ -n "$(ls -A "$corpus")" ]; then
    echo "== reusing the corpus in $corpus"
else
    echo "== generating $COUNT files (seed $SEED)"
    target/release/examples/gen_corpus "$corpus" "$COUNT" "$SEED"
fi
files=$(find "$corpus" -type f | wc -l)
corpus_bytes=$(du -sb "$corpus" | cut -f1)
file_bytes=$(find "$corpus" -type f -printf '%s\n' | awk '{s += $1} END {print s}')
echo "corpus: $files files, du -sb $corpus_bytes bytes (file contents $file_bytes bytes)"

echo "== check: khabar list loads every file"
"$khabar" list "$corpus" >"$work/list.out" 2>"$work/list.err" || echo "khabar list exited with $?"
"$khabar" list "$corpus" --json >"$work/json.out" 2>"$work/json.err" || echo "khabar list --json exited with $?"
listed=$(wc -l <"$work/list.out")
json_listed=$(jq length "$work/json.out" 2>/dev/null || echo "?")
echo "listed $listed lines (--json: $json_listed items) for $files files; stderr: $(wc -l <"$work/list.err") lines"
head -5 "$work/list.err" | cut -c1-200
head -3 "$work/list.out" | cut -c1-160

echo "== hyperfine $(hyperfine --version | cut -d' ' -f2), $(rg --version | head -1)"
# -N: no intermediate shell; --output=null: stdout of all to /dev/null, treated alike.
# `khabar list` with its cache (filled by the check above and the warm-up runs: the files are
# unchanged, so this is a daily re-listing), and `--no-cache`, which reads and parses every
# file each time (a first listing).
hyperfine --warmup 3 -N --output=null --style basic \
    --export-markdown "$work/times.md" --export-json "$work/times.json" \
    "rg -c ال $corpus" \
    "$khabar list $corpus" \
    "$khabar list $corpus --json" \
    "$khabar list $corpus --no-cache" \
    "$khabar list $corpus --json --no-cache"
echo
cat "$work/times.md"

mean() { jq -r ".results[$1].mean" "$work/times.json"; }
rg_mean=$(mean 0)
list_mean=$(mean 1)
json_mean=$(mean 2)
cold_mean=$(mean 3)
cold_json_mean=$(mean 4)

peak_kb() {
    /usr/bin/time -v "$@" >/dev/null 2>"$work/time.txt" || true
    awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt"
}
echo
echo "== peak RSS (/usr/bin/time -v)"
rg_kb=$(peak_kb rg -c ال "$corpus")
list_kb=$(peak_kb "$khabar" list "$corpus")
json_kb=$(peak_kb "$khabar" list "$corpus" --json)
cold_kb=$(peak_kb "$khabar" list "$corpus" --no-cache)
cold_json_kb=$(peak_kb "$khabar" list "$corpus" --json --no-cache)

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
verdict() { awk -v r="$1" -v lim="$2" 'BEGIN {print (r <= lim) ? "ok" : "OVER"}'; }
echo
echo "== summary ($(date -u +%Y-%m-%d), $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo))"
echo "corpus: $files files, $corpus_bytes bytes (du -sb)"
printf '%-28s %10s %12s %14s %14s\n' command "mean (s)" "× rg time" "peak RSS (KB)" "RSS / corpus"
for row in "rg -c ال:$rg_mean:$rg_kb" "khabar list:$list_mean:$list_kb" "khabar list --json:$json_mean:$json_kb" \
    "khabar list --no-cache:$cold_mean:$cold_kb" "khabar list --json --no-cache:$cold_json_mean:$cold_json_kb"; do
    IFS=: read -r name t kb <<<"$row"
    printf '%-28s %10.3f %12s %14s %14s\n' "$name" "$t" "$(ratio "$t" "$rg_mean")" "$kb" "$(ratio $((kb * 1024)) "$corpus_bytes")"
done
echo "goal time ≤ 3× rg:      list $(verdict "$(ratio "$list_mean" "$rg_mean")" 3), --json $(verdict "$(ratio "$json_mean" "$rg_mean")" 3), --no-cache $(verdict "$(ratio "$cold_mean" "$rg_mean")" 3)"
echo "goal peak RSS ≤ 2× corpus: list $(verdict "$(ratio $((list_kb * 1024)) "$corpus_bytes")" 2), --json $(verdict "$(ratio $((json_kb * 1024)) "$corpus_bytes")" 2), --no-cache $(verdict "$(ratio $((cold_kb * 1024)) "$corpus_bytes")" 2)"
