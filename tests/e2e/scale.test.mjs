// Large files: the 144,000-row workbook is read in the import worker with a progress bar,
// the page answers clicks meanwhile, and reading can be cancelled without losing anything.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { openApp, FIXTURES } from './harness.mjs';

const LONG = path.join(FIXTURES, 'bench', 'long.xlsx');
const status = (f) => `[data-import-file="${f}"]`;
let app, page, errors;

before(async () => {
  app = await openApp();
  ({ page, errors } = app);
  await page.click('[data-action="load-sample"]');
  await page.waitForSelector(`${status('chiso-mau.xlsx')}[data-import-status="ok"]`, { state: 'attached' });
});

after(async () => app?.close());

test('a 144,000-row import runs in a worker: progress shows and a click is handled meanwhile', async () => {
  assert.ok(page.workers().length >= 1, 'an import worker runs beside the page');
  await page.waitForSelector('body[data-importer="worker"]', { state: 'attached' });
  // Long tasks on the page's main thread while the file is read.
  await page.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.longTasks.push(e.duration); })
      .observe({ type: 'longtask' });
  });
  await page.setInputFiles('input[type="file"]', LONG);
  await page.waitForSelector(`${status('long.xlsx')}[data-import-status="loading"]`);
  // The bar moves: a fraction between 0 and 1 appears while the file is still being read.
  const fraction = await page.waitForSelector(`${status('long.xlsx')} progress[data-progress]`);
  const f = Number(await fraction.getAttribute('data-progress'));
  assert.ok(f > 0 && f < 1, `progress ${f}`);
  // A click during the import is handled at once: the language switches while it reads.
  await page.click('[data-action="lang-en"]');
  const during = await page.evaluate((sel) => ({
    lang: document.documentElement.lang,
    loading: document.querySelector(sel)?.getAttribute('data-import-status'),
  }), status('long.xlsx'));
  assert.deepEqual(during, { lang: 'en', loading: 'loading' });
  await page.waitForSelector(`${status('long.xlsx')}[data-import-status="ok"]`, { state: 'attached', timeout: 60_000 });
  const text = await page.textContent(status('long.xlsx'));
  assert.match(text, /1200 units/);
  assert.match(text, /144000 values/);
  const longest = await page.evaluate(() => Math.max(0, ...window.longTasks));
  console.log(`# longest main-thread task during the 144k import: ${Math.round(longest)} ms`);
  // The sample loaded before stays, and the new data set is shown.
  assert.ok(await page.$(`${status('chiso-mau.xlsx')}[data-import-status="ok"]`));
  await page.waitForSelector('[data-chart="ranking"][data-rendered="true"]');
  await page.click('[data-action="lang-vi"]');
  assert.deepEqual(errors, []);
});

test('reading can be cancelled; the next file is read by a fresh worker', async () => {
  const copy = path.join(FIXTURES, 'bench', 'long.xlsx');
  await page.setInputFiles('input[type="file"]', copy);
  // The earlier long.xlsx entry is replaced by the one being read.
  await page.waitForSelector(`${status('long.xlsx')}[data-import-status="loading"]`);
  await page.click(`[data-action="cancel-import"][data-file="long.xlsx"]`);
  await page.waitForSelector(`${status('long.xlsx')}[data-import-status="error"]`, { state: 'attached' });
  assert.match(await page.textContent(status('long.xlsx')), /huỷ/);
  await page.setInputFiles('input[type="file"]', path.join(FIXTURES, 'xep-hang-2022.xlsx'));
  await page.waitForSelector(`${status('xep-hang-2022.xlsx')}[data-import-status="ok"]`, { state: 'attached' });
  assert.ok(await page.$(`${status('chiso-mau.xlsx')}[data-import-status="ok"]`));
  assert.deepEqual(errors, []);
});
