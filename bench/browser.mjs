// `make bench`: Chỉ Số's import in headless Chromium (through the page, and the core alone
// in wasm) against SheetJS (npm `xlsx`) on the same bytes, with native calamine as the
// floor; drop-to-first-chart, redraw, memory and bundle sizes. Prints a table of medians.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { serve, launch, ROOT, DIST } from '../tests/e2e/harness.mjs';

const BENCH = path.join(ROOT, 'target', 'bench');
const RUNS = Number(process.env.BENCH_RUNS || 5);
// BENCH_ONLY=commune measures the commune-scale section alone (a quicker look).
const ONLY = process.env.BENCH_ONLY;
const SKIP = ONLY === 'commune';
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x) => (x === undefined ? '–' : x >= 100 ? x.toFixed(0) : x.toFixed(1));

// Serve dist/ plus the benchmark files and SheetJS from the same origin (the page's CSP
// allows scripts from 'self' only).
const stage = path.join(ROOT, 'target', 'bench-site');
fs.rmSync(stage, { recursive: true, force: true });
fs.cpSync(DIST, stage, { recursive: true });
fs.mkdirSync(path.join(stage, 'bench'), { recursive: true });
for (const f of ['long.xlsx', 'wide.xlsx', 'province.xlsx', 'redraw.xlsx', 'commune.xlsx']) fs.copyFileSync(path.join(BENCH, f), path.join(stage, 'bench', f));
fs.copyFileSync(path.join(ROOT, 'node_modules', 'xlsx', 'dist', 'xlsx.full.min.js'), path.join(stage, 'bench', 'xlsx.js'));

const native = JSON.parse(execFileSync('cargo', ['run', '--quiet', '--release', '--example', 'bench_native', '--',
  ...['long.xlsx', 'wide.xlsx', 'province.xlsx', 'commune.xlsx'].map((f) => path.join(BENCH, f))], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 }));

const web = await serve(stage);
const browser = await launch();

// The stall probe: a timer ticking every 10 ms in the page; a gap between two ticks is a
// time the page's main thread could not run it (Chromium's long-task observer misses such
// tasks in headless runs). `__stall.start()` at the file input's change event (its task counts),
// `__stall.stop()` once the ranking chart is drawn: the longest gap that began before it
// was drawn (the task that drew it counts). A gap overstates a stall by up to 10 ms.
function stallProbe() {
  const probe = { last: 0, longest: 0, timer: 0, drawnAt: Infinity, running: false };
  const tick = () => {
    const now = performance.now();
    if (probe.last >= probe.drawnAt) { clearInterval(probe.timer); probe.running = false; return; }
    probe.longest = Math.max(probe.longest, now - probe.last);
    probe.last = now;
  };
  probe.start = () => {
    if (probe.running) return;
    Object.assign(probe, { last: performance.now(), longest: 0, drawnAt: Infinity, running: true });
    probe.timer = setInterval(tick, 10);
    new MutationObserver((_, mo) => {
      if (document.querySelector('[data-chart="ranking"][data-rendered="true"]')) { probe.drawnAt = performance.now(); mo.disconnect(); }
    }).observe(document, { subtree: true, attributes: true, childList: true });
  };
  // Resolves once the probe has stopped (its tick after the chart was drawn).
  probe.stop = () => new Promise((resolve) => {
    const wait = () => (probe.running ? setTimeout(wait, 20) : resolve(probe.longest));
    wait();
  });
  window.__stall = probe;
  document.addEventListener('change', (e) => { if (e.target.type === 'file') probe.start(); }, true);
}

async function page() {
  const p = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await p.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; }));
  await p.addInitScript(stallProbe);
  await p.goto(web.url);
  await p.waitForSelector('[data-action="load-sample"]');
  await p.waitForFunction(() => window.wasmBindings && window.__wasm);
  // The import worker is ready (and warmed up).
  await p.waitForSelector('body[data-importer]', { state: 'attached' });
  await p.waitForTimeout(300);
  return p;
}

