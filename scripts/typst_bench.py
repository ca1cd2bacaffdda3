"""Typst as a yardstick: compile the same leaflet in-process, the way `leaflet` builds one.

Runs `typst.compile` (a fresh compiler world each call: fonts loaded, document laid out and
written to PDF, like one `leaflet build` of one file) and, for reference, a reused
`typst.Compiler` (fonts loaded once, as in a `leaflet` batch run; note Typst memoises, so an
unchanged document is partly served from its cache).

usage: python3 scripts/typst_bench.py [RUNS]     (pip install typst)
"""

import pathlib
import statistics
import sys
import time

import typst

HERE = pathlib.Path(__file__).resolve().parent
FONTS = str(HERE.parent / "fonts")
SOURCE = str(HERE / "immunotherapie.typ")
RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 100


def timed(fn, runs):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return times


def report(label, times):
    ms = sorted(t * 1000 for t in times)
    print(f"{label}: median {statistics.median(ms):.2f} ms, min {ms[0]:.2f} ms, "
          f"max {ms[-1]:.2f} ms over {len(ms)} runs")


def fresh():
    return typst.compile(SOURCE, font_paths=[FONTS], ignore_system_fonts=True)


pdf = fresh()
out = HERE.parent / "target" / "typst-immunotherapie.pdf"
out.parent.mkdir(exist_ok=True)
out.write_bytes(pdf)
print(f"typst {typst.__version__}: {len(pdf)} bytes, written to {out}")
report("typst.compile, fresh world per leaflet", timed(fresh, RUNS))

compiler = typst.Compiler(SOURCE, font_paths=[FONTS], ignore_system_fonts=True)
compiler.compile()
report("typst.Compiler reused (fonts once, memoised)", timed(compiler.compile, RUNS))
