// Hosting: the page served by Debian's nginx with the project's own rules
// (deploy/nginx.conf and deploy/chiso-locations.conf) under a sub-path, /chiso/, as a
// provincial IT team puts it up: the headers (MIME type of the wasm, caching, the
// Content-Security-Policy, gzip), the sample, a dropped file, the import worker, a shared
// link, the offline copy, the site's root, and a new release reaching a user who has the
// old one cached by the service worker.
//
// Needs two release builds, A and B (B with CHISO_BUILD_ID set, so another wasm):
// `make test-hosting`
// makes them (target/hosting/a, target/hosting/b) and runs this file with CHISO_HOSTING_A,
// CHISO_HOSTING_B and CHISO_HOSTING_B_BUILD set; without them (a plain
// `node --test tests/e2e/`) or without nginx, every test here is skipped, saying why.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import net from 'node:net';
import zlib from 'node:zlib';
import { spawn, execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { launch, ROOT, FIXTURES } from './harness.mjs';

const A = process.env.CHISO_HOSTING_A && path.resolve(process.env.CHISO_HOSTING_A);
const B = process.env.CHISO_HOSTING_B && path.resolve(process.env.CHISO_HOSTING_B);
const B_BUILD = process.env.CHISO_HOSTING_B_BUILD;
const SAMPLE_OK = '[data-import-file="chiso-mau.xlsx"][data-import-status="ok"]';
// The import report folds away once data is in: its entries are there, not shown.
const ATTACHED = { state: 'attached' };
const RUN = path.join(ROOT, 'target', 'hosting', 'nginx');
const LIVE = path.join(RUN, 'live');

function findNginx() {
  const candidates = [process.env.NGINX, ...(process.env.PATH || '').split(':').map((d) => path.join(d, 'nginx')), '/usr/sbin/nginx'];
  return candidates.find((f) => f && fs.existsSync(f) && fs.statSync(f).isFile());
}
const NGINX = findNginx();
const SKIP = !A || !B || !B_BUILD
  ? 'needs two builds: run `make test-hosting` (sets CHISO_HOSTING_A, CHISO_HOSTING_B, CHISO_HOSTING_B_BUILD)'
  : !NGINX
    ? 'nginx not found (`apt-get install nginx`, or set NGINX=/path/to/nginx)'
    : false;
if (SKIP) console.log(`hosting.test.mjs skipped: ${SKIP}`);
const it = (name, fn) => test(name, { skip: SKIP }, fn);

const release = (dir) => fs.readFileSync(path.join(dir, 'index.html'), 'utf8').match(/<meta name="chiso-release" content="([^"]+)">/)[1];
const metaPolicy = (html) => html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)[1];

let nginx, base, rootBase, browser;
const started = Date.now();

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer().once('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

/** Points the served folder at a build, as a deploy that swaps the folder does. */
function deploy(dir) {
  const tmp = `${LIVE}.next`;
  fs.rmSync(tmp, { force: true });
  fs.symlinkSync(dir, tmp);
  fs.renameSync(tmp, LIVE);
}

/** The server block of deploy/nginx.conf, on loopback and serving LIVE: the same rules. */
function siteFromDeploy(port) {
  let site = fs.readFileSync(path.join(ROOT, 'deploy', 'nginx.conf'), 'utf8');
  const swap = (from, to) => {
    assert.ok(site.includes(from), `deploy/nginx.conf no longer has «${from}»: update hosting.test.mjs`);
    site = site.split(from).join(to);
  };
  swap('listen 80;', `listen 127.0.0.1:${port};`);
  swap('listen [::]:80;', '');
  swap('alias /var/www/chiso/;', `alias ${LIVE}/;`);
  swap('/etc/nginx/snippets/chiso-locations.conf', path.join(ROOT, 'deploy', 'chiso-locations.conf'));
  return site;
}

async function startNginx() {
  fs.rmSync(RUN, { recursive: true, force: true });
  fs.mkdirSync(path.join(RUN, 'tmp'), { recursive: true });
  deploy(A);
  const [port, rootPort] = [await freePort(), await freePort()];
  const mime = ['/etc/nginx/mime.types', path.join(path.dirname(NGINX), '..', 'conf', 'mime.types')].find((f) => fs.existsSync(f));
  const tmp = (k) => `${k}_temp_path ${RUN}/tmp/${k};`;
  fs.writeFileSync(path.join(RUN, 'nginx.conf'), `# Written by tests/e2e/hosting.test.mjs
${process.getuid?.() === 0 ? 'user root;\n' : ''}worker_processes 1;
pid ${RUN}/nginx.pid;
error_log ${RUN}/error.log;
events { worker_connections 128; }
http {
  ${mime ? `include ${mime};` : ''}
  default_type application/octet-stream;
  access_log ${RUN}/access.log;
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(tmp).join('\n  ')}
  sendfile on;
  # deploy/nginx.conf, as a provincial IT team installs it (/chiso/)
${siteFromDeploy(port)}
  # the same rules from the root of a site (README)
  server {
    listen 127.0.0.1:${rootPort};
    location / {
      root ${LIVE};
      include ${path.join(ROOT, 'deploy', 'chiso-locations.conf')};
    }
  }
}
`);
  const conf = path.join(RUN, 'nginx.conf');
  const args = ['-p', `${RUN}/`, '-c', conf, '-e', `${RUN}/error.log`];
  execFileSync(NGINX, [...args, '-t'], { stdio: 'pipe' });
  const proc = spawn(NGINX, [...args, '-g', 'daemon off;'], { stdio: ['ignore', 'inherit', 'inherit'] });
  // Never left running, even if this test process ends abruptly.
  process.on('exit', () => { if (proc.exitCode === null) proc.kill('SIGKILL'); });
  let exited = null;
  proc.on('exit', (code) => { exited = code; });
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (exited !== null) throw new Error(`nginx exited (${exited}): ${fs.readFileSync(`${RUN}/error.log`, 'utf8')}`);
    try {
      if ((await get(`http://127.0.0.1:${port}/chiso/`)).status === 200) break;
    } catch { /* not yet listening */ }
    if (Date.now() > deadline) throw new Error('nginx did not answer within 10 s');
    await new Promise((r) => setTimeout(r, 50));
  }
  return { proc, base: `http://127.0.0.1:${port}`, rootBase: `http://127.0.0.1:${rootPort}` };
}

