import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type FrameLocator, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export { CHROMIUM } from './chromium';

/**
 * The run's one Chromium (started by tests/globalSetup.ts), connected for this test file: files share
 * the browser, each test isolates itself in its own context (`watchedPage`). `browser.close()` in
 * `afterAll` disconnects this file and closes the contexts it made; the browser stays up for the others.
 */
export async function launch(): Promise<Browser> {
  return chromium.connect(inject('browserWsEndpoint'));
}

export interface Watched {
  page: Page;
  /** Console errors, page errors, and requests to anything but this machine. */
  problems: string[];
}

/** A page that records what must never happen: console errors, uncaught errors, requests off this machine. */
export async function watchedPage(browser: Browser, options: { viewport?: { width: number; height: number } } = {}): Promise<Watched> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1100, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || ['localhost', '127.0.0.1'].includes(url.hostname)) return route.continue();
    problems.push(`request off the machine: ${url.href}`);
    return route.abort();
  });
  return { page, problems };
}

export const harnessUrl = () => inject('harnessUrl');

/**
 * Harness query for tests whose subject is a REST fault: the app gives up on a request after 3 s (not
 * its production 8 s) and sleeps a tenth of Retry-After / back-off waits (harness/main.tsx `restPolicy`).
 * Only the harness takes it; the production build in the protocol host keeps its own bounds.
 */
export const FAST_REST = '&restTimeoutMs=3000&restSleepScale=0.1';

/**
 * The app's first findings are painted and its save check is in (its own chunk, loaded after first paint: a save
 * that comes before it waits for it only within the save's 2 s deadline, then goes by failMode with "the check had
 * not loaded yet" — on a busy machine the chunk can take longer than that: CI, 2026-11-29). What a test that opens
 * a ticket and saves means; a test whose subject is that race does not wait for it (openInHost's waitReady: false).
 */
export const READY = 'main.sentinela[data-phase="ready"][data-guard="loaded"]';

/** A bundled scenario by name, or any scenario by URL (a `data:` URL: an edited scenario, which no service worker intercepts). */
const scenarioUrl = (name: string) => (/^(data|https?):/.test(name) ? encodeURIComponent(name) : `/harness/scenarios/${name}.json`);

/** Opens a bundled scenario in the harness and waits for the app's first findings (and its save check: READY). */
export async function openScenario(page: Page, name: string, query = ''): Promise<void> {
  await page.goto(`${harnessUrl()}/harness/?scenario=${scenarioUrl(name)}${query}`);
  await page.waitForFunction(() => window.zafMock !== undefined);
  await page.evaluate(() => window.zafMock!.ready);
  await page.locator(READY).waitFor();
}

export const sidebar = (page: Page) => page.getByTestId('sidebar');

/** Zendesk's ticket sidebar is 320 px wide: the harness frame at that width (call before openScenario). */
export async function at320(page: Page) {
  await page.addInitScript(() => {
    const style = () => {
      const tag = document.createElement('style');
      tag.textContent = '[data-testid="sidebar"] { width: 320px !important; border: 0 !important; }';
      document.head.appendChild(tag);
    };
    if (document.head) style();
    else document.addEventListener('DOMContentLoaded', style);
  });
}

/** The app's own ZAF calls, as the harness logged them (resizes left out). */
export async function appCalls(page: Page) {
  return page.evaluate(() => window.zafMock!.calls.filter((call) => !(call.kind === 'invoke' && call.target === 'resize')).map((call) => ({ kind: call.kind, target: call.target, args: call.args })));
}

export async function shownFindings(page: Page) {
  return sidebar(page)
    .locator('[data-finding][data-severity]')
    .evaluateAll((nodes) => nodes.map((node) => `${node.getAttribute('data-severity')}:${node.getAttribute('data-finding')}:${node.getAttribute('role')}`));
}

