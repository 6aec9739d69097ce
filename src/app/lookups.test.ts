// @vitest-environment node
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FAST_POLICY, findingsOf, memoryStore, server, startScenario, until } from '../../harness/testing';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

type Calls = { calls: { kind: string; target: string; args: unknown[] }[] };
const requests = (client: Calls) => client.calls.filter((c) => c.kind === 'request').map((c) => c.target);
const macroInvokes = (client: Calls) => client.calls.filter((c) => c.kind === 'invoke' && c.target === 'macro').map((c) => c.args[0]);

describe('a macro re-created or renamed mid-session', () => {
  it('re-created (new id, same title): the failed invoke looks the title up again once, and applies the new macro', async () => {
    const store = memoryStore();
    const { client, model, sentinela } = await startScenario('03-financial-pending', { store });
    await until(() => sentinela.getState().macros.macroRegistrationPending?.state, (s) => s === 'done');
    // An admin deletes macro 33 and creates it again: Zendesk gives it a new id.
    const pending = model.scenario.macros.find((macro) => macro.id === 33)!;
    model.scenario.macros = [...model.scenario.macros.filter((macro) => macro.id !== 33), { ...pending, id: 77 }];
    expect((await sentinela.applyProcedure('registrationPending', {}, null)).status).toBe('applied');
    expect(macroInvokes(client)).toEqual([33, 77]);
    expect(requests(client)).toHaveLength(2);
    // The next ticket of the session finds the new id in the cache: no request, no failed invoke.
    const next = await startScenario('03-financial-pending', { store, edit: (s) => void (s.macros = model.scenario.macros) });
    expect((await next.sentinela.applyProcedure('registrationPending', {}, null)).status).toBe('applied');
    expect([macroInvokes(next.client), requests(next.client)]).toEqual([[77], []]);
  });

  it('renamed (no macro has the title any more): one fresh look-up, then the failure is named and the title reported missing', async () => {
    const { client, model, sentinela } = await startScenario('03-financial-pending');
    await until(() => sentinela.getState().macros.macroRegistrationPending?.state, (s) => s === 'done');
    model.scenario.macros = model.scenario.macros.map((macro) => (macro.id === 33 ? { ...macro, id: 78, title: 'Pendência (nova)' } : macro));
    expect((await sentinela.applyProcedure('registrationPending', {}, null)).status).toBe('failed');
    expect(macroInvokes(client)).toEqual([33]);
    expect(sentinela.getState().notices.at(-1)).toMatchObject({ tone: 'error', text: { key: 'notice.actionFailed', params: { action: 'macro' } } });
    const lookup = sentinela.getState().macros.macroRegistrationPending;
    expect(lookup?.state === 'done' && lookup.value).toEqual({ candidates: [], match: { kind: 'missing' } });
  });

  it('a failure that is not about the macro (the same id found again) is reported, not retried', async () => {
    const { client, sentinela } = await startScenario('03-financial-pending', { edit: (s) => void (s.faults.failingActions = ['macro']) });
    expect((await sentinela.applyProcedure('registrationPending', {}, null)).status).toBe('failed');
    expect(macroInvokes(client)).toEqual([33]);
  });
});

describe('try again', () => {
  it('reads Zendesk again past the cached failure', async () => {
    const { client, model, sentinela } = await startScenario('16-api-down');
    await until(() => sentinela.getState().organizationSearch.state, (s) => s === 'failed');
    const failedAfter = requests(client).length;
    model.scenario.faults.requests = [];
    sentinela.retryLookups();
    const search = await until(() => sentinela.getState().organizationSearch, (s) => s.state === 'done');
    expect(search.state === 'done' && search.value.total).toBeGreaterThanOrEqual(0);
    expect(requests(client).length).toBeGreaterThan(failedAfter);
  });

  it('a failed look-up is not asked again by the next ticket view for 45 s', async () => {
    const store = memoryStore();
    const first = await startScenario('16-api-down', { store });
    await until(() => first.sentinela.getState().organizationSearch.state, (s) => s === 'failed');
    const second = await startScenario('16-api-down', { store });
    await until(() => second.sentinela.getState().organizationSearch.state, (s) => s === 'failed');
    expect(requests(second.client)).toEqual([]);
  });
});

describe('a look-up waiting to retry says why (429 or 5xx)', () => {
  /** What the organization search's finding says while the app sleeps before each retry. */
  async function saidWhileWaiting(fault: { status: number; retryAfter?: number }) {
    const said: string[] = [];
    let read = (): string => '';
    const policy = { ...FAST_POLICY, sleep: async () => void said.push(read()) };
    const { sentinela } = await startScenario('04-no-organization', { policy, edit: (s) => void (s.faults.requests = [{ match: '/api/v2/', kind: 'status', delayMs: 0, times: 1, ...fault }]) });
    read = () => {
      const state = sentinela.getState();
      const finding = findingsOf(state).find((f) => f.id === 'noOrganization');
      return finding?.details?.map((d) => state.translate(d)).join(' ') ?? '';
    };
    await until(() => sentinela.getState().organizationSearch.state, (s) => s === 'done');
    return said;
  }

  it('5xx: Zendesk answered with an error, trying again — never "API limit reached"', async () => {
    const said = await saidWhileWaiting({ status: 503 });
    expect(said).toEqual(['O Zendesk não respondeu ou respondeu com erro: nova tentativa em 1 s…']);
  });

  it('429: the API limit, trying again in Retry-After seconds', async () => {
    const said = await saidWhileWaiting({ status: 429, retryAfter: 2 });
    expect(said).toEqual(['Limite da API atingido: nova tentativa em 2 s…']);
  });
});
