// Links and offline use: a view travels by link (with the file dropped again, and with the
// data inside the link), back/forward, damaged links, zero requests after load, the
// single-file bundle from file:// with the network blocked, and the service worker.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve, launch, DIST, FIXTURES } from './harness.mjs';

let web, browser;
const SAMPLE_OK = '[data-import-file="chiso-mau.xlsx"][data-import-status="ok"]';

before(async () => {
  web = await serve();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  web?.server.close();
});

async function fresh(url = web.url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForSelector('[data-action="load-sample"]', { state: 'attached' });
  return { context, page, errors };
}

async function makeView(page) {
  await page.click('[data-action="load-sample"]');
  await page.waitForSelector(SAMPLE_OK, { state: 'attached' });
  await page.click('[data-action="view-trend"]');
  await page.selectOption('[data-control="my-unit"]', 'Hà Nội');
  await page.click('[data-action="lang-en"]');
  await page.waitForSelector('[data-chart="trend"][data-rendered="true"]');
}

async function share(page, withData) {
  const box = page.locator('[data-control="share-data"]');
  if ((await box.isChecked()) !== withData) await box.click();
  await page.click('[data-action="share"]');
  return page.getAttribute('[data-share-url]', 'data-share-url');
}

test('a link opens the same view in a fresh browser, once its file is dropped again', async () => {
  const a = await fresh();
  await makeView(a.page);
  const link = await share(a.page, false);
  assert.match(link, /#1\./);
  console.log(`link without data: ${link.length} characters`);
  const b = await fresh(link);
  const pending = await b.page.getAttribute('[data-link-pending]', 'data-link-pending');
  assert.equal(pending, 'chiso-mau.xlsx');
  await b.page.click('[data-action="load-sample"]');
  await b.page.waitForSelector('[data-view="trend"]');
  assert.equal(await b.page.getAttribute('html', 'lang'), 'en');
  assert.equal(await b.page.locator('[data-control="my-unit"]').inputValue(), 'Hà Nội');
  assert.equal(await b.page.locator('[data-link-pending]').count(), 0);
  await a.context.close();
  await b.context.close();
});

test('a link with its data needs no file', async () => {
  const a = await fresh();
  await makeView(a.page);
  const link = await share(a.page, true);
  console.log(`link with data (trend view): ${link.length} characters`);
  assert.ok(link.length < 8000, `${link.length} characters`);
  const b = await fresh(link);
  await b.page.waitForSelector('[data-view="trend"]');
  await b.page.waitForSelector('[data-chart="trend"][data-rendered="true"]');
  assert.equal(await b.page.locator('[data-control="my-unit"]').inputValue(), 'Hà Nội');
  assert.deepEqual(b.errors, []);
  await a.context.close();
  await b.context.close();
});

test('back and forward move between views', async () => {
  const a = await fresh();
  await a.page.click('[data-action="load-sample"]');
  await a.page.waitForSelector(SAMPLE_OK, { state: 'attached' });
  for (const v of ['comparison', 'trend', 'targets']) {
    const entries = await a.page.evaluate(() => history.length);
    await a.page.click(`[data-action="view-${v}"]`);
    await a.page.waitForSelector(`[data-view="${v}"]`);
    // The address is written when the page is next idle: each view gets its own entry
    // (a person does not press Back within those milliseconds; the test waits for it).
    await a.page.waitForFunction((n) => history.length > n, entries);
  }
  await a.page.goBack();
  await a.page.waitForSelector('[data-view="trend"]');
  await a.page.goBack();
  await a.page.waitForSelector('[data-view="comparison"]');
  await a.page.goForward();
  await a.page.waitForSelector('[data-view="trend"]');
  await a.context.close();
});

test('damaged and future links give a clear message and the normal page', async () => {
  for (const [hash, sel] of [['#1.AAAAbroken', '[data-link-error]'], ['#9.abc', '[data-link-error]'], ['#1.', '[data-link-error]']]) {
    const a = await fresh(web.url + hash);
    await a.page.waitForSelector(sel);
    await a.page.click('[data-action="load-sample"]');
    await a.page.waitForSelector(SAMPLE_OK, { state: 'attached' });
    assert.deepEqual(a.errors, []);
    await a.context.close();
  }
});

test('no network request after the page has loaded, in any view', async () => {
  const a = await fresh();
  await a.page.waitForLoadState('networkidle');
  const requests = [];
  a.page.on('request', (r) => { if (!/^(data|blob):/.test(r.url())) requests.push(r.url()); });
  await a.page.click('[data-action="load-sample"]');
  await a.page.waitForSelector(SAMPLE_OK, { state: 'attached' });
  await a.page.setInputFiles('input[type="file"]', path.join(FIXTURES, 'xep-hang-2022.xlsx'));
  await a.page.waitForSelector('[data-import-file="xep-hang-2022.xlsx"][data-import-status="ok"]', { state: 'attached' });
  for (const v of ['ranking', 'comparison', 'trend', 'targets']) {
    await a.page.click(`[data-action="view-${v}"]`);
    await a.page.waitForSelector(`[data-view="${v}"]`);
  }
  await a.page.click('[data-action="lang-en"]');
  await a.page.click('[data-action="share"]');
  await a.page.waitForTimeout(300);
  assert.deepEqual(requests, []);
  await a.context.close();
});

test('the single-file bundle works from file:// with the network blocked', async () => {
  const context = await browser.newContext({ offline: true });
  const requests = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    requests.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(pathToFileURL(path.join(DIST, 'chiso-offline.html')).href);
  await page.waitForSelector('[data-action="load-sample"]', { state: 'attached' });
  await page.click('[data-action="load-sample"]');
  await page.waitForSelector(SAMPLE_OK, { state: 'attached' });
  await page.setInputFiles('input[type="file"]', path.join(FIXTURES, 'xep-hang-2022.xlsx'));
  await page.waitForSelector('[data-import-file="xep-hang-2022.xlsx"][data-import-status="ok"]', { state: 'attached' });
  await page.waitForSelector('[data-chart="ranking"][data-rendered="true"]');
  assert.deepEqual(requests.filter((u) => !/^(data|blob):/.test(u)), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the page offers its offline copy for download', async () => {
  const a = await fresh();
  const [download] = await Promise.all([a.page.waitForEvent('download'), a.page.click('[data-action="save-offline"]')]);
  assert.equal(download.suggestedFilename(), 'chiso-offline.html');
  const text = fs.readFileSync(await download.path(), 'utf8');
  assert.match(text, /^<!DOCTYPE html>/);
  assert.match(text, /name="chiso-offline"/);
  console.log(`offline bundle: ${text.length} bytes`);
  await a.context.close();
});

test('hosted, the service worker lets the app open with the network off', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(web.url);
  await page.waitForSelector('[data-action="load-sample"]', { state: 'attached' });
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.waitForSelector('[data-action="load-sample"]', { state: 'attached' });
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('[data-action="load-sample"]', { state: 'attached' });
  await page.click('[data-action="load-sample"]');
  await page.waitForSelector(SAMPLE_OK, { state: 'attached' });
  await context.close();
});
