// Firefox (Debian's firefox-esr) as a new user meets the page: the sample, a workbook of
// each format dropped through the import worker and a broken one, Word and PDF documents, the four views and
// their charts, the tidy CSV export, a link with its data opened in a fresh profile, the
// single-file offline copy from file:// and the service worker with the server gone. No
// console error anywhere. Drives the page only through shared/page-hooks.md, like the
// Chromium tests in ../e2e/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  serve, parseCsv, launchFirefox, freshPage, dropFiles, downloadText, openReport, text, count,
  DIST, ROOT,
} from './firefox.mjs';

const FIX = path.join(ROOT, 'tests', 'fixtures');
const SHOTS = path.join(ROOT, 'target', 'screenshots');
const SAMPLE_OK = '[data-import-file="chiso-mau.xlsx"][data-import-status="ok"]';
const DONE = ':is([data-import-status="ok"],[data-import-status="warning"])';
const TIDY = ['dataset', 'group', 'unit', 'period', 'indicator', 'value', 'rank', 'province_2025'];

let web, ff, main, page, tmp;

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chiso-ff-files-'));
  fs.mkdirSync(SHOTS, { recursive: true });
  web = await serve();
  ff = await launchFirefox();
  main = await freshPage(ff.browser, { width: 1280, height: 1000 });
  ({ page } = main);
  await page.goto(web.url);
  await page.waitForSelector('[data-action="load-sample"]');
});

