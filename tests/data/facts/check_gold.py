#!/usr/bin/env python3
"""Validates the facts gold files (tests/data/facts/gold/*.json) against khabar's loader.

For every gold file it runs `khabar show ARTICLE --json --no-cache` and checks:
  - the file is named after its article's stem, and the article exists;
  - `published` equals the loader's `date`;
  - every entry's `paragraph` is a body paragraph, and its `text` occurs in that paragraph
    at least as often as the gold lists it (per kind of fact);
  - the fields and their values are the ones README.md defines: `value` a number, `approx`,
    `stance`, `kind` and `calendar` from their lists, `date` as YYYY, YYYY-MM or YYYY-MM-DD
    (a real day), `claimant` null, a string or a non-empty list of strings;
  - every article in articles/ has a gold file.

Usage: python3 tests/data/facts/check_gold.py [--khabar PATH] [--counts] [GOLD.json ...]
Run from anywhere; the repository root is found from this file's place. Python 3 stdlib only.
Exit status 0 when clean, 1 when any check fails.
"""

import argparse
import datetime
import json
import os
import re
import subprocess
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
GOLD_DIR = os.path.join(HERE, "gold")
ARTICLES_DIR = os.path.join(HERE, "articles")

TOP_KEYS = {"article", "published", "quantities", "dates", "names", "claims"}
KEYS = {
    "quantities": {"paragraph", "text", "value", "unit", "approx", "claimant"},
    "dates": {"paragraph", "text", "date", "calendar"},
    "names": {"paragraph", "text", "kind", "canonical"},
    "claims": {"paragraph", "cue", "claimant", "stance"},
}
APPROX = {"exact", "about", "more_than", "less_than", "at_least", "up_to"}
STANCE = {"states", "affirms", "denies", "accuses", "distances", "probable", "future"}
KINDS = {"person", "place", "organization"}
CALENDARS = {"gregorian", "hijri"}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def valid_date(s):
    if not isinstance(s, str) or not DATE_RE.match(s):
        return False
    parts = [int(p) for p in s.split("-")]
    try:
        if len(parts) == 3:
            datetime.date(*parts)
        elif len(parts) == 2:
            datetime.date(parts[0], parts[1], 1)
    except ValueError:
        return False
    return True


def nonempty_str(v):
    return isinstance(v, str) and v.strip() != ""


def valid_claimant(v):
    if v is None or nonempty_str(v):
        return True
    return isinstance(v, list) and len(v) > 0 and all(nonempty_str(x) for x in v)


