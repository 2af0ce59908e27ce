// Trunk's post-build hook: the steps below, one after the other (Trunk starts the hooks
// of one stage all at once, and each step needs the one before it). Every build, served
// or released, goes through them; by hand: node tools/post-build.mjs [dist]
//   csp.mjs         index.html's Content-Security-Policy; the loader script in its own file
//   ondemand.mjs    the PDF reader's files named by their content, and a meta tag naming them
//   release.mjs     the release id in index.html and sw.js, sw.js's list of files
//   bundle.mjs      the single-file offline copy, chiso-offline.html
//   precompress.mjs a .gz sibling of every file that compresses (for gzip_static)
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const dir = path.resolve(process.argv[2] || process.env.TRUNK_STAGING_DIR || 'dist');
const here = path.dirname(new URL(import.meta.url).pathname);
for (const step of ['csp.mjs', 'ondemand.mjs', 'release.mjs', 'bundle.mjs', 'precompress.mjs']) {
  const r = spawnSync(process.execPath, [path.join(here, step), dir], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`post-build: ${step} failed`);
    process.exit(r.status || 1);
  }
}
