#!/usr/bin/env python3
"""Secretary-slip mutations of a library's leaflets, each run through `leaflet build` and
`leaflet check`: reports panics, hangs, exit codes other than 0/1/2, debris in the output
folder, and a PDF missing after success or left beside a failure (office target; with
EXTRA="--target print" the PDF is in print/, so the last two checks do not apply).

    python3 scripts/slips.py target/release/leaflet leaflets 500 1
    EXTRA="--html --large-print --booklet --two-up" python3 scripts/slips.py BIN LIB N SEED

A hung or panicking input is copied to /tmp/slips-{hang,panic}-SEED-N.yaml to keep as a
regression (tests/fuzz_regressions/)."""
import os, random, subprocess, sys, tempfile, shutil, glob
BIN = sys.argv[1]; SRC = sys.argv[2]; N = int(sys.argv[3]); seed = int(sys.argv[4]) if len(sys.argv) > 4 else 1
random.seed(seed)
srcs = sorted(glob.glob(os.path.join(SRC, '*.yaml')))
WEIRD = ['\u00a0', '\u200b', '\u200f', '\u202e', '\ufeff', '\u00ad', '😀', 'e\u0308', '\t', '\r', '\x00', '\x1b[31m', '#', ':', '- ', '|', '>', '"', "'", '&a', '*a', '!!str ', '{', '[', '}', ']', '%', '@', '`', '\\', '\u2028', 'ï', 'ĳ', '–', '…']
def mutate(text):
    lines = text.split('\n')
    k = random.randrange(12)
    i = random.randrange(len(lines))
    if k == 0: del lines[i]
    elif k == 1: lines.insert(i, lines[i])
    elif k == 2: lines[i] = ' ' * random.randint(1, 4) + lines[i]
    elif k == 3: lines[i] = lines[i].lstrip(' ')[: random.randint(0, 3)] + lines[i].lstrip(' ')[3:] if lines[i] else lines[i]
    elif k == 4:
        p = random.randint(0, len(lines[i])); lines[i] = lines[i][:p] + random.choice(WEIRD) + lines[i][p:]
    elif k == 5: lines[i] = lines[i].replace(': ', ':', 1) if random.random() < .5 else lines[i].replace(':', '', 1)
    elif k == 6:
        j = random.randrange(len(lines)); lines[i], lines[j] = lines[j], lines[i]
    elif k == 7: return text[: random.randint(0, len(text))]
    elif k == 8: return text.replace('\n', '\r\n')
    elif k == 9:
        p = random.randint(0, len(text)); return text[:p] + random.choice(WEIRD) * random.randint(1, 50) + text[p:]
    elif k == 10: lines[i] = lines[i].upper()
    elif k == 11:
        p = random.randint(0, len(text)); q = min(len(text), p + random.randint(1, 40)); return text[:p] + text[q:]
    return '\n'.join(lines)
bad = 0; codes = {}
work = tempfile.mkdtemp()
shutil.copytree(os.path.join(SRC, '_data'), os.path.join(work, 'lib', '_data'))
for n in range(N):
    src = random.choice(srcs)
    text = open(src, encoding='utf-8').read()
    for _ in range(random.randint(1, 3)):
        text = mutate(text)
    path = os.path.join(work, 'lib', 'm.yaml')
    raw = text.encode('utf-8', 'surrogatepass')
    if random.random() < 0.05: raw = text.encode('latin-1', 'replace')
    open(path, 'wb').write(raw)
    out = os.path.join(work, 'out')
    shutil.rmtree(out, ignore_errors=True)
    for cmd in (['build', path, '-o', out] + os.environ.get('EXTRA', '').split(), ['check', path]):
        try:
            r = subprocess.run([BIN] + cmd, capture_output=True, timeout=20, env={**os.environ, 'LC_ALL': 'C'})
        except subprocess.TimeoutExpired:
            print('HANG', cmd[0], n); bad += 1; shutil.copy(path, f'/tmp/slips-hang-{seed}-{n}.yaml'); continue
        err = r.stderr.decode('utf-8', 'replace')
        codes[(cmd[0], r.returncode)] = codes.get((cmd[0], r.returncode), 0) + 1
        if 'panicked' in err or r.returncode not in (0, 1, 2):
            print('PANIC', cmd[0], n, r.returncode, err[-400:]); bad += 1
            shutil.copy(path, f'/tmp/slips-panic-{seed}-{n}.yaml')
        if cmd[0] == 'build' and os.path.isdir(out):
            debris = [f for f in os.listdir(out) if f.startswith('.') and f not in ('.leaflet-manifest.json', '.leaflet.lock') or f.endswith('.tmp')]
            if debris: print('DEBRIS', n, debris); bad += 1
        office = 'print' not in os.environ.get('EXTRA', '')
        if office and cmd[0] == 'build' and r.returncode == 0 and not os.path.exists(os.path.join(out, 'm.pdf')):
            print('NO PDF', n); bad += 1
        if cmd[0] == 'build' and r.returncode != 0 and os.path.exists(os.path.join(out, 'm.pdf')):
            print('PDF DESPITE FAILURE', n); bad += 1
print('cases', N, 'bad', bad, sorted(codes.items()))
