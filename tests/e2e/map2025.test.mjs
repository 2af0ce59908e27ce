// Vietnam since 1 July 2025: a PAR Index release on the 63 provinces (2024) and one on the
// 34 (2025) dropped together; the tidy export's province_2025; the 2024 ranking regrouped
// onto the 34; the trend of a merged province; the tile map in both layouts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openApp, downloadText, parseCsv, chartRows, FIXTURES, SHOTS } from './harness.mjs';

const DIR = path.join(FIXTURES, 'map2025');
const FILES = ['PAR-INDEX-2024.xlsx', 'PAR-INDEX-2025.xlsx'];
let app, page, errors, tidy;

before(async () => {
  app = await openApp({ width: 1366, height: 768 });
  ({ page, errors } = app);
  fs.mkdirSync(SHOTS, { recursive: true });
});

after(async () => app?.close());

const csvRows = (text) => parseCsv(text.replace(/^\uFEFF/, '')).filter((r) => r.length > 1);
const tableRows = () => page.locator('table[data-table="ranking"] tbody tr').count();

test('a 2024 (63) and a 2025 (34) release dropped together; the tidy export names each province after 1 July 2025', async () => {
  await page.setInputFiles('input[type="file"]', FILES.map((f) => path.join(DIR, f)));
  for (const f of FILES) await page.waitForSelector(`[data-import-file="${f}"][data-import-status="ok"]`, { state: 'attached' });
  assert.match(await page.locator('[data-import-file="PAR-INDEX-2025.xlsx"]').textContent(), /theo 34 tỉnh, thành phố/);
  const { text } = await downloadText(page, '[data-action="export-tidy"]');
  tidy = csvRows(text);
  assert.deepEqual(tidy[0], ['dataset', 'group', 'unit', 'period', 'indicator', 'value', 'rank', 'province_2025']);
  const row = (u, p) => tidy.find((r) => r[2] === u && r[3] === p);
  assert.equal(row('Hà Nam', '2024')[7], 'Ninh Bình');
  assert.equal(row('Bình Dương', '2024')[7], 'TP. Hồ Chí Minh');
  // Huế ("TT.Huế" in the 2024 file, "Thành phố Huế" in the 2025 one) under its name in force.
  assert.equal(row('Huế', '2024')[7], 'Huế');
  assert.equal(row('Huế', '2025')[7], 'Huế', '"Thành phố Huế" is Huế, formerly Thừa Thiên Huế, continued');
  assert.ok(!tidy.some((r) => r[2].includes('Thừa Thiên')), 'no row under the former name');
  assert.equal(row('Tuyên Quang', '2025')[7], 'Tuyên Quang');
  assert.equal(tidy.filter((r) => r[3] === '2025').length, 34);
  assert.equal(tidy.filter((r) => r[3] === '2024').length, 63);
  // The latest year first: the 34, and the tile map of the 34 beside the ranking.
  assert.equal(await tableRows(), 34);
  await page.waitForSelector('[data-chart="tilemap"][data-rendered="true"]');
  // The map's table of numbers is in the page only once opened.
  assert.equal(await page.locator('[data-chart="tilemap"] .chart-data table').count(), 0);
  assert.equal(await (await chartRows(page, 'tilemap')).count(), 34);
  await page.locator('[data-view="ranking"]').screenshot({ path: path.join(SHOTS, 'map34-ranking-vi.png') });
});