function get(url, headers = {}) {
  return new Promise((resolve, reject) => {
    http.get(url, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, raw: res.rawHeaders, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

before(async () => {
  if (SKIP) return;
  assert.notEqual(release(A), release(B), 'builds A and B must differ');
  ({ proc: nginx, base, rootBase } = await startNginx());
  browser = await launch();
});

after(async () => {
  await browser?.close();
  if (nginx && nginx.exitCode === null) {
    const done = new Promise((r) => nginx.once('exit', r));
    nginx.kill('SIGQUIT');
    await done;
  }
  if (!SKIP) console.log(`hosting pass: ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

/** A fresh browser profile; its pages collect errors and Content-Security-Policy reports. */
async function session(options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const errors = [];
  const watch = (page) => {
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (/Content.Security.Policy|Refused to/i.test(m.text())) errors.push(m.text()); });
    return page;
  };
  const open = async (url) => {
    const page = watch(await context.newPage());
    await page.goto(url);
    await page.waitForSelector('[data-action="load-sample"]', ATTACHED);
    return page;
  };
  return { context, errors, open, watch };
}

async function makeView(page) {
  await page.click('[data-action="load-sample"]');
  await page.waitForSelector(SAMPLE_OK, ATTACHED);
  await page.click('[data-action="view-trend"]');
  await page.selectOption('[data-control="my-unit"]', 'Hà Nội');
  await page.click('[data-action="lang-en"]');
  await page.waitForSelector('[data-chart="trend"][data-rendered="true"]');
}

async function shareWithData(page) {
  const box = page.locator('[data-control="share-data"]');
  if (!(await box.isChecked())) await box.click();
  await page.click('[data-action="share"]');
  return page.getAttribute('[data-share-url]', 'data-share-url');
}

async function expectView(page) {
  await page.waitForSelector('[data-view="trend"]');
  await page.waitForSelector('[data-chart="trend"][data-rendered="true"]');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.locator('[data-control="my-unit"]').inputValue(), 'Hà Nội');
}

it('nginx sends the right headers: wasm type, caching, the CSP of the meta tag, gzip', async () => {
  const files = fs.readdirSync(A);
  const wasm = files.find((f) => f.endsWith('_bg.wasm'));
  const glue = files.find((f) => /^chiso-[0-9a-f]{8,16}\.js$/.test(f));
  const css = files.find((f) => f.endsWith('.css'));
  const boot = files.find((f) => /^boot-[0-9a-f]{8,16}\.js$/.test(f));
  const gz = { 'accept-encoding': 'gzip' };
  const show = (name, r) => console.log(`${name}: HTTP ${r.status}\n${r.raw.reduce((s, v, i) => s + (i % 2 ? `${v}\n` : `  ${v}: `), '')}`);

  const redirect = await get(`${base}/chiso?x=1`);
  assert.equal(redirect.status, 301);
  assert.equal(redirect.headers.location, '/chiso/?x=1');

  const html = fs.readFileSync(path.join(A, 'index.html'));
  for (const p of ['/chiso/', '/chiso/index.html']) {
    const plain = await get(`${base}${p}`);
    assert.equal(plain.status, 200);
    assert.match(plain.headers['content-type'], /^text\/html/);
    assert.equal(plain.headers['cache-control'], 'no-cache');
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.deepEqual(plain.body, html);
    assert.equal(plain.headers['content-security-policy'], metaPolicy(html.toString()));
    const zipped = await get(`${base}${p}`, gz);
    assert.equal(zipped.headers['content-encoding'], 'gzip');
    assert.match(zipped.headers.vary, /Accept-Encoding/i);
    assert.deepEqual(zlib.gunzipSync(zipped.body), html);
    if (p === '/chiso/index.html') show(p, zipped);
  }

  const w = await get(`${base}/chiso/${wasm}`, gz);
  assert.equal(w.status, 200);
  assert.equal(w.headers['content-type'], 'application/wasm');
  assert.equal(w.headers['cache-control'], 'public, max-age=31536000, immutable');
  assert.equal(w.headers['content-encoding'], 'gzip');
  assert.deepEqual(zlib.gunzipSync(w.body), fs.readFileSync(path.join(A, wasm)));
  show(`/chiso/${wasm}`, w);
  const wPlain = await get(`${base}/chiso/${wasm}`);
  assert.equal(wPlain.headers['content-encoding'], undefined);
  assert.equal(wPlain.body.length, fs.statSync(path.join(A, wasm)).size);

  const sw = await get(`${base}/chiso/sw.js`, gz);
  assert.equal(sw.status, 200);
  assert.match(sw.headers['content-type'], /javascript/);
  assert.equal(sw.headers['cache-control'], 'no-cache');
  assert.equal(sw.headers['content-encoding'], 'gzip');
  assert.match(zlib.gunzipSync(sw.body).toString(), new RegExp(`const RELEASE = '${release(A)}';`));
  show('/chiso/sw.js', sw);

  for (const [f, type] of [[glue, /javascript/], [boot, /javascript/], [css, /^text\/css/]]) {
    const r = await get(`${base}/chiso/${f}`, gz);
    assert.equal(r.status, 200, f);
    assert.match(r.headers['content-type'], type, f);
    assert.equal(r.headers['cache-control'], 'public, max-age=31536000, immutable', f);
    assert.equal(r.headers['content-encoding'], 'gzip', f);
  }
  // Names without a content hash are revalidated.
  for (const f of ['fonts/NotoSans-Regular-vi.woff2', 'chiso-offline.html']) {
    const r = await get(`${base}/chiso/${f}`, gz);
    assert.equal(r.status, 200, f);
    assert.equal(r.headers['cache-control'], 'no-cache', f);
  }
  assert.equal((await get(`${base}/chiso/fonts/NotoSans-Regular-vi.woff2`)).headers['content-type'], 'font/woff2');
});

it('under /chiso/: the sample, a dropped file, the import worker, every file under /chiso/', async () => {
  const s = await session();
  const requests = [];
  s.context.on('request', (r) => requests.push(r.url()));
  const page = await s.open(`${base}/chiso/`);
  await page.waitForSelector('body[data-importer="worker"]');
  await page.click('[data-action="load-sample"]');
  await page.waitForSelector(SAMPLE_OK, ATTACHED);
  await page.setInputFiles('input[type="file"]', path.join(FIXTURES, 'xep-hang-2022.xlsx'));
  await page.waitForSelector('[data-import-file="xep-hang-2022.xlsx"][data-import-status="ok"]', ATTACHED);
  await page.waitForSelector('[data-chart="ranking"][data-rendered="true"]');
  assert.equal(await page.getAttribute('body', 'data-release'), release(A));
  // The page registered its service worker for its own folder.
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  assert.equal(scope, `${base}/chiso/`);
  const outside = requests.filter((u) => !/^(data|blob):/.test(u) && !u.startsWith(`${base}/chiso/`));
  assert.deepEqual(outside, []);
  assert.deepEqual(s.errors, []);
  await s.context.close();
});

it('under /chiso/: a shared link opens its view (with or without the final slash)', async () => {
  const s = await session();
  const a = await s.open(`${base}/chiso/`);
  await makeView(a);
  const link = await shareWithData(a);
  assert.ok(link.startsWith(`${base}/chiso/#1.`), link);
  const other = await session();
  await expectView(await other.open(link));
  // /chiso#1.… is redirected to /chiso/ and the browser keeps the view in the hash.
  const slashless = await other.open(link.replace('/chiso/#', '/chiso#'));
  assert.equal(new URL(slashless.url()).pathname, '/chiso/');
  await expectView(slashless);
  assert.deepEqual([...s.errors, ...other.errors], []);
  await s.context.close();
  await other.context.close();
});

it('under /chiso/: the offline copy downloads and opens from file:// with no network', async () => {
  const s = await session({ acceptDownloads: true });
  const page = await s.open(`${base}/chiso/`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="save-offline"]')]);
  const file = path.join(RUN, 'chiso-offline.html');
  await download.saveAs(file);
  assert.deepEqual(fs.readFileSync(file), fs.readFileSync(path.join(A, 'chiso-offline.html')));
  await s.context.close();

  const off = await session({ offline: true });
  const requests = [];
  await off.context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    requests.push(url);
    return route.abort();
  });
  const copy = await off.open(pathToFileURL(file).href);
  await copy.click('[data-action="load-sample"]');
  await copy.waitForSelector(SAMPLE_OK, ATTACHED);
  assert.deepEqual(requests.filter((u) => !/^(data|blob):/.test(u)), []);
  assert.deepEqual(off.errors, []);
  await off.context.close();
});

it('from the root of a site: the same rules, the same page', async () => {
  const s = await session();
  const page = await s.open(`${rootBase}/`);
  await page.waitForSelector('body[data-importer="worker"]');
  await page.click('[data-action="load-sample"]');
  await page.waitForSelector(SAMPLE_OK, ATTACHED);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  assert.equal(scope, `${rootBase}/`);
  const r = await get(`${rootBase}/index.html`);
  assert.equal(r.headers['content-security-policy'], metaPolicy(r.body.toString()));
  assert.deepEqual(s.errors, []);
  await s.context.close();
});

it('a new release reaches users who have the old one cached; old links open in it', async () => {
  const s = await session();
  const buildOf = (p) => p.getAttribute('body', 'data-build');
  const releaseOf = (p) => p.getAttribute('body', 'data-release');
  // The release of the worker that controls a page.
  const controller = (p) => p.evaluate(() => new Promise((resolve) => {
    const sw = navigator.serviceWorker.controller;
    if (!sw) return resolve(null);
    const ch = new MessageChannel();
    ch.port1.onmessage = (e) => resolve(e.data);
    sw.postMessage('release', [ch.port2]);
  }));

  // Build A, visited: its service worker installs and keeps it.
  const first = await s.open(`${base}/chiso/`);
  assert.notEqual(await buildOf(first), B_BUILD);
  assert.equal(await releaseOf(first), release(A));
  await first.waitForFunction(() => navigator.serviceWorker.controller !== null);
  assert.equal(await controller(first), release(A));
  await makeView(first);
  const oldLink = await shareWithData(first);
  const second = await s.open(`${base}/chiso/`);
  assert.equal(await controller(second), release(A));

  // Build B is deployed over it.
  deploy(B);

  // The next load runs B (the page comes from the network first) and B's worker takes over.
  await second.reload();
  await second.waitForSelector('[data-action="load-sample"]', ATTACHED);
  assert.equal(await buildOf(second), B_BUILD);
  assert.equal(await releaseOf(second), release(B));
  await second.waitForFunction(async (rel) => {
    const sw = navigator.serviceWorker.controller;
    if (!sw) return false;
    const ch = new MessageChannel();
    const got = new Promise((r) => { ch.port1.onmessage = (e) => r(e.data); });
    sw.postMessage('release', [ch.port2]);
    return (await got) === rel;
  }, release(B));
  await second.click('[data-action="load-sample"]');
  await second.waitForSelector(SAMPLE_OK, ATTACHED);
  assert.equal(await second.locator('[data-action="reload-update"]').count(), 0);

  // The page still open on A says so, in its language (English here), and reloads into B.
  const button = first.locator('[data-action="reload-update"]');
  await button.waitFor();
  assert.equal((await button.textContent()).trim(), 'A new version is available — reload');
  await Promise.all([first.waitForEvent('load'), button.click()]);
  await first.waitForSelector('[data-action="load-sample"]', ATTACHED);
  assert.equal(await buildOf(first), B_BUILD);
  // Its address kept the view (not the rows): the file again, and the view is back.
  assert.equal(await first.getAttribute('[data-link-pending]', 'data-link-pending'), 'chiso-mau.xlsx');
  await first.click('[data-action="load-sample"]');
  await expectView(first);

  // The link made on A opens its view on B.
  assert.match(oldLink, /#1\./);
  const third = await s.open(oldLink);
  assert.equal(await buildOf(third), B_BUILD);
  await expectView(third);

  // Only B's files are kept, and B opens with the network off.
  const kept = await third.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('chiso ')));
  assert.deepEqual(kept, [`chiso ${base}/chiso/ ${release(B)}`]);
  await s.context.setOffline(true);
  await third.reload();
  await third.waitForSelector('[data-action="load-sample"]', ATTACHED);
  assert.equal(await buildOf(third), B_BUILD);
  await third.click('[data-action="load-sample"]');
  await third.waitForSelector(SAMPLE_OK, ATTACHED);
  assert.deepEqual(s.errors, []);
  await s.context.close();
});
