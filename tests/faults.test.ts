import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectNoProblems, FAST_REST, launch, openScenario, sidebar, watchedPage } from './browser';
import { withoutInjectedHttpErrors } from './expectations';

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(async () => browser?.close());

describe('faults picked in the harness: what the agent sees, and saves are never refused for them', () => {
  // The rate-limit test waits the real Retry-After (the wait is what it shows); the others take short
  // REST bounds (FAST_REST): the app's reaction, not the production 8 s timeout, is their subject.
  it.concurrent.for([
    ['rate-limited', 'Limite da API atingido: nova tentativa em 2 s…', 'Beatriz Ramos', ''],
    ['server-error', 'Erro no servidor do Zendesk.', null, FAST_REST],
    ['malformed-json', 'Resposta ilegível do Zendesk.', null, FAST_REST],
    ['timeout', 'O Zendesk não respondeu a tempo.', null, FAST_REST],
  ] as const)('%s', async ([fault, seen, after, rest]) => {
    const watched = await watchedPage(browser);
    const { page } = watched;
    await openScenario(page, '04-no-organization', `&fault=${fault}${rest}`);
    await sidebar(page).getByText(seen).first().waitFor({ timeout: 15_000 });
    if (after) await sidebar(page).getByText(after).first().waitFor({ timeout: 15_000 });
    // The findings ZAF alone gives are still there.
    expect(await sidebar(page).locator('[data-finding="noOrganization"]').count()).toBe(1);
    expect(await page.evaluate(() => window.zafMock!.save())).toMatchObject({ allowed: true });
    withoutInjectedHttpErrors(watched);
    expectNoProblems(watched);
    await page.context().close();
  });

  it('&unreadable=: those ZAF paths are answered with an error, and the call log says so', async () => {
    const watched = await watchedPage(browser);
    const { page } = watched;
    await openScenario(page, '01-prime-gold-clean', '&unreadable=ticket.organization,currentUser.locale');
    const get = await page.evaluate(() => window.zafMock!.calls.find((call) => call.kind === 'get')!);
    expect(get.errors).toEqual(['ticket.organization', 'currentUser.locale']);
    await page.getByTestId('call-log').getByText('unreadable: ticket.organization, currentUser.locale').waitFor();
    await sidebar(page).locator('main.sentinela[data-phase="ready"]').waitFor();
    expectNoProblems(watched);
    await page.context().close();
  });

  it('zaf-actions-fail: a rejected invoke is named, and nothing after it is applied', async () => {
    const watched = await watchedPage(browser);
    const { page } = watched;
    await openScenario(page, '03-financial-pending', '&fault=zaf-actions-fail');
    await page.waitForFunction(() => window.zafMock!.calls.some((c) => c.kind === 'request'));
    await sidebar(page).getByRole('button', { name: 'Aplicar macro de pendência e título' }).click();
    await sidebar(page).getByText('Não foi possível aplicar: macro').waitFor();
    expect(await page.evaluate(() => window.zafMock!.calls.filter((c) => c.kind === 'set').length)).toBe(0);
    expect(await sidebar(page).getByRole('button', { name: 'Aplicar macro de pendência e título' }).isEnabled()).toBe(true);
    expectNoProblems(watched);
    await page.context().close();
  });
});

describe('untrusted text cannot run', () => {
  const ROOT = resolve(import.meta.dirname, '..');
  const files = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));

  it('the built assets contain no eval and no new Function', () => {
    const scripts = files(join(ROOT, 'dist/assets')).filter((file) => file.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(1);
    for (const file of scripts) {
      const code = readFileSync(file, 'utf8');
      expect([file, /\beval\s*\(|new\s+Function\s*\(/.test(code)]).toEqual([file, false]);
    }
  });

  it('no source renders HTML from a string', () => {
    const sources = files(join(ROOT, 'src')).filter((file) => /\.(ts|tsx)$/.test(file) && !file.endsWith('.test.ts'));
    for (const file of sources) expect([file, readFileSync(file, 'utf8').includes('dangerouslySetInnerHTML')]).toEqual([file, false]);
  });
});

describe("the agent's language", () => {
  it.concurrent.each([
    ['en', 'Outstanding payment: service blocked', 'Apply the payment-issue macro and title', 'Sentinela: With an outstanding payment, save only as Solved.'],
    ['es', 'Deuda pendiente: atención bloqueada', 'Aplicar la macro de deuda pendiente y el título', 'Sentinela: Con deuda pendiente, guarde solo como Resuelto.'],
    ['fr', 'Pendência Financeira: atendimento bloqueado', 'Aplicar macro de pendência e título', 'Sentinela: Com Pendência Financeira, salve apenas como Resolvido.'],
  ])('%s: findings, actions and save refusals in the agent\'s language (pt-BR when unknown)', async (locale, title, action, refusal) => {
    const watched = await watchedPage(browser);
    const { page } = watched;
    await openScenario(page, '03-financial-pending', `&locale=${locale}`);
    const text = await sidebar(page).innerText();
    expect(text).toContain(title);
    expect(text).toContain(action);
    expect((await page.evaluate(() => window.zafMock!.save())).message).toContain(refusal);
    expect(await page.locator('main.sentinela').getAttribute('lang')).toBe(locale === 'fr' ? 'pt-BR' : locale);
    expectNoProblems(watched);
    await page.context().close();
  });
});
