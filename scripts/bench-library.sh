#!/usr/bin/env bash
# bench-library.sh — the library at scale: generates a 10,000-article library (.txt, .md,
# .html; a few hundred to tens of thousands of words) in a temp dir, then measures with the
# release binary:
#   cold scan   `lectern list DIR` with an empty cache (wall time, peak RSS), median of 3
#   cold UI     time to the list in the TUI with an empty cache, RSS 15 s later (scan done)
#   warm start  time to the full first frame with the cache filled (ttff.sh), peak RSS
#   peer        `less` on one article, as a floor for "instant"
#
# usage: scripts/bench-library.sh [ARTICLES]   (default 10000)
#   BUILD=0      use the release binary as it is
#   KEEP=DIR     generate the library in DIR and keep it (reused when it is already there)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
ttff=${TTFF:-../shared/tools/ttff.sh}
[ -x "$ttff" ] || ttff=/work/shared/tools/ttff.sh
bin=$PWD/target/release/lectern
[ "${BUILD:-1}" = 0 ] || cargo build --release --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
lib=${KEEP:-$work/library}
mkdir -p "$lib"

[ -n "$(ls -A "$lib")" ] || python3 - "$lib" "$n" <<'PY'
import os, random, sys
root, n = sys.argv[1], int(sys.argv[2])
rng = random.Random(6)
words = ("river harbour council budget winter thaw train night essay commons brush ink market "
         "street report season water north coast bridge station record paper village mountain "
         "archive letter evening morning policy school garden factory voice witness island "
         "quarter harvest ledger lantern meadow orchard pilgrim quarry rampart signal timber").split()
first = "Ana Tomas Li Wei Marta Jonas Priya Kofi Elena Sven Yuki Omar Ines Piotr Lena".split()
last = "Ruiz Okafor Marchetti Lindqvist Tanaka Haddad Novak Costa Brandt Moreau Silva Kowalski".split()
months = "January February March April May June July August September October November December".split()

def sentence():
    s = " ".join(rng.choice(words) for _ in range(rng.randint(8, 22)))
    return s[0].upper() + s[1:] + "."

def paragraphs(total):
    out, count = [], 0
    while count < total:
        p = " ".join(sentence() for _ in range(rng.randint(3, 7)))
        count += len(p.split())
        out.append(p)
    return out

for i in range(n):
    sub = os.path.join(root, f"topic-{i % 37:02d}", f"year-{2000 + i % 19}")
    os.makedirs(sub, exist_ok=True)
    size = rng.choice([200, 400, 800, 1500, 3000, 6000]) if i % 250 else 30000
    title = " ".join(rng.choice(words) for _ in range(rng.randint(3, 8))).title() + f" {i}"
    author = f"{rng.choice(first)} {rng.choice(last)}"
    date = f"{rng.randint(1, 28)} {rng.choice(months)} {rng.randint(1995, 2025)}"
    body = paragraphs(size)
    kind = i % 3
    if kind == 0:
        text = f"{title}\n\nby {author}\n{date}\n\n" + "\n\n".join(body) + "\n"
        name = f"article-{i:05d}.txt"
    elif kind == 1:
        text = f"# {title}\n\n*By {author}, {date}*\n\n" + "\n\n".join(body) + "\n"
        name = f"article-{i:05d}.md"
    else:
        ps = "\n".join(f"<p>{p}</p>" for p in body)
        text = (f"<!doctype html><html><head><meta charset=utf-8><title>{title}</title></head>"
                f"<body><article><h1>{title}</h1><p class=byline>By {author}</p>"
                f"<time>{date}</time>\n{ps}\n</article></body></html>\n")
        name = f"article-{i:05d}.html"
    with open(os.path.join(sub, name), "w") as f:
        f.write(text)
PY
echo "library: $n articles, $(du -sh "$lib" | cut -f1) in $lib"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
shown="$(echo "$n" | sed -E ':a;s/([0-9])([0-9]{3})($|,)/\1,\2\3/;ta') articles"

echo "== cold scan: lectern list (empty cache), 3 runs"
times=() cpus=() rss=()
for _ in 1 2 3; do
  rm -rf "$work/cache"
  XDG_CACHE_HOME=$work/cache /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$bin" list "$lib" >/dev/null 2>&1
  read -r wall user sys kb < "$work/time"
  echo "  wall_s=$wall cpu_s=$(awk "BEGIN{print $user + $sys}") rss_kb=$kb"
  times+=("$wall") cpus+=("$(awk "BEGIN{print $user + $sys}")") rss+=("$kb")
done
echo "median: cold_list_s=$(printf "%s\n" "${times[@]}" | median) cpu_s=$(printf "%s\n" "${cpus[@]}" | median) rss_kb=$(printf '%s\n' "${rss[@]}" | median)"

echo "== cold UI: empty cache, time to the list, RSS read after the scan settles"
"$ttff" -n 3 -s 120x30 -e "$shown" -w 15000 -- sh -c "rm -rf '$work/cold'; XDG_CACHE_HOME='$work/cold' exec '$bin' '$lib'"

echo "== warm start: cache filled, time to the full first frame"
rm -rf "$work/cache"
XDG_CACHE_HOME=$work/cache "$bin" list "$lib" >/dev/null 2>&1
"$ttff" -n 7 -s 120x30 -e "$shown" -- env XDG_CACHE_HOME="$work/cache" "$bin" "$lib"

echo "== peer: less on one article"
one=$(find "$lib" -name '*.txt' -print -quit)
"$ttff" -n 7 -s 120x30 -e "$(head -1 "$one")" -- less "$one"