const SCREENSHOTS = resolve(import.meta.dirname, '..', process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots' : 'test-results/screenshots');

/** A PNG of the sidebar: committed under docs/screenshots by `npm run screenshots`. */
export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // At Zendesk's sidebar width, as agents see it.
  await page.addStyleTag({ content: '[data-testid="sidebar"] { width: 320px !important; border: 0 !important; }' });
  await page.waitForTimeout(300);
  await sidebar(page).screenshot({ path: resolve(SCREENSHOTS, `${name}.png`) });
}

export function expectNoProblems(watched: Watched) {
  expect(watched.problems).toEqual([]);
}

/** Zendesk's CDN URL of the SDK, as src/iframe.html names it: answered with the npm package's copy. */
export { SDK_URL } from '../scripts/servers.mjs';
import { SDK_URL } from '../scripts/servers.mjs';

/**
 * Opens the production build inside the Zendesk-protocol test host (tests/host), on a bundled scenario.
 * Returns the app's frame once its first findings are painted and its save check is in (READY; unless `waitReady` is false).
 */
export async function openInHost(watched: Watched, name: string, options: { latencyMs?: number; holdGet?: boolean; waitReady?: boolean; unreadable?: readonly string[] } = {}) {
  const { page } = watched;
  await page.context().route(SDK_URL, (route) => route.fulfill({ path: inject('sdkPath'), contentType: 'text/javascript' }));
  const query = new URLSearchParams({
    scenario: /^(data|https?):/.test(name) ? name : `/harness/scenarios/${name}.json`,
    app: inject('appUrl'),
    latency: String(options.latencyMs ?? 0),
    ...(options.holdGet ? { holdGet: '1' } : {}),
    ...(options.unreadable?.length ? { unreadable: options.unreadable.join(',') } : {}),
  });
  await page.goto(`${harnessUrl()}/tests/host/index.html?${query}`);
  await page.waitForFunction(() => window.zendeskHost !== undefined);
  const frame = page.frameLocator('iframe[title="Sentinela"]');
  if (options.waitReady !== false) await frame.locator(READY).waitFor();
  return frame;
}

/**
 * The app has asked the host nothing new for 200 ms: its look-ups, and the reads they start, have been
 * made (the host cannot see inside the app's frame, so quiet is the condition; zafMock.settled() is the
 * harness's finer one).
 */
export async function hostSettled(page: Page, quietMs = 200, timeoutMs = 15_000) {
  // A plain loop, not expect.poll: it is called from it.concurrent tests, where the global expect has no test.
  const started = Date.now();
  let last = await page.evaluate(() => window.zendeskHost!.calls.length);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    const count = await page.evaluate(() => window.zendeskHost!.calls.length);
    if (count === last) return;
    last = count;
    if (Date.now() - started > timeoutMs) throw new Error(`the app kept asking the host for ${timeoutMs} ms (${count} calls)`);
  }
}

/** What the app asked of Zendesk through the protocol, as the host logged it. */
export async function hostCalls(page: Page) {
  return page.evaluate(() => window.zendeskHost!.calls.filter((call) => !(call.kind === 'invoke' && call.target === 'resize')).map((call) => ({ kind: call.kind, target: call.target, args: call.args })));
}

/**
 * The look-ups have started (`<main data-lookups="true">`) and the O.S. checklist is not reading the saved
 * notes: they are read, failed, or not worth reading yet (issue 16: only once they can change the verdict).
 * Until the look-ups' chunk is in, the notes are idle whatever is coming, and a test that only waited for
 * "reading" to go would pass straight through on a slow machine (CI, 2026-11-29).
 */
export async function notesRead(root: Pick<Page, 'getByText' | 'locator'> | FrameLocator) {
  await root.locator('main.sentinela[data-lookups="true"]').waitFor({ timeout: 15_000 });
  await root.getByText('lendo as observações salvas…').first().waitFor({ state: 'detached', timeout: 15_000 });
}
