import path from 'node:path';
import fs from 'node:fs';
import { serve, launch, ROOT, DIST } from '../tests/e2e/harness.mjs';
const file = process.argv[2];
const web = await serve(DIST);
const browser = await launch();
const p = await browser.newPage({ viewport: { width: 1366, height: 768 } });
p.on('console', (m) => console.log('console:', m.text()));
await p.goto(web.url);
await p.waitForSelector('body[data-importer]', { state: 'attached' });
await p.waitForTimeout(300);
await p.evaluate(() => {
  window.__long = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask' });
  window.__t = {};
  document.addEventListener('change', () => { window.__t.change ??= performance.now(); }, true);
  new MutationObserver(() => {
    if (!window.__t.ok && document.querySelector('[data-import-status="ok"]')) window.__t.ok = performance.now();
  }).observe(document.body, { subtree: true, attributes: true, childList: true });
});
await p.setInputFiles('input[type="file"]', file);
await p.waitForSelector('[data-import-status="ok"], [data-import-status="error"]', { state: 'attached', timeout: 600000 });
await p.waitForTimeout(500);
const r = await p.evaluate(() => ({ ms: window.__t.ok - window.__t.change, change: window.__t.change, long: window.__long, heap: performance.memory.usedJSHeapSize }));
console.log(JSON.stringify(r));
const red = [];
for (let i = 0; i < 6; i++) {
  red.push(await p.evaluate(async (i) => {
    const s = document.querySelector(i % 2 ? '[data-control="indicator"]' : '[data-control="period"]');
    s.value = s.options[(i * 3 + 1) % s.options.length].value;
    const t0 = performance.now();
    s.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => requestAnimationFrame(r));
    return Math.round(performance.now() - t0);
  }, i));
}
console.log('redraw', JSON.stringify(red));
await p.screenshot({ path: '/tmp/try.png' });
await browser.close(); web.server.close();
