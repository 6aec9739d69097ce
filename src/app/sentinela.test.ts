// @vitest-environment node
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { FAST_POLICY, findingsOf, memoryStore, server, startScenario, until } from '../../harness/testing';
import type { SentinelaState } from './sentinela';
import type { Scenario } from '../../harness/scenario';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const findingIds = (state: SentinelaState) => findingsOf(state).map((f) => `${f.severity}:${f.id}`);

describe('startup', () => {
  it('reads the ticket with exactly one batched get before it is ready', async () => {
    const { client, sentinela } = await startScenario('01-prime-gold-clean');
    expect(sentinela.getState().phase).toBe('ready');
    expect(client.calls.filter((call) => call.kind === 'get')).toHaveLength(1);
    expect(client.calls.filter((call) => call.kind === 'metadata')).toHaveLength(1);
    expect(findingIds(sentinela.getState())).toEqual(['info:wallet.prime']);
  });

  it('looks a macro up only when needed, once per session, shared by every ticket', async () => {
    const store = memoryStore();
    const requests = (client: { calls: { kind: string; target: string }[] }) => client.calls.filter((c) => c.kind === 'request').map((c) => c.target);
    const clean = await startScenario('01-prime-gold-clean', { store });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(requests(clean.client)).toEqual([]);
    const pending = await startScenario('03-financial-pending', { store });
    await until(() => pending.sentinela.getState().macros.macroRegistrationPending?.state, (s) => s === 'done');
    expect(requests(pending.client)).toEqual([`/api/v2/macros/search.json?query=${encodeURIComponent('3. Atendimento Whatsapp - Pendência no Cadastro do Cliente (oficial)')}&only_viewable=true&per_page=100`]);
    expect((await pending.sentinela.applyProcedure('registrationPending', {}, null)).status).toBe('applied');
    const again = await startScenario('03-financial-pending', { store });
    await until(() => again.sentinela.getState().macros.macroRegistrationPending?.state, (s) => s === 'done');
    expect([requests(pending.client).length, requests(again.client)]).toEqual([1, []]);
  });

  it("checks every configured macro for an admin (currentUser.role), once per session", async () => {
    const admin = await startScenario('01-prime-gold-clean', { edit: (s) => void (s.currentUser.role = 'admin') });
    await until(() => Object.values(admin.sentinela.getState().macros).map((l) => l?.state), (states) => states.length === 3 && states.every((s) => s === 'done'));
    expect(admin.client.calls.filter((c) => c.kind === 'request')).toHaveLength(3);
    expect(findingIds(admin.sentinela.getState())).toEqual(['info:wallet.prime']);
  });
});

// ticket.save: src/app/saveHook.test.ts

