// Writes dist/chiso-offline.html: the release build as ONE self-contained file that works
// when opened from file:// with no network. The wasm is gzip-compressed and base64-inlined
// (the browser decompresses it with DecompressionStream), the JS glue is imported from a
// blob: URL, CSS and fonts are inlined. Runs as a Trunk post-build hook (on
// $TRUNK_STAGING_DIR), so every build, served or released, offers it; or by hand:
// node tools/bundle.mjs [dist]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = path.resolve(process.argv[2] || process.env.TRUNK_STAGING_DIR || 'dist');
const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
// Trunk's loader script, moved into its own file by tools/csp.mjs (or still inline).
const bootSrc = html.match(/<script type="module" src="\.?\/?([^"]+)"/);
const loader = bootSrc ? fs.readFileSync(path.join(dist, bootSrc[1]), 'utf8') : html;
const find = (re, what) => {
  const m = (re.source.startsWith('<link') ? html : loader).match(re);
  if (!m) throw new Error(`bundle: no ${what} in ${dist}/index.html (run make build first)`);
  return m[1];
};
const cssFile = find(/<link rel="stylesheet" href="\.?\/?([^"]+\.css)"/, 'stylesheet');
const jsFile = find(/from '\.?\/?([^']+\.js)'/, 'JS glue');
const wasmFile = find(/module_or_path: '\.?\/?([^']+\.wasm)'/, 'wasm');

const b64 = (buf) => Buffer.from(buf).toString('base64');
let css = fs.readFileSync(path.join(dist, cssFile), 'utf8');
css = css.replace(/url\("?(fonts\/[^")]+)"?\)/g, (_, f) => `url("data:font/woff2;base64,${b64(fs.readFileSync(path.join(dist, f)))}")`);
const glue = fs.readFileSync(path.join(dist, jsFile), 'utf8');
const wasm = fs.readFileSync(path.join(dist, wasmFile));
const wasmGz = zlib.gzipSync(wasm, { level: 9 });
// The PDF reader (loaded on demand by the import worker, tools/ondemand.mjs): in the file
// too, as text the worker loads only when a PDF comes.
const pdfMeta = html.match(/<meta name="chiso-pdf" content="([^" ]+) ([^"]+)">/);
if (!pdfMeta) throw new Error(`bundle: no chiso-pdf meta in ${dist}/index.html (tools/ondemand.mjs)`);
const pdfGlue = fs.readFileSync(path.join(dist, pdfMeta[1]), 'utf8');
const pdfWasmGz = zlib.gzipSync(fs.readFileSync(path.join(dist, pdfMeta[2])), { level: 9 });
// Text placed inside <script> must never close it.
const literal = (s) => JSON.stringify(s).replace(/</g, '\\u003c');

const csp = [
  "default-src 'none'",
  "script-src 'unsafe-inline' blob: 'wasm-unsafe-eval'",
  "style-src 'unsafe-inline'",
  'font-src data:',
  'img-src data: blob:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const head = html
  .slice(html.indexOf('<head>') + 6, html.indexOf('</head>'))
  .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')
  .replace(/<link rel="stylesheet"[^>]*>/, '')
  .replace(/<meta name="chiso-release"[^>]*>/, '')
  .replace(/<meta name="chiso-pdf"[^>]*>/, '')
  .replace(/<script type="module"[^>]*>[\s\S]*?<\/script>/g, '')
  .replace(/<link rel="(modulepreload|preload)"[^>]*>/g, '');

const boot = `
const wasmGz = Uint8Array.from(atob(${literal(b64(wasmGz))}), (c) => c.charCodeAt(0));
const wasm = await new Response(new Blob([wasmGz]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
// The import worker loads the glue from this text (see src/ui/worker/boot.rs), and the
// PDF reader from these when a PDF comes.
globalThis.chisoGlueSource = ${literal(glue)};
globalThis.chisoPdfGlueSource = ${literal(pdfGlue)};
globalThis.chisoPdfWasmGz = ${literal(b64(pdfWasmGz))};
const glue = await import(URL.createObjectURL(new Blob([globalThis.chisoGlueSource], { type: 'text/javascript' })));
await glue.default({ module_or_path: wasm });
`;

const out = `<!DOCTYPE html>
<html lang="vi">
<head>
<meta http-equiv="Content-Security-Policy" content="${csp}">
${head.trim()}
<meta name="chiso-offline" content="true">
<style>${css}</style>
</head>
<body>
<noscript>Chỉ Số cần JavaScript và WebAssembly. / Chỉ Số needs JavaScript and WebAssembly.</noscript>
<script type="module">${boot}</script>
</body>
</html>
`;
const target = path.join(dist, 'chiso-offline.html');
fs.writeFileSync(target, out);
console.log(`wrote ${target}: ${out.length} bytes (wasm ${wasm.length} → gzip ${wasmGz.length})`);
