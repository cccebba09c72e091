#!/usr/bin/env bash
# Time to first frame of `lectern FILE` side by side with `less FILE`, in the same run,
# with ../shared/tools/ttff.sh (median of N runs in a real tmux terminal).
#
# usage: scripts/bench-startup.sh [RUNS]
#          a 3 MB text article built from the sample library
#        scripts/bench-startup.sh RUNS FILE LECTERN_TEXT LESS_TEXT
#          any file: the first frame is when LECTERN_TEXT (for Lectern) or LESS_TEXT (for
#          less, which shows the raw file) is on screen
#        BUILD=0 skips the release build; BIN=PATH times another build of lectern.
#        HIGHLIGHTS=N first seeds the reading state with N highlights spread through the
#          file (examples/seed_highlights.rs), so the first frame is one of an article
#          that has them.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-9}
ttff=../shared/tools/ttff.sh
[[ -x $ttff ]] || { echo "bench-startup: $ttff not found" >&2; exit 1; }
[[ ${BUILD:-1} == 0 ]] || cargo build --release --quiet
bin=${BIN:-$PWD/target/release/lectern}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [[ $# -ge 4 ]]; then
  file=$2 lectern_text=$3 less_text=$4
else
  # A 3 MB article made of the sample library's own paragraphs, with notes.
  file=$tmp/big.txt lectern_text='A very long river' less_text='09/10/2017'
  {
    printf '09/10/2017, 11.20\n\nA very long river\n\nby Elena Marchetti\n\nA standfirst for a very long article.\n\n'
    awk 'BEGIN{RS=""} length($0) > 300 && $0 !~ /^\[/ {print; print ""}' assets/library/long-river.txt > "$tmp/paras"
    while [[ $(stat -c %s "$tmp/body" 2>/dev/null || echo 0) -lt 3145728 ]]; do cat "$tmp/paras" >> "$tmp/body"; done
    cat "$tmp/body"
    printf '[1] A note at the very end.\n'
  } > "$file"
fi
printf 'file: %s (%s bytes)\n' "$file" "$(stat -c %s "$file")"

export XDG_DATA_HOME=$tmp/data XDG_CONFIG_HOME=$tmp/config XDG_CACHE_HOME=$tmp/cache
if [[ -n ${HIGHLIGHTS:-} ]]; then
  seed=$PWD/target/release/examples/seed_highlights
  [[ ${BUILD:-1} == 0 && -x $seed ]] || cargo build --release --quiet --example seed_highlights
  "$seed" "$file" "$XDG_DATA_HOME/lectern" "$HIGHLIGHTS"
fi
echo "== lectern"
lectern_out=$("$ttff" -n "$runs" -s 100x30 -e "$lectern_text" -- "$bin" "$file")
echo "$lectern_out"
echo "== less"
less_out=$("$ttff" -n "$runs" -s 100x30 -e "$less_text" -- less "$file")
echo "$less_out"
l=$(sed -n 's/^median: ttff_ms=\([0-9.]*\).*/\1/p' <<<"$lectern_out")
p=$(sed -n 's/^median: ttff_ms=\([0-9.]*\).*/\1/p' <<<"$less_out")
awk -v l="$l" -v p="$p" 'BEGIN{printf "median time to first frame: lectern %.1f ms, less %.1f ms, ratio %.2fx\n", l, p, l/p}'