// A view change, `n` times (RUNS × 4 unless told), alternating between two controls (the
// option i × step + offset), half timed each of two ways from the change event:
// - `painted`: to the end of the first frame painted with the whole new view (the ranking
//   chart drawn again: its canvas's data-drawn counts the drawings; then the next frame,
//   and a task after it, which runs once that frame is painted). What a person waits for.
// - `frame`: to the next frame after a timer (0 ms) set at the change: the measure until
//   2026-11-27, kept to compare. It stops at the start of a frame, before its painting,
//   and when the page paints the new table before that timer runs, the chart drawn after
//   it is in the frame it stops at, or not (as the tasks fall).
// And `painted` in three parts: `task`, to the end of the change's task (the chart drawn in it);
//   `wait`, from there to the start of the next frame (the display's next tick, 60 a second);
//   `render`, from the start of that frame to the task after it (the frame's style, layout,
//   painting, and whatever the browser ran before that task).
async function changes(q, controls, step, offset, n = RUNS * 4) {
  const painted = [], frame = [], task = [], wait = [], render = [];
  for (let i = 0; i < n; i++) {
    const t = await q.evaluate(async ({ i, controls, step, offset, both }) => {
      const canvas = document.querySelector('[data-chart="ranking"] canvas');
      const drawn = () => canvas.getAttribute('data-drawn');
      const before = drawn();
      const s = document.querySelector(`[data-control="${controls[i % 2]}"]`);
      s.value = s.options[(i * step + offset) % s.options.length].value;
      const t0 = performance.now();
      s.dispatchEvent(new Event('change', { bubbles: true }));
      if (!both) {
        await new Promise((r) => setTimeout(r, 0));
        await new Promise((r) => requestAnimationFrame(r));
        return performance.now() - t0;
      }
      const redrawn = await new Promise((resolve) => {
        if (drawn() !== before) return resolve(true);
        const mo = new MutationObserver(() => { if (drawn() !== before) { mo.disconnect(); resolve(true); } });
        mo.observe(canvas, { attributes: true, attributeFilter: ['data-drawn'] });
        // A choice that leaves the chart as it was (the option already chosen) is not timed.
        setTimeout(() => { mo.disconnect(); resolve(false); }, 2000);
      });
      if (!redrawn) return null;
      // (The observer's callback runs at the end of the task that drew the chart.)
      const drawnAt = performance.now() - t0;
      const rafAt = await new Promise((r) => requestAnimationFrame(() => r(performance.now() - t0)));
      await new Promise((r) => setTimeout(r, 0));
      const end = performance.now() - t0;
      return { end, drawnAt, rafAt };
    }, { i, controls, step, offset, both: i % 4 < 2 });
    if (t !== null && typeof t === 'number') frame.push(t);
    else if (t !== null) {
      painted.push(t.end);
      task.push(t.drawnAt);
      wait.push(t.rafAt - t.drawnAt);
      render.push(t.end - t.rafAt);
    }
    await q.waitForTimeout(50);
  }
  return { painted, frame, task, wait, render };
}

