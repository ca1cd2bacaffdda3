#!/usr/bin/env bash
# Regenerates tests/preflight_corpus/files/: variants of a good `--target print` PDF made
# by the tools a secretariat or a print shop really runs (qpdf, Ghostscript). CI has none
# of these tools, so the resulting files are committed; run this after a change to the
# print writer and commit what it writes. Needs qpdf and ghostscript.
set -euo pipefail
cd "$(dirname "$0")/.."
out=tests/preflight_corpus/files
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cargo build --release --quiet
target/release/leaflet build leaflets/immunotherapie.yaml -o "$tmp" --target print --marks --force
good="$tmp/print/immunotherapie.pdf"
[ -f "$good" ] || good=$(find "$tmp" -name immunotherapie.pdf | head -n1)
mkdir -p "$out"
# Must pass: the same file, only re-packed.
qpdf --object-streams=generate --linearize "$good" "$out/qpdf-objstm-linearized.pdf"
# Must fail "encryption": AES-256 with an empty user password opens without asking.
qpdf --encrypt "" "eigenaar" 256 -- "$good" "$out/qpdf-aes256-empty-password.pdf"
# Re-distilled by Ghostscript: the output intent is gone (all three), and the RGB
# conversion must also fail "colour".
for s in RGB CMYK Gray; do
  gs -q -o "$out/gs-$(echo $s | tr A-Z a-z).pdf" -sDEVICE=pdfwrite -sColorConversionStrategy=$s "$good"
done
ls -l "$out"
