#!/usr/bin/env bash
# How fast newsboat (the Debian package) opens the generated 10,000-article corpus from its
# own cache, measured as khabar's TUI will be: from start to the list on screen.
#
#   bash benches/newsboat.sh [WORK_DIR]
#   COUNT=10000 SEED=1 RUNS=10 SIZE=120x40 bash benches/newsboat.sh
#
# End to end:
#  1. installs what is missing when run as root (apt-get: newsboat sqlite3; pip: pyte and
#     ptyprocess for the harness), else says what to install;
#  2. builds khabar, gen_corpus and corpus_to_rss (release); writes COUNT articles into
#     WORK_DIR/corpus (an existing non-empty one is reused as is) and turns the very same
#     articles, as khabar's loader reads them, into one RSS 2.0 feed WORK_DIR/feed.xml
#     (examples/corpus_to_rss.rs: title, link, guid, pubDate, description = the body);
#  3. gives newsboat a home of its own (HOME and XDG_* under WORK_DIR, `-u urls -c cache.db
#     -C config`, the feed as a file:// URL, which newsboat 2.21 reads through curl), fills
#     its cache with `newsboat -x reload`, and checks that the cache holds COUNT items;
#  4. times newsboat with benches/time_to_screen.py in a SIZE pty, RUNS runs after one
#     warm-up, for two screens:
#       feed list:    the feed list drawn with the feed's counts (row 1 shows
#                     `(COUNT/COUNT)`, cut to 11 columns by newsboat's default format);
#       article list: then Enter, until the feed's article list is drawn down to its last
#                     visible row and help line (on 40 rows: item 37);
#       article list, Enter typed ahead: Enter written into the pty at the start (the
#                     terminal holds it until newsboat reads its keys, after drawing the
#                     feed list), timed until the same filled article list: start to the
#                     article list with no reaction time of the harness in it;
#     and, for scale, with hyperfine: `newsboat -x print-unread` (cache load, no UI at all)
#     and `khabar list CORPUS` with and without khabar's cache (the same moment's yardstick);
#  5. times khabar's reader the same way (time_khabar below) when `khabar CORPUS` goes full
#     screen within 5 s: until the whole list is on screen (`10000/10000` in the status bar),
#     with khabar's article cache and without it (`--no-cache`), and without it until the
#     first rows of the list show while the rest loads.
#
# WORK_DIR (default: a temp folder, removed at exit) keeps the corpus, the feed, newsboat's
# home and cache and the harness's JSON results and screen dumps. Nothing is written in the
# repository besides cargo's target/. Timings are wall-clock on whatever else the machine is
# doing (the load average is printed before and after), and this 2-vCPU VM's speed also
# drifts on its own: compare numbers from one run of this script (khabar list is timed in
# it as the yardstick), never across runs made at different times. hyperfine is optional.
set -euo pipefail

