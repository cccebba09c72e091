#!/usr/bin/env bash
# bench-library.sh — the library at scale: generates a 10,000-article library (.txt, .md,
# .html; a few hundred to tens of thousands of words; scripts/gen-library.py) in a temp dir,
# then measures with the release binary:
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
source scripts/bench-setup.sh
echo "library: $n articles, $(du -sh "$lib" | cut -f1) in $lib"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

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
