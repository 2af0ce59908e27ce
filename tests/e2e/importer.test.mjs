// The importer through the page: several files from other tools dropped at once, the
// tidy and targets exports, undoing a merge, and correcting detection by hand.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp, openReport, downloadText, parseCsv, chartRows, ROOT, SHOTS } from './harness.mjs';

const FIX = path.join(ROOT, 'tests', 'fixtures');
let app, page, errors;

before(async () => {
  app = await openApp({ width: 1280, height: 1000 });
  ({ page, errors } = app);
});

after(async () => app?.close());

async function tidy() {
  const { text } = await downloadText(page, '[data-action="export-tidy"]');
  return parseCsv(text.replace(/^\uFEFF/, '')).filter((r) => r.length > 1);
}

const DONE = ':is([data-import-status="ok"],[data-import-status="warning"])';

test('files from openpyxl, xlwt and odfpy, dropped at once, read right', async () => {
  const files = ['ddci-2023.openpyxl.xlsx', 'par-2017-2022.xlwt.xls', 'par-long.odfpy.ods', 'chi-tieu-2024.openpyxl.xlsx'];
  await page.setInputFiles('input[type="file"]', files.map((f) => path.join(FIX, f)));
  for (const f of files) await page.waitForSelector(`[data-import-file="${f}"]${DONE}`, { state: 'attached' });

  const rows = await tidy();
  assert.deepEqual(rows[0], ['dataset', 'group', 'unit', 'period', 'indicator', 'value', 'rank', 'province_2025']);
  const find = (unit, period, dataset) => rows.find((r) => r[2] === unit && r[3] === period && r[0].includes(dataset));
  assert.deepEqual(find('Sở Xây dựng', '2023', 'DDCI'), [
    'BẢNG XẾP HẠNG CHỈ SỐ NĂNG LỰC CẠNH TRANH CẤP SỞ, NGÀNH VÀ ĐỊA PHƯƠNG (DDCI)',
    'Khối Sở, ban, ngành', 'Sở Xây dựng', '2023', 'Chỉ số tổng hợp', '71.25', '2', '']);
  assert.deepEqual(find('Thị xã Long Khánh', '2023', 'DDCI').slice(5), ['', '', '']);
  assert.deepEqual(find('TP. Hồ Chí Minh', '2022', 'CÁC TỈNH').slice(4), ['Chỉ số tổng hợp', '85.9', '3', 'TP. Hồ Chí Minh']);
  assert.deepEqual(find('Đắk Nông', '2021', 'CÁC TỈNH').slice(5), ['76.1', '4', 'Lâm Đồng']);
  const bn = rows.filter((r) => r[2] === 'Bắc Ninh' && r[0].includes('dạng dọc'));
  assert.equal(bn.length, 3);

  const { text } = await downloadText(page, '[data-action="export-targets"]');
  const t = parseCsv(text.replace(/^\uFEFF/, '')).filter((r) => r.length > 1);
  assert.deepEqual(t[0], ['indicator', 'target', 'operator', 'threshold', 'latest_period', 'latest', 'met']);
  const byName = Object.fromEntries(t.slice(1).map((r) => [r[0], r]));
  assert.deepEqual(byName['Doanh nghiệp thành lập mới'].slice(2), ['>=', '156', '2024-Q3', '160', 'true']);
  assert.deepEqual(byName['Phiếu đánh giá hài lòng'].slice(2), ['>=', '95', '2024-Q3', '96.81', 'true']);
  assert.deepEqual(byName['Tỷ lệ hồ sơ trễ hạn'].slice(2), ['<', '2', '2024-Q3', '1.9', 'true']);
  fs.mkdirSync(SHOTS, { recursive: true });
  await openReport(page);
  await page.locator('.import-report').screenshot({ path: path.join(SHOTS, 'import-report-vi.png') });

  // The views on a real multi-year file (years as columns, 2017–2022, a gap in 2021).
  // Chosen by its full name (the option's title; the option shows its label, «PAR INDEX 2017–2022 — …»).
  const option = page.locator('[data-control="dataset"] option[title="CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CÁC TỈNH, THÀNH PHỐ"]');
  await page.selectOption('[data-control="dataset"]', await option.getAttribute('value'));
  assert.equal(await page.locator('table[data-table="ranking"] tbody tr').count(), 5);
  await page.click('[data-action="view-trend"]');
  await page.waitForSelector('[data-chart="trend"][data-rendered="true"]');
  await page.waitForSelector('[data-chart="bump"][data-rendered="true"]');
  const trendRows = await (await chartRows(page, 'trend')).allTextContents();
  assert.ok(trendRows.some((r) => r.startsWith('TP. Hồ Chí Minh') && r.includes('–')), 'the missing 2021 is a gap');
  await page.click('[data-action="view-comparison"]');
  await page.waitForSelector('[data-chart="comparison"][data-rendered="true"]');
  await page.click('[data-action="view-ranking"]');
});

test('a merge can be undone and redone', async () => {
  await openReport(page);
  const entry = page.locator('[data-import-file="par-2017-2022.xlwt.xls"]');
  await entry.locator('summary', { hasText: 'Gộp tên đơn vị' }).click();
  await entry.locator('[data-action="unmerge"][data-spelling="TP.HCM"]').click();
  let rows = await tidy();
  assert.ok(rows.some((r) => r[2] === 'TP.HCM' && r[3] === '2022'), 'TP.HCM stands alone');
  await page.locator('.unit-mapper summary').click();
  await page.locator('[data-action="clear-unit"]').click();
  rows = await tidy();
  assert.ok(!rows.some((r) => r[2] === 'TP.HCM'));
  assert.ok(rows.some((r) => r[2] === 'TP. Hồ Chí Minh' && r[3] === '2022'));
});

test('detection can be corrected by hand: unit column and period', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chiso-'));
  const file = path.join(dir, 'co-quan.csv');
  fs.writeFileSync(file, 'Ký hiệu,Bộ phận,Kết quả,TT,Số cán bộ\nA01,Văn phòng UBND,80,2,35\nA02,Thanh tra tỉnh,82,1,20\n');
  await page.setInputFiles('input[type="file"]', file);
  await page.waitForSelector(`[data-import-file="co-quan.csv"]${DONE}`, { state: 'attached' });
  let rows = await tidy();
  assert.ok(rows.some((r) => r[2] === 'A01'), 'detection first takes the codes for units');
  await openReport(page);
  const entry = page.locator('[data-import-file="co-quan.csv"]');
  await entry.locator('.adjust summary').click();
  await entry.locator('input[name="unit-col"]').fill('B');
  await entry.locator('input[name="value-cols"]').fill('C');
  await entry.locator('input[name="rank-cols"]').fill('D');
  await entry.locator('input[name="period"]').fill('2024');
  await entry.locator('[data-action="reread"]').click();
  await page.waitForSelector(`[data-import-file="co-quan.csv"]${DONE}`, { state: 'attached' });
  rows = await tidy();
  const mine = rows.filter((r) => r[0] === 'co-quan');
  assert.deepEqual(mine.map((r) => r.slice(2)), [
    ['Văn phòng UBND', '2024', 'Chỉ số tổng hợp', '80', '2', ''],
    ['Thanh tra tỉnh', '2024', 'Chỉ số tổng hợp', '82', '1', ''],
  ], 'ranks from column D, the staff count left out');
  assert.deepEqual(errors, []);
});
