// Trunk post-build step (run last by tools/post-build.mjs): writes a gzip-compressed
// sibling (`x.wasm.gz` beside `x.wasm`) of every file that compresses, so that a web
// server sends it as is (nginx: `gzip_static on`, see deploy/chiso-locations.conf)
// instead of compressing on every request. The files themselves are left as they are.
// Runs on $TRUNK_STAGING_DIR (or the folder given).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dir = path.resolve(process.argv[2] || process.env.TRUNK_STAGING_DIR || 'dist');
const COMPRESS = /\.(html|js|mjs|css|wasm|svg|json|txt)$/;

let count = 0, before = 0, after = 0;
const walk = (d) => {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const f = path.join(d, e.name);
    if (e.isDirectory()) { walk(f); continue; }
    if (!COMPRESS.test(e.name)) continue;
    const body = fs.readFileSync(f);
    const gz = zlib.gzipSync(body, { level: 9 });
    // A sibling that is not smaller is no use: the server then sends the file itself.
    if (gz.length >= body.length) { fs.rmSync(`${f}.gz`, { force: true }); continue; }
    fs.writeFileSync(`${f}.gz`, gz);
    // Same modification time as the file, so the server's Last-Modified is the file's.
    const { atime, mtime } = fs.statSync(f);
    fs.utimesSync(`${f}.gz`, atime, mtime);
    count++; before += body.length; after += gz.length;
  }
};
walk(dir);
console.log(`precompress: ${count} .gz siblings, ${before} → ${after} bytes`);