def load_article(khabar, article):
    proc = subprocess.run(
        [khabar, "show", article, "--json", "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"khabar show failed ({proc.returncode}): {proc.stderr.strip()}")
    return json.loads(proc.stdout)


def check_file(path, khabar, errors, counts):
    name = os.path.relpath(path, ROOT)

    def err(msg):
        errors.append(f"{name}: {msg}")

    try:
        with open(path, encoding="utf-8") as f:
            gold = json.load(f)
    except (OSError, ValueError) as e:
        err(f"not readable JSON: {e}")
        return
    if not isinstance(gold, dict):
        err("not a JSON object")
        return
    if set(gold) != TOP_KEYS:
        err(f"top-level keys {sorted(gold)} != {sorted(TOP_KEYS)}")
        return
    article = gold["article"]
    if not nonempty_str(article) or not os.path.isfile(os.path.join(ROOT, article)):
        err(f"article {article!r} not found (paths are from the repository root)")
        return
    stem = os.path.splitext(os.path.basename(article))[0]
    if os.path.splitext(os.path.basename(path))[0] != stem:
        err(f"file name should be {stem}.json (the article's stem)")
    try:
        shown = load_article(khabar, article)
    except (RuntimeError, ValueError) as e:
        err(str(e))
        return
    if gold["published"] != shown.get("date"):
        err(f"published {gold['published']!r} != loader date {shown.get('date')!r}")
    paragraphs = shown.get("paragraphs") or []
    per_kind = {}
    for kind in ("quantities", "dates", "names", "claims"):
        entries = gold[kind]
        if not isinstance(entries, list):
            err(f"{kind} is not a list")
            continue
        per_kind[kind] = len(entries)
        listed = Counter()
        for i, e in enumerate(entries):
            where = f"{kind}[{i}]"
            if not isinstance(e, dict):
                err(f"{where} is not an object")
                continue
            if set(e) != KEYS[kind]:
                err(f"{where} keys {sorted(e)} != {sorted(KEYS[kind])}")
                continue
            p = e["paragraph"]
            if not isinstance(p, int) or isinstance(p, bool) or not 0 <= p < len(paragraphs):
                err(f"{where} paragraph {p!r} out of range (0..{len(paragraphs) - 1})")
                continue
            if kind != "claims":
                text = e["text"]
                if not nonempty_str(text):
                    err(f"{where} empty text")
                    continue
                listed[(p, text)] += 1
            if kind == "quantities":
                v = e["value"]
                if isinstance(v, bool) or not isinstance(v, (int, float)):
                    err(f"{where} value {v!r} is not a number")
                if e["approx"] not in APPROX:
                    err(f"{where} approx {e['approx']!r} not in {sorted(APPROX)}")
                if not nonempty_str(e["unit"]):
                    err(f"{where} empty unit")
                if not valid_claimant(e["claimant"]):
                    err(f"{where} bad claimant {e['claimant']!r}")
            elif kind == "dates":
                if not valid_date(e["date"]):
                    err(f"{where} date {e['date']!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
                if e["calendar"] not in CALENDARS:
                    err(f"{where} calendar {e['calendar']!r} not in {sorted(CALENDARS)}")
            elif kind == "names":
                if e["kind"] not in KINDS:
                    err(f"{where} kind {e['kind']!r} not in {sorted(KINDS)}")
                if not nonempty_str(e["canonical"]):
                    err(f"{where} empty canonical")
            else:
                if not nonempty_str(e["cue"]):
                    err(f"{where} empty cue")
                if e["stance"] not in STANCE:
                    err(f"{where} stance {e['stance']!r} not in {sorted(STANCE)}")
                if e["claimant"] is None or not valid_claimant(e["claimant"]):
                    err(f"{where} a claim needs a claimant, got {e['claimant']!r}")
        for (p, text), n in sorted(listed.items()):
            found = paragraphs[p].count(text)
            if found < n:
                err(
                    f"{kind}: {text!r} listed {n}x in paragraph {p}, occurs {found}x"
                    + (f" — paragraph: {paragraphs[p][:60]!r}…" if found == 0 else "")
                )
    counts.append((article, per_kind))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="*", help="gold files (default: all of gold/)")
    ap.add_argument(
        "--khabar",
        default=os.environ.get("KHABAR", os.path.join(ROOT, "target", "release", "khabar")),
        help="the khabar binary (default: target/release/khabar, or $KHABAR)",
    )
    ap.add_argument("--counts", action="store_true", help="print facts per kind per article")
    args = ap.parse_args()
    if not os.path.isfile(args.khabar):
        sys.exit(f"no khabar binary at {args.khabar}: run `cargo build --release` first")

    files = args.files or sorted(
        os.path.join(GOLD_DIR, f) for f in os.listdir(GOLD_DIR) if f.endswith(".json")
    )
    errors, counts = [], []
    for f in files:
        check_file(os.path.abspath(f), args.khabar, errors, counts)

    if not args.files:
        have = {os.path.splitext(f)[0] for f in os.listdir(GOLD_DIR) if f.endswith(".json")}
        for a in sorted(os.listdir(ARTICLES_DIR)):
            if not a.startswith(".") and os.path.splitext(a)[0] not in have:
                errors.append(f"articles/{a}: no gold file")

    if args.counts:
        print(f"{'article':60} {'qty':>4} {'date':>4} {'name':>4} {'claim':>5}")
        tot = Counter()
        for article, k in counts:
            tot.update(k)
            print(
                f"{article:60} {k.get('quantities', 0):4} {k.get('dates', 0):4} "
                f"{k.get('names', 0):4} {k.get('claims', 0):5}"
            )
        print(
            f"{'total':60} {tot['quantities']:4} {tot['dates']:4} {tot['names']:4} {tot['claims']:5}"
        )
    for e in errors:
        print(e)
    print(f"{len(files)} gold files checked, {len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
