"""Typst as a yardstick: compile the same leaflet in-process, the way `leaflet` builds one.

Three figures:
- `typst.compile` with a fresh compiler world each call and the text width nudged by a
  micrometre each time (`sys.inputs["n"]`), so Typst's process-wide memoisation cannot serve
  the line and page breaking from its cache: the fair per-leaflet figure, to compare with the
  `one_leaflet_end_to_end` criterion bench (YAML to PDF bytes, fonts already loaded);
- the same without the nudge: what Typst's memoisation gives when nothing changed;
- a reused `typst.Compiler`: fonts loaded once and everything memoised.

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


counter = iter(range(1, 10**9))


def nudged():
    n = str(next(counter))
    return typst.compile(SOURCE, font_paths=[FONTS], ignore_system_fonts=True,
                         sys_inputs={"n": n})


pdf = fresh()
out = HERE.parent / "target" / "typst-immunotherapie.pdf"
out.parent.mkdir(exist_ok=True)
out.write_bytes(pdf)
print(f"typst {typst.__version__}: {len(pdf)} bytes, written to {out}")
report("typst.compile, fresh world, layout cache defeated", timed(nudged, RUNS))
report("typst.compile, fresh world, memoised layout", timed(fresh, RUNS))

compiler = typst.Compiler(SOURCE, font_paths=[FONTS], ignore_system_fonts=True)
compiler.compile()
report("typst.Compiler reused (fonts once, memoised)", timed(compiler.compile, RUNS))
