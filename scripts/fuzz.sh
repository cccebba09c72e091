#!/usr/bin/env bash
# Runs cargo-fuzz targets in fuzz/ one after another and reports, for each, how many inputs
# it executed, how many a second, and the slowest one. Crashing, slow (over 5 s; 10 s under
# AddressSanitizer) and memory-hungry inputs land in fuzz/artifacts/TARGET/; every run is
# appended to fuzz/artifacts/runs.tsv so executions can be added up over several runs.
#
# usage: scripts/fuzz.sh [--long] [--asan] [--runs N] [--cmin] [SECONDS] [TARGET...]
#   SECONDS   how long each target runs (default 60); ignored with --runs
#   --runs N  run each target for N inputs instead (e.g. --runs 1000000)
#   --long    inputs up to 64 KB instead of 4 KB (slower; finds what only long input shows)
#   --asan    build with AddressSanitizer, as before the fast mode (much slower; safe Rust
#             needs it only to check unsafe code in dependencies)
#   --cmin    instead of fuzzing, minimise each target's corpus (keeps what adds coverage)
#   --built   skip the build step (waits for the heavy lock) when the targets are built
#
# The fast mode (the default) builds without a sanitizer, in release with debug assertions
# and overflow checks (-a), without tracing comparisons (the dictionaries give the fuzzer
# the markup's words; tracing every comparison halved the rate), keeps inputs small, and
# schedules inputs without libFuzzer's entropic power schedule (-entropic=0): it updates
# a frequency for every feature an input touches, and layout and parse_epub, which run
# much code per input, spent half their time there: without it they run 2.0 and 2.7
# times the inputs a CPU second (app, whose time goes to drawing, runs the same).
# The corpus in fuzz/corpus/TARGET grows over runs; it is seeded at every run (never copied
# into the repository) from the test fixtures, the sample library, fuzz/seeds/ and, when it
# is there, ../shared/corpus. Each target reads a dictionary of its markup, fuzz/dict/TARGET.dict.
# Runs are niced, and one target runs at a time: the machine is shared.
#
# needs: the nightly toolchain and cargo-fuzz (cargo install cargo-fuzz --locked)
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
max_len=4096
sanitizer=none
timeout=5
build=(-s none -a --no-trace-compares)
runs=
cmin=
built=
while (($#)); do
  case $1 in
    --long) max_len=65536 ;;
    --asan) sanitizer=address timeout=10 build=(-s address) ;;
    --runs) runs=$2; shift ;;
    --cmin) cmin=1 ;;
    --built) built=1 ;;
    *) break ;;
  esac
  shift
