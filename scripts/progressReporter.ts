import type { Reporter, TestCase, TestModule, TestSpecification } from 'vitest/node';

/**
 * `npm test`'s progress lines (beside vitest's own reporter, which prints each file when it ends and the
 * failures at the end): a line when a file starts, one when it ends with the run's count so far, and a
 * heartbeat every HEARTBEAT_MS naming the files still running, so a long file never looks like a hang.
 */
const HEARTBEAT_MS = 20_000;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const clock = (ms: number) => `${Math.floor(ms / 60_000)}m${String(Math.floor((ms % 60_000) / 1000)).padStart(2, '0')}s`;

export default class ProgressReporter implements Reporter {
  private started = Date.now();
  private files = 0;
  private filesDone = 0;
  private tests = { passed: 0, failed: 0, skipped: 0 };
  private running = new Map<string, { since: number; done: number }>();
  private heartbeat: ReturnType<typeof setInterval> | null = null;

  private print(line: string) {
    process.stdout.write(`[progress ${clock(Date.now() - this.started)}] ${line}\n`);
  }

  private name(module: TestModule) {
    return `${module.project.name} ${module.relativeModuleId}`;
  }

  onTestRunStart(specifications: ReadonlyArray<TestSpecification>) {
    this.started = Date.now();
    this.files = specifications.length;
    this.print(`${this.files} test files`);
    this.heartbeat = setInterval(() => {
      const now = Date.now();
      const running = [...this.running].map(([name, file]) => `${name} (${file.done} tests done, ${seconds(now - file.since)})`);
      this.print(`${this.filesDone}/${this.files} files, ${this.tests.passed + this.tests.failed + this.tests.skipped} tests done; running: ${running.join(', ') || 'setup'}`);
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  onTestModuleStart(module: TestModule) {
    this.running.set(this.name(module), { since: Date.now(), done: 0 });
    this.print(`start ${this.name(module)}`);
  }

  onTestCaseResult(testCase: TestCase) {
    const state = testCase.result().state;
    if (state === 'passed') this.tests.passed += 1;
    else if (state === 'failed') this.tests.failed += 1;
    else this.tests.skipped += 1;
    const file = this.running.get(this.name(testCase.module));
    if (file) file.done += 1;
  }

  onTestModuleEnd(module: TestModule) {
    const file = this.running.get(this.name(module));
    this.running.delete(this.name(module));
    this.filesDone += 1;
    const { passed, failed, skipped } = this.tests;
    this.print(`${module.state() === 'failed' ? 'FAILED' : 'done'} ${this.name(module)} in ${seconds(Date.now() - (file?.since ?? Date.now()))} [${this.filesDone}/${this.files} files; so far ${passed} passed, ${failed} failed, ${skipped} skipped]`);
  }

  onTestRunEnd() {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
  }
}