test('the 2024 ranking regrouped onto the 34: means of the former provinces, ranks among the 34', async () => {
  await page.selectOption('[data-control="period"]', '2024');
  assert.equal(await tableRows(), 63);
  assert.equal(await (await chartRows(page, 'tilemap')).count(), 63, 'the map of the 63');
  await page.locator('[data-view="ranking"]').screenshot({ path: path.join(SHOTS, 'map63-ranking-vi.png') });
  const toggle = page.locator('[data-action="regroup-34"]');
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  await toggle.click();
  assert.equal(await page.locator('[data-action="regroup-34"]').getAttribute('aria-pressed'), 'true');
  assert.equal(await tableRows(), 34);
  const { text } = await downloadText(page, '[data-action="export-table"]');
  const rows = csvRows(text);
  assert.deepEqual(rows[0].slice(0, 3), ['Hạng', 'Đơn vị', 'Điểm']);
  assert.equal(rows[0][5], 'Ghi chú');
  assert.equal(rows.length, 35);
  const v24 = (u) => Number(tidy.find((r) => r[2] === u && r[3] === '2024')[5]);
  const nb = rows.find((r) => r[1] === 'Ninh Bình');
  const mean = (v24('Ninh Bình') + v24('Hà Nam') + v24('Nam Định')) / 3;
  assert.equal(nb[2], mean.toFixed(2).replace('.', ','));
  assert.match(nb[5], /bình quân 3 tỉnh cũ/);
  // Ranks 1..34 in value order.
  const values = rows.slice(1).map((r) => Number(r[2].replace(',', '.')));
  const ranks = rows.slice(1).map((r) => Number(r[0]));
  assert.equal(Math.min(...ranks), 1);
  assert.ok(Math.max(...ranks) <= 34);
  const best = rows.slice(1).find((r) => r[0] === '1');
  assert.equal(Number(best[2].replace(',', '.')), Math.max(...values));
  assert.equal(await (await chartRows(page, 'tilemap')).count(), 34);
  await page.locator('[data-view="ranking"]').screenshot({ path: path.join(SHOTS, 'regrouped-2024-vi.png') });
  // The link keeps the toggle.
  await page.click('[data-action="share"]');
  const link = await page.getAttribute('[data-share-url]', 'data-share-url');
  assert.match(link, /#1\./);
  await toggle.click();
  assert.equal(await page.locator('[data-action="regroup-34"]').getAttribute('aria-pressed'), 'false');
});

test('the trend of a merged province: its own series from 2025, its former provinces up to 2024', async () => {
  await page.selectOption('[data-control="my-unit"]', 'Ninh Bình');
  await page.click('[data-action="view-trend"]');
  await page.waitForSelector('[data-chart="trend"][data-rendered="true"]');
  const rows = await (await chartRows(page, 'trend')).allTextContents();
  assert.ok(rows.some((r) => r.startsWith('Ninh Bình (cũ)')), rows.join('\n'));
  assert.ok(rows.some((r) => r.startsWith('Hà Nam')));
  assert.ok(rows.some((r) => r.startsWith('Nam Định')));
  await page.locator('[data-chart="trend"]').screenshot({ path: path.join(SHOTS, 'trend-merged-vi.png') });
  // Regrouped: one series through the change.
  await page.click('[data-action="regroup-34"]');
  await page.waitForSelector('[data-chart="trend"][data-rendered="true"]');
  const after = await (await chartRows(page, 'trend')).allTextContents();
  assert.ok(!after.some((r) => r.startsWith('Hà Nam')), after.join('\n'));
  await page.locator('[data-chart="trend"]').screenshot({ path: path.join(SHOTS, 'trend-regrouped-vi.png') });
  await page.click('[data-action="regroup-34"]');
});

test('the tile map exports SVG and reads in English', async () => {
  await page.click('[data-action="view-ranking"]');
  await page.selectOption('[data-control="period"]', '2025');
  await page.waitForSelector('[data-chart="tilemap"][data-rendered="true"]');
  const svg = await downloadText(page, '[data-action="export-map-svg"]');
  assert.match(svg.text, /^<svg/);
  assert.match(svg.text, /Huế/);
  await page.click('[data-action="lang-en"]');
  await page.waitForSelector('[data-chart="tilemap"][data-rendered="true"]');
  await page.locator('[data-view="ranking"]').screenshot({ path: path.join(SHOTS, 'map34-ranking-en.png') });
  await page.click('[data-action="lang-vi"]');
  assert.deepEqual(errors, []);
});