const results = {};
for (const file of SKIP ? [] : ['long.xlsx', 'wide.xlsx']) {
  const p = await page();
  await p.addScriptTag({ url: '/bench/xlsx.js' });
  const inPage = await p.evaluate(async ({ file, runs }) => {
    const bytes = new Uint8Array(await (await fetch(`/bench/${file}`)).arrayBuffer());
    const core = [], sheetjs = [];
    let rows = 0, obs = 0;
    for (let i = 0; i < runs; i++) {
      let t = performance.now();
      obs = window.wasmBindings.bench_import(bytes, file);
      core.push(performance.now() - t);
      t = performance.now();
      const wb = XLSX.read(bytes, { type: 'array' });
      rows = 0;
      for (const name of wb.SheetNames) rows += XLSX.utils.sheet_to_json(wb.Sheets[name], { header: 1 }).length;
      sheetjs.push(performance.now() - t);
    }
    return { core, sheetjs, rows, obs };
  }, { file, runs: RUNS });
  await p.close();
  // Through the page, as a user drops the file: input set → report entry "ok".
  // The import runs in the worker: the page's main thread should stay free (long tasks).
  const drop = [], again = [], longest = [], stalls = [];
  let heap = 0, wasmMem = 0;
  for (let i = 0; i < Math.max(3, Math.ceil(RUNS / 2)); i++) {
    const q = await page();
    await q.evaluate((file) => {
      window.__long = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); }).observe({ type: 'longtask' });
      window.__t = {};
      document.addEventListener('change', () => { window.__t.change ??= performance.now(); }, true);
      new MutationObserver(() => {
        if (!window.__t.ok && document.querySelector(`[data-import-file="${file}"][data-import-status="ok"]`)) window.__t.ok = performance.now();
      }).observe(document.body, { subtree: true, attributes: true, childList: true });
    }, file);
    await q.setInputFiles('input[type="file"]', path.join(BENCH, file));
    await q.waitForSelector(`[data-import-file="${file}"][data-import-status="ok"]`, { state: 'attached', timeout: 300000 });
    // In the page: from the input's change event to the report entry saying "ok".
    drop.push(await q.evaluate(() => window.__t.ok - window.__t.change));
    await q.waitForSelector('[data-chart="ranking"][data-rendered="true"]');
    stalls.push(await q.evaluate(() => window.__stall.stop()));
    await q.waitForTimeout(100);
    longest.push(await q.evaluate(() => Math.max(0, ...window.__long)));
    const mem = await q.evaluate(() => ({ heap: performance.memory?.usedJSHeapSize ?? 0, wasm: window.__wasm.memory.buffer.byteLength }));
    heap = Math.max(heap, mem.heap);
    wasmMem = Math.max(wasmMem, mem.wasm);
    // The same file dropped twice more into that page: its code run before, as SheetJS's is
    // in its runs after the first (the first drop above is a fresh page's: the engine
    // optimises a function only after it has run a while, and the worker's memory is not
    // yet grown).
    for (let k = 0; k < 2; k++) {
      await q.waitForTimeout(1000);
      await q.evaluate(() => {
        window.__r = {};
        document.addEventListener('change', () => { window.__r.change ??= performance.now(); }, { capture: true, once: true });
        const mo = new MutationObserver(() => {
          if (document.querySelector('[data-import-status="loading"]')) window.__r.seen = true;
          else if (window.__r.seen && !window.__r.ok && document.querySelector('[data-import-status="ok"]')) { window.__r.ok = performance.now(); mo.disconnect(); }
        });
        mo.observe(document.body, { subtree: true, attributes: true, childList: true });
      });
      await q.setInputFiles('input[type="file"]', path.join(BENCH, file));
      await q.waitForFunction(() => window.__r.ok, null, { timeout: 300000 });
      again.push(await q.evaluate(() => window.__r.ok - window.__r.change));
    }
    await q.close();
  }
  results[file] = { core: median(inPage.core), sheetjs: median(inPage.sheetjs), sheetjsFirst: median(inPage.sheetjs.slice(0, 1)), page: median(drop), again: median(again), longest: median(longest), stall: median(stalls), stallMax: Math.max(...stalls), rows: inPage.rows, obs: inPage.obs, heap, wasmMem };
}

// Drop to first chart: 63 provinces × 5 years.
// In the page: from the input's change event to the chart's data-rendered (what a person
// waits for); and the wall time seen by the test driver (adds Playwright's own overhead).
const firstChart = [], firstChartWall = [];
for (let i = 0; i < (SKIP ? 0 : RUNS); i++) {
  const q = await page();
  await q.waitForTimeout(300);
  await q.evaluate(() => {
    window.__t = {};
    document.addEventListener('change', () => { window.__t.change ??= performance.now(); }, true);
    new MutationObserver(() => {
      if (!window.__t.chart && document.querySelector('[data-chart="ranking"][data-rendered="true"]')) window.__t.chart = performance.now();
    }).observe(document.body, { subtree: true, attributes: true, childList: true });
  });
  const t = Date.now();
  await q.setInputFiles('input[type="file"]', path.join(BENCH, 'province.xlsx'));
  await q.waitForSelector('[data-chart="ranking"][data-rendered="true"]');
  firstChartWall.push(Date.now() - t);
  firstChart.push(await q.evaluate(() => window.__t.chart - window.__t.change));
  await q.close();
}
// Redraw after a selection change (my unit, then the period) on 63 units × 10 years × 12
// indicators: from the change event to the first frame painted after the chart is drawn
// again (see `changes`).
let redraw = { painted: [0], frame: [0], task: [0], wait: [0], render: [0] };
if (!SKIP) {
  const q = await page();
  await q.setInputFiles('input[type="file"]', path.join(BENCH, 'redraw.xlsx'));
  await q.waitForSelector('[data-chart="ranking"][data-rendered="true"]');
  redraw = await changes(q, ['my-unit', 'period'], 7, 0);
  await q.close();
}

