// vitest's file order for `npm test` (vite.config.ts), for a pool of 3 workers on a 2-core machine:
// the two longest browser test files first, then the unit files, then the other browser files. Two
// workers drive Chromium from the start while the third runs the unit files one after another, then
// joins the browser files: the long files start at once, and the CPU never waits on one of them alone.
// Within each part, vitest's own order (slowest first when a previous run's durations are cached, else
// largest first), except the browser files measured longest on a clean clone, which go first in that order:
// CI has no cache, and by size the save guard's file (4 min) started after the unit files and ran alone at
// the end (CI=true .ci/run, 2026-11-29: it ended 10 s after every other file, having started at 2 min 32 s).
// vitest/node is loaded only when vitest sorts, so vite.config.ts stays light for `npm start`.
export const BROWSER_FILES_FIRST = 2;
/** Browser files by their time on a clean clone (`npm test`'s [progress] lines), longest first. */
export const LONGEST_FIRST = ['tests/saveGuard.test.ts', 'tests/fit.test.ts', 'tests/host.test.ts', 'tests/procedures.test.ts', 'tests/actions.test.ts', 'tests/scenarios.test.ts'];
const rank = (file) => {
  const index = LONGEST_FIRST.findIndex((name) => file.moduleId.endsWith(name));
  return index === -1 ? LONGEST_FIRST.length : index;
};

export default class BrowserFilesFirst {
  constructor(vitest) {
    this.vitest = vitest;
  }

  async base() {
    const { BaseSequencer } = await import('vitest/node');
    return new BaseSequencer(this.vitest);
  }

  async sort(files) {
    const sorted = await (await this.base()).sort(files);
    // A stable sort: the files not named keep vitest's order after the named ones.
    const browser = sorted.filter((file) => file.project.name === 'browser').sort((a, b) => rank(a) - rank(b));
    const others = sorted.filter((file) => file.project.name !== 'browser');
    return [...browser.slice(0, BROWSER_FILES_FIRST), ...others, ...browser.slice(BROWSER_FILES_FIRST)];
  }

  async shard(files) {
    return (await this.base()).shard(files);
  }
}
