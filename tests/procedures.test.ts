import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { appCalls, at320, expectNoProblems, harnessUrl, launch, openScenario, READY, sidebar, watchedPage, type Watched } from './browser';

/**
 * Issue 18 at 320 px: procedures say what they will do (a preview), ask only when something the agent
 * typed is at stake (and say what goes and what stays), never overwrite what ZAF could not read, apply
 * once, and say what they did.
 */
let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(async () => browser?.close());

async function open(name: string): Promise<Watched> {
  const watched = await watchedPage(browser);
  await at320(watched.page);
  await openScenario(watched.page, name);
  return watched;
}
async function openFixture(file: string): Promise<Watched> {
  const watched = await watchedPage(browser);
  await at320(watched.page);
  await watched.page.goto(`${harnessUrl()}/harness/?scenario=/tests/fixtures/${file}`);
  await watched.page.waitForFunction(() => window.zafMock !== undefined);
  await watched.page.evaluate(() => window.zafMock!.ready);
  await watched.page.locator(READY).waitFor();
  return watched;
}
const actionsOf = async (page: Page) => (await appCalls(page)).filter((call) => call.kind === 'set' || call.kind === 'invoke').map((call) => [call.kind, call.target, ...call.args]);
/** Every look-up under way has answered (issue 16: a macro is looked up by title only when needed). */
const macrosLoaded = (page: Page) => page.evaluate(() => window.zafMock!.settled());
/** Opens a procedure (from behind "Mais" when it does not fit), and waits for its macro: the preview says it is loading until then. */
async function openProcedure(page: Page, name: string) {
  const button = sidebar(page).getByRole('button', { name, exact: true });
  if ((await button.count()) === 0) await sidebar(page).getByTestId('procedures-more').click();
  await sidebar(page).getByRole('button', { name, exact: true }).click();
  await sidebar(page).locator('.preview').first().waitFor();
  await sidebar(page).locator('.preview', { hasText: 'carregando a macro' }).waitFor({ state: 'detached' });
}
async function done(watched: Watched) {
  expectNoProblems(watched);
  await watched.page.context().close();
}

describe('a one-line preview on every procedure before Apply', () => {
  it.each([
    ['Encerrar atendimento WhatsApp', 'closeWhatsapp', 'Macro Atendimento Whatsapp (Oficial) · título = a dúvida do cliente · + comentário da macro'],
    ['Transferir para N2', 'transferN2', 'Macro 1. Atendimento Whatsapp Transferência N2(oficial) · observação interna · + comentário da macro · + contato, telefone e resumo'],
    ['Pendência no cadastro', 'registrationPending', 'Macro 3. Atendimento Whatsapp - Pendência no Cadastro do Cliente (oficial) · título “Whats - Pendência no Cadastro” · status Resolvido · + comentário da macro'],
    ['Posicionamento de ticket', 'positionRequest', 'título “Posicionamento do ticket ” · Catálogo: Posicionamento de ticket'],
    ['Abrir O.S. (Bematech)', 'openOsBematech', 'Marca: Bematech Hardware · Família: hardware · formulário 0800 · observação interna · + nota com CNPJ e Razão Social'],
  ])('%s', async (name, id, preview) => {
    const watched = await open('01-prime-gold-clean');
    const { page } = watched;
    await macrosLoaded(page);
    await openProcedure(page, name);
    expect(await sidebar(page).getByTestId(`preview-${id}`).innerText()).toBe(preview);
    await done(watched);
  });

  it('the pending block previews its one click too; the position request previews the number it found', async () => {
    const watched = await open('03-financial-pending');
    const { page } = watched;
    await macrosLoaded(page);
    expect(await sidebar(page).locator('[data-finding="financialPending"]').getByTestId('preview-registrationPending').innerText()).toBe(
      'Macro 3. Atendimento Whatsapp - Pendência no Cadastro do Cliente (oficial) · título “Whats - Pendência no Cadastro” · status Resolvido · + comentário da macro',
    );
    await openScenario(page, '10-position-request');
    await openProcedure(page, 'Posicionamento de ticket');
    expect(await sidebar(page).getByLabel('Número do ticket').inputValue()).toBe('4410');
    expect(await sidebar(page).getByTestId('preview-positionRequest').innerText()).toBe('título “Posicionamento do ticket 4410” · Catálogo: Posicionamento de ticket');
    await done(watched);
  });
});

