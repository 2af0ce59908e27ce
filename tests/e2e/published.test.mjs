// Look-alikes of the workbooks agencies publish (PCI, PAPI, PAR Index, SIPAS, DDCI, a
// researcher's panel), dropped at once: the tidy export holds exactly their expected rows.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openApp, openReport, downloadText, parseCsv, ROOT, FIXTURES, SHOTS } from './harness.mjs';

const PUB = path.join(FIXTURES, 'published');
const FIX = path.join(ROOT, 'tests', 'fixtures');
const DONE = ':is([data-import-status="ok"],[data-import-status="warning"])';
let app, page, errors;

before(async () => {
  app = await openApp({ width: 1366, height: 768 });
  ({ page, errors } = app);
});

after(async () => app?.close());

async function tidy() {
  const { text } = await downloadText(page, '[data-action="export-tidy"]');
  const rows = parseCsv(text.replace(/^\uFEFF/, '')).filter((r) => r.length > 1);
  return { header: rows[0], rows: rows.slice(1).map((r) => r.slice(0, 7).join('\u0001')) };
}

const readCsv = (file) => parseCsv(fs.readFileSync(file, 'utf8')).filter((r) => r.length > 1).slice(1);

test('every published layout, dropped at once, reads to its expected rows', async () => {
  const generated = fs.readdirSync(PUB).filter((f) => !f.endsWith('.expected.csv'));
  const xls = { 'pci-2016-side-by-side.xlwt.xls': 'PCI', 'papi-2019-bilingual.xlwt.xls': 'CHỈ SỐ HIỆU QUẢ QUẢN TRỊ VÀ HÀNH CHÍNH CÔNG CẤP TỈNH (PAPI)' };
  assert.ok(generated.length >= 9, `generated look-alikes in ${PUB}`);
  const files = [...generated.map((f) => path.join(PUB, f)), ...Object.keys(xls).map((f) => path.join(FIX, f))];
  await page.setInputFiles('input[type="file"]', files);
  for (const f of files) await page.waitForSelector(`[data-import-file="${path.basename(f)}"]${DONE}`, { state: 'attached', timeout: 30000 });

  const want = new Set();
  for (const f of generated) for (const r of readCsv(path.join(PUB, `${f}.expected.csv`))) want.add(r.join('\u0001'));
  for (const [f, ds] of Object.entries(xls)) {
    for (const r of readCsv(path.join(FIX, f.replace('.xlwt.xls', '.expected.csv')))) want.add([ds, ...r].join('\u0001'));
  }
  const { header, rows } = await tidy();
  assert.deepEqual(header.slice(0, 7), ['dataset', 'group', 'unit', 'period', 'indicator', 'value', 'rank']);
  const got = new Set(rows);
  const missing = [...want].filter((r) => !got.has(r)).map((r) => r.split('\u0001'));
  const extra = [...got].filter((r) => !want.has(r)).map((r) => r.split('\u0001'));
  assert.deepEqual({ missing: missing.slice(0, 10), extra: extra.slice(0, 10) }, { missing: [], extra: [] });
  assert.equal(got.size, want.size);

  fs.mkdirSync(SHOTS, { recursive: true });
  await openReport(page);
  await page.locator('.import-report').screenshot({ path: path.join(SHOTS, 'published-report-vi.png') });
  assert.deepEqual(errors, []);
});

test('the other copy of a table can be chosen', async () => {
  const entry = page.locator('[data-import-file="papi-2019-bilingual.xlwt.xls"]');
  await entry.locator('[data-action="use-sheet"][data-sheet="Summary"]').click();
  await page.waitForSelector(`[data-import-file="papi-2019-bilingual.xlwt.xls"]${DONE}`, { state: 'attached' });
  await page.waitForSelector('[data-import-file="papi-2019-bilingual.xlwt.xls"] [data-action="use-sheet"][data-sheet="Tổng hợp"]', { state: 'attached' });
  const { rows } = await tidy();
  const papi = rows.map((r) => r.split('\u0001')).filter((r) => r[0].includes('PAPI'));
  assert.ok(papi.length > 0);
  assert.ok(papi.every((r) => r[3] === '2018'), 'the English 2018 copy is used now');
  assert.ok(papi.some((r) => r[4] === 'Participation at Local Levels'));
  assert.deepEqual(errors, []);
});
