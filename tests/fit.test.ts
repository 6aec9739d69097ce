import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { EXPECTED, withoutInjectedHttpErrors } from './expectations';
import { at320, expectNoProblems, launch, openScenario, sidebar, watchedPage } from './browser';
import { RESIZE_MAX_WAIT_MS } from '../src/ui/autoResize';

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(async () => browser?.close());

/** A laptop shows about 530 px of sidebar; every block and its action must be in the first 400 px. */
const LAPTOP_PX = 530;
const BLOCK_PX = 400;

/**
 * Scenarios that are not an agent's typical ticket: their height is measured and printed, not held to
 * 530 px (blocks and their actions are, everywhere). The setup assistant's scenarios are an admin's
 * install in progress (role admin, field IDs not mapped yet: the O.S. checklist cannot check its items,
 * the configuration list and the assistant's entry are shown); a known failure (EXPECTED[…].knownFailure)
 * shows what the app wrongly says today, not what the agent will see.
 */
function notTypical(name: string, expected: (typeof EXPECTED)[string]): string | null {
  if (name === '21-setup-fresh-install' || name === '22-setup-conflicts') return 'an admin setting the app up';
  if (expected.knownFailure) return `known failure: ${expected.knownFailure.split(':')[0]}`;
  return null;
}

interface Layout {
  height: number;
  blocks: { id: string; bottom: number; actionsBottom: number }[];
  resizes: number[];
  /** When each resize was sent, in ms after the app was mounted. */
  resizedAt: number[];
}

/** The sidebar's height and where each block and its actions end, in px from the sidebar's top. */
async function layout(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const main = document.querySelector('main.sentinela')!;
    const top = main.getBoundingClientRect().top;
    const blocks = [...main.querySelectorAll('[data-severity="block"]')].map((node) => {
      const buttons = [...node.querySelectorAll('button')];
      return {
        id: node.getAttribute('data-finding') ?? '',
        bottom: Math.round(node.getBoundingClientRect().bottom - top),
        actionsBottom: Math.round(Math.max(0, ...buttons.map((button) => button.getBoundingClientRect().bottom - top))),
      };
    });
    const calls = window.zafMock!.calls.filter((call) => call.kind === 'invoke' && call.target === 'resize');
    const resizes = calls.map((call) => Number.parseInt(String((call.args[0] as { height: string }).height), 10));
    const mounted = performance.timeOrigin + window.zafMock!.startedAt!;
    return { height: Math.round(main.getBoundingClientRect().height), blocks, resizes, resizedAt: calls.map((call) => Math.round(call.at - mounted)) };
  });
}

