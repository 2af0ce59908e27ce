// Two yearly releases of one index, titled differently (2024 on the 63 provinces, 2025 on
// the 34), dropped together: one data set over both years, its trend and the regrouping
// onto the 34; split by hand into two, joined by hand into one again; every file's cells
// accounted for. Screenshots of the import report in both languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openApp, openReport, FIXTURES, SHOTS } from './harness.mjs';

const DIR = path.join(FIXTURES, 'releases');
const FILES = ['par-index-2024.xlsx', 'par-index-2025.xlsx'];
const LABEL = 'PAR INDEX 2024–2025';
let app, page, errors;

before(async () => {
  app = await openApp({ width: 1366, height: 768 });
  ({ page, errors } = app);
  fs.mkdirSync(SHOTS, { recursive: true });
});

after(async () => app?.close());

const entries = () => page.locator('[data-dataset-entry]');
const labels = async () => (await entries().evaluateAll((es) => es.map((e) => e.getAttribute('data-dataset-entry'))));

test('two releases of one index dropped together are one data set over both years', async () => {
  await page.setInputFiles('input[type="file"]', FILES.map((f) => path.join(DIR, f)));
  for (const f of FILES) await page.waitForSelector(`[data-import-file="${f}"][data-import-status="ok"]`, { state: 'attached' });
  await openReport(page);
  const joined = (await labels()).filter((l) => l.startsWith(LABEL));
  assert.equal(joined.length, 1, (await labels()).join('\n'));
  assert.equal(await entries().count(), 1);
  // The data set select shows the same label, the full name on hover.
  const options = await page.locator('[data-control="dataset"] option').evaluateAll((os) =>
    os.map((o) => ({ label: o.textContent, title: o.title, selected: o.selected })));
  assert.equal(options.length, 1);
  assert.equal(options[0].label, joined[0]);
  assert.ok(options[0].selected);
  assert.match(options[0].title, /^KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH/);
  const periods = await page.locator('[data-control="period"] option').evaluateAll((os) => os.map((o) => o.value));
  assert.deepEqual(periods, ['2024', '2025']);
  // Pre-2025 data on the 63: the regrouping onto the 34 is offered.
  assert.equal(await page.locator('[data-action="regroup-34"]').count(), 1);
  await page.click('[data-action="view-trend"]');
  await page.waitForSelector('[data-chart="trend"][data-rendered="true"]');
});

test('every file says where its cells went, none unaccounted for', async () => {
  const files = page.locator('[data-import-file]');
  assert.equal(await files.count(), FILES.length);
  for (const f of FILES) {
    const entry = page.locator(`[data-import-file="${f}"]`);
    assert.equal(await entry.getAttribute('data-cells-unaccounted'), '0', `${f}: ${await entry.textContent()}`);
    assert.match(await entry.locator('.cells').textContent(), /^[\d.]+ ô: [\d.]+ đọc, [\d.]+ dùng làm tiêu đề\/đơn vị, [\d.]+ bỏ qua/);
  }
});

test('the import report with the joined data set, in Vietnamese and English', async () => {
  await openReport(page);
  const report = page.locator('.import-report');
  await report.screenshot({ path: path.join(SHOTS, 'releases-report-vi.png') });
  await page.click('[data-action="lang-en"]');
  await page.waitForSelector('html[lang="en"]');
  assert.match(await page.locator('[data-import-file="par-index-2024.xlsx"] .cells').textContent(), /^[\d,]+ cells: [\d,]+ read/);
  assert.equal(await page.locator('[data-action="split-dataset"]').textContent(), 'Split');
  await report.screenshot({ path: path.join(SHOTS, 'releases-report-en.png') });
  await page.click('[data-action="lang-vi"]');
  await page.waitForSelector('html[lang="vi"]');
});

test('split by hand into two data sets, joined by hand into one again; the link keeps it', async () => {
  await openReport(page);
  await page.click(`[data-dataset-entry^="${LABEL}"] [data-action="split-dataset"]`);
  await page.waitForFunction(() => document.querySelectorAll('[data-dataset-entry]').length === 2);
  const apart = await labels();
  assert.ok(apart.some((l) => l.startsWith('PAR INDEX 2024 ')), apart.join('\n'));
  assert.ok(apart.some((l) => l.startsWith('PAR INDEX 2025 ')), apart.join('\n'));
  assert.equal(await page.locator('[data-action="split-dataset"]').count(), 0);
  assert.equal(await page.locator('[data-control="dataset"] option').count(), 2);
  // The address keeps the split: opened again with the files dropped, two data sets.
  await page.click('[data-action="share"]');
  const link = await page.getAttribute('[data-share-url]', 'data-share-url');
  assert.match(link, /#1\./);
  const again = await page.context().browser().newPage({ viewport: { width: 1366, height: 768 } });
  try {
    await again.goto(link);
    await again.waitForSelector('[data-action="load-sample"]', { state: 'attached' });
    await again.setInputFiles('input[type="file"]', FILES.map((f) => path.join(DIR, f)));
    for (const f of FILES) await again.waitForSelector(`[data-import-file="${f}"][data-import-status="ok"]`, { state: 'attached' });
    assert.equal(await again.locator('[data-dataset-entry]').count(), 2);
  } finally {
    await again.close();
  }
  // Joined again: the first chooses the other in its list.
  const first = entries().first();
  await first.locator('select[data-control="join-dataset"]').selectOption({ label: apart[1] });
  await page.waitForFunction(() => document.querySelectorAll('[data-dataset-entry]').length === 1);
  assert.ok((await labels())[0].startsWith(LABEL));
  assert.equal(await page.locator('[data-action="split-dataset"]').count(), 1);
  await page.click('[data-action="view-ranking"]');
  assert.deepEqual(
    await page.locator('[data-control="period"] option').evaluateAll((os) => os.map((o) => o.value)),
    ['2024', '2025'],
  );
  assert.deepEqual(errors, []);
});
