/**
 * Pre-compresses the built web app (gzip + brotli) so the server sends small files without CPU per request.
 * `tsx scripts/compress-web.ts [folder]`: dist/web, or another build folder (RELAIS_WEB_DIST).
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const root = path.resolve(process.argv[2] ?? 'dist/web');
let files = 0;
for (const rel of fs.readdirSync(root, { recursive: true }) as string[]) {
  const f = path.join(root, rel);
  if (!fs.statSync(f).isFile() || !/\.(js|css|html|svg|json|geojson|txt)$/.test(f)) continue;
  const buf = fs.readFileSync(f);
  if (buf.length < 512) continue;
  fs.writeFileSync(`${f}.gz`, zlib.gzipSync(buf, { level: 9 }));
  fs.writeFileSync(`${f}.br`, zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
  files++;
}
console.log(`compressed ${files} files in ${path.relative('.', root) || '.'}`);
