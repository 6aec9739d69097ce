// @vitest-environment node
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_PAINT_BUDGET_GZIP, firstPaintOf } from './firstPaint.mjs';
import { buildApp } from './servers.mjs';

// A size, not a time: the app built as Zendesk serves it (production: vitest's NODE_ENV=test would make Vite
// bundle React's development code) against the first-paint budget of DEVELOPERS.md. `npm run bench` reports
// the same figure beside the libraries' floor.
describe('the production build', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'sentinela-build-'));
  let built: ReturnType<typeof firstPaintOf>;
  beforeAll(async () => {
    // Vite and its React plugin decide "production" from NODE_ENV itself (vitest's is `test`: the JSX would
    // go through the development runtime): buildApp builds with NODE_ENV=production, restored after.
    await buildApp(join(outDir, 'assets'));
    built = firstPaintOf(join(outDir, 'assets'));
  }, 180_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it(`loads at most ${FIRST_PAINT_BUDGET_GZIP / 1024} KB gzip before first paint, in one script`, () => {
    expect(built.files.filter((file) => file.endsWith('.js'))).toHaveLength(1);
    expect(built.gzip, `first paint is ${(built.gzip / 1024).toFixed(1)} KB gzip: ${built.files.join(', ')}`).toBeLessThanOrEqual(FIRST_PAINT_BUDGET_GZIP);
  });

  it('keeps what first paint does not need in chunks loaded later', () => {
    expect(built.lazy.files.length).toBeGreaterThan(0);
    expect(built.lazy.gzip).toBeGreaterThan(0);
  });
});
