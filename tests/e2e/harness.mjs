// Shared pieces of the end-to-end tests: a static server for dist/ on loopback and
// Debian's Chromium driven by playwright-core.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
export const DIST = process.env.CHISO_DIST || path.join(ROOT, 'dist');
export const FIXTURES = process.env.CHISO_FIXTURES || path.join(ROOT, 'target', 'e2e-fixtures');
export const SHOTS = path.join(ROOT, 'target', 'screenshots');

/** Serves a folder on 127.0.0.1 at a free port. */
export function serve(dir = DIST) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let file = path.join(dir, decodeURIComponent(url.pathname));
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err, body) => {
      if (err) { res.writeHead(404).end('not found'); return; }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
      res.end(body);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    resolve({ server, url: `http://127.0.0.1:${server.address().port}/` });
  }));
}

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-quic', '--enable-precise-memory-info',
];

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    // CHROMIUM_EXTRA: more flags for a diagnosis by hand (e.g. --js-flags=...).
    args: [...CHROMIUM_ARGS, ...(process.env.CHROMIUM_EXTRA ? process.env.CHROMIUM_EXTRA.split(/\s+/).filter(Boolean) : [])],
  });
}

/** Clicks a download button and returns the downloaded file's text. */
export async function downloadText(page, selector) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const file = await download.path();
  return { name: download.suggestedFilename(), text: fs.readFileSync(file, 'utf8') };
}

/** Parses CSV text (quotes, commas, newlines inside quotes) into rows of strings. */
export function parseCsv(text) {
  const rows = [];
  let row = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

/** Serves dist/, opens it in Chromium and waits for the app; collects page errors. */
export async function openApp(viewport = { width: 1280, height: 900 }) {
  const web = await serve();
  const browser = await launch();
  const page = await browser.newPage({ viewport });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (/Content.Security.Policy/i.test(m.text())) errors.push(m.text()); });
  page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); d.dismiss(); });
  await page.goto(web.url);
  await page.waitForSelector('[data-action="load-sample"]', { state: 'attached' });
  const close = async () => {
    await browser.close();
    web.server.close();
  };
  return { page, errors, close };
}

/** Opens a chart's table of numbers (its rows are in the page only while it is open) and
 * returns a locator of its body rows. */
export async function chartRows(page, chart) {
  const details = page.locator(`[data-chart="${chart}"] details.chart-data`);
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  await page.waitForSelector(`[data-chart="${chart}"] .chart-data table`);
  return page.locator(`[data-chart="${chart}"] .chart-data tbody tr`);
}

/** Opens the drop zone and import report when they are collapsed to their one line. */
export async function openReport(page) {
  const panel = page.locator('details.import-panel');
  if (!(await panel.evaluate((d) => d.open))) await panel.locator(':scope > summary').click();
  await page.waitForSelector('details.import-panel[open]');
}
