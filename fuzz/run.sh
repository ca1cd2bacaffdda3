#!/usr/bin/env bash
# Fuzzes the whole pipeline (fuzz_targets/build.rs) for SECONDS seconds (default 600).
# Needs cargo-fuzz (`cargo install cargo-fuzz`); only a stable toolchain is assumed, so the
# nightly flags cargo-fuzz passes are allowed with RUSTC_BOOTSTRAP=1.
# The corpus is seeded with the shipped leaflets and the hostile corpus; it is kept in
# fuzz/corpus/ between runs (not committed). Crashes land in fuzz/artifacts/; each one
# becomes a file in tests/fuzz_regressions/ once fixed.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-600}"
mkdir -p corpus/fuzz_build
for f in ../leaflets/*.yaml ../tests/hostile/*.yaml ../tests/fuzz_regressions/*.yaml; do
    [ -e "$f" ] || continue
    # Seeds over libFuzzer's input limit would only be skipped.
    if [ "$(stat -c %s "$f")" -le 65536 ]; then cp "$f" corpus/fuzz_build/; fi
done
RUSTC_BOOTSTRAP=1 exec cargo fuzz run fuzz_build corpus/fuzz_build -- \
    -jobs=1 -workers=1 -max_total_time="$seconds" -max_len=65536 -timeout=20 \
    -rss_limit_mb=4096 -print_final_stats=1
