// Trunk post-build step (run by tools/post-build.mjs, before release.mjs): the modules the
// page loads only on demand — the PDF reader, which Trunk builds as a "worker" under its
// crate's name (chiso-pdf.js, chiso-pdf_bg.wasm), without a content hash — get names by
// their content (chiso-pdf-<16 hex>.js, …_bg.wasm), as Trunk's own files have, so that a
// browser or the service worker never keeps a stale one; index.html tells the page where
// they are: <meta name="chiso-pdf" content="GLUE WASM"> (read by src/ui/worker/boot.rs).
// Runs on $TRUNK_STAGING_DIR (or the folder given).
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const dir = path.resolve(process.argv[2] || process.env.TRUNK_STAGING_DIR || 'dist');
const name = 'chiso-pdf';
const glue = path.join(dir, `${name}.js`);
const wasm = path.join(dir, `${name}_bg.wasm`);
const htmlFile = path.join(dir, 'index.html');
let html = fs.readFileSync(htmlFile, 'utf8').replace(/\s*<meta name="chiso-pdf"[^>]*>/, '');
if (!fs.existsSync(glue) || !fs.existsSync(wasm)) {
  // Already named (this step ran on this folder before), or not built.
  const named = fs.readdirSync(dir).filter((f) => /^chiso-pdf-[0-9a-f]{16}(\.js|_bg\.wasm)$/.test(f));
  if (named.length !== 2) throw new Error(`ondemand: no ${name}.js and ${name}_bg.wasm in ${dir}`);
  const [g, w] = [named.find((f) => f.endsWith('.js')), named.find((f) => f.endsWith('.wasm'))];
  fs.writeFileSync(htmlFile, meta(html, g, w));
  console.log(`ondemand: ${g} ${w} (already named)`);
} else {
  const hash = crypto.createHash('sha256').update(fs.readFileSync(glue)).update(fs.readFileSync(wasm)).digest('hex').slice(0, 16);
  const [g, w] = [`${name}-${hash}.js`, `${name}-${hash}_bg.wasm`];
  // The glue's own default path to its wasm is never used (the worker passes the wasm).
  fs.renameSync(glue, path.join(dir, g));
  fs.renameSync(wasm, path.join(dir, w));
  fs.writeFileSync(htmlFile, meta(html, g, w));
  console.log(`ondemand: ${g} ${w}`);
}

function meta(html, g, w) {
  return html.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n  <meta name="chiso-pdf" content="${g} ${w}">`);
}