describe('fits a laptop at 320 px: every bundled scenario', () => {
  const measured: Record<string, Layout> = {};
  afterAll(() => {
    // The table of docs/notes: scenario, height, where the blocks end, resizes per load.
    console.log(Object.entries(measured).map(([name, m]) => `| ${name}${notTypical(name, EXPECTED[name]) ? ` (${notTypical(name, EXPECTED[name])})` : ''} | ${m.height} | ${m.blocks.map((b) => `${b.id} ${b.bottom} (action ${b.actionsBottom})`).join(', ') || '—'} | ${m.resizes.length} |`).join('\n'));
  });

  it.each(Object.entries(EXPECTED))('%s: ≤ 530 px tall, blocks and their actions within 400 px, one resize once settled', async (name, expected) => {
    const watched = await watchedPage(browser);
    const { page } = watched;
    await at320(page);
    await openScenario(page, name);
    // Settled: the look-ups started and answered — the scenario's text that says so, or zafMock.settled() (not both: a
    // request that never answers, scenario 17, is never "settled" for the harness) — then the last resize sent, the one
    // that matches the height (RESIZE_SETTLE_MS after the last change; on a busy machine the procedures panel may come later still).
    if (expected.wait) await sidebar(page).getByText(expected.wait).first().waitFor({ timeout: 15_000 });
    else await page.evaluate(() => window.zafMock!.settled());
    await page
      .waitForFunction(
        () => {
          const sent = window.zafMock!.calls.filter((call) => call.kind === 'invoke' && call.target === 'resize').at(-1);
          const height = Math.round(document.querySelector('main.sentinela')!.getBoundingClientRect().height) + 8;
          return sent !== undefined && Math.abs(Number.parseInt(String((sent.args[0] as { height: string }).height), 10) - height) <= 2;
        },
        undefined,
        { timeout: 15_000 },
      )
      .catch(() => undefined); // the assertions below say what is wrong
    // No further resize comes for a while.
    await page.waitForTimeout(500);
    const m = await layout(page);
    measured[name] = m;
    // Nothing runs past the sidebar's right edge (a long value without spaces wraps: scenario 19).
    const overflowing = await page.evaluate(() => {
      const main = document.querySelector('main.sentinela')!;
      const right = main.getBoundingClientRect().right;
      return [...main.querySelectorAll('*')].filter((node) => node.getBoundingClientRect().right > right + 1).map((node) => `${node.tagName.toLowerCase()}.${node.className}: ${(node.textContent ?? '').slice(0, 40)}`);
    });
    expect(overflowing).toEqual([]);
    if (!notTypical(name, expected)) expect(m.height).toBeLessThanOrEqual(LAPTOP_PX);
    for (const block of m.blocks) {
      expect(block.bottom, block.id).toBeLessThanOrEqual(BLOCK_PX);
      expect(block.actionsBottom, block.id).toBeLessThanOrEqual(BLOCK_PX);
    }
    // At most one resize per settled render: one per load, or two where the app waited RESIZE_MAX_WAIT_MS for a view
    // that did not settle and then changed — a fault (a retry, a time-out), or a busy machine where the look-ups' chunk,
    // their answers or the procedures panel came later than that (CI, 2026-11-29: scenario 23). The last one is the height.
    // After a resize sent unsettled, the app sends only growth until the view settles (never clipped): those resizes
    // grow one on another, and the last is the settled height.
    const gaveUpWaiting = (m.resizedAt[0] ?? 0) >= RESIZE_MAX_WAIT_MS;
    const said = `resizes ${m.resizes.join(', ')} sent at ${m.resizedAt.join(', ')} ms`;
    expect(m.resizes.length).toBeGreaterThanOrEqual(1);
    if (gaveUpWaiting) m.resizes.slice(1, -1).forEach((height, index) => expect(height, said).toBeGreaterThan(m.resizes[index]));
    else expect(m.resizes.length, said).toBeLessThanOrEqual(expected.httpErrors || name === '17-api-timeout' ? 2 : 1);
    expect(m.resizes.at(-1)).toBe(m.height + 8);
    if (expected.httpErrors) withoutInjectedHttpErrors(watched);
    expectNoProblems(watched);
    await page.context().close();
  });
});

describe('what makes it fit', () => {
  it('done checklist items are folded ("5 de 10 ok"), with the one checked last (issue 16: the saved notes); the missing ones are listed', async () => {
    const watched = await watchedPage(browser);
    const { page } = watched;
    await at320(page);
    await openScenario(page, '07-os-missing-fields');
    await sidebar(page).getByText('Faltam 4').waitFor();
    const done = sidebar(page).getByTestId('checklist-done');
    expect(await done.locator('summary').innerText()).toBe('✓ 5 de 10 ok · ? observação interna: por último');
    expect(await done.locator('li').first().isVisible()).toBe(false);
    expect(await sidebar(page).locator('[data-testid="os-checklist"] > ul > li').evaluateAll((items) => items.map((item) => item.getAttribute('data-state')))).toEqual(['missing', 'missing', 'missing', 'missing']);
    await done.locator('summary').click();
    expect(await done.locator('li').count()).toBe(6);
    expect(await done.locator('[data-item="internalNote"]').innerText()).toMatch(/— verificada quando o resto estiver completo$/);
    await page.context().close();
  });

  it('the catalog section only when it has a suggestion; procedures beyond the fitting ones behind "Mais"', async () => {
    const watched = await watchedPage(browser);
    const { page } = watched;
    await at320(page);
    await openScenario(page, '01-prime-gold-clean');
    expect(await sidebar(page).getByTestId('section-catalog').count()).toBe(0);
    await sidebar(page).getByTestId('procedures').waitFor();
    expect(await sidebar(page).locator('[data-procedure]').evaluateAll((items) => items.map((item) => item.getAttribute('data-procedure')))).toEqual(['closeWhatsapp', 'transferN2']);
    await sidebar(page).getByRole('button', { name: 'Mais (3)' }).click();
    expect(await sidebar(page).locator('[data-procedure]').count()).toBe(5);
    await openScenario(page, '10-position-request');
    await sidebar(page).getByTestId('procedures').waitFor();
    expect(await sidebar(page).getByTestId('section-catalog').count()).toBe(1);
    expect(await sidebar(page).locator('[data-place="fits"]').evaluateAll((items) => items.map((item) => item.getAttribute('data-procedure')))).toEqual(['closeWhatsapp', 'transferN2', 'positionRequest']);
    expectNoProblems(watched);
    await page.context().close();
  });
});
