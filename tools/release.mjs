// Trunk post-build step (run by tools/post-build.mjs): names the release and tells the
// service worker what it is made of.
//
// The release id is a hash of every file the page loads (index.html, Trunk's hashed JS,
// wasm and CSS, the boot script, the fonts), so two builds of the same sources get the same
// id and any change gets a new one. It is written
//   - into index.html as <meta name="chiso-release" content="…">: the page compares it with
//     the service worker's (src/ui/release.rs) to know whether a waiting worker is newer;
//   - into sw.js (RELEASE, and ASSETS: the files to keep for offline use), so that sw.js
//     changes byte for byte with every release: browsers then install the new worker,
//     which keeps the new files in a cache of its own and drops the old release's.
// Runs on $TRUNK_STAGING_DIR (or the folder given).
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const dir = path.resolve(process.argv[2] || process.env.TRUNK_STAGING_DIR || 'dist');

// Every file under dir, as '/'-separated paths relative to it.
function walk(d, base = '') {
  return fs.readdirSync(path.join(d, base), { withFileTypes: true }).flatMap((e) => {
    const rel = base ? `${base}/${e.name}` : e.name;
    return e.isDirectory() ? walk(d, rel) : [rel];
  });
}

// What the page loads, so what works offline: not the worker itself, not the offline
// copy (a download, made after this step), no pre-compressed sibling, no licence text,
// and not the modules loaded on demand (the PDF reader: a visit that never reads a PDF
// never downloads it; named in index.html, which is kept, so they are in the release id).
const onDemand = (f) => /^chiso-pdf-[0-9a-f]{16}(\.js|_bg\.wasm)$/.test(f);
const assets = walk(dir)
  .filter((f) => !/^\./.test(f) && f !== 'sw.js' && f !== 'chiso-offline.html' && !/\.(gz|br|txt)$/.test(f))
  .filter((f) => !onDemand(f))
  .sort();
if (!assets.includes('index.html')) throw new Error(`release: no index.html in ${dir}`);

const htmlFile = path.join(dir, 'index.html');
let html = fs.readFileSync(htmlFile, 'utf8').replace(/\s*<meta name="chiso-release"[^>]*>/, '');
fs.writeFileSync(htmlFile, html);
const hash = crypto.createHash('sha256');
for (const f of assets) hash.update(`${f}\0`).update(fs.readFileSync(path.join(dir, f))).update('\0');
const release = hash.digest('hex').slice(0, 16);

html = html.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n  <meta name="chiso-release" content="${release}">`);
fs.writeFileSync(htmlFile, html);

const swFile = path.join(dir, 'sw.js');
let sw = fs.readFileSync(swFile, 'utf8');
const stamp = (re, line) => {
  if (!re.test(sw)) throw new Error(`release: ${re} not found in ${swFile}`);
  sw = sw.replace(re, line);
};
stamp(/^const RELEASE = .*$/m, `const RELEASE = '${release}';`);
stamp(/^const ASSETS = .*$/m, `const ASSETS = ${JSON.stringify(assets)};`);
fs.writeFileSync(swFile, sw);
console.log(`release ${release}: ${assets.length} files kept offline by sw.js`);
