// The walking skeleton end to end: sample, a dropped messy workbook, a broken file,
// tidy CSV export, language switch. Drives the page only through shared/page-hooks.md.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openApp, downloadText, parseCsv, FIXTURES, SHOTS } from './harness.mjs';

let app, page, errors;

before(async () => {
  app = await openApp({ width: 1280, height: 900 });
  ({ page, errors } = app);
});

after(async () => app?.close());

test('the sample loads into a ranking of the 34 provinces (2025, the new map) with a chart', async () => {
  await page.click('[data-action="load-sample"]');
  await page.waitForSelector('[data-import-file="chiso-mau.xlsx"][data-import-status="ok"]', { state: 'attached' });
  await page.waitForSelector('[data-view="ranking"]');
  const rows = await page.locator('table[data-table="ranking"] tbody tr').count();
  assert.equal(rows, 34);
  await page.waitForSelector('[data-chart="ranking"][data-rendered="true"]');
  const first = await page.locator('table[data-table="ranking"] tbody tr').first().locator('td').first().textContent();
  assert.equal(first.trim(), '1');
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, 'sample-vi.png'), fullPage: false });
});

test('a dropped messy workbook is read right and exported as tidy CSV', async () => {
  await page.setInputFiles('input[type="file"]', path.join(FIXTURES, 'xep-hang-2022.xlsx'));
  const entry = page.locator('[data-import-file="xep-hang-2022.xlsx"]');
  await page.waitForSelector('[data-import-file="xep-hang-2022.xlsx"][data-import-status="ok"]', { state: 'attached' });
  assert.match(await entry.textContent(), /TP HCM → TP\. Hồ Chí Minh/);

  const { name, text } = await downloadText(page, '[data-action="export-tidy"]');
  assert.match(name, /\.csv$/);
  assert.ok(text.startsWith('\uFEFF'), 'a BOM, so Excel reads UTF-8');
  const rows = parseCsv(text.replace(/^\uFEFF/, '')).filter((r) => r.length > 1);
  assert.deepEqual(rows[0], ['dataset', 'group', 'unit', 'period', 'indicator', 'value', 'rank', 'province_2025']);
  const mine = rows.filter((r) => r[0] === 'KẾT QUẢ XẾP HẠNG CHỈ SỐ HÀI LÒNG');
  const byUnit = Object.fromEntries(mine.map((r) => [r[2], r]));
  assert.deepEqual(Object.keys(byUnit).sort(), ['Hà Nội', 'Hòa Bình', 'Quảng Ninh', 'TP. Hồ Chí Minh', 'Huế', 'Đắk Lắk'].sort());
  assert.deepEqual(byUnit['TP. Hồ Chí Minh'].slice(3), ['2022', 'Chỉ số tổng hợp', '85.43', '2', 'TP. Hồ Chí Minh']);
  assert.deepEqual(byUnit['Đắk Lắk'].slice(5), ['80.25', '3', 'Đắk Lắk']);
  assert.deepEqual(byUnit['Hà Nội'].slice(5), ['', '', 'Hà Nội'], 'missing stays empty, never 0');
  // The sample is still there: 63 provinces × 5 years and the 34 in 2025, × 9 indicators.
  const sample = rows.filter((r) => r[0].includes('PAR INDEX'));
  assert.equal(sample.length, (63 * 5 + 34) * 9);
});

test('a broken file gets a clear error and loses nothing', async () => {
  await page.setInputFiles('input[type="file"]', path.join(FIXTURES, 'hong.xlsx'));
  await page.waitForSelector('[data-import-file="hong.xlsx"][data-import-status="error"]', { state: 'attached' });
  const text = await page.locator('[data-import-file="hong.xlsx"]').textContent();
  assert.match(text, /hong\.xlsx/);
  assert.match(text, /cắt cụt|hỏng|không đọc được/);
  assert.equal(await page.locator('[data-import-status="ok"]').count(), 2);
  assert.equal(await page.locator('table[data-table="ranking"] tbody tr').count() > 0, true);
});

test('the language switch changes the text and <html lang>', async () => {
  await page.click('[data-action="lang-en"]');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match(await page.locator('[data-action="load-sample"]').textContent(), /Sample data/);
  await page.selectOption('[data-control="dataset"]', { index: 0 });
  await page.waitForSelector('[data-chart="ranking"][data-rendered="true"]');
  await page.screenshot({ path: path.join(SHOTS, 'sample-en.png') });
  await page.click('[data-action="lang-vi"]');
  assert.equal(await page.getAttribute('html', 'lang'), 'vi');
  assert.deepEqual(errors, []);
});