cd "$(dirname "$0")/.."
repo=$(pwd)
COUNT=${COUNT:-10000}
SEED=${SEED:-1}
RUNS=${RUNS:-10}
SIZE=${SIZE:-120x40}
rows=${SIZE#*x}

# --- 1. tools -------------------------------------------------------------------------
have_py_modules() { python3 -c 'import pyte, ptyprocess' 2>/dev/null; }
if ! command -v newsboat >/dev/null || ! command -v sqlite3 >/dev/null || ! have_py_modules; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "== installing newsboat, sqlite3, pyte, ptyprocess"
        command -v newsboat >/dev/null && command -v sqlite3 >/dev/null ||
            { apt-get update -qq && apt-get install -y -qq newsboat sqlite3 >/dev/null; }
        have_py_modules || python3 -m pip install -q pyte==0.8.2 ptyprocess
    else
        echo "missing: apt-get install -y newsboat sqlite3; python3 -m pip install pyte ptyprocess" >&2
        exit 1
    fi
fi
newsboat_version=$(newsboat --version | head -1)
debian_version=$(dpkg-query -W -f='${Version}' newsboat 2>/dev/null || echo "?")
echo "== $newsboat_version (Debian package $debian_version), pyte $(python3 -c 'import pyte, importlib.metadata as m; print(m.version("pyte"))')"

# --- 2. corpus and feed ---------------------------------------------------------------
if [ -n "${1:-}" ]; then
    work=$(mkdir -p "$1" && cd "$1" && pwd)
else
    work=$(mktemp -d -t khabar-newsboat-XXXXXX)
    trap 'rm -rf "$work"' EXIT
fi
corpus=$work/corpus
feed=$work/feed.xml

echo "== build (release)"
cargo build --release --quiet --bin khabar --example gen_corpus --example corpus_to_rss
khabar=$repo/target/release/khabar

if [ -d "$corpus" ] && [ -n "$(ls -A "$corpus")" ]; then
    echo "== reusing the corpus in $corpus"
else
    echo "== generating $COUNT files (seed $SEED)"
    target/release/examples/gen_corpus "$corpus" "$COUNT" "$SEED"
fi
files=$(find "$corpus" -type f | wc -l)
echo "== converting to RSS"
target/release/examples/corpus_to_rss "$corpus" "$feed" "khabar corpus $files"
items=$(grep -c '<item>' "$feed")

# --- 3. newsboat's own home and cache -------------------------------------------------
nb=$work/newsboat
rm -rf "$nb"
mkdir -p "$nb/home"
export HOME=$nb/home XDG_CONFIG_HOME=$nb/home/.config XDG_DATA_HOME=$nb/home/.local/share \
    XDG_CACHE_HOME=$nb/home/.cache
# khabar's config and article cache go there too (used by time_khabar).
export LANG=C.UTF-8 LC_ALL=C.UTF-8
unset BROWSER PAGER
echo "file://$feed" >"$nb/urls"
cat >"$nb/config" <<'EOF'
# newsboat's defaults, written out: keep every item, show every feed and article, never
# reload on start, quit without asking.
max-items 0
keep-articles-days 0
show-read-feeds yes
show-read-articles yes
refresh-on-startup no
confirm-exit no
EOF
newsboat_cmd=(newsboat -u "$nb/urls" -c "$nb/cache.db" -C "$nb/config")
echo "== newsboat -x reload"
start=$(date +%s.%N)
"${newsboat_cmd[@]}" -x reload
echo "reload took $(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN {printf "%.1f", e - s}') s"
cached=$(sqlite3 "$nb/cache.db" 'select count(*) from rss_item')
echo "corpus $files files, feed $items items, newsboat cache $cached items ($(du -k "$nb/cache.db" | cut -f1) KB)"
if [ "$cached" != "$items" ] || [ "$items" != "$files" ]; then
    echo "newsboat's cache does not hold every article" >&2
    exit 1
fi

# --- 4. timing ------------------------------------------------------------------------
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
echo
echo "== machine: $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo); load average before: $(loadavg)"

if command -v hyperfine >/dev/null; then
    # This VM's speed drifts (2× within 20 minutes has been seen, idle or not), so numbers
    # from different moments do not compare: khabar's whole-process listing of the same
    # corpus, timed at the same moment, is the yardstick to read newsboat's numbers against.
    echo "== for scale, no UI: newsboat -x print-unread (loads the cache, prints the count) and khabar list"
    hyperfine --warmup 2 --runs "$RUNS" -N --output=null --style basic \
        --export-json "$work/no-ui-times.json" \
        "${newsboat_cmd[*]} -x print-unread" "$khabar list $corpus" "$khabar list --no-cache $corpus"
fi

harness=(python3 "$repo/benches/time_to_screen.py" --size "$SIZE" --runs "$RUNS" --warmup 1)
last_row=$((rows - 3))
# The screens, as regexes over the emulated screen's rows: the feed's row with its counts
# and the feed list's help line; the article list's title with the counts, its last visible
# row (title row, items, help line, status line) and its help line.
feed_list="(?s)^ +1 +N +\\($files/.*^q:Quit ENTER:Open n:Next Unread"
article_list="(?s)Articles in feed 'khabar corpus $files' \\($files unread, $files total\\).*^ +$last_row N .*^q:Quit ENTER:Open s:Save"
echo "== newsboat in a $SIZE pty: feed list, then Enter → article list"
"${harness[@]}" \
    --label "feed list with counts" --until "$feed_list" \
    --label "article list filled" \
    --then '\r' "$article_list" \
    --dump "$work/newsboat-screens.txt" --json "$work/newsboat-times.json" \
    -- "${newsboat_cmd[@]}"
echo "== newsboat, Enter typed ahead at the start → article list (no harness reaction in the time)"
"${harness[@]}" --typeahead '\r' \
    --label "article list, Enter typed ahead" \
    --until "$article_list" \
    --dump "$work/newsboat-typeahead-screens.txt" --json "$work/newsboat-typeahead-times.json" \
    -- "${newsboat_cmd[@]}"
after=$(sqlite3 "$nb/cache.db" 'select count(*) from rss_item')
[ "$after" = "$cached" ] || echo "note: newsboat's cache now holds $after items"

# --- 5. khabar's TUI ------------------------------------------------------------------
# TIME KHABAR HERE. Runs once `khabar DIR` opens its TUI. The list's status bar is expected
# to show `N/M` counts; KHABAR_UNTIL (default `COUNT/COUNT`) is the screen to wait for and
# KHABAR_QUIT (default q) the quit key. Times the run with khabar's article cache (filled by
# the warm-up run: a daily re-opening) and with --no-cache (every file read afresh).
time_khabar() {
    local until=${KHABAR_UNTIL:-$files/$files} quit=${KHABAR_QUIT:-q}
    echo "== khabar in a $SIZE pty: until /$until/"
    "${harness[@]}" --quit "$quit" --label "khabar TUI list, cache" --until "$until" \
        --dump "$work/khabar-screens.txt" --json "$work/khabar-times.json" \
        -- "$khabar" "$corpus"
    "${harness[@]}" --quit "$quit" --label "khabar TUI list, --no-cache" --until "$until" \
        --dump "$work/khabar-nocache-screens.txt" --json "$work/khabar-nocache-times.json" \
        -- "$khabar" --no-cache "$corpus"
    # Without the cache the reader shows what it has read while the rest loads: the first
    # rows of the list (a dated row in the focused list pane), the progress bar still on.
    "${harness[@]}" --quit "$quit" --label "khabar TUI first rows, --no-cache" \
        --until '┃20[0-9][0-9]-[0-9][0-9]-[0-9][0-9]' \
        --dump "$work/khabar-first-screens.txt" --json "$work/khabar-first-times.json" \
        -- "$khabar" --no-cache "$corpus"
}
echo "== does \`khabar CORPUS\` open a TUI?"
if python3 "$repo/benches/time_to_screen.py" --size "$SIZE" --probe 5 -- "$khabar" "$corpus"; then
    time_khabar
else
    echo "skipped timing khabar: \`khabar DIR\` has no full-screen list yet (it prints the list and exits)"
fi

echo
echo "== summary: $newsboat_version (Debian $debian_version), $files articles, $SIZE, $RUNS runs; load average after: $(loadavg)"
python3 - "$work" <<'PY'
import glob, json, os, sys
for path in sorted(glob.glob(os.path.join(sys.argv[1], "*-times.json"))):
    r = json.load(open(path))
    for h in r.get("results", []):  # hyperfine's
        cmd = h["command"]
        name = ("newsboat -x print-unread" if "print-unread" in cmd else
                "khabar list --no-cache" if "--no-cache" in cmd else "khabar list")
        print(f"{name + ' (no UI)':<34} {'start to exit':<15} median {h['median'] * 1000:6.0f} ms"
              f"  min {h['min'] * 1000:6.0f}  max {h['max'] * 1000:6.0f}")
    for st in r.get("stages", []):
        for key, what in (("since_start_ms", "from start"), ("since_keys_ms", "after the keys")):
            if key in st:
                t = st[key]
                print(f"{st['label']:<34} {what:<15} median {t['median']:6.0f} ms"
                      f"  min {t['min']:6.0f}  max {t['max']:6.0f}")
PY
if [ -n "${1:-}" ]; then
    echo "files: $work (*-times.json: every run; *-screens.txt: the screens as matched)"
else
    echo "files: none kept ($work is removed at exit; give a WORK_DIR to keep them)"
fi