// Commune scale (issue 17): commune.xlsx, a sheet per year, 10,600 communes × 20
// indicators (2.12 million values). In the page: load time (change → ok), progress shown,
// the longest main-thread task while it loads and how long a click waits for its answer
// (the language switch, every 250 ms), then the ranking of 10,600 units scrolled (frame
// times while the table scrolls a screen a frame) and redrawn after a view change, and the
// memory of the tab: the resident memory of the tab's renderer process (the page and its
// import worker: one process), now and at its peak, read from /proc.
const renderers = () => {
  const out = [];
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('--type=renderer')) continue;
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = (k) => Number((status.match(new RegExp(`${k}:\\s+(\\d+)`)) || [0, 0])[1]);
      out.push({ pid, rss: kb('VmRSS') * 1024, hwm: kb('VmHWM') * 1024 });
    } catch { /* gone */ }
  }
  return out;
};
const commune = {};
{
  const before = new Set(renderers().map((r) => r.pid));
  const q = await page();
  const mine = renderers().filter((r) => !before.has(r.pid)).map((r) => r.pid);
  await q.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); }).observe({ type: 'longtask' });
    window.__t = { progress: 0, clicks: [] };
    document.addEventListener('change', () => { window.__t.change ??= performance.now(); }, true);
    new MutationObserver(() => {
      if (document.querySelector('[data-import-file="commune.xlsx"] progress[data-progress]')) window.__t.progress++;
      if (!window.__t.ok && document.querySelector('[data-import-file="commune.xlsx"][data-import-status="ok"]')) window.__t.ok = performance.now();
    }).observe(document.body, { subtree: true, attributes: true, childList: true });
    // A click on the language switch while the file loads: the time to <html lang> changed.
    window.__probe = setInterval(() => {
      if (window.__t.ok) return clearInterval(window.__probe);
      const to = document.documentElement.lang === 'vi' ? 'en' : 'vi';
      const t0 = performance.now();
      new MutationObserver((_, o) => { o.disconnect(); window.__t.clicks.push(performance.now() - t0); })
        .observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
      document.querySelector(`[data-action="lang-${to}"]`).click();
    }, 250);
  });
  await q.setInputFiles('input[type="file"]', path.join(BENCH, 'commune.xlsx'));
  await q.waitForSelector('[data-import-file="commune.xlsx"][data-import-status="ok"]', { state: 'attached', timeout: 600000 });
  await q.waitForSelector('[data-chart="ranking"][data-rendered="true"]');
  const stall = await q.evaluate(() => window.__stall.stop());
  await q.waitForTimeout(300);
  const load = await q.evaluate(() => ({ ms: window.__t.ok - window.__t.change, longest: Math.max(0, ...window.__long),
    progress: window.__t.progress, clicks: window.__t.clicks }));
  // Scroll the windowed table a screen per frame, 60 frames: the frame times.
  const scroll = await q.evaluate(async () => {
    const wrap = document.querySelector('.table-wrap[data-windowed]');
    if (!wrap) return null;
    const frames = [];
    let last = await new Promise((r) => requestAnimationFrame(r));
    for (let i = 0; i < 60; i++) {
      wrap.scrollTop += wrap.clientHeight;
      const now = await new Promise((r) => requestAnimationFrame(r));
      frames.push(now - last);
      last = now;
    }
    const rows = wrap.querySelectorAll('tbody tr[data-unit]').length;
    return { frames, rows, total: Number(wrap.dataset.rows), at: wrap.querySelector('tbody tr[data-unit]')?.dataset.unit };
  });
  // A view change (the period, then the indicator): change event → the frame showing it.
  // (40 changes: 20 timed each way, its figures move by ~1 ms between runs with 10.)
  const redraws = await changes(q, ['period', 'indicator'], 3, 1, 40);
  // The tab's renderer process (the page and its worker) is the one that holds the data:
  // the largest of the renderers started with the page (Chromium also starts a spare one).
  const tab = renderers().filter((r) => mine.includes(r.pid)).sort((a, b) => b.hwm - a.hwm)[0] || { rss: 0, hwm: 0 };
  const heap = await q.evaluate(() => ({ heap: performance.memory?.usedJSHeapSize ?? 0, wasm: window.__wasm.memory.buffer.byteLength }));
  commune.load = load;
  commune.stall = stall;
  commune.scroll = scroll;
  commune.redraw = redraws;
  commune.rss = tab.rss;
  commune.peak = tab.hwm;
  commune.others = renderers().filter((r) => mine.includes(r.pid) && r.pid !== tab.pid).map((r) => r.rss);
  commune.heap = heap;
  await q.close();
}
await browser.close();
web.server.close();

const sizes = fs.readdirSync(DIST).filter((f) => /\.(wasm|js|css)$/.test(f)).map((f) => {
  const b = fs.readFileSync(path.join(DIST, f));
  return { f, raw: b.length, gz: zlib.gzipSync(b, { level: 9 }).length, br: zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length };
});
const total = sizes.reduce((a, s) => ({ raw: a.raw + s.raw, gz: a.gz + s.gz, br: a.br + s.br }), { raw: 0, gz: 0, br: 0 });

