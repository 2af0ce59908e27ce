// My unit's brief: chosen unit, its figures against the data, print emulation; the first
// screen after loading at 1366×768; the bump chart of five top-ranked units and the target
// bullets in both languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openApp, downloadText, parseCsv, SHOTS } from './harness.mjs';

let app, page, errors;

before(async () => {
  app = await openApp({ width: 1366, height: 768 });
  ({ page, errors } = app);
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.click('[data-action="load-sample"]');
  await page.waitForSelector('[data-import-file="chiso-mau.xlsx"][data-import-status="ok"]', { state: 'attached' });
});

after(async () => app?.close());

const csvRows = (text) => parseCsv(text.replace(/^\uFEFF/, '')).filter((r) => r.length > 1);

test('the first screen after loading shows the view, the import collapsed to one line', async () => {
  await page.waitForSelector('[data-chart="ranking"][data-rendered="true"]');
  const summary = await page.locator('[data-import-summary]').textContent();
  assert.match(summary, /1 tệp · 1 bộ dữ liệu · 1 bảng chỉ tiêu/);
  assert.equal(await page.locator('[data-import-file="chiso-mau.xlsx"]').count(), 1, 'the entry is still there');
  const table = await page.locator('table[data-table="ranking"]').boundingBox();
  assert.ok(table.y < 768, `the ranking table starts at ${table.y}px`);
  await page.screenshot({ path: path.join(SHOTS, 'first-screen-vi.png') });
});

test('the brief of my unit: its figures match the data; printable', async () => {
  const { text } = await downloadText(page, '[data-action="export-tidy"]');
  const tidy = csvRows(text);
  await page.selectOption('[data-control="my-unit"]', 'Lạng Sơn');
  await page.click('[data-action="view-brief"]');
  await page.waitForSelector('[data-view="brief"]');
  const set = page.locator('[data-brief-dataset]').first();
  assert.equal(await set.getAttribute('data-brief-period'), '2025');
  const overall = tidy.find((r) => r[2] === 'Lạng Sơn' && r[3] === '2025' && r[4] === 'Chỉ số PAR INDEX');
  const line = set.locator('.brief-overall');
  assert.equal(Number(await line.getAttribute('data-brief-value')), Number(overall[5]));
  assert.equal(await line.getAttribute('data-brief-rank'), `${overall[6]}/34`);
  // A component's row: score and rank as in the data, points behind the best.
  const comp = 'Cải cách TTHC';
  const rows = tidy.filter((r) => r[3] === '2025' && r[4] === comp);
  const mine = rows.find((r) => r[2] === 'Lạng Sơn');
  const best = Math.max(...rows.map((r) => Number(r[5])));
  const cells = await set.locator(`tr[data-indicator="${comp}"] td`).allTextContents();
  assert.equal(cells[0], Number(mine[5]).toFixed(2).replace('.', ','));
  assert.equal(cells[1], `${mine[6]}/34`);
  assert.equal(cells[5], (best - Number(mine[5])).toFixed(2).replace('.', ','));
  assert.equal(await set.locator('ol.win-back li').count(), 3);
  assert.match(await set.locator('ol.win-back li').first().textContent(), /thấp hơn trung vị .* xếp \d+\/34/);
  await page.waitForSelector('[data-view="brief"] [data-chart="trend"][data-rendered="true"]');
  await page.waitForSelector('[data-view="brief"] [data-chart="comparison"][data-rendered="true"]');
  assert.ok(await page.locator('[data-brief-targets] li').count() >= 7, 'the sample target sheet');
  // The brief as CSV.
  const csv = csvRows((await downloadText(page, '[data-action="export-table"]')).text);
  assert.ok(csv.some((r) => r[3] === comp && r[5] === `${mine[6]}/34`), 'the CSV holds the component row');
  // In the link.
  await page.click('[data-action="share"]');
  assert.match(await page.getAttribute('[data-share-url]', 'data-share-url'), /#1\./);
  await page.locator('[data-view="brief"]').screenshot({ path: path.join(SHOTS, 'brief-vi.png') });
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: path.join(SHOTS, 'brief-print.png'), fullPage: true });
  assert.equal(await page.locator('.export-bar').first().isVisible(), false, 'no controls in print');
  await page.emulateMedia({ media: 'screen' });
  await page.click('[data-action="lang-en"]');
  await page.locator('[data-view="brief"]').screenshot({ path: path.join(SHOTS, 'brief-en.png') });
  await page.click('[data-action="lang-vi"]');
});

test('the bump chart of five top-ranked units and the target bullets, in both languages', async () => {
  await page.selectOption('[data-control="my-unit"]', '');
  await page.click('[data-action="view-ranking"]');
  await page.selectOption('[data-control="period"]', '2023');
  await page.click('[data-action="view-trend"]');
  await page.waitForSelector('[data-chart="bump"][data-rendered="true"]');
  for (const lang of ['vi', 'en']) {
    await page.click(`[data-action="lang-${lang}"]`);
    await page.waitForSelector('[data-chart="bump"][data-rendered="true"]');
    await page.locator('[data-chart="bump"]').screenshot({ path: path.join(SHOTS, `bump-top5-${lang}.png`) });
  }
  await page.click('[data-action="view-targets"]');
  for (const lang of ['vi', 'en']) {
    await page.click(`[data-action="lang-${lang}"]`);
    await page.waitForSelector('[data-chart="targets"][data-rendered="true"]');
    await page.locator('[data-chart="targets"]').screenshot({ path: path.join(SHOTS, `bullets-${lang}.png`) });
  }
  await page.click('[data-action="lang-vi"]');
  assert.deepEqual(errors, []);
});