done
secs=60
if (($#)) && [[ $1 =~ ^[0-9]+$ ]]; then
  secs=$1
  shift
fi
if (($#)); then
  targets=("$@")
else
  mapfile -t targets < <(cargo +nightly fuzz list)
fi
# Build first, so a compile error is not mistaken for a crash; release builds take turns.
if [[ -z $built ]]; then
  for t in "${targets[@]}"; do
    nice -n 19 flock /tmp/lectern-heavy.lock cargo +nightly fuzz build "${build[@]}" "$t"
  done
fi
if [[ -n $cmin ]]; then
  for t in "${targets[@]}"; do
    mkdir -p "corpus/$t"
    echo "== $t: $(ls "corpus/$t" | wc -l) inputs"
    nice -n 19 cargo +nightly fuzz cmin "${build[@]}" "$t" "corpus/$t" -- -max_len="$max_len" 2>&1 | tail -n 2
    echo "   now $(ls "corpus/$t" | wc -l) inputs, $(du -sh "corpus/$t" | cut -f1)"
  done
  exit 0
fi
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
shared=../../shared/corpus

# Copies FILE into DIR as a seed, with PREFIX (a target's leading selector byte) before it.
seed() {
  local dir=$1 prefix=$2 f=$3 name
  # Named for the whole path: the corpus has many a source.html.
  name=${f#../}
  name=${name//\//_}
  name=${name%.gz}
  if [[ $f == *.gz ]]; then
    { printf '%s' "$prefix"; zcat "$f" | head -c 65536 || true; } >"$dir/$name"
  else
    { printf '%s' "$prefix"; head -c 65536 "$f"; } >"$dir/$name"
  fi
}

# Seeds for target $1 in directory $2: what the target reads, from everywhere it is found.
seeds() {
  local t=$1 dir=$2 prefix='' f
  local text=(../tests/fixtures/*.txt ../tests/fixtures/*.md ../tests/fixtures/fuzz/*
    ../tests/fixtures/formats/* ../assets/library/*)
  local mine=() theirs=()
  case $t in
    decode | parse_text)
      mine=("${text[@]}")
      theirs=("$shared"/text/* "$shared"/nasty/* "$shared"/html/*/*.html "$shared"/markdown/*) ;;
    parse_markdown)
      mine=("${text[@]}")
      theirs=("$shared"/markdown/* "$shared"/nasty/* "$shared"/text/*) ;;
    parse_html)
      mine=("${text[@]}" ../tests/fixtures/extraction/*.html)
      theirs=("$shared"/html/*/*.html* "$shared"/nasty/* "$shared"/readability/*/source.html
        "$shared"/article-extraction-benchmark/html/*.gz) ;;
    layout)
      # The first byte is the width: 'G' (71) gives 72 columns.
      prefix=G
      mine=("${text[@]}")
      theirs=("$shared"/text/* "$shared"/markdown/* "$shared"/nasty/*) ;;
    parse_epub)
      # An odd first byte: the rest is a chapter inside a book written around it.
      prefix='!'
      mine=(../tests/fixtures/fuzz/*.xhtml ../tests/fixtures/formats/*.xhtml ../tests/fixtures/extraction/*.html)
      theirs=("$shared"/html/*/*.html "$shared"/nasty/*.html) ;;
    config) mine=(../assets/config.toml) ;;
    *) ;;
  esac
  for f in "${mine[@]}" "${theirs[@]}"; do
    [[ -f $f ]] && seed "$dir" "$prefix" "$f"
  done
  # An even first byte: the rest is an archive (only whole under --long).
  if [[ $t == parse_epub ]]; then
    for f in "$shared"/epub/*.epub; do
      [[ -f $f && $(stat -c %s "$f") -le 65536 ]] && { printf B; cat "$f"; } >"$dir/seed-$(basename "$f")"
    done
  fi
  if [[ -d seeds/$t ]]; then
    cp seeds/"$t"/* "$dir"/
  fi
  if [[ ! -d $shared ]]; then
    echo "note: $shared is absent; seeding $t from the repository alone" >&2
  fi
}

status=0
summary=()
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t" "artifacts/$t"
  seeddir=$logs/seeds-$t
  mkdir -p "$seeddir"
  seeds "$t" "$seeddir"
  dict=()
  [[ -f dict/$t.dict ]] && dict=(-dict="dict/$t.dict")
  limit=(-max_total_time="$secs")
  [[ -n $runs ]] && limit=(-runs="$runs")
  # The app target reads its first byte and MAX_STREAM (fuzz/src/app.rs) bytes of events:
  # mutations past them would change nothing.
  len=$max_len
  [[ $t == app ]] && len=257
  echo "== $t (${runs:-${secs}s}${runs:+ inputs}, inputs up to $len bytes, sanitizer $sanitizer)"
  start=$SECONDS
  # New inputs go to corpus/$t, the first directory; the seeds are only read.
  if nice -n 19 cargo +nightly fuzz run "${build[@]}" "$t" "corpus/$t" "$seeddir" -- \
      -max_len="$len" "${limit[@]}" -timeout="$timeout" -rss_limit_mb=2048 -entropic=0 \
      -print_final_stats=1 "${dict[@]}" >"$logs/$t.log" 2>&1; then
    result=ok
  else
    result=CRASH
    grep -q 'ERROR: libFuzzer: timeout' "$logs/$t.log" && result=TIMEOUT
    grep -q 'ERROR: libFuzzer: out-of-memory' "$logs/$t.log" && result=OOM
    status=1
    tail -n 40 "$logs/$t.log"
  fi
  took=$((SECONDS - start))
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$logs/$t.log" | grep -o '[0-9]*$' | tail -n1)
  if [[ -z $execs ]]; then
    # No final stats (a crash): take the last progress line's count.
    execs=$(grep -oE '^#[0-9]+' "$logs/$t.log" | tail -n1 | tr -d '#')
  fi
  rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$logs/$t.log" | grep -o '[0-9]*$' | tail -n1 || true)
  slowest=$(grep -o 'stat::slowest_unit_time_sec: *[0-9]*' "$logs/$t.log" | grep -o '[0-9]*$' | tail -n1 || true)
  line=$(printf '%-16s %-7s %10s execs %7s/s %6ss  slowest input %ss' "$t" "$result" \
    "${execs:-?}" "${rate:-?}" "$took" "${slowest:-?}")
  echo "$line"
  summary+=("$line")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$t" "$result" "${execs:-0}" \
    "${rate:-0}" "$took" "$len" "$sanitizer" >>artifacts/runs.tsv
done
echo
echo "== summary"
printf '%s\n' "${summary[@]}"
echo
echo "== executions over every run so far (fuzz/artifacts/runs.tsv)"
awk -F'\t' '{n[$2]+=$4} END {for (t in n) printf "%-16s %12d\n", t, n[t]}' artifacts/runs.tsv | sort
if ((status)); then
  echo "crashing inputs are in fuzz/artifacts/" >&2
fi
exit "$status"
