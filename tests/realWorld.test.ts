import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { appCalls, expectNoProblems, launch, notesRead, openScenario, sidebar, watchedPage, type Watched } from './browser';

/** Issue 19: values as they arrive from real systems, and a real admin's setup, in the harness. */
let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(async () => browser?.close());

async function open(name: string, query = ''): Promise<Watched> {
  const watched = await watchedPage(browser);
  await openScenario(watched.page, name, query);
  return watched;
}
async function done(watched: Watched) {
  expectNoProblems(watched);
  await watched.page.context().close();
}
const noteItem = (watched: Watched) => sidebar(watched.page).locator('[data-item="internalNote"]');

describe('an internal note written in rich text', () => {
  it('passes the note check like the same words in plain text', async () => {
    const watched = await open('07-os-missing-fields');
    const { page } = watched;
    await notesRead(page);
    // Other items are missing: the saved notes are not read yet (issue 16), the item is checked last.
    expect(await noteItem(watched).getAttribute('data-state')).toBe('unchecked');
    await page.evaluate(() => {
      window.zafMock!.set('ticket.comment.type', 'internalNote');
      window.zafMock!.set('ticket.comment.text', '<p>CNPJ:&nbsp;49.327.015/0001&#8211;58</p><p>Razão Social: Restaurante&nbsp;Sabor Caseiro Ltda</p>');
    });
    // A done item is folded under "✓ n de 10 ok" (issue 18): there, not visible.
    await sidebar(page).locator('[data-item="internalNote"][data-state="ok"]').waitFor({ state: 'attached' });
    await done(watched);
  });

  it('the app\'s own "Abrir O.S." note, read back from the rich-text composer, passes', async () => {
    const watched = await open('07-os-missing-fields');
    const { page } = watched;
    await notesRead(page);
    // On a ticket that is already an O.S., "Abrir O.S." waits behind "Mais" (issue 18).
    await sidebar(page).getByTestId('procedures-more').click();
    await sidebar(page).getByRole('button', { name: 'Abrir O.S. (Bematech)', exact: true }).click();
    const apply = sidebar(page).getByRole('button', { name: /^(Aplicar|Substituir e aplicar)$/ });
    if (await apply.count()) await apply.first().click();
    // A done item is folded under "✓ n de 10 ok" (issue 18): there, not visible.
    await sidebar(page).locator('[data-item="internalNote"][data-state="ok"]').waitFor({ state: 'attached' });
    // What the app appended, as Zendesk's rich-text composer hands it back: a <p> per line, entities.
    const appended = (await appCalls(page)).find((call) => call.kind === 'invoke' && call.target === 'ticket.comment.appendText')?.args[0];
    expect(appended).toBe('CNPJ: 49.327.015/0001-58\nRazão Social: Restaurante Sabor Caseiro Ltda\n');
    const rich = String(appended).split('\n').filter(Boolean).map((line) => `<p>${line.replace(/&/g, '&amp;').replace(/ /g, '&nbsp;')}</p>`).join('');
    await page.evaluate((html) => window.zafMock!.set('ticket.comment.text', html), rich);
    await page.waitForTimeout(100);
    expect(await noteItem(watched).getAttribute('data-state')).toBe('ok');
    await done(watched);
  });
});

describe('a CNPJ that lost its leading zero', () => {
  it('is found by the organization search, under the form the admin stored', async () => {
    const watched = await open('30-padded-cnpj-search');
    const { page } = watched;
    await sidebar(page).getByText('Beatriz Ramos', { exact: false }).first().waitFor();
    const searches = (await appCalls(page)).filter((call) => call.kind === 'request' && call.target.startsWith('/api/v2/search')).map((call) => decodeURIComponent(call.target));
    expect(searches.at(-1)).toContain('cnpj:1234567000195');
    expect(await sidebar(page).locator('[data-finding="cnpj"]').count()).toBe(0); // the en dash in the session CNPJ reads as a dash
    await done(watched);
  });
});

describe('a fresh install with no IDs', () => {
  it('says which checks are off, to an agent in one line, never "nothing blocks"', async () => {
    const watched = await open('31-fresh-install');
    const { page } = watched;
    const text = await sidebar(page).innerText();
    expect(text).toContain('Verificações desligadas: CNPJ, O.S. antes de Em espera, TicketId da sessão, Catálogo de Serviços. Peça ao administrador para configurar o Sentinela.');
    expect(text).not.toContain('Nada bloqueia o atendimento');
    expect(await sidebar(page).getByTestId('configuration').count()).toBe(0);
    await done(watched);
  });

  it('lists for an admin each setting by its label in Admin Center', async () => {
    const watched = await open('31-fresh-install', '&role=admin');
    const { page } = watched;
    await sidebar(page).getByText(/^Configuração \(\d+\)$/).click();
    const list = await sidebar(page).getByTestId('configuration').innerText();
    expect(list).toContain('“ID do campo CNPJ da sessão” está vazio: a verificação que depende dele está desligada.');
    expect(list).not.toContain('cnpjFieldId');
    expect(await sidebar(page).innerText()).toContain('Verificações desligadas: CNPJ, O.S. antes de Em espera, TicketId da sessão, Catálogo de Serviços. Veja a Configuração abaixo.');
    await done(watched);
  });
});
