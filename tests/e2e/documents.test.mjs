// Word and PDF documents dropped at once with a workbook: the decision's ranking table from
// its .docx and from its PDF, a sheet printed to PDF without gridlines, an encrypted PDF that
// opens with an empty password, a TCVN3 .docx and a plan's targets are read; a scan and a
// PDF that needs a password are refused, each with its own message, and nothing loaded is
// lost. Then each document alone in a fresh page, timed (drop → entry read), for the note.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openApp, openReport, downloadText, parseCsv, ROOT, SHOTS } from './harness.mjs';

const DOCS = path.join(ROOT, 'tests', 'fixtures', 'documents');
const WORKBOOK = path.join(ROOT, 'tests', 'fixtures', 'pci-2016-side-by-side.xlwt.xls');
const READ = [
  'quyet-dinh-par-2024.python-docx.docx',
  'quyet-dinh-par-2024.libreoffice.pdf',
  'sipas-2024-no-gridlines.libreoffice.pdf',
  'sipas-2024-empty-password.qpdf.pdf',
  'ddci-2024-tcvn3.python-docx.docx',
  'ke-hoach-chi-tieu-2025.python-docx.docx',
];
const REFUSED = {
  'quyet-dinh-par-2024.scan.pdf': /ảnh quét, không có chữ để đọc/,
  'sipas-2024-password.qpdf.pdf': /cần mật khẩu/,
};
let app, page, errors;

before(async () => {
  app = await openApp({ width: 1366, height: 768 });
  ({ page, errors } = app);
  fs.mkdirSync(SHOTS, { recursive: true });
});

after(async () => app?.close());

const status = (f) => page.locator(`[data-import-file="${f}"]`).getAttribute('data-import-status');
const settled = (f) =>
  page.waitForSelector(`[data-import-file="${f}"]:not([data-import-status="loading"])`, { state: 'attached', timeout: 60_000 });

/** The expected tidy rows of a fixture, keyed by unit, period and indicator. */
function expected(name) {
  const [head, ...rows] = parseCsv(fs.readFileSync(path.join(DOCS, name), 'utf8'));
  return rows.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
}

test('documents and a workbook dropped together: tables read, a scan and a locked PDF refused', async () => {
  const files = [WORKBOOK, ...READ.map((f) => path.join(DOCS, f)), ...Object.keys(REFUSED).map((f) => path.join(DOCS, f))];
  await page.setInputFiles('input[type="file"]', files);
  for (const f of files.map((f) => path.basename(f))) await settled(f);
  await openReport(page);
  for (const f of [path.basename(WORKBOOK), ...READ]) {
    const entry = page.locator(`[data-import-file="${f}"]`);
    assert.match(await status(f), /^(ok|warning)$/, `${f}: ${await entry.textContent()}`);
    assert.equal(await entry.getAttribute('data-cells-unaccounted'), '0', `${f}: ${await entry.textContent()}`);
  }
  for (const [f, why] of Object.entries(REFUSED)) {
    const entry = page.locator(`[data-import-file="${f}"]`);
    assert.equal(await status(f), 'error');
    const text = await entry.textContent();
    assert.ok(text.includes(f), text);
    assert.match(text, why);
  }
  // Every number of the documents, as the tidy export has it.
  const { text } = await downloadText(page, '[data-action="export-tidy"]');
  const [head, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
  const col = Object.fromEntries(head.map((h, i) => [h, i]));
  const have = new Set(rows.map((r) => [r[col.unit], r[col.period], r[col.indicator], r[col.value], r[col.rank]].join('|')));
  for (const name of ['quyet-dinh-par-2024', 'sipas-2024-no-gridlines', 'ddci-2024-tcvn3']) {
    const want = expected(`${name}.expected.csv`);
    const missing = want.filter((w) => !have.has([w.unit, w.period, w.indicator, w.value, w.rank].join('|')));
    assert.deepEqual(missing.slice(0, 5), [], `${name}: ${missing.length} of ${want.length} rows missing`);
  }
  // The workbook loaded with them is there too.
  const datasets = [...new Set(rows.map((r) => r[col.dataset]))];
  assert.ok(datasets.includes('PCI'), `the PCI workbook: ${datasets.join(' | ')}`);
  // The plan's targets, read from the Word table.
  const targets = parseCsv((await downloadText(page, '[data-action="export-targets"]')).text);
  for (const w of expected('ke-hoach-chi-tieu-2025.expected.csv')) {
    assert.ok(targets.some((t) => t[0] === w.indicator && t[1] === w.target), `target ${w.indicator}`);
  }
  await page.screenshot({ path: path.join(SHOTS, 'documents-report-vi.png'), fullPage: true });
  assert.deepEqual(errors, []);
});

test('each document alone, timed in the page (drop → entry read)', async () => {
  const times = [];
  for (const f of [...READ, ...Object.keys(REFUSED), 'ke-hoach-chi-tieu-2025.libreoffice.pdf']) {
    const one = await openApp({ width: 1366, height: 768 });
    try {
      const t0 = Date.now();
      await one.page.setInputFiles('input[type="file"]', path.join(DOCS, f));
      await one.page.waitForSelector(`[data-import-file="${f}"]:not([data-import-status="loading"])`, { state: 'attached', timeout: 60_000 });
      const ms = Date.now() - t0;
      const st = await one.page.locator(`[data-import-file="${f}"]`).getAttribute('data-import-status');
      times.push({ file: f, status: st, ms });
      assert.deepEqual(one.errors, []);
    } finally {
      await one.close();
    }
  }
  console.log('\n| document | status | drop → read (ms, wall, one fresh page each) |\n| --- | --- | --- |');
  for (const t of times) console.log(`| ${t.file} | ${t.status} | ${t.ms} |`);
  for (const t of times) assert.ok(t.ms < 20_000, `${t.file} took ${t.ms} ms`);
});
