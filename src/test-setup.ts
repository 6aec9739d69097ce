import { afterEach } from 'vitest';
import fc from 'fast-check';

// Property tests: 1,000 runs each by default; `PROPERTY_RUNS=10000 npm test` for a deeper search (README).
// A test gives no numRuns of its own, so that this knob sets them all — unless it asserts how many cases
// of each kind it met (e.g. harness/backstop.test.ts), which a run count of its own keeps meaningful.
const runs = Number(process.env.PROPERTY_RUNS);
fc.configureGlobal({ numRuns: Number.isSafeInteger(runs) && runs > 0 ? runs : 1000 });

// Component tests only (a DOM): Garden's theming reads matchMedia on import, and jsdom has none; each test's
// render is unmounted after it. Files without a DOM do not load React's testing library at all.
if (typeof window !== 'undefined' && !window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({ matches: false, media: query, onchange: null, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {}, dispatchEvent: () => false }) as MediaQueryList;
}
if (typeof window !== 'undefined') {
  const { cleanup } = await import('@testing-library/react');
  afterEach(cleanup);
}
