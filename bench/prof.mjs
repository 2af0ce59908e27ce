// A CPU profile of the page while it imports FILE (self time by function, top 40):
// `node bench/prof.mjs FILE`; REDRAW=1 profiles six view changes after the import instead,
// TRACE=name prints the callers of the functions whose name holds it. Build without
// wasm-opt (data-wasm-opt="0" in index.html) to see Rust function names.
import fs from 'node:fs';
import { serve, launch, DIST } from '../tests/e2e/harness.mjs';
const file = process.argv[2];
const web = await serve(DIST);
const browser = await launch();
const p = await browser.newPage({ viewport: { width: 1366, height: 768 } });
await p.goto(web.url);
await p.waitForSelector('body[data-importer]', { state: 'attached' });
await p.waitForTimeout(300);
const cdp = await p.context().newCDPSession(p);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await p.setInputFiles('input[type="file"]', file);
await p.waitForSelector('[data-import-status="loading"]', { state: 'attached' });
if (!process.env.REDRAW) await cdp.send('Profiler.start');
await p.waitForSelector('[data-import-status="ok"], [data-import-status="error"]', { state: 'attached', timeout: 600000 });
await p.waitForSelector('[data-chart="ranking"][data-rendered="true"]');
await p.waitForTimeout(1500);
if (process.env.REDRAW) {
  // SCROLL=1: with the windowed table scrolled to its middle (as `make bench` leaves it).
  if (process.env.SCROLL) { await p.evaluate(() => { const w = document.querySelector('.table-wrap[data-windowed]'); if (w) w.scrollTop = w.scrollHeight / 2; }); await p.waitForTimeout(300); }
  await cdp.send('Profiler.start');
  for (let i = 0; i < (+process.env.N || 6); i++) {
    await p.evaluate(async (i) => {
      const s = document.querySelector(i % 2 ? '[data-control="indicator"]' : '[data-control="period"]');
      s.value = s.options[(i * 3 + 1) % s.options.length].value;
      s.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 0));
      await new Promise((r) => requestAnimationFrame(r));
    }, i);
  }
}
const { profile } = await cdp.send('Profiler.stop');
// Self time per function name.
const self = new Map();
const dt = profile.timeDeltas; const total = new Map();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
for (let i = 0; i < profile.samples.length; i++) {
  const n = byId.get(profile.samples[i]);
  const name = n.callFrame.functionName || '(anon)';
  self.set(name, (self.get(name) || 0) + (dt[i] || 0) / 1000);
}
const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40);
for (const [n, ms] of top) console.log(ms.toFixed(1).padStart(8), n.slice(0, 120));

// Inclusive time of the functions whose names hold each of INCL=a,b,c (a sample counts
// once per name, however deep the recursion).
if (process.env.INCL) {
  const parentOf = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parentOf.set(c, n.id);
  const names = process.env.INCL.split(',');
  const incl = new Map(names.map((x) => [x, 0]));
  for (let i = 0; i < profile.samples.length; i++) {
    const seen = new Set();
    for (let id = profile.samples[i]; id; id = parentOf.get(id)) {
      const f = byId.get(id).callFrame.functionName;
      for (const x of names) if (f.includes(x)) seen.add(x);
    }
    for (const x of seen) incl.set(x, incl.get(x) + (dt[i] || 0) / 1000);
  }
  for (const [x, ms] of incl) console.log('incl', ms.toFixed(1).padStart(8), x);
}

// The long tasks (TASKS=ms): runs of samples between idle ones longer than that, each with
// its busiest functions (self time) and the outermost Rust functions it ran.
if (process.env.TASKS) {
  const parentOf = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parentOf.set(c, n.id);
  let run = [];
  const flush = () => {
    const ms = run.reduce((a, x) => a + x.dt, 0);
    if (ms >= Number(process.env.TASKS)) {
      const self = new Map(), outer = new Map();
      for (const x of run) {
        self.set(x.name, (self.get(x.name) || 0) + x.dt);
        let top = '';
        for (let id = x.id; id; id = parentOf.get(id)) { const f = byId.get(id).callFrame.functionName; if (/::|as /.test(f)) top = f; }
        outer.set(top, (outer.get(top) || 0) + x.dt);
      }
      console.log(`task ${ms.toFixed(0)} ms`);
      for (const [f, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 6)) console.log('   self', t.toFixed(1).padStart(6), f.slice(0, 100));
      for (const [f, t] of [...outer].sort((a, b) => b[1] - a[1]).slice(0, 4)) console.log('  outer', t.toFixed(1).padStart(6), f.slice(0, 100));
    }
    run = [];
  };
  for (let i = 0; i < profile.samples.length; i++) {
    const n = byId.get(profile.samples[i]);
    if (n.callFrame.functionName === '(idle)') { flush(); continue; }
    run.push({ id: n.id, name: n.callFrame.functionName || '(anon)', dt: (dt[i] || 0) / 1000 });
  }
  flush();
}

// Self time of what a function calls (UNDER=name): leaves of the samples under it.
if (process.env.UNDER) {
  const parentOf = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parentOf.set(c, n.id);
  const leaves = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    let under = false;
    for (let id = profile.samples[i]; id; id = parentOf.get(id)) if (byId.get(id).callFrame.functionName.includes(process.env.UNDER)) { under = true; break; }
    if (!under) continue;
    const f = byId.get(profile.samples[i]).callFrame.functionName.slice(0, 110);
    leaves.set(f, (leaves.get(f) || 0) + (dt[i] || 0) / 1000);
  }
  for (const [f, ms] of [...leaves].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log('under', ms.toFixed(1).padStart(8), f);
}

// Callers of a function (TRACE=name): the chain of parents, summed.
if (process.env.TRACE) {
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const chains = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    let n = byId.get(profile.samples[i]);
    if (!n.callFrame.functionName.includes(process.env.TRACE)) continue;
    const chain = [];
    let id = parent.get(n.id);
    while (id && chain.length < 7) { const m = byId.get(id); chain.push(m.callFrame.functionName.replace(/::h[0-9a-f]{16}$/, '').slice(-60)); id = parent.get(id); }
    const k = chain.join(' < ');
    chains.set(k, (chains.get(k) || 0) + (dt[i] || 0) / 1000);
  }
  for (const [k, ms] of [...chains.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6)) console.log(ms.toFixed(1), k);
}
await browser.close(); web.server.close();
