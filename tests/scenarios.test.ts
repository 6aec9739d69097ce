import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { bundledScenarioFiles } from '../harness/testing';
import { EXPECTED, settled, withoutInjectedHttpErrors } from './expectations';
import { appCalls, expectNoProblems, harnessUrl, launch, openScenario, screenshot, shownFindings, sidebar, watchedPage } from './browser';

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(async () => browser?.close());

describe('every bundled scenario in Chromium', () => {
  it('has an expectation for each bundled scenario', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(bundledScenarioFiles().map((file) => file.replace(/\.json$/, '')));
  });

  // A scenario the app is wrong on today runs as a known failure (EXPECTED[…].knownFailure says why).
  for (const [name, expected] of Object.entries(EXPECTED)) it(`${name} shows what the agent must see`, { fails: Boolean(expected.knownFailure) }, async () => {
    const watched = await watchedPage(browser);
    const { page } = watched;
    await openScenario(page, name);
    if (expected.wait) await sidebar(page).getByText(expected.wait).first().waitFor({ timeout: 15_000 });
    if (expected.knownFailure) await settled(sidebar(page));
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
  });

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
