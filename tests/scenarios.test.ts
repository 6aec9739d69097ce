import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { bundledScenarioFiles, readScenario } from '../harness/testing';
import { EXPECTED, KNOWN_FAILURES, MET, settled, withoutInjectedHttpErrors, type Expected } from './expectations';
import { appCalls, expectNoProblems, FAST_REST, harnessUrl, launch, openScenario, screenshot, shownFindings, sidebar, watchedPage } from './browser';

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(async () => browser?.close());

/** Opens the scenario in the harness and checks what the agent sees; a scenario with REST faults gets short REST bounds. */
async function seesWhatItMust(name: string, expected: Expected) {
  const watched = await watchedPage(browser);
  const { page } = watched;
  await openScenario(page, name, readScenario(name).faults.requests.length > 0 ? FAST_REST : '');
  // A known failure waits until the sidebar settles, never for the right answer's text (see settled()).
  if (expected.knownFailure || expected.settle) await settled(sidebar(page));
  else if (expected.wait) await sidebar(page).getByText(expected.wait).first().waitFor({ timeout: 15_000 });
  expect(await shownFindings(page)).toEqual(expected.findings);
  // First render: one batched get, before anything else the app asks of Zendesk.
  const calls = await appCalls(page);
  expect(calls.filter((call) => call.kind === 'get')).toHaveLength(1);
  expect(calls.findIndex((call) => call.kind === 'get')).toBeLessThan(Math.max(0, calls.findIndex((call) => call.kind === 'request')) || Infinity);
  const text = await sidebar(page).innerText();
  for (const fragment of expected.texts) expect(text).toContain(fragment);
  for (const fragment of expected.absent ?? []) expect(text).not.toContain(fragment);
  if (name === '20-os-on-hold') expect(await sidebar(page).getByTestId('os-checklist').count()).toBe(0);
  if (expected.shot) await screenshot(page, expected.shot);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  if (expected.httpErrors) withoutInjectedHttpErrors(watched);
  expectNoProblems(watched);
  await page.context().close();
}

describe('every bundled scenario in Chromium', () => {
  it('has an expectation for each bundled scenario', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(bundledScenarioFiles().map((file) => file.replace(/\.json$/, '')));
  });

  // A scenario the app is wrong on today runs as a known failure (EXPECTED[…].knownFailure says why).
  // Each test has its own browser context: they run side by side.
  it.concurrent.for(MET)('%s shows what the agent must see', ([name, expected]) => seesWhatItMust(name, expected));

  it.concurrent.fails.for(KNOWN_FAILURES)('%s shows what the agent must see (known failure)', ([name, expected]) => seesWhatItMust(name, expected));

  it('a malformed scenario gets a clear error naming the bad part', async () => {
    const watched = await watchedPage(browser);
    const { page } = watched;
    await page.goto(`${harnessUrl()}/harness/?scenario=/tests/fixtures/malformed-scenario.json`);
    const error = page.getByTestId('scenario-error');
    await error.waitFor();
    const text = await error.innerText();
    expect(text).toContain('ticket.id: Invalid input: expected number, received string');
    expect(text).toContain('users[0].name: ');
    expectNoProblems(watched);
    await page.context().close();
  });
});

describe('the harness frame', () => {
  it("is Zendesk's sidebar width (320 px) by default, and the width picker widens it", async () => {
    const watched = await watchedPage(browser);
    const { page } = watched;
    await openScenario(page, '01-prime-gold-clean');
    const width = () => sidebar(page).evaluate((frame) => frame.clientWidth);
    expect(await width()).toBe(320);
    expect(await page.getByTestId('width-picker').inputValue()).toBe('320');
    await page.getByTestId('width-picker').selectOption('400');
    await page.waitForURL(/[?&]width=400/);
    await page.locator('main.sentinela[data-phase="ready"]').waitFor();
    expect(await width()).toBe(400);
    expectNoProblems(watched);
    await page.context().close();
  });
});