describe('asks only when something the agent typed is at stake', () => {
  it('no question when only the procedure’s own subject changes: close WhatsApp applies macro and title at once', async () => {
    const watched = await open('02-helpdesk-distribuidor');
    const { page } = watched;
    await macrosLoaded(page);
    await openProcedure(page, 'Encerrar atendimento WhatsApp');
    await sidebar(page).getByLabel('Dúvida do cliente (título)').fill('Como gerar o relatório de vendas?');
    await sidebar(page).getByRole('button', { name: 'Aplicar' }).dblclick();
    await sidebar(page).getByText('Título “Como gerar o relatório de vendas?”').first().waitFor();
    expect(await sidebar(page).getByTestId('confirm-replace').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(await actionsOf(page)).toEqual([
      ['invoke', 'macro', 31],
      ['set', 'ticket.subject', 'Como gerar o relatório de vendas?'],
    ]);
    await done(watched);
  });

  it('a question naming the draft when the macro appends to it: what goes, what stays, and no danger button', async () => {
    const watched = await open('01-prime-gold-clean');
    const { page } = watched;
    await macrosLoaded(page);
    await page.getByLabel('Comment being composed').fill('Histórico do chat colado aqui');
    await openProcedure(page, 'Encerrar atendimento WhatsApp');
    await sidebar(page).getByLabel('Dúvida do cliente (título)').fill('Como emitir NF?');
    await sidebar(page).getByRole('button', { name: 'Aplicar' }).click();
    const confirm = sidebar(page).getByTestId('confirm-replace');
    await confirm.waitFor();
    expect(await confirm.innerText()).toContain('Rascunho: a macro acrescenta o texto dela no final; o que você escreveu fica (“Histórico do chat colado aqui”).');
    expect(await confirm.getByRole('button', { name: 'Substituir e aplicar' }).count()).toBe(0);
    expect(await actionsOf(page)).toEqual([]);
    await confirm.getByRole('button', { name: 'Aplicar', exact: true }).click();
    await sidebar(page).getByText('Macro “Atendimento Whatsapp (Oficial)” aplicada').first().waitFor();
    // The draft was appended to by the macro, never set: what the agent pasted stays.
    expect((await actionsOf(page)).map((action) => `${action[0]} ${action[1]}`)).toEqual(['invoke macro', 'set ticket.subject']);
    await done(watched);
  });

  it('a title the agent typed: named, with what it becomes, behind a danger button; Cancel applies nothing', async () => {
    const watched = await open('02-helpdesk-distribuidor');
    const { page } = watched;
    await page.evaluate(() => window.zafMock!.set('ticket.subject', 'Título que o agente digitou'));
    await openProcedure(page, 'Posicionamento de ticket');
    await sidebar(page).getByLabel('Número do ticket').fill('4410');
    await sidebar(page).getByRole('button', { name: 'Aplicar' }).click();
    const confirm = sidebar(page).getByTestId('confirm-replace');
    await confirm.waitFor();
    expect(await confirm.innerText()).toContain('Título: você editou para “Título que o agente digitou”; vai virar “Posicionamento do ticket 4410”.');
    await confirm.getByRole('button', { name: 'Cancelar' }).click();
    expect(await actionsOf(page)).toEqual([]);
    await sidebar(page).getByRole('button', { name: 'Aplicar' }).click();
    await sidebar(page).getByTestId('confirm-replace').getByRole('button', { name: 'Substituir e aplicar' }).click();
    await sidebar(page).getByText('Título “Posicionamento do ticket 4410”').first().waitFor();
    // The title's line can show before the catalog's set is made (CI, 2026-11-29 19:58, a busy machine): polled.
    await expect
      .poll(() => actionsOf(page))
      .toEqual([
        ['set', 'ticket.subject', 'Posicionamento do ticket 4410'],
        ['set', 'ticket.customField:custom_field_360003', 'dist_winthor_99_007_posicionamento'],
      ]);
    await done(watched);
  });

  it.each([
    ['Encerrar atendimento WhatsApp', 'Título: o Zendesk não deixou ler o valor atual', { 'Dúvida do cliente (título)': 'Como emitir NF?' }],
    ['Transferir para N2', 'Rascunho: o Zendesk não deixou ler o rascunho', { Resumo: 'PDV travado' }],
    ['Abrir O.S. (Bematech)', 'Marca: o Zendesk não deixou ler o valor atual', {}],
  ] as const)('unreadable subject, draft or field: %s asks, and applies nothing until answered', async (name, question, fill) => {
    const watched = await openFixture('unreadable-subject-draft-marca.json');
    const { page } = watched;
    await macrosLoaded(page);
    await openProcedure(page, name);
    for (const [label, value] of Object.entries(fill)) await sidebar(page).getByLabel(label).fill(value);
    await sidebar(page).getByRole('button', { name: 'Aplicar' }).click();
    const confirm = sidebar(page).getByTestId('confirm-replace');
    await confirm.waitFor();
    expect(await confirm.innerText()).toContain(question);
    expect(await confirm.getByRole('button', { name: 'Substituir e aplicar' }).count()).toBe(1);
    await page.waitForTimeout(200);
    expect(await actionsOf(page)).toEqual([]);
    await done(watched);
  });
});

describe('applied once, and said honestly', () => {
  it('after the block’s one click: a done state, no button, and no second application two seconds later', async () => {
    const watched = await open('03-financial-pending');
    const { page } = watched;
    await macrosLoaded(page);
    const block = sidebar(page).locator('[data-finding="financialPending"]');
    await block.getByRole('button', { name: 'Aplicar macro de pendência e título' }).click();
    await block.getByTestId('action-done').waitFor();
    expect(await block.getByTestId('action-done').innerText()).toBe('✓ Macro “3. Atendimento Whatsapp - Pendência no Cadastro do Cliente (oficial)” aplicada · Título “Whats - Pendência no Cadastro” · Status Resolvido');
    expect(await block.getByRole('button', { name: 'Aplicar macro de pendência e título' }).count()).toBe(0);
    // The success notice says what was done (read now: it closes by itself SUCCESS_NOTICE_MS after it came).
    const notice = sidebar(page).locator('[data-tone="success"]');
    expect(await notice.innerText()).toContain('Status Resolvido');
    await page.waitForTimeout(2000);
    expect(await block.getByRole('button', { name: /Aplicar/ }).count()).toBe(0);
    expect((await actionsOf(page)).filter((action) => action[1] === 'macro')).toHaveLength(1);
    // Then it closes by itself.
    await notice.waitFor({ state: 'detached', timeout: 8000 });
    await done(watched);
  });

  it('applied from the procedures panel, then Apply again: says what was applied and when; the macro again only on “Aplicar de novo”', async () => {
    const watched = await open('01-prime-gold-clean');
    const { page } = watched;
    await macrosLoaded(page);
    const macros = async () => (await actionsOf(page)).filter((action) => action[1] === 'macro').length;
    await openProcedure(page, 'Pendência no cadastro');
    await sidebar(page).getByRole('button', { name: 'Aplicar', exact: true }).click();
    await sidebar(page).getByTestId('procedure-form-registrationPending').waitFor({ state: 'detached' });
    expect(await macros()).toBe(1);
    // Past the double-click guard (1.5 s): the panel's Apply a second time.
    await page.waitForTimeout(1600);
    await openProcedure(page, '✓ Pendência no cadastro');
    await sidebar(page).getByRole('button', { name: 'Aplicar', exact: true }).click();
    const repeat = sidebar(page).getByTestId('confirm-repeat');
    await repeat.waitFor();
    expect(await repeat.innerText()).toMatch(/^Já aplicado neste ticket às \d\d:\d\d:/);
    expect(await repeat.innerText()).toContain('Macro “3. Atendimento Whatsapp - Pendência no Cadastro do Cliente (oficial)” aplicada');
    await repeat.getByRole('button', { name: 'Cancelar' }).click();
    await page.waitForTimeout(200);
    expect(await macros()).toBe(1);
    // Explicitly again: the usual question about the draft (the macro's text is there now), then applied once more.
    await sidebar(page).getByRole('button', { name: 'Aplicar', exact: true }).click();
    await repeat.getByRole('button', { name: 'Aplicar de novo' }).click();
    const question = sidebar(page).getByTestId('confirm-replace');
    await question.waitFor();
    expect(await macros()).toBe(1);
    await question.getByRole('button', { name: 'Aplicar', exact: true }).click();
    await sidebar(page).getByTestId('procedure-form-registrationPending').waitFor({ state: 'detached' });
    expect(await macros()).toBe(2);
    await done(watched);
  });

  it('the block’s one click with a draft written: the question in the block, then applied once', async () => {
    const watched = await open('03-financial-pending');
    const { page } = watched;
    await macrosLoaded(page);
    await page.getByLabel('Comment being composed').fill('Mensagem que o agente escrevia');
    const block = sidebar(page).locator('[data-finding="financialPending"]');
    await block.getByRole('button', { name: 'Aplicar macro de pendência e título' }).click();
    const question = block.getByTestId('confirm-replace');
    await question.waitFor();
    expect(await question.innerText()).toContain('o que você escreveu fica (“Mensagem que o agente escrevia”)');
    expect(await actionsOf(page)).toEqual([]);
    await question.getByRole('button', { name: 'Aplicar', exact: true }).click();
    await block.getByTestId('action-done').waitFor();
    expect((await actionsOf(page)).map((action) => `${action[0]} ${action[1]}`)).toEqual(['invoke macro', 'set ticket.subject', 'set ticket.status']);
    await done(watched);
  });

  it('the customer message from 001 step 3.1 is one click away', async () => {
    const watched = await open('03-financial-pending');
    const { page } = watched;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await sidebar(page).getByRole('button', { name: 'Copiar mensagem para o cliente' }).click();
    await sidebar(page).getByRole('button', { name: 'Mensagem copiada' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('(11) 4003-0015, opção 4 e depois 9');
    expect(copied).toContain('opção 7 (Assessoria ao Portal)');
    await done(watched);
  });

  it('a WhatsApp requester without e-mail is kept in CC by user id, and the notice says so', async () => {
    const watched = await openFixture('no-organization-chat-without-email.json');
    const { page } = watched;
    await sidebar(page).getByRole('button', { name: 'Tornar Beatriz Ramos solicitante (chat em cópia)' }).click();
    await sidebar(page).getByTestId('organization-name').getByText('Gamma Comércio Varejista Ltda').waitFor();
    expect(await actionsOf(page)).toEqual([
      ['invoke', 'ticket.collaborators.add', { id: 30 }],
      ['set', 'ticket.requester', { email: 'beatriz@gamma.example' }],
    ]);
    const notice = await sidebar(page).locator('[data-tone="success"]').innerText();
    expect(notice).toContain('Cliente do chat em cópia (CC)');
    expect(notice).toContain('Beatriz Ramos agora é o solicitante');
    await done(watched);
  });

  it('CNPJ of another company: the block says what to check and finds the session CNPJ’s organization on request', async () => {
    const watched = await open('08-cnpj-mismatch');
    const { page } = watched;
    const block = sidebar(page).locator('[data-finding="cnpj"]');
    expect(await block.innerText()).toContain('confirme com o cliente de qual CNPJ ele fala');
    await block.getByRole('button', { name: 'Procurar a organização do CNPJ da sessão' }).click();
    await block.getByText(/quem mais abre tickets/).waitFor({ timeout: 15_000 });
    expect(await block.getByRole('button', { name: /^Tornar .* solicitante/ }).count()).toBeGreaterThan(0);
    await done(watched);
  });
});
