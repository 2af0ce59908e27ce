// Hostile and broken files through the page: each gets an error entry naming the file and
// the reason, what was loaded stays, and text from files never becomes markup or script.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { openApp, ROOT, FIXTURES } from './harness.mjs';

const HOSTILE = path.join(ROOT, 'tests', 'fixtures', 'hostile');
let app, page, errors;

before(async () => {
  app = await openApp();
  ({ page, errors } = app);
  await page.click('[data-action="load-sample"]');
  await page.waitForSelector('[data-import-file="chiso-mau.xlsx"][data-import-status="ok"]', { state: 'attached' });
});

after(async () => app?.close());

test('broken files: an error each, in plain words, and the sample stays', async () => {
  const cases = {
    'truncated.xlsx': /cắt cụt/,
    'truncated.xls': /cắt cụt/,
    'encrypted.xlsx': /mật khẩu/,
    'html-saved-as.xls': /HTML/,
    'report.pdf.xlsx': /PDF/,
    'random-bytes.xlsx': /không phải tệp bảng tính/,
    'empty-workbook.xlsx': /không tìm thấy bảng/,
  };
  await page.setInputFiles('input[type="file"]', Object.keys(cases).map((f) => path.join(HOSTILE, f)));
  for (const [file, reason] of Object.entries(cases)) {
    await page.waitForSelector(`[data-import-file="${file}"][data-import-status="error"]`, { state: 'attached' });
    const text = await page.locator(`[data-import-file="${file}"]`).textContent();
    assert.ok(text.includes(file), `${file}: ${text}`);
    assert.match(text, reason, file);
  }
  assert.equal(await page.locator('table[data-table="ranking"] tbody tr').count(), 34);
  await page.click('[data-action="lang-en"]');
  assert.match(await page.locator('[data-import-file="encrypted.xlsx"]').textContent(), /password/);
  await page.click('[data-action="lang-vi"]');
});

test('huge and crafted workbooks: refused or read without freezing, nothing lost', async () => {
  const cases = {
    'bomb.xlsx': /quá lớn/,
    'styled-rows.xlsx': /không tìm thấy bảng/,
  };
  await page.setInputFiles('input[type="file"]', [...Object.keys(cases), 'deep-strings.xlsx'].map((f) => path.join(FIXTURES, f)));
  for (const [file, reason] of Object.entries(cases)) {
    await page.waitForSelector(`[data-import-file="${file}"][data-import-status="error"]`, { state: 'attached', timeout: 60000 });
    assert.match(await page.locator(`[data-import-file="${file}"]`).textContent(), reason, file);
  }
  await page.waitForSelector('[data-import-file="deep-strings.xlsx"]:not([data-import-status="loading"])', { state: 'attached', timeout: 60000 });
  await page.setInputFiles('input[type="file"]', ['title-only.xlsx', 'mixed-encodings.csv'].map((f) => path.join(HOSTILE, f)));
  await page.waitForSelector('[data-import-file="title-only.xlsx"][data-import-status="error"]', { state: 'attached' });
  await page.waitForSelector('[data-import-file="mixed-encodings.csv"][data-import-status="ok"]', { state: 'attached' });
  assert.equal(await page.locator('[data-import-file="chiso-mau.xlsx"][data-import-status="ok"]').count(), 1);
  assert.deepEqual(errors, []);
});

test('markup in names is shown as text, nothing runs', async () => {
  const title = await page.title();
  await page.setInputFiles('input[type="file"]', path.join(HOSTILE, 'script-names.csv'));
  await page.waitForSelector('[data-import-file="script-names.csv"][data-import-status="ok"]', { state: 'attached' });
  await page.waitForSelector('[data-chart="ranking"][data-rendered="true"]');
  const units = await page.locator('table[data-table="ranking"] tbody th').allTextContents();
  assert.ok(units.includes("<script>document.title='pwned'</script>"), units.join(' | '));
  assert.ok(units.some((u) => u.startsWith('<img src=x onerror=')));
  assert.equal(await page.locator('table[data-table="ranking"] img').count(), 0);
  assert.equal(await page.locator('main script').count(), 0);
  await page.click('[data-action="view-comparison"]');
  await page.click('[data-action="view-trend"]');
  await page.waitForSelector('[data-chart="trend"][data-rendered="true"]');
  assert.equal(await page.title(), title);
  assert.deepEqual(errors, []);
});
