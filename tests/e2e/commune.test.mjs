// Commune scale in one tab (issue 17): commune.xlsx, a sheet per year, 10,600 communes with
// their province × 20 indicators (2.12 million values, 14 MB), written by
// `cargo run --example gen_bench -- DIR --commune`. The page answers a click while it loads
// (the import runs in the worker), shows progress, then ranks 10,600 units in a table
// that holds only the rows in view and scrolls to the last one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { openApp, FIXTURES } from './harness.mjs';

const FILE = path.join(FIXTURES, 'bench', 'commune.xlsx');
let app, page, errors;

before(async () => {
  app = await openApp({ width: 1366, height: 768 });
  ({ page, errors } = app);
});

after(async () => app?.close());

test('a commune-scale workbook loads while the page answers clicks; the ranking of 10,600 units scrolls', { timeout: 240000 }, async () => {
  await page.setInputFiles('input[type="file"]', FILE);
  await page.waitForSelector('[data-import-file="commune.xlsx"][data-import-status="loading"]', { state: 'attached' });
  // While it loads: the language switch answers (html lang follows), more than once.
  const answers = [];
  for (const lang of ['en', 'vi', 'en']) {
    const loading = await page.locator('[data-import-file="commune.xlsx"][data-import-status="loading"]').count();
    if (!loading) break;
    answers.push(await page.evaluate(async (lang) => {
      const t0 = performance.now();
      const changed = new Promise((r) => new MutationObserver((_, o) => { o.disconnect(); r(); })
        .observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] }));
      document.querySelector(`[data-action="lang-${lang}"]`).click();
      await changed;
      return { lang: document.documentElement.lang, ms: performance.now() - t0 };
    }, lang));
  }
  assert.ok(answers.length >= 2, `the file loaded before two clicks (${JSON.stringify(answers)})`);
  for (const a of answers) assert.ok(a.ms < 500, `a click while loading waited ${a.ms.toFixed(0)} ms`);
  assert.ok(await page.locator('[data-import-file="commune.xlsx"] progress').count() > 0, 'progress is shown while it loads');
  await page.waitForSelector('[data-import-file="commune.xlsx"][data-import-status="ok"]', { state: 'attached', timeout: 200000 });
  await page.waitForSelector('[data-chart="ranking"][data-rendered="true"]');

  // The ranking: 10,600 units, of which only those in view are in the page.
  const wrap = page.locator('.table-wrap[data-windowed="true"]');
  assert.equal(await wrap.getAttribute('data-rows'), '10600');
  const inPage = await page.locator('table[data-table="ranking"] tbody tr[data-unit]').count();
  assert.ok(inPage > 10 && inPage < 200, `${inPage} rows in the page`);
  const first = await page.locator('table[data-table="ranking"] tbody tr[data-unit]').first().getAttribute('data-unit');
  // Scrolled to the end: the last rows are drawn, the first are not.
  await wrap.evaluate((el) => { el.scrollTop = el.scrollHeight; el.dispatchEvent(new Event('scroll')); });
  await page.waitForFunction((u) => !document.querySelector(`table[data-table="ranking"] tbody tr[data-unit="${u}"]`), first);
  const end = await page.evaluate(() => {
    const body = document.querySelector('table[data-table="ranking"] tbody');
    return { lastIsRow: body.lastElementChild.hasAttribute('data-unit'), topSpacer: body.firstElementChild.classList.contains('spacer') };
  });
  assert.deepEqual(end, { lastIsRow: true, topSpacer: true }, 'the last rows are drawn, the rows above are one spacer');
  assert.deepEqual(errors, []);
});
