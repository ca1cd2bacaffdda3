#!/usr/bin/env python3
"""Lists import cycles between the top-level modules of src/ (crate::X references).

The design asks that stages only point forward; run `python3 scripts/module_cycles.py`
and expect "no cycles". Test-only files (*_tests.rs, #[cfg(test)] blocks) are ignored.
"""
import os, re, sys

root = os.path.join(os.path.dirname(__file__), '..', 'src')
mods = {}
for dirpath, _, files in os.walk(root):
    for f in files:
        if not f.endswith('.rs') or f.endswith('_tests.rs'):
            continue
        path = os.path.join(dirpath, f)
        rel = os.path.relpath(path, root)
        top = rel.split(os.sep)[0].removesuffix('.rs')
        if top in ('main', 'lib'):
            continue
        text = open(path, encoding='utf-8').read()
        # drop test modules: everything from the first #[cfg(test)] on
        text = text.split('#[cfg(test)]')[0]
        text = re.sub(r'//[^\n]*', '', text)
        deps = set(re.findall(r'crate::(\w+)', text))
        for m in re.findall(r'use crate::\{([^}]*)\}', text):
            deps |= {x.strip().split('::')[0] for x in m.split(',') if x.strip()}
        mods.setdefault(top, set()).update(d for d in deps if d != top)

index, low, stack, on, sccs, n = {}, {}, [], set(), [], [0]
def strong(v):
    index[v] = low[v] = n[0]; n[0] += 1; stack.append(v); on.add(v)
    for w in mods.get(v, ()):
        if w not in mods: continue
        if w not in index:
            strong(w); low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        comp = []
        while True:
            w = stack.pop(); on.discard(w); comp.append(w)
            if w == v: break
        if len(comp) > 1: sccs.append(sorted(comp))
sys.setrecursionlimit(10000)
for v in sorted(mods):
    if v not in index: strong(v)
if not sccs:
    print('no cycles'); sys.exit(0)
for c in sccs:
    edges = [f'{a}→{b}' for a in c for b in sorted(mods[a]) if b in c]
    print('cycle:', ', '.join(edges))
sys.exit(1)