const nat = Object.fromEntries(native.map((n) => [n.file, n]));
console.log(`\nChỉ Số benchmark — medians of ${RUNS} runs (ms), headless Chromium, ${new Date().toISOString().slice(0, 10)}\n`);
console.log('| file | rows | Chỉ Số in page (change event → ok, via the worker) | Chỉ Số core (wasm) | SheetJS read+sheet_to_json | calamine native | Chỉ Số core native | SheetJS ÷ in page | in page ÷ calamine | SheetJS ÷ core wasm | core wasm ÷ calamine |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const [file, r] of Object.entries(results)) {
  const n = nat[file];
  console.log(`| ${file} | ${r.obs} | ${fmt(r.page)} | ${fmt(r.core)} | ${fmt(r.sheetjs)} | ${fmt(n.calamine_native_ms)} | ${fmt(n.core_native_ms)} | ${(r.sheetjs / r.page).toFixed(2)}× | ${(r.page / n.calamine_native_ms).toFixed(2)}× | ${(r.sheetjs / r.core).toFixed(2)}× | ${(r.core / n.calamine_native_ms).toFixed(2)}× |`);
}
if (!SKIP) {
// First runs against first runs, later against later: SheetJS's figure above is the median
// of its runs in one page, and Chỉ Số's in-page figure a fresh page's first drop.
console.log('\n| file | Chỉ Số in page, first drop in a fresh page | Chỉ Số in page, the file dropped again | SheetJS, first run in the page | SheetJS, median of its runs | SheetJS first ÷ first drop | SheetJS median ÷ dropped again |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const [file, r] of Object.entries(results)) {
  console.log(`| ${file} | ${fmt(r.page)} | ${fmt(r.again)} | ${fmt(r.sheetjsFirst)} | ${fmt(r.sheetjs)} | ${(r.sheetjsFirst / r.page).toFixed(2)}× | ${(r.sheetjs / r.again).toFixed(2)}× |`);
}
console.log(`\n| measure | value |\n| --- | --- |`);
console.log(`| drop → first chart, 63 provinces × 5 years (in the page: change event → chart drawn) | ${fmt(median(firstChart))} ms |`);
console.log(`| the same, wall time seen by the test driver (adds Playwright's overhead) | ${fmt(median(firstChartWall))} ms |`);
console.log(`| redraw after a selection change, 63 units × 10 years × 12 indicators → the frame showing it painted, median / max | ${fmt(median(redraw.painted))} / ${fmt(Math.max(...redraw.painted))} ms |`);
console.log(`| the same → the next frame after a timer (the earlier measure), median / max | ${fmt(median(redraw.frame))} / ${fmt(Math.max(...redraw.frame))} ms |`);
for (const [file, r] of Object.entries(results)) console.log(`| longest main-thread task while the page imports ${file} (long-task observer) | ${fmt(r.longest)} ms |`);
for (const [file, r] of Object.entries(results)) console.log(`| longest stall by the probe (10 ms ticks), drop → first chart, ${file}, median / max of fresh pages | ${fmt(r.stall)} / ${fmt(r.stallMax)} ms |`);
for (const [file, r] of Object.entries(results)) console.log(`| after ${file}: JS heap / page wasm memory (the worker has its own) | ${(r.heap / 1e6).toFixed(1)} MB / ${(r.wasmMem / 1e6).toFixed(1)} MB |`);
}
{
  const c = commune, n = nat['commune.xlsx'];
  const frames = c.scroll ? c.scroll.frames : [];
  console.log(`\n| commune scale: commune.xlsx, 10 sheets × 10,600 communes × 20 indicators | value |\n| --- | --- |`);
  console.log(`| load in the page (change event → ok) | ${fmt(c.load.ms)} ms (calamine native ${fmt(n?.calamine_native_ms)} ms, core native ${fmt(n?.core_native_ms)} ms) |`);
  console.log(`| progress updates seen while it loads | ${c.load.progress} |`);
  console.log(`| longest main-thread task while it loads (long-task observer) | ${fmt(c.load.longest)} ms |`);
  console.log(`| longest stall by the probe (10 ms ticks), drop → first chart | ${fmt(c.stall)} ms |`);
  console.log(`| a click while it loads (language switch → <html lang>), median / max of ${c.load.clicks.length} | ${fmt(median(c.load.clicks))} / ${fmt(Math.max(0, ...c.load.clicks))} ms |`);
  console.log(`| ranking of ${c.scroll?.total ?? '–'} units scrolled a screen a frame, 60 frames: frame time median / max | ${fmt(median(frames))} / ${fmt(Math.max(0, ...frames))} ms (${c.scroll?.rows ?? '–'} rows in the page) |`);
  console.log(`| view change (period, indicator) → the frame showing it all painted, median / max | ${fmt(median(c.redraw.painted))} / ${fmt(Math.max(...c.redraw.painted))} ms |`);
  console.log(`| the same in parts, medians: the change's task (chart drawn) / waiting for the next frame / that frame's rendering and the tasks before the next | ${fmt(median(c.redraw.task))} / ${fmt(median(c.redraw.wait))} / ${fmt(median(c.redraw.render))} ms |`);
  console.log(`| the same → the next frame after a timer (the earlier measure), median / max | ${fmt(median(c.redraw.frame))} / ${fmt(Math.max(...c.redraw.frame))} ms |`);
  console.log(`| tab memory: the tab's renderer process (page and import worker), resident now / peak | ${(c.rss / 1e6).toFixed(0)} MB / ${(c.peak / 1e6).toFixed(0)} MB (other renderers started with it, not the tab's: ${c.others.map((b) => (b / 1e6).toFixed(0)).join(', ') || 'none'} MB) |`);
  console.log(`| JS heap / page wasm memory after load | ${(c.heap.heap / 1e6).toFixed(1)} MB / ${(c.heap.wasm / 1e6).toFixed(1)} MB |`);
}

