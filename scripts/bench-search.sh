#!/usr/bin/env bash
# bench-search.sh — searching the 10,000-article library (scripts/gen-library.py), with the
# release binary, side by side with ripgrep in the same run:
#   warm     `lectern search -c` (text cache filled) and `rg -c -S` on the same folder, for a
#            phrase in five articles and a word in nearly all; RUNS runs each, alternating,
#            medians. Also `lectern search` printing every matching line of the phrase, and
#            plain `rg -c` (case-sensitive, as `rg -c PATTERN` is) for the record.
#   cold     `lectern search -c` with no text cache (it parses every article and writes the
#            cache), median of 3
#   cache    the text cache's and the metadata cache's size on disk
#   TUI      time from Enter (after F and the phrase) to the first result on screen, warm,
#            once the library's start has settled; RUNS runs, median
#
# lectern reads each article's text (body, notes, captions; never markup or removed
# chrome) from its cache; rg reads the raw files (markup, front matter and chrome too).
#
# usage: scripts/bench-search.sh [RUNS]   (default 9)
#   BUILD=0      use the release binary as it is
#   KEEP=DIR     generate the library in DIR and keep it (reused when it is already there)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-9}
n=10000
command -v rg >/dev/null || { echo "bench-search: needs ripgrep (apt-get install -y ripgrep)" >&2; exit 1; }
source scripts/bench-setup.sh
echo "library: $(find "$lib" -type f | wc -l) files, $(du -sh "$lib" | cut -f1) in $lib"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"

rare='chunxiao gas field'
common='river'
export XDG_CACHE_HOME=$work/cache XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# Wall time in ms of a command, output to a file (not /dev/null, which ripgrep treats as
# "stop at the first match").
timed() {
  local t0 t1
  t0=${EPOCHREALTIME/./}
  "$@" > "$work/out" 2>/dev/null || true
  t1=${EPOCHREALTIME/./}
  echo $(( (t1 - t0) / 1000 )).$(( (t1 - t0) % 1000 / 100 ))
}

echo "== cold: lectern search -c (no text cache), 3 runs"
cold=()
for _ in 1 2 3; do
  rm -rf "$work/cache"
  cold+=("$(timed "$bin" search -c "$rare" "$lib")")
done
echo "  runs_ms=${cold[*]} median_ms=$(printf '%s\n' "${cold[@]}" | median)"
echo "== cache on disk"
du -b "$work"/cache/lectern/* | awk '{printf "  %s %.1f MB\n", $2, $1 / 1e6}'
"$bin" list "$lib" >/dev/null 2>&1   # the metadata cache, for the TUI below
du -b "$work"/cache/lectern/*.bin | awk '{printf "  %s %.1f MB (metadata)\n", $2, $1 / 1e6}'

echo "== warm: $runs runs each, alternating"
declare -A t
names=(rare-lectern rare-rg rare-rg-cs rare-lines common-lectern common-rg common-rg-cs)
for _ in $(seq "$runs"); do
  t[rare-lectern]+=" $(timed "$bin" search -c "$rare" "$lib")"
  t[rare-rg]+=" $(timed rg -c -S "$rare" "$lib")"
  t[rare-rg-cs]+=" $(timed rg -c "$rare" "$lib")"
  t[rare-lines]+=" $(timed "$bin" search "$rare" "$lib")"
  t[common-lectern]+=" $(timed "$bin" search -c "$common" "$lib")"
  t[common-rg]+=" $(timed rg -c -S "$common" "$lib")"
  t[common-rg-cs]+=" $(timed rg -c "$common" "$lib")"
done
for k in "${names[@]}"; do
  m=$(printf '%s\n' ${t[$k]} | median)
  declare "m_${k//-/_}=$m"
  echo "  $k: median_ms=$m runs_ms=${t[$k]# }"
done
echo "  results: lectern $("$bin" search -c "$rare" "$lib" | wc -l) articles, rg $(rg -c -S "$rare" "$lib" | wc -l) files for '$rare';" \
  "lectern $("$bin" search -c "$common" "$lib" | wc -l) articles, rg $(rg -c -S "$common" "$lib" | wc -l) files for '$common'"
awk -v a="$m_rare_lectern" -v b="$m_rare_rg" -v c="$m_common_lectern" -v d="$m_common_rg" \
  'BEGIN {printf "  ratio lectern / rg -c -S: rare %.2fx, common %.2fx\n", a / b, c / d}'

echo "== TUI: from Enter to the first result on screen (warm, after the start has settled), $runs runs"
# Once the list is up and the start's folder check is over (2 s), F and the phrase are
# typed; the clock starts as Enter is sent and stops when a capture shows "1 match" (each
# article with the phrase has it once). One capture costs 1-3 ms: that is the resolution.
# A private tmux server per run (a new one started just as the last is killed can meet it
# dying); it is killed on any exit, since it holds the heavy-work lock open when started
# under flock.
sock=
trap '[ -z "$sock" ] || tmux -L "$sock" kill-server 2>/dev/null; rm -rf "$work"' EXIT
# The screen is read into a string: `capture-pane | grep -q` fails under pipefail when
# grep stops reading at the match.
on_screen() { local screen; screen=$(tmux -L "$sock" capture-pane -p -t bench) && [[ $screen == *"$1"* ]]; }
wait_for() {
  local n=0
  until on_screen "$1"; do
    n=$((n + 1))
    [ $n -lt 5000 ] || { echo "bench-search: '$1' never showed" >&2; exit 1; }
  done
}
after_enter=()
for run in $(seq "$runs"); do
  sock=lectern-bench-search-$$-$run
  tmux -L "$sock" new-session -d -s bench -x 120 -y 30 \
    "env XDG_CACHE_HOME=$XDG_CACHE_HOME XDG_DATA_HOME=$XDG_DATA_HOME XDG_CONFIG_HOME=$XDG_CONFIG_HOME '$bin' '$lib'"
  wait_for "$shown"
  sleep 2
  tmux -L "$sock" send-keys -t bench F
  tmux -L "$sock" send-keys -t bench -l "$rare"
  wait_for "F $rare"
  t0=${EPOCHREALTIME/./}
  tmux -L "$sock" send-keys -t bench Enter
  wait_for "1 match"
  t1=${EPOCHREALTIME/./}
  tmux -L "$sock" kill-server
  sock=
  after_enter+=("$(( (t1 - t0) / 1000 )).$(( (t1 - t0) % 1000 / 100 ))")
done
echo "  runs_ms=${after_enter[*]} median_ms=$(printf '%s\n' "${after_enter[@]}" | median)"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
