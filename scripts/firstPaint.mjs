// What the sidebar loads before its first paint: the JS and CSS files the built iframe.html names, raw and
// gzip -9 (KB = 1,024 bytes). One measurement for `npm run bench` and the budget test (tests/bundle.test.ts).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The first-paint budget of DEVELOPERS.md: ≤ 100 KB gzip. */
export const FIRST_PAINT_BUDGET_GZIP = 100 * 1024;

/**
 * Sizes of files in `dir`, summed.
 * @param {string[]} files names inside dir
 * @param {string} dir
 * @returns {{ raw: number, gzip: number }} bytes
 */
export function measureFiles(files, dir) {
  return files.reduce((total, file) => {
    const data = readFileSync(join(dir, file));
    return { raw: total.raw + data.length, gzip: total.gzip + gzipSync(data, { level: 9 }).length };
  }, { raw: 0, gzip: 0 });
}

/**
 * The built app's first paint and what loads later.
 * @param {string} assetsDir the build's folder holding iframe.html (dist/assets)
 * @returns {{ files: string[], raw: number, gzip: number, lazy: { files: string[], raw: number, gzip: number } }}
 * @throws when iframe.html is missing (no build) or names no script
 */
export function firstPaintOf(assetsDir) {
  const html = readFileSync(join(assetsDir, 'iframe.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\.\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  if (!files.some((file) => file.endsWith('.js'))) throw new Error(`${assetsDir}/iframe.html names no script`);
  const lazyFiles = readdirSync(assetsDir).filter((f) => /\.(js|css)$/.test(f) && !files.includes(f));
  return { files, ...measureFiles(files, assetsDir), lazy: { files: lazyFiles, ...measureFiles(lazyFiles, assetsDir) } };
}