// The first load: what the page itself loads; on demand: the PDF reader, loaded by the
// import worker only when a PDF is dropped (tools/ondemand.mjs). Budgets: DEVELOPERS.md
// (first load 560 KB brotli) and the documents issue (on demand 350 KB brotli).
const onDemand = (f) => /^chiso-pdf-/.test(f);
const sum = (list) => list.reduce((a, s) => ({ raw: a.raw + s.raw, gz: a.gz + s.gz, br: a.br + s.br }), { raw: 0, gz: 0, br: 0 });
const first = sum(sizes.filter((s) => !onDemand(s.f)));
const later = sum(sizes.filter((s) => onDemand(s.f)));
console.log(`\n| asset | raw | gzip | brotli |\n| --- | --- | --- | --- |`);
for (const s of sizes) console.log(`| ${s.f}${onDemand(s.f) ? ' (on demand)' : ''} | ${s.raw} | ${s.gz} | ${s.br} |`);
console.log(`| first load (budget 560 KB = 573,440 B brotli) | ${first.raw} | ${first.gz} | ${first.br} |`);
console.log(`| on demand: PDF reader (budget 350 KB = 358,400 B brotli) | ${later.raw} | ${later.gz} | ${later.br} |`);
console.log(`| total | ${total.raw} | ${total.gz} | ${total.br} |`);

// The targets at a glance (issue 30): the 144,000-row long workbook dropped into a fresh
// page against SheetJS (its median in the same browser) and native calamine; the longest
// stall by the probe from drop to first chart; the commune-scale load; the sizes.
{
  const r = results['long.xlsx'], n = nat['long.xlsx'];
  const stalls = [...Object.values(results).map((x) => x.stallMax), commune.stall];
  console.log('\n| target | value |\n| --- | --- |');
  if (r) {
    console.log(`| long.xlsx in page: SheetJS ÷ Chỉ Số (≥ 4×, aim 5×) | ${(r.sheetjs / r.page).toFixed(2)}× (${fmt(r.sheetjs)} / ${fmt(r.page)} ms) |`);
    console.log(`| long.xlsx in page ÷ native calamine (≤ 2.5×, aim 2×) | ${(r.page / n.calamine_native_ms).toFixed(2)}× (${fmt(r.page)} / ${fmt(n.calamine_native_ms)} ms) |`);
  }
  console.log(`| longest stall by the probe, drop → first chart, any file above (≤ 50 ms) | ${fmt(Math.max(...stalls))} ms |`);
  console.log(`| commune-scale load in the page (≤ 4,000 ms) | ${fmt(commune.load.ms)} ms |`);
  console.log(`| view change → next frame, commune scale, median (≤ 16 ms) | ${fmt(median(commune.redraw.frame))} ms |`);
  console.log(`| first load brotli (≤ 573,440 B) / PDF reader on demand (≤ 358,400 B) | ${first.br} / ${later.br} B |`);
}
