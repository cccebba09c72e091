# bench-setup.sh — sourced by the library benchmarks: finds ttff.sh, builds the release
# binary (unless BUILD=0), makes a scratch folder removed on exit, and generates an $n-article
# library there (or in KEEP=DIR, kept and reused).
ttff=${TTFF:-../shared/tools/ttff.sh}
[ -x "$ttff" ] || ttff=/work/shared/tools/ttff.sh
bin=$PWD/target/release/lectern
[ "${BUILD:-1}" = 0 ] || cargo build --release --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
lib=${KEEP:-$work/library}
mkdir -p "$lib"
[ -n "$(ls -A "$lib")" ] || python3 scripts/gen-library.py "$lib" "$n"
# "10,000 articles", as the library's status line says it.
shown="$(echo "$n" | sed -E ':a;s/([0-9])([0-9]{3})($|,)/\1,\2\3/;ta') articles"