after(async () => {
  await ff?.close();
  web?.server.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

async function tidy() {
  const { name, text: csv } = await downloadText(page, ff.downloads, '[data-action="export-tidy"]');
  assert.match(name, /^chiso-tidy.*\.csv$/);
  assert.ok(csv.startsWith('\uFEFF'), 'a BOM, so Excel reads UTF-8');
  return parseCsv(csv.slice(1)).filter((r) => r.length > 1);
}

/** Chooses the option of a `<select>` by the text it shows or its title (a data set's full name). */
async function selectLabel(p, selector, label) {
  const value = await p.$eval(selector, (s, l) => [...s.options].find((o) => o.textContent.trim() === l || o.title === l)?.value, label);
  assert.ok(value !== undefined, `${selector} offers ${label}`);
  await p.select(selector, value);
}

async function show(p, view, charts) {
  await p.click(`[data-action="view-${view}"]`);
  await p.waitForSelector(`[data-view="${view}"]`);
  for (const c of charts) await p.waitForSelector(`[data-chart="${c}"][data-rendered="true"]`);
}

/** Whether a chart's canvas has been painted (not one flat colour). */
function painted(p, chart) {
  return p.$eval(`[data-chart="${chart}"] canvas`, (c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const colours = new Set();
    for (let i = 0; i < d.length && colours.size < 20; i += 4 * 97) colours.add(d.slice(i, i + 4).join());
    return c.width > 0 && c.height > 0 && colours.size >= 3;
  });
}

test('the sample loads into the ranking of the 34 provinces, its chart drawn', async () => {
  await page.click('[data-action="load-sample"]');
  await page.waitForSelector(SAMPLE_OK);
  await page.waitForSelector('[data-view="ranking"]');
  assert.equal(await count(page, 'table[data-table="ranking"] tbody tr'), 34);
  await page.waitForSelector('[data-chart="ranking"][data-rendered="true"]');
  assert.ok(await painted(page, 'ranking'), 'the ranking chart has pixels');
  assert.equal((await text(page, 'table[data-table="ranking"] tbody tr td')).trim(), '1');
  await page.screenshot({ path: path.join(SHOTS, 'firefox-sample-vi.png') });
  assert.deepEqual(main.errors, []);
});

test('xlsx, xls, ods and csv dropped at once read right through the worker; tidy CSV export', async () => {
  await page.waitForSelector('body[data-importer="worker"]');
  const csv = path.join(tmp, 'diem-2022.csv');
  fs.writeFileSync(csv, 'Tỉnh,Điểm 2022\nHà Nội,85\nTP HCM,80.5\nHuế,78\n');
  const files = ['ddci-2023.openpyxl.xlsx', 'par-2017-2022.xlwt.xls', 'par-long.odfpy.ods', 'chi-tieu-2024.openpyxl.xlsx'];
  await dropFiles(page, [...files.map((f) => path.join(FIX, f)), csv]);
  for (const f of [...files, 'diem-2022.csv']) await page.waitForSelector(`[data-import-file="${f}"]${DONE}`);
  assert.equal(await page.$eval('body', (b) => b.dataset.importer), 'worker', 'read by the import worker');

  const rows = await tidy();
  assert.deepEqual(rows[0], TIDY);
  const find = (unit, period, dataset) => rows.find((r) => r[2] === unit && r[3] === period && r[0].includes(dataset));
  // xlsx (openpyxl): a DDCI table with peer groups and a missing value.
  assert.deepEqual(find('Sở Xây dựng', '2023', 'DDCI').slice(1), [
    'Khối Sở, ban, ngành', 'Sở Xây dựng', '2023', 'Chỉ số tổng hợp', '71.25', '2', '']);
  assert.deepEqual(find('Thị xã Long Khánh', '2023', 'DDCI').slice(5), ['', '', '']);
  // xls (xlwt): years as columns.
  assert.deepEqual(find('TP. Hồ Chí Minh', '2022', 'CÁC TỈNH').slice(4), ['Chỉ số tổng hợp', '85.9', '3', 'TP. Hồ Chí Minh']);
  assert.deepEqual(find('Đắk Nông', '2021', 'CÁC TỈNH').slice(5), ['76.1', '4', 'Lâm Đồng']);
  // ods (odfpy): a long table.
  assert.equal(rows.filter((r) => r[2] === 'Bắc Ninh' && r[0].includes('dạng dọc')).length, 3);
  // csv, written by hand.
  // Named after the file without its year ("diem-2022.csv" → "diem"), so yearly files join.
  const mine = rows.filter((r) => r[0] === 'diem').map((r) => [r[2], r[3], r[5], r[6]]);
  assert.deepEqual(mine.sort(), [
    ['Hà Nội', '2022', '85', '1'], ['TP. Hồ Chí Minh', '2022', '80.5', '2'], ['Huế', '2022', '78', '3'],
  ].sort());
  // The sample is still there: 63 provinces × 5 years and the 34 in 2025, × 9 indicators.
  assert.equal(rows.filter((r) => r[0].startsWith('CHỈ SỐ CẢI CÁCH HÀNH CHÍNH (PAR INDEX)')).length, (63 * 5 + 34) * 9);

  const { text: targets } = await downloadText(page, ff.downloads, '[data-action="export-targets"]');
  const t = parseCsv(targets.replace(/^\uFEFF/, '')).filter((r) => r.length > 1);
  const byName = Object.fromEntries(t.slice(1).map((r) => [r[0], r]));
  assert.deepEqual(byName['Phiếu đánh giá hài lòng'].slice(2), ['>=', '95', '2024-Q3', '96.81', 'true']);
  assert.deepEqual(main.errors, []);
});

test('a broken workbook gets a clear error and loses nothing', async () => {
  const before = await count(page, '[data-import-status="ok"]');
  await dropFiles(page, [path.join(FIX, 'hostile', 'truncated.xlsx')]);
  await page.waitForSelector('[data-import-file="truncated.xlsx"][data-import-status="error"]');
  assert.match(await text(page, '[data-import-file="truncated.xlsx"]'), /truncated\.xlsx[\s\S]*cắt cụt/);
  assert.equal(await count(page, '[data-import-status="ok"]'), before);
  await openReport(page);
  await page.screenshot({ path: path.join(SHOTS, 'firefox-import-report-vi.png') });
  await page.click('details.import-panel > summary');
  await page.waitForSelector('details.import-panel:not([open])');
  assert.deepEqual(main.errors, []);
});

test('each of the four views draws its chart', async () => {
  await selectLabel(page, '[data-control="dataset"]', 'CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CÁC TỈNH, THÀNH PHỐ');
  await show(page, 'trend', ['trend', 'bump']);
  // The chart's table of numbers is in the page once opened.
  await page.click('[data-chart="trend"] details.chart-data > summary');
  await page.waitForSelector('[data-chart="trend"] .chart-data table');
  const trendRows = await page.$$eval('[data-chart="trend"] .chart-data tbody tr', (rs) => rs.map((r) => r.textContent));
  assert.ok(trendRows.some((r) => r.startsWith('TP. Hồ Chí Minh') && r.includes('–')), 'the missing 2021 is a gap');
  await page.select('[data-control="dataset"]', '0');
  await page.select('[data-control="my-unit"]', 'Hà Nội');
  for (const [view, charts] of [['ranking', ['ranking']], ['comparison', ['comparison']], ['trend', ['trend', 'bump']], ['targets', ['targets']]]) {
    await show(page, view, charts);
    for (const c of charts) {
      assert.ok(await painted(page, c), `${c} has pixels`);
      const chart = await page.$(`[data-chart="${c}"]`);
      await chart.screenshot({ path: path.join(SHOTS, `firefox-chart-${c}-vi.png`) });
      await chart.dispose();
    }
  }
  assert.equal(await page.$eval('[data-targets-summary]', (e) => e.dataset.targetsSummary), '6/7');
  await page.click('[data-action="lang-en"]');
  assert.equal(await page.$eval('html', (h) => h.lang), 'en');
  await show(page, 'ranking', ['ranking']);
  await page.screenshot({ path: path.join(SHOTS, 'firefox-ranking-en.png') });
  await page.click('[data-action="lang-vi"]');
  assert.deepEqual(main.errors, []);
});

test('Word and PDF documents dropped with a workbook: tables read, a scan refused', async () => {
  const a = await freshPage(ff.browser, { width: 1366, height: 768 });
  await a.page.goto(web.url);
  await a.page.waitForSelector('body[data-importer="worker"]');
  const docs = path.join(FIX, 'documents');
  const read = ['quyet-dinh-par-2024.python-docx.docx', 'sipas-2024-no-gridlines.libreoffice.pdf', 'sipas-2024-empty-password.qpdf.pdf'];
  const scan = 'quyet-dinh-par-2024.scan.pdf';
  await dropFiles(a.page, [path.join(FIX, 'ddci-2023.openpyxl.xlsx'), ...[...read, scan].map((f) => path.join(docs, f))]);
  for (const f of ['ddci-2023.openpyxl.xlsx', ...read]) {
    await a.page.waitForSelector(`[data-import-file="${f}"]${DONE}`, { timeout: 60_000 });
    assert.equal(await a.page.$eval(`[data-import-file="${f}"]`, (e) => e.dataset.cellsUnaccounted), '0', f);
  }
  await a.page.waitForSelector(`[data-import-file="${scan}"][data-import-status="error"]`, { timeout: 60_000 });
  assert.match(await text(a.page, `[data-import-file="${scan}"]`), /ảnh quét, không có chữ để đọc/);
  const { text: csv } = await downloadText(a.page, ff.downloads, '[data-action="export-tidy"]');
  const rows = parseCsv(csv.slice(1));
  // One row of each document, as its expected CSV has it.
  assert.ok(rows.some((r) => r[2] === 'An Giang' && r[4] === 'Công tác chỉ đạo, điều hành CCHC' && r[5] === '7.58'), 'the decision .docx');
  assert.ok(rows.some((r) => r[2] === 'An Giang' && r[4] === 'Tiếp cận dịch vụ' && r[5] === '86.36'), 'the SIPAS PDF');
  assert.ok(rows.some((r) => r[2] === 'Sở Xây dựng' && r[0].includes('DDCI')), 'the workbook');
  assert.deepEqual(a.errors, []);
  await a.context.close();
});

test('a link with its data opens the same view in a fresh profile', async () => {
  const a = await freshPage(ff.browser);
  await a.page.goto(web.url);
  await a.page.waitForSelector('[data-action="load-sample"]');
  await a.page.click('[data-action="load-sample"]');
  await a.page.waitForSelector(SAMPLE_OK);
  await a.page.click('[data-action="view-trend"]');
  await a.page.select('[data-control="my-unit"]', 'Hà Nội');
  await a.page.click('[data-action="lang-en"]');
  await a.page.waitForSelector('[data-chart="trend"][data-rendered="true"]');
  if (!(await a.page.$eval('[data-control="share-data"]', (b) => b.checked))) await a.page.click('[data-control="share-data"]');
  await a.page.click('[data-action="share"]');
  const link = await a.page.$eval('[data-share-url]', (e) => e.dataset.shareUrl);
  assert.match(link, /#1\./);

  const b = await freshPage(ff.browser);
  await b.page.goto(link);
  await b.page.waitForSelector('[data-view="trend"]');
  await b.page.waitForSelector('[data-chart="trend"][data-rendered="true"]');
  assert.equal(await b.page.$eval('[data-control="my-unit"]', (s) => s.value), 'Hà Nội');
  assert.equal(await b.page.$eval('html', (h) => h.lang), 'en');
  // The data came with the link: no file asked for, none dropped (the link is its one entry).
  assert.equal(await count(b.page, '[data-link-pending]'), 0);
  assert.deepEqual(await b.page.$$eval('[data-import-file]', (es) => es.map((e) => e.dataset.importStatus)), ['ok']);
  assert.deepEqual(a.errors, []);
  assert.deepEqual(b.errors, []);
  await a.context.close();
  await b.context.close();
});

test('the single-file offline copy works from file:// with no request', async () => {
  const a = await freshPage(ff.browser);
  const requests = [];
  a.page.on('request', (r) => { if (!/^(file|data|blob|about):/.test(r.url())) requests.push(r.url()); });
  await a.page.goto(pathToFileURL(path.join(DIST, 'chiso-offline.html')).href);
  await a.page.waitForSelector('[data-action="load-sample"]');
  await a.page.click('[data-action="load-sample"]');
  await a.page.waitForSelector(SAMPLE_OK);
  await a.page.waitForSelector('body[data-importer="worker"]');
  await dropFiles(a.page, [path.join(FIX, 'par-2017-2022.xlwt.xls')]);
  await a.page.waitForSelector(`[data-import-file="par-2017-2022.xlwt.xls"]${DONE}`);
  // The PDF reader is in the file too, loaded only now.
  await dropFiles(a.page, [path.join(FIX, 'documents', 'sipas-2024-no-gridlines.libreoffice.pdf')]);
  await a.page.waitForSelector(`[data-import-file="sipas-2024-no-gridlines.libreoffice.pdf"]${DONE}`, { timeout: 60_000 });
  await a.page.waitForSelector('[data-chart="ranking"][data-rendered="true"]');
  assert.ok(await painted(a.page, 'ranking'));
  assert.deepEqual(requests, []);
  assert.deepEqual(a.errors, []);
  await a.context.close();
});

test('hosted, the service worker opens the page once the server is gone', async () => {
  const own = await serve();
  const a = await freshPage(ff.browser);
  await a.page.goto(own.url);
  await a.page.waitForSelector('[data-action="load-sample"]');
  await a.page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await a.page.reload();
  await a.page.waitForSelector('[data-action="load-sample"]');
  assert.ok(await a.page.evaluate(() => !!navigator.serviceWorker.controller), 'the worker controls the page');
  own.server.close();
  own.server.closeAllConnections();
  await a.page.reload();
  await a.page.waitForSelector('[data-action="load-sample"]');
  await a.page.click('[data-action="load-sample"]');
  await a.page.waitForSelector(SAMPLE_OK);
  await a.page.waitForSelector('[data-chart="ranking"][data-rendered="true"]');
  assert.deepEqual(a.errors, []);
  await a.context.close();
});