describe('actions', () => {
  const acts = (client: { calls: { kind: string; target: string; args: unknown[] }[] }) =>
    client.calls.filter((c) => c.kind === 'set' || (c.kind === 'invoke' && c.target !== 'resize')).map((c) => [c.kind, c.target, ...c.args]);

  it('applies a procedure once, even on a double click, after one batched re-read of what it touches', async () => {
    const { client, sentinela } = await startScenario('03-financial-pending');
    await until(() => sentinela.getState().macros.macroRegistrationPending?.state, (s) => s === 'done');
    const outcomes = await Promise.all([sentinela.applyProcedure('registrationPending', {}, null), sentinela.applyProcedure('registrationPending', {}, null)]);
    const again = await sentinela.applyProcedure('registrationPending', {}, null);
    expect([...outcomes, again].map((o) => o.status).sort()).toEqual(['applied', 'busy', 'busy']);
    expect(acts(client)).toEqual([
      ['invoke', 'macro', 33],
      ['set', 'ticket.subject', 'Whats - Pendência no Cadastro'],
      ['set', 'ticket.status', 'solved'],
    ]);
    expect(client.calls.filter((c) => c.kind === 'get').map((c) => c.target)).toEqual([expect.stringMatching(/^ticket\.id,/), 'ticket.comment.text,ticket.comment.type,ticket.subject,ticket.status']);
    // Honest notice, from the calls that succeeded; the finding's action is done.
    expect(sentinela.getState().notices.at(-1)?.details?.map((d) => d.key)).toEqual(['done.macro', 'done.subject', 'done.status']);
    expect(sentinela.getState().done['procedure:registrationPending']?.done).toHaveLength(3);
  });

  it('after the block’s one click is done, the same procedure does not apply its macro again without an explicit, informed “apply again”', async () => {
    const { client, sentinela } = await startScenario('03-financial-pending');
    await until(() => sentinela.getState().macros.macroRegistrationPending?.state, (s) => s === 'done');
    const macros = () => client.calls.filter((c) => c.kind === 'invoke' && c.target === 'macro').length;
    // The block's one-click action: applied, its done state recorded.
    expect((await sentinela.applyProcedure('registrationPending', {}, null, { announce: true })).status).toBe('applied');
    const applied = sentinela.getState().done['procedure:registrationPending']!;
    // Long after the double-click guard (REPEAT_GUARD_MS): the procedures panel's Apply.
    vi.setSystemTime(Date.now() + 60_000);
    try {
      const repeat = await sentinela.applyProcedure('registrationPending', {}, null);
      // What was applied and when, not a question about the draft the macro wrote.
      expect(repeat).toEqual({ status: 'repeat', applied: { done: applied.done, at: applied.at } });
      expect(applied.done.map((d) => d.key)).toEqual(['done.macro', 'done.subject', 'done.status']);
      // An "apply again" about another application (not the one the agent was told of) is no answer.
      expect((await sentinela.applyProcedure('registrationPending', {}, null, { again: applied.at - 1 })).status).toBe('repeat');
      expect(macros()).toBe(1);
      // "Aplicar de novo" about that application: then the usual question (the draft gets the macro's text again), then applied.
      const asked = await sentinela.applyProcedure('registrationPending', {}, null, { again: applied.at });
      expect(asked).toEqual({ status: 'confirm', losses: [{ target: 'draft', kind: 'appended', current: expect.stringContaining('pendência'), by: 'macro' }] });
      // Answering the draft question alone is not a "yes, again".
      expect((await sentinela.applyProcedure('registrationPending', {}, asked.status === 'confirm' ? asked.losses : null)).status).toBe('repeat');
      expect(macros()).toBe(1);
      expect((await sentinela.applyProcedure('registrationPending', {}, asked.status === 'confirm' ? asked.losses : null, { again: applied.at })).status).toBe('applied');
      expect(macros()).toBe(2);
      // That second application is the one the next question names.
      vi.setSystemTime(Date.now() + 60_000);
      const third = await sentinela.applyProcedure('registrationPending', {}, null, { again: applied.at });
      expect(third).toMatchObject({ status: 'repeat', applied: { at: sentinela.getState().done['procedure:registrationPending']!.at } });
      expect(third.status === 'repeat' && third.applied.at).toBeGreaterThan(applied.at);
      expect(macros()).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a procedure that failed part-way (the macro ran, the status was refused) counts what ran: applying again says what was applied, never runs the macro again unasked', async () => {
    const { client, sentinela } = await startScenario('03-financial-pending', { edit: (scenario) => void (scenario.faults.failingActions = ['ticket.status']) });
    await until(() => sentinela.getState().macros.macroRegistrationPending?.state, (s) => s === 'done');
    const macros = () => client.calls.filter((c) => c.kind === 'invoke' && c.target === 'macro').length;
    expect((await sentinela.applyProcedure('registrationPending', {}, null, { announce: true })).status).toBe('failed');
    expect(macros()).toBe(1);
    const record = sentinela.getState().done['procedure:registrationPending']!;
    expect(record.done.map((d) => d.key)).toEqual(['done.macro', 'done.subject']);
    vi.setSystemTime(Date.now() + 60_000);
    try {
      expect(await sentinela.applyProcedure('registrationPending', {}, null)).toEqual({ status: 'repeat', applied: record });
      expect(macros()).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a procedure that only sets values (position request) is not held back: applying it again changes nothing twice', async () => {
    const { client, sentinela } = await startScenario('02-helpdesk-distribuidor');
    expect((await sentinela.applyProcedure('positionRequest', { ticketNumber: '4410' }, null)).status).toBe('applied');
    vi.setSystemTime(Date.now() + 60_000);
    try {
      expect((await sentinela.applyProcedure('positionRequest', { ticketNumber: '4411' }, null)).status).toBe('applied');
    } finally {
      vi.useRealTimers();
    }
    expect(client.calls.filter((c) => c.kind === 'set' && c.target === 'ticket.subject').map((c) => c.args[0])).toEqual(['Posicionamento do ticket 4410', 'Posicionamento do ticket 4411']);
  });

  it('a procedure clicked before the macros list arrives waits for it, then applies', async () => {
    const { client, sentinela } = await startScenario('03-financial-pending', { edit: (s) => void (s.faults.requests = [{ match: '/api/v2/macros', kind: 'slow', delayMs: 100, status: 500, times: 1 }]) });
    await until(() => sentinela.getState().macros.macroRegistrationPending?.state, (s) => s === 'loading');
    expect((await sentinela.applyProcedure('registrationPending', {}, null)).status).toBe('applied');
    expect(client.calls.find((c) => c.kind === 'invoke' && c.target === 'macro')?.args).toEqual([33]);
  });

  it('a one-click action that cannot apply says why', async () => {
    const { sentinela } = await startScenario('03-financial-pending', { edit: (s) => void (s.macros = []) });
    expect((await sentinela.applyProcedure('registrationPending', {}, null, { announce: true })).status).toBe('invalid');
    expect(sentinela.getState().notices.at(-1)).toMatchObject({ tone: 'error', text: { key: 'notice.notApplied' }, details: [{ key: 'config.macro.missing' }] });
  });

  it('no question when only the procedure’s own subject changes: the stored title becomes the customer’s question', async () => {
    const { client, sentinela } = await startScenario('02-helpdesk-distribuidor');
        expect((await sentinela.applyProcedure('closeWhatsapp', { question: 'Como gerar o relatório?' }, null)).status).toBe('applied');
    expect(acts(client)).toEqual([
      ['invoke', 'macro', 31],
      ['set', 'ticket.subject', 'Como gerar o relatório?'],
    ]);
  });

  it('asks before replacing a title the agent typed, names it, and applies only once answered', async () => {
    const { client, sentinela } = await startScenario('02-helpdesk-distribuidor');
    client.agentSet('ticket.subject', 'Título que o agente digitou');
    await until(() => sentinela.getState().context?.ticket.subject, (s) => s === 'Título que o agente digitou');
    const asked = await sentinela.applyProcedure('positionRequest', { ticketNumber: '4410' }, null);
    expect(asked).toEqual({ status: 'confirm', losses: [{ target: 'subject', kind: 'replaced', current: 'Título que o agente digitou', next: 'Posicionamento do ticket 4410', by: 'app' }] });
    expect(acts(client)).toEqual([]);
    expect((await sentinela.applyProcedure('positionRequest', { ticketNumber: '4410' }, asked.status === 'confirm' ? asked.losses : null)).status).toBe('applied');
    expect(client.calls.filter((c) => c.kind === 'set').map((c) => c.args[0])).toEqual(['Posicionamento do ticket 4410', 'dist_winthor_99_007_posicionamento']);
  });

  it('asks again when the agent typed something new after the question', async () => {
    const { client, sentinela } = await startScenario('02-helpdesk-distribuidor');
    client.agentSet('ticket.subject', 'Primeiro');
    await until(() => sentinela.getState().context?.ticket.subject, (s) => s === 'Primeiro');
    const asked = await sentinela.applyProcedure('positionRequest', { ticketNumber: '4410' }, null);
    client.agentSet('ticket.subject', 'Segundo');
    const again = await sentinela.applyProcedure('positionRequest', { ticketNumber: '4410' }, asked.status === 'confirm' ? asked.losses : null);
    expect(again).toMatchObject({ status: 'confirm', losses: [{ current: 'Segundo' }] });
    expect(acts(client)).toEqual([]);
  });

  it('a macro that appends to the draft: a question naming the draft, which stays', async () => {
    const { model, sentinela } = await startScenario('01-prime-gold-clean', { edit: (s) => void (s.draft = { text: 'Histórico do chat colado', type: 'publicReply' }) });
        const asked = await sentinela.applyProcedure('closeWhatsapp', { question: 'Dúvida' }, null);
    expect(asked).toEqual({ status: 'confirm', losses: [{ target: 'draft', kind: 'appended', current: 'Histórico do chat colado', by: 'macro' }] });
    expect((await sentinela.applyProcedure('closeWhatsapp', { question: 'Dúvida' }, asked.status === 'confirm' ? asked.losses : null)).status).toBe('applied');
    expect(model.scenario.draft.text).toBe('Histórico do chat coladoAtendimento via WhatsApp encerrado. Histórico do chat abaixo.');
  });

  it('a rich-text draft that shows nothing is not the agent’s text: no question', async () => {
    const { sentinela } = await startScenario('01-prime-gold-clean', { edit: (s) => void (s.draft = { text: '<p><br></p>', type: 'publicReply' }) });
        expect((await sentinela.applyProcedure('closeWhatsapp', { question: 'Dúvida' }, null)).status).toBe('applied');
  });

  it.each([
    ['the subject', 'closeWhatsapp', 'ticket.subject', { target: 'subject', kind: 'unreadable' }],
    ['the draft', 'transferN2', 'ticket.comment.text', { target: 'draft', kind: 'unreadable' }],
    ['Marca', 'openOsBematech', 'ticket.customField:custom_field_360004', { target: 'field:360004', kind: 'unreadable' }],
  ] as const)('%s unreadable: asked, never overwritten', async (_name, procedure, path, loss) => {
    const { client, sentinela } = await startScenario('01-prime-gold-clean', { edit: (s) => void (s.faults = { ...s.faults, unreadablePaths: [...s.faults.unreadablePaths, path] }) });
        const values = { question: 'Dúvida', contato: 'Maria', telefone: '11 98888-7777', resumo: 'Resumo' };
    const outcome = await sentinela.applyProcedure(procedure, values, null);
    expect(outcome.status).toBe('confirm');
    expect(outcome.status === 'confirm' && outcome.losses).toContainEqual(expect.objectContaining(loss));
    expect(acts(client)).toEqual([]);
  });

  it('a macro whose own actions set the subject: asked when the agent typed the title, not when it is the stored one', async () => {
    const withSubject = (s: Scenario) => void s.macros.find((m) => m.id === 32)!.actions.push({ field: 'subject', value: 'N2: análise' });
    const values = { contato: 'Maria', telefone: '11 98888-7777', resumo: 'Resumo' };
    const stored = await startScenario('01-prime-gold-clean', { edit: withSubject });
    expect((await stored.sentinela.applyProcedure('transferN2', values, null)).status).toBe('applied');

    const typed = await startScenario('01-prime-gold-clean', { edit: withSubject });
    typed.client.agentSet('ticket.subject', 'Título do agente');
    await until(() => typed.sentinela.getState().context?.ticket.subject, (s) => s === 'Título do agente');
    expect(await typed.sentinela.applyProcedure('transferN2', values, null)).toEqual({
      status: 'confirm',
      losses: [{ target: 'subject', kind: 'replaced', current: 'Título do agente', next: 'N2: análise', by: 'macro' }],
    });
  });

  it('makes the top requester the requester and keeps the chat requester in CC', async () => {
    const { client, sentinela, model } = await startScenario('04-no-organization');
    const search = await until(() => sentinela.getState().organizationSearch, (s) => s.state === 'done');
    const match = search.state === 'done' ? search.value.matches[0] : null;
    expect(match?.topRequester).toMatchObject({ name: 'Beatriz Ramos', email: 'beatriz@gamma.example' });
    expect([match?.ticketCount, match?.window]).toEqual([3, { counted: 5, complete: true }]);
    expect(await sentinela.adoptRequester(match!.topRequester!, match!.organization.id)).toBe(true);
    expect(acts(client)).toEqual([
      ['invoke', 'ticket.collaborators.add', { email: 'cliente.chat@gmail.example' }],
      ['set', 'ticket.requester', { email: 'beatriz@gamma.example' }],
    ]);
    expect(model.ticket.collaborator_ids).toEqual([30]);
    await until(() => sentinela.getState().context?.ticket.organization?.id, (id) => id === 80);
    // The requester and organization events of that one change are read back with one get.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(client.calls.filter((c) => c.kind === 'get').map((c) => c.target)).toEqual([expect.stringMatching(/^ticket\.id,/), 'ticket.requester,ticket.organization']);
  });

  it('a chat requester without e-mail stays in CC by user id, and the notice says so', async () => {
    const { client, sentinela, model } = await startScenario('04-no-organization', { edit: (s) => void (s.users.find((u) => u.id === 30)!.email = null) });
    const search = await until(() => sentinela.getState().organizationSearch, (s) => s.state === 'done');
    const match = search.state === 'done' ? search.value.matches[0] : null;
    expect(await sentinela.adoptRequester(match!.topRequester!, match!.organization.id)).toBe(true);
    expect(acts(client)[0]).toEqual(['invoke', 'ticket.collaborators.add', { id: 30 }]);
    expect(model.ticket.collaborator_ids).toEqual([30]);
    expect(sentinela.getState().notices.at(-1)).toMatchObject({ tone: 'success', details: [{ key: 'done.cc' }, { key: 'done.requester' }] });
  });

  it('a CC that ZAF refuses: nothing more is done, and the notice says what was not', async () => {
    const { client, sentinela } = await startScenario('04-no-organization', { edit: (s) => void (s.faults = { ...s.faults, failingActions: ['ticket.collaborators.add'] }) });
    const search = await until(() => sentinela.getState().organizationSearch, (s) => s.state === 'done');
    const match = search.state === 'done' ? search.value.matches[0] : null;
    expect(await sentinela.adoptRequester(match!.topRequester!, match!.organization.id)).toBe(false);
    expect(client.calls.filter((c) => c.kind === 'set')).toEqual([]);
    expect(sentinela.getState().notices.at(-1)?.details?.map((d) => d.key)).toEqual(['notice.errorText', 'notice.notDoneStep', 'notice.notDoneStep']);
  });

  it('names a failed set, says what was done before it, and keeps working', async () => {
    const { sentinela } = await startScenario('10-position-request', { edit: (s) => void (s.faults.failingActions = ['ticket.subject']) });
    expect((await sentinela.applyProcedure('positionRequest', { ticketNumber: '4410' }, null)).status).toBe('failed');
    expect(sentinela.getState().notices.at(-1)).toMatchObject({ tone: 'error', text: { key: 'notice.actionFailed', params: { action: 'ticket.subject' } } });
    expect(sentinela.getState().done).toEqual({});
    expect(sentinela.getState().busy).toBeNull();
  });

  it('position request: the number from the first comment, the title and the catalog path in one action', async () => {
    const { client, sentinela } = await startScenario('10-position-request');
    const { procedureInputs } = await import('../domain/procedures');
    expect(procedureInputs('positionRequest', sentinela.getState().context!)[0].initial).toBe('4410');
    expect((await sentinela.applyProcedure('positionRequest', { ticketNumber: '4410' }, null)).status).toBe('applied');
    expect(acts(client)).toEqual([
      ['set', 'ticket.subject', 'Posicionamento do ticket 4410'],
      ['set', 'ticket.customField:custom_field_360003', 'dist_winthor_99_007_posicionamento'],
    ]);
  });
});

describe('live updates and faults', () => {
  it('updates findings when the agent edits the CNPJ field, without reloading', async () => {
    const { client, sentinela } = await startScenario('01-prime-gold-clean');
    client.agentSet('ticket.customField:custom_field_360001', '45.287.033/0001-00');
    await until(() => findingIds(sentinela.getState()), (ids) => ids.includes('block:cnpj'));
    expect(client.calls.filter((c) => c.kind === 'get')).toHaveLength(1);
  });

  it('drops the answer of a search for a CNPJ the agent has changed since', async () => {
    const { client, sentinela } = await startScenario('04-no-organization', { edit: (s) => void (s.faults.requests = [{ match: '/api/v2/search', kind: 'slow', delayMs: 100, status: 500, times: 1 }]) });
    await until(() => sentinela.getState().organizationSearch.state, (s) => s === 'loading');
    client.agentSet('ticket.customField:custom_field_360001', '');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sentinela.getState().organizationSearch).toEqual({ state: 'idle' });
    expect(findingIds(sentinela.getState())).toContain('warn:cnpj');
  });

  it('waits out a 429 with Retry-After, then succeeds', async () => {
    const sleeps: number[] = [];
    const { client, sentinela } = await startScenario('15-rate-limited', { policy: { ...FAST_POLICY, sleep: async (ms) => void sleeps.push(ms) } });
    await until(() => Object.values(sentinela.getState().macros).map((l) => l?.state), (states) => states.length === 3 && states.every((s) => s === 'done'));
    expect(sleeps).toEqual([1000]);
    expect(client.calls.filter((c) => c.kind === 'request')).toHaveLength(4);
  });

  it('says what it could not check when the API fails, and keeps every ZAF finding', async () => {
    const { sentinela } = await startScenario('16-api-down');
    const state = await until(() => sentinela.getState(), (s) => s.organizationSearch.state === 'failed');
    expect(state.organizationSearch).toEqual({ state: 'failed', reason: 'server' });
    expect(findingIds(state)).toContain('block:noOrganization');
    expect(state.settingsIssues).toEqual([]);
    // Macros are looked up only when needed: a procedure applied now fails to find its macro, and says why.
    expect((await sentinela.applyProcedure('closeWhatsapp', { question: 'Dúvida' }, null)).status).toBe('invalid');
    expect(findingIds(sentinela.getState())).toContain('warn:macrosUnavailable'); // an outage, not configuration
  });

  it('gives up on a request that never answers, and never refuses a save for it', async () => {
    const { client, sentinela } = await startScenario('17-api-timeout');
    await until(() => sentinela.getState().savedComments, (s) => s.state === 'failed');
    expect(sentinela.getState().savedComments).toEqual({ state: 'failed', reason: 'timeout' });
    client.agentSet('ticket.status', 'hold');
    await until(() => sentinela.getState().context?.ticket.status, (s) => s === 'hold');
    expect((await client.save()).allowed).toBe(true);
  });

  it('reports a configured field that the batched get cannot read', async () => {
    const { sentinela } = await startScenario('18-misconfigured');
    const state = sentinela.getState();
    expect(state.context?.unreadablePaths).toEqual(['ticket.customField:custom_field_999999']);
    // One bad line of the rules is skipped alone; failMode "aberto" (a text value of an old installation) is read as open.
    expect(state.settingsIssues).toEqual([{ parameter: 'catalogRules', problem: 'badRule', line: 2, text: 'sem seta aqui' }]);
    expect(state.settings.catalogRules).toHaveLength(1);
    expect(state.settings.failMode).toBe('open');
    await until(() => findingIds(sentinela.getState()), (ids) => ids.includes('warn:config.macroTransferN2'));
    expect(findingIds(sentinela.getState())).toEqual(expect.arrayContaining(['warn:setup', 'warn:config.cnpjFieldId', 'warn:config.catalogRules.2']));
  });
});
