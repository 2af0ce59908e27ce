// The four analysis views on the built-in sample: each view and its chart render, the
// exports (SVG, PNG, table CSV) download, and screenshots in both languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openApp, downloadText, parseCsv, SHOTS } from './harness.mjs';

let app, page, errors;

before(async () => {
  app = await openApp({ width: 1280, height: 1100 });
  ({ page, errors } = app);
  await page.click('[data-action="load-sample"]');
  await page.waitForSelector('[data-import-file="chiso-mau.xlsx"][data-import-status="ok"]', { state: 'attached' });
  fs.mkdirSync(SHOTS, { recursive: true });
});

after(async () => app?.close());

async function show(view, chart) {
  await page.click(`[data-action="view-${view}"]`);
  await page.waitForSelector(`[data-view="${view}"]`);
  await page.waitForSelector(`[data-chart="${chart}"][data-rendered="true"]`);
}

test('ranking: search without diacritics and my unit', async () => {
  await show('ranking', 'ranking');
  await page.selectOption('[data-control="my-unit"]', 'Hà Nội');
  assert.equal(await page.locator('tr.mine').count(), 1);
  await page.fill('[data-control="search"]', 'ha noi');
  const units = await page.locator('table[data-table="ranking"] tbody th').allTextContents();
  assert.deepEqual(units, ['Hà Nội']);
  await page.fill('[data-control="search"]', '');
  // Hovering a dot of the chart shows its exact value (scan the top rows as a mouse would).
  const box = await page.locator('[data-chart="ranking"] canvas').boundingBox();
  let tip = null;
  for (let x = box.x + box.width * 0.5; x < box.x + box.width && !tip; x += 5) {
    for (let dy = 0; dy < 70 && !tip; dy += 3) {
      await page.mouse.move(x, box.y + dy);
      if (await page.locator('[data-tooltip]').count()) tip = await page.locator('[data-tooltip]').textContent();
    }
  }
  assert.match(tip ?? '', /^\d\. .+: \d+,\d\d$/);
  const { text } = await downloadText(page, '[data-action="export-table"]');
  assert.ok(text.startsWith('\uFEFF'), 'a BOM, so Excel reads UTF-8');
  const rows = parseCsv(text.slice(1)).filter((r) => r.length > 1);
  assert.deepEqual(rows[0], ['Hạng', 'Đơn vị', 'Điểm', 'Thay đổi', 'Thay đổi điểm']);
  assert.equal(rows.length, 35, 'the 34 provinces of 2025 and the header');
});

test('comparison: heat map of units × components and the peer chart', async () => {
  await show('comparison', 'comparison');
  const header = await page.locator('table[data-table="comparison"] thead th').allTextContents();
  assert.equal(header.length, 9, 'unit + 8 components');
  const rows = await page.locator('table[data-table="comparison"] tbody tr').count();
  assert.equal(rows, 5, 'my unit and the four leaders');
  await page.locator('.unit-picker input[data-unit="Đà Nẵng"]').check();
  assert.equal(await page.locator('table[data-table="comparison"] tbody tr').count(), 6);
  assert.ok(await page.locator('.standing li').count() > 0);
  await page.screenshot({ path: path.join(SHOTS, 'comparison-vi.png') });
});

test('trend: lines and the rank bump chart; SVG and PNG export', async () => {
  await show('trend', 'trend');
  await page.waitForSelector('[data-chart="bump"][data-rendered="true"]');
  const svg = await downloadText(page, '[data-action="export-svg"]');
  assert.match(svg.name, /\.svg$/);
  assert.match(svg.text, /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.match(svg.text, /<\/svg>\s*$/);
  assert.match(svg.text, /Hà Nội/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-png"]')]);
  const png = fs.readFileSync(await download.path());
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  await page.screenshot({ path: path.join(SHOTS, 'trend-vi.png') });
});

test('targets: attainment, summary and bullets, in English too', async () => {
  await show('targets', 'targets');
  assert.equal(await page.getAttribute('[data-targets-summary]', 'data-targets-summary'), '6/7');
  assert.equal(await page.locator('table[data-table="targets"] tr[data-status="not-met"]').count(), 1);
  await page.screenshot({ path: path.join(SHOTS, 'targets-vi.png') });
  await page.click('[data-action="lang-en"]');
  assert.match(await page.locator('.summary').textContent(), /6\/7 targets met/);
  await page.screenshot({ path: path.join(SHOTS, 'targets-en.png') });
  await show('comparison', 'comparison');
  await page.screenshot({ path: path.join(SHOTS, 'comparison-en.png') });
  await page.click('[data-action="lang-vi"]');
  assert.deepEqual(errors, []);
});
