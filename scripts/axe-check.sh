#!/usr/bin/env bash
# Runs axe-core (WCAG 2.1 A/AA rules) on HTML twins in headless Chromium and prints the
# violations of each page; exits 1 when any page has one. Screenshots go next to the
# pages as NAME.png, to be looked at.
#
#   scripts/axe-check.sh out/*.html
#
# Needs Node.js with npm and Debian's chromium (apt-get install chromium). axe-core and
# playwright-core are installed once into $AXE_DIR (default ~/.cache/leaflet-axe).
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: $0 PAGE.html..." >&2; exit 2; }
AXE_DIR=${AXE_DIR:-$HOME/.cache/leaflet-axe}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
if [ ! -d "$AXE_DIR/node_modules/axe-core" ] || [ ! -d "$AXE_DIR/node_modules/playwright-core" ]; then
  mkdir -p "$AXE_DIR"
  (cd "$AXE_DIR" && npm init -y >/dev/null && npm install --no-audit --no-fund axe-core@4 playwright-core@1 >/dev/null)
fi
pages=()
for p in "$@"; do pages+=("$(realpath "$p")"); done
NODE_PATH="$AXE_DIR/node_modules" CHROMIUM="$CHROMIUM" node - "${pages[@]}" <<'JS'
const { chromium } = require('playwright-core');
const fs = require('fs');
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  let total = 0;
  for (const file of process.argv.slice(2)) {
    for (const width of [1280, 360]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto('file://' + file);
      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(async () =>
        await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }));
      const shot = file.replace(/\.html$/, width === 360 ? '-phone.png' : '.png');
      await page.screenshot({ path: shot, fullPage: true });
      console.log(`${file} (${width} px): ${result.violations.length} violations, ${result.passes.length} rules passed, ${result.incomplete.length} to review`);
      for (const v of result.violations) {
        console.log(`  ${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} element(s)`);
        for (const n of v.nodes.slice(0, 3)) console.log(`    ${n.target.join(' ')}`);
      }
      total += result.violations.length;
      await page.close();
    }
  }
  await browser.close();
  process.exit(total > 0 ? 1 : 0);
})().catch(e => { console.error(e); process.exit(2); });
JS
