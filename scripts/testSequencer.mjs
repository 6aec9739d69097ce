// vitest's file order for `npm test` (vite.config.ts), for a pool of 3 workers on a 2-core machine:
// the two longest browser test files first, then the unit files, then the other browser files. Two
// workers drive Chromium from the start while the third runs the unit files one after another, then
// joins the browser files: the long files start at once, and the CPU never waits on one of them alone.
// Within each part, vitest's own order: slowest first when a previous run's durations are cached, else
// largest first. vitest/node is loaded only when vitest sorts, so vite.config.ts stays light for `npm start`.
export const BROWSER_FILES_FIRST = 2;

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
    const browser = sorted.filter((file) => file.project.name === 'browser');
    const others = sorted.filter((file) => file.project.name !== 'browser');
    return [...browser.slice(0, BROWSER_FILES_FIRST), ...others, ...browser.slice(BROWSER_FILES_FIRST)];
  }

  async shard(files) {
    return (await this.base()).shard(files);
  }
}
