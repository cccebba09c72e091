#!/usr/bin/env bash
# Runs every cargo-fuzz target in fuzz/ for SECONDS each (default 60), one after another,
# and reports how many inputs each executed and the slowest one. Crashing, slow (over 10 s
# under the fuzzer's instrumentation) and memory-hungry inputs land in fuzz/artifacts/TARGET/.
#
# usage: scripts/fuzz.sh [SECONDS] [TARGET...]
# needs: the nightly toolchain and cargo-fuzz (cargo install cargo-fuzz --locked)
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
secs=${1:-60}
shift || true
if (($#)); then
  targets=("$@")
else
  mapfile -t targets < <(cargo +nightly fuzz list)
fi
# Build first, so a compile error is not mistaken for a crash.
for t in "${targets[@]}"; do cargo +nightly fuzz build "$t"; done
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
status=0
summary=()
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t" "artifacts/$t"
  if [[ -z $(ls -A "corpus/$t") ]]; then
    # Seed an empty corpus with the test fixtures and the sample library.
    for f in ../tests/fixtures/*.txt ../tests/fixtures/formats/* ../assets/library/*; do
      [[ -f $f ]] || continue
      if [[ $t == layout ]]; then
        # The first byte is the width: 'G' (71) gives 72 columns.
        { printf 'G'; cat "$f"; } >"corpus/$t/seed-$(basename "$f")"
      elif [[ $t == parse_epub ]]; then
        # An odd first byte: the rest is a chapter inside a book written around it.
        { printf '!'; cat "$f"; } >"corpus/$t/seed-$(basename "$f")"
      else
        cp "$f" "corpus/$t/seed-$(basename "$f")"
      fi
    done
    # An even first byte: the rest is an archive (the corpus's small EPUB 2 book, if here).
    book=../../shared/corpus/epub/epub2-shapes.epub
    if [[ $t == parse_epub && -f $book ]]; then
      { printf 'B'; cat "$book"; } >"corpus/$t/seed-epub2-shapes"
    fi
  fi
  echo "== $t (${secs}s)"
  start=$SECONDS
  if cargo +nightly fuzz run "$t" "corpus/$t" -- \
      -max_len=65536 -max_total_time="$secs" -timeout=10 -print_final_stats=1 \
      >"$logs/$t.log" 2>&1; then
    result=ok
  else
    result=CRASH
    grep -q 'ERROR: libFuzzer: timeout' "$logs/$t.log" && result=TIMEOUT
    grep -q 'ERROR: libFuzzer: out-of-memory' "$logs/$t.log" && result=OOM
    status=1
    tail -n 40 "$logs/$t.log"
  fi
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$logs/$t.log" | grep -o '[0-9]*$' | tail -n1)
  if [[ -z $execs ]]; then
    # No final stats (a crash): take the last progress line's count.
    execs=$(grep -oE '^#[0-9]+' "$logs/$t.log" | tail -n1 | tr -d '#')
  fi
  slowest=$(grep -o 'stat::slowest_unit_time_sec: *[0-9]*' "$logs/$t.log" | grep -o '[0-9]*$' | tail -n1 || true)
  line=$(printf '%-16s %-7s %12s execs %5ss  slowest input %ss' "$t" "$result" "${execs:-?}" \
    "$((SECONDS - start))" "${slowest:-?}")
  echo "$line"
  summary+=("$line")
done
echo
echo "== summary"
printf '%s\n' "${summary[@]}"
if ((status)); then
  echo "crashing inputs are in fuzz/artifacts/" >&2
fi
exit "$status"
