#!/usr/bin/env bash
# Time from start to the reader's first list on screen, read from its own log, with a tag
# journal of N tags: `benches/first_frame.sh BINARY N RUNS` (needs tmux and python3).
# The journal is made from one real tag (added with `khabar tags add` on a demo article),
# copied N times under new ids, nine in ten of them on articles of another library. Prints
# the median, fastest and slowest of RUNS starts, in milliseconds.
set -euo pipefail
bin=$(realpath "$1")
tags=$2
runs=$3
home=$(mktemp -d)
trap 'tmux kill-session -t khabar-first-frame 2>/dev/null || true; rm -rf "$home"' EXIT
export XDG_DATA_HOME=$home/data XDG_STATE_HOME=$home/state XDG_CONFIG_HOME=$home/config \
  XDG_CACHE_HOME=$home/cache KHABAR_LOG=info
journal=$XDG_DATA_HOME/khabar/tags.jsonl
log=$XDG_STATE_HOME/khabar/khabar.log

if [ "$tags" -gt 0 ]; then
  id=$("$bin" list --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
  quote=$("$bin" show "$id" | awk 'NF && NR > 4 {print $1, $2, $3; exit}')
  "$bin" tags add "$id" --quote "$quote" --label disputed > /dev/null
  python3 - "$journal" "$tags" <<'PY'
import json, sys
path, n = sys.argv[1], int(sys.argv[2])
event = json.loads(open(path).read())
lines = []
for k in range(n):
    event["tag"]["id"] = "%016x" % (0x1000000000000000 + k)
    if k % 10:
        event["tag"]["target"]["article"] = "%012x" % (0xA00000000000 + k)
        event["tag"]["target"]["path"] = "elsewhere/%05d.txt" % k
    lines.append(json.dumps(event, ensure_ascii=False))
open(path, "w").write("\n".join(lines) + "\n")
PY
fi

for _ in $(seq "$runs"); do
  rm -f "$log"
  tmux new-session -d -s khabar-first-frame -x 140 -y 40 "$bin"
  for _ in $(seq 100); do
    grep -q "list on screen" "$log" 2>/dev/null && break
    sleep 0.05
  done
  tmux kill-session -t khabar-first-frame
  python3 - "$log" <<'PY'
import datetime, re, sys
seen = {}
for line in open(sys.argv[1]):
    m = re.match(r"(\S+)Z\s+\w+\s+\S+ (reader starts|list on screen)", line)
    if m:
        seen[m.group(2)] = datetime.datetime.fromisoformat(m.group(1)[:26])
print(round((seen["list on screen"] - seen["reader starts"]).total_seconds() * 1000, 1))
PY
done | sort -n | awk '{t[NR] = $1} END {printf "median %s ms, fastest %s, slowest %s (%d runs)\n", t[int((NR + 1) / 2)], t[1], t[NR], NR}'
