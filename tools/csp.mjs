// Trunk post-build step (run by tools/post-build.mjs): gives index.html a
// Content-Security-Policy that allows no remote origin and no inline script. Trunk's inline
// loader script is moved into its own file, named by its content's hash
// (`boot-<16 hex>.js`, cached for ever like Trunk's hashed files), so that the policy is
// the same for every build: a web server can send it as an HTTP header
// (deploy/chiso-locations.conf sends exactly POLICY; tests/e2e/hosting.test.mjs checks
// that the header equals this meta tag). Runs on $TRUNK_STAGING_DIR (or the folder given).
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { pathToFileURL } from 'node:url';

export const POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  // Yew sets style attributes (chart sizes, heat-map colours): styles only, no script.
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export function csp(dir) {
  const file = path.join(dir, 'index.html');
  let html = fs.readFileSync(file, 'utf8');
  let moved = 0;
  html = html.replace(/<script type="module">([\s\S]*?)<\/script>/g, (_, code) => {
    const hash = crypto.createHash('sha256').update(code, 'utf8').digest('hex').slice(0, 16);
    const name = `boot-${hash}.js`;
    fs.writeFileSync(path.join(dir, name), code);
    const sri = crypto.createHash('sha384').update(code, 'utf8').digest('base64');
    moved++;
    return `<script type="module" src="./${name}" integrity="sha384-${sri}"></script>`;
  });
  html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n?\s*/, '');
  html = html.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n  <meta http-equiv="Content-Security-Policy" content="${POLICY}">`);
  fs.writeFileSync(file, html);
  console.log(`csp: ${moved} inline script(s) moved to boot-*.js in ${file}; no inline script allowed`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  csp(process.argv[2] || process.env.TRUNK_STAGING_DIR || 'dist');
}
