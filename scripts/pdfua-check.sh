#!/usr/bin/env bash
# Checks office PDFs with `pdfua` (PyPI), a checker of the machine-checkable subset of
# PDF/UA-1 (16 of the 106 rules: structure tree, MarkInfo, untagged content, language,
# figure alt text, table structure, annotations, headings, title, PDF/UA identification;
# run `pdfua rules` for the list). It is not veraPDF: a pass is not a claim of conformance.
# veraPDF would come from Maven Central, which this machine cannot reach.
#
#   scripts/pdfua-check.sh out/*.pdf
#
# Installs pdfua once into a virtual environment at $PDFUA_VENV (default
# ~/.cache/leaflet-pdfua). Exit status: pdfua's (0 clean, 3 errors; see `pdfua --help`).
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: $0 FILE.pdf..." >&2; exit 5; }
PDFUA_VENV=${PDFUA_VENV:-$HOME/.cache/leaflet-pdfua}
if [ ! -x "$PDFUA_VENV/bin/pdfua" ]; then
  python3 -m venv "$PDFUA_VENV"
  "$PDFUA_VENV/bin/pip" install -q "pdfua==0.1.3"
fi
exec "$PDFUA_VENV/bin/pdfua" check "$@"
