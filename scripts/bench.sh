#!/usr/bin/env bash
# Whole-process benchmarks of `leaflet build`, as the secretariat and the nightly job run it:
# process start to files on disk, with the real release binary.
#
#   scripts/bench.sh            # 1,000 synthetic leaflets (examples/generate.rs, seed 2016)
#   N=500 RUNS=5 scripts/bench.sh
#   BIN=/tmp/leaflet-old LIB=/tmp/old/leaflets scripts/bench.sh   # an older binary, with
#                                                                # the library it reads
#
# Needs hyperfine (apt-get install -y hyperfine) and GNU time (/usr/bin/time) for memory.
# Targets on the 2-core build machine: one leaflet <= 5 ms median; 1,000 cold <= 2 s;
# no-op of 1,000 <= 0.1 s; peak memory <= 60 MB. Other work on the machine spoils wall
# times: the load is printed first; compare CPU time (hyperfine's "User") when it is high.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-1000}
RUNS=${RUNS:-10}
cargo build --release --quiet --bin leaflet --example generate
BIN=${BIN:-$PWD/target/release/leaflet}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), load $(cut -d' ' -f1-3 /proc/loadavg)"
target/release/examples/generate "$WORK/lib" "$N" 2016

# One leaflet, the real one, whole process; --force so every run typesets and writes it.
mkdir -p "$WORK/one"
cp -r "${LIB:-leaflets}/_data" "${LIB:-leaflets}/immunotherapie.yaml" "$WORK/one/"
hyperfine -N --warmup 5 --runs $((RUNS * 10)) --export-json "$WORK/one.json" \
  -n "one leaflet, whole process" \
  "$BIN build $WORK/one -o $WORK/one-out --force"

# The library from nothing: output folder removed before every run.
hyperfine --warmup 1 --runs "$RUNS" --export-json "$WORK/cold.json" \
  --prepare "rm -rf $WORK/out" \
  -n "$N leaflets, cold" \
  "$BIN build $WORK/lib -o $WORK/out"

# Nothing changed: every leaflet read and hashed, every output file stat'ed (and re-hashed
# only if its size, times or inode moved), nothing typeset or written.
"$BIN" build "$WORK/lib" -o "$WORK/out" > /dev/null
hyperfine -N --warmup 3 --runs $((RUNS * 3)) --export-json "$WORK/noop.json" \
  -n "$N leaflets, no-op" \
  "$BIN build $WORK/lib -o $WORK/out"

# One leaflet edited among N: a new line of text before every run.
EDITED=$(find "$WORK/lib" -name 'folder-0001.yaml')
hyperfine --warmup 1 --runs $((RUNS * 2)) --export-json "$WORK/edit.json" \
  --prepare "printf '      Bewerkt om %s.\n' \"\$(date +%s%N)\" >> $EDITED" \
  -n "one edited among $N" \
  "$BIN build $WORK/lib -o $WORK/out"

echo
echo "peak memory (maximum resident set size):"
peak() {
  /usr/bin/time -v "$@" 2>&1 >/dev/null | sed -n 's/^\s*Maximum resident set size (kbytes): */  /p' |
    awk -v label="$LABEL" '{ printf "%-28s %6.1f MB\n", label, $1 / 1024 }'
}
LABEL="one leaflet" peak "$BIN" build "$WORK/one" -o "$WORK/one-out" --force
rm -rf "$WORK/out"
LABEL="$N leaflets, cold" peak "$BIN" build "$WORK/lib" -o "$WORK/out"
LABEL="$N leaflets, no-op" peak "$BIN" build "$WORK/lib" -o "$WORK/out"

echo
echo "medians:"
for f in one cold noop edit; do
  python3 -c "
import json, sys
r = json.load(open('$WORK/$f.json'))['results'][0]
print(f\"  {r['command'][:60]:<60} median {r['median']*1000:8.1f} ms  (mean {r['mean']*1000:.1f} ± {r['stddev']*1000:.1f})\")
"
done
