#!/usr/bin/env bash
# Time to first frame of `lectern BOOK.epub` on the corpus's 3 MB book (Herodotus, 1 MB
# zipped, 2.1 MB of XHTML), side by side with `less` on its largest chapter file, in the
# same run, with ../shared/tools/ttff.sh (median of N runs in a real tmux terminal); then
# how long reading the whole book takes (`lectern inspect`, median of N).
#
# usage: scripts/bench-epub.sh [RUNS]
# Run it alone: flock /tmp/lectern-heavy.lock scripts/bench-epub.sh 11
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-9}
ttff=../shared/tools/ttff.sh
book=../shared/corpus/epub/herodotus_histories_g-c-macaulay.epub
[[ -x $ttff ]] || { echo "bench-epub: $ttff not found" >&2; exit 1; }
[[ -f $book ]] || { echo "bench-epub: $book not found" >&2; exit 1; }
cargo build --release --quiet
bin=$PWD/target/release/lectern
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The peer reads one chapter file, unzipped (book 1, 269 KB, the largest text chapter).
python3 - "$book" "$tmp/book-1.xhtml" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z, open(sys.argv[2], "wb") as out:
    out.write(z.read("epub/text/book-1.xhtml"))
PY
printf 'book: %s (%s bytes); chapter for less: %s bytes\n' "$book" "$(stat -c %s "$book")" "$(stat -c %s "$tmp/book-1.xhtml")"

export XDG_DATA_HOME=$tmp/data XDG_CONFIG_HOME=$tmp/config XDG_CACHE_HOME=$tmp/cache
echo "== lectern (book)"
lectern_out=$("$ttff" -n "$runs" -s 100x30 -e 'Histories' -- "$bin" "$book")
echo "$lectern_out"
echo "== less (one chapter)"
less_out=$("$ttff" -n "$runs" -s 100x30 -e '<?xml' -- less "$tmp/book-1.xhtml")
echo "$less_out"
l=$(sed -n 's/^median: ttff_ms=\([0-9.]*\).*/\1/p' <<<"$lectern_out")
p=$(sed -n 's/^median: ttff_ms=\([0-9.]*\).*/\1/p' <<<"$less_out")
awk -v l="$l" -v p="$p" 'BEGIN{printf "median time to first frame: lectern %.1f ms, less %.1f ms, ratio %.2fx\n", l, p, l/p}'

echo "== whole book: lectern inspect"
times=()
for _ in $(seq "$runs"); do
  s=$(date +%s%N)
  "$bin" inspect "$book" > /dev/null
  e=$(date +%s%N)
  times+=($(( (e - s) / 1000000 )))
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END{printf "median %d ms over %d runs (min %d, max %d)\n", a[int((NR+1)/2)], NR, a[1], a[NR]}'
