import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectNoProblems, launch, openScenario, sidebar, watchedPage } from './browser';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(async () => browser?.close());

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Element, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document.querySelector('[data-testid="sidebar"]')!, { resultTypes: ['violations'] });
    return result.violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

describe('accessibility of the sidebar (axe-core)', () => {
  it.concurrent.each(['03-financial-pending', '04-no-organization', '07-os-missing-fields', '10-position-request', '18-misconfigured'])('%s has no serious violation', async (name) => {
    const watched = await watchedPage(browser);
    const { page } = watched;
    await openScenario(page, name);
    await page.evaluate(() => window.zafMock!.settled());
    expect(await seriousViolations(page)).toEqual([]);
    expectNoProblems(watched);
    await page.context().close();
  });

  it('an open procedure form has no serious violation', async () => {
    const watched = await watchedPage(browser);
    const { page } = watched;
    await openScenario(page, '01-prime-gold-clean');
    await sidebar(page).getByRole('button', { name: 'Transferir para N2' }).click();
    await sidebar(page).getByLabel('Resumo').waitFor();
    // Garden fades colours on hover for 0.25 s: measure the settled colours, not a transition (transitions off).
    await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; animation: none !important; }' });
    await page.mouse.move(0, 0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('every control of the sidebar is reachable with the keyboard alone', async () => {
    const watched = await watchedPage(browser);
    const { page } = watched;
    await openScenario(page, '04-no-organization');
    await sidebar(page).getByRole('button', { name: /Tornar Beatriz Ramos/ }).waitFor();
    const controls = await sidebar(page).locator('button:visible, summary:visible, input:visible, textarea:visible').evaluateAll((nodes) => nodes.map((node, index) => ((node as HTMLElement).dataset.k = String(index))));
    await page.locator('body').focus();
    const reached = new Set<string>();
    for (let step = 0; step < 60; step += 1) {
      await page.keyboard.press('Tab');
      const key = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.k ?? null);
      if (key !== null) reached.add(key);
    }
    expect([...reached].sort()).toEqual(controls.sort());
    // And a finding's action works from the keyboard.
    await sidebar(page).getByRole('button', { name: /Tornar Beatriz Ramos/ }).focus();
    await page.keyboard.press('Enter');
    await sidebar(page).getByTestId('organization-name').getByText('Gamma Comércio Varejista Ltda').waitFor();
    await page.context().close();
  });
});
