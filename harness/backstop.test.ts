// @vitest-environment node
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ruleTicket, runTriggers, triggerMatches, UnknownRuleError, type RuleTicket, type TriggerCycle } from './backstop';
import { TicketModel } from './ticketModel';
import { readScenario, reopenTicket, server, startScenario, until } from './testing';
import { planBackstop } from '../scripts/backstop/requirements';
import type { TicketFieldDefinition, TriggerDefinition } from '../scripts/backstop/reference';
import { BACKSTOP_TAG, backstopFindings, backstopItems } from '../src/domain/backstop';
import { isOsTicket } from '../src/domain/saveGuard';
import { decideSave } from '../src/domain/saveDecision';
import { context, FIELD, FORM_0800, MARCA_OPTIONS, testSettings } from '../src/domain/fixtures';
import type { SavedComment, TicketContext } from '../src/domain/ticket';

const rule = (status: string, fields: Record<number, unknown> = {}, tags: string[] = [], form: number | null = FORM_0800): RuleTicket => ({
  status,
  ticket_form_id: form,
  custom_fields: Object.entries(fields).map(([id, value]) => ({ id: Number(id), value })),
  tags,
});
const trigger = (all: TriggerDefinition['conditions']['all'], any: TriggerDefinition['conditions']['any'] = [], actions: TriggerDefinition['actions'] = [{ field: 'status', value: 'open' }]): TriggerDefinition => ({ title: 't', conditions: { all, any }, actions });

describe('the trigger simulation (Zendesk conditions and actions)', () => {
  it('"changed to" (value) and "changed from" (value_previous) compare with the ticket before the update', () => {
    const toHold = trigger([{ field: 'status', operator: 'value', value: 'hold' }]);
    expect(triggerMatches(toHold, rule('open'), rule('hold'))).toBe(true);
    expect(triggerMatches(toHold, rule('hold'), rule('hold'))).toBe(false); // an edit of a ticket already On Hold
    expect(triggerMatches(toHold, null, rule('hold'))).toBe(true); // created On Hold: "changed" includes a first value
    const fromNew = trigger([{ field: 'status', operator: 'value_previous', value: 'new' }]);
    expect(triggerMatches(fromNew, rule('new'), rule('hold'))).toBe(true);
    expect(triggerMatches(fromNew, rule('open'), rule('hold'))).toBe(false);
    expect(triggerMatches(trigger([{ field: 'status', operator: 'less_than', value: 'solved' }]), null, rule('hold'))).toBe(true);
  });

  it('present / not_present: a value Zendesk holds, whatever it is; is / is_not compare the tag', () => {
    const notPresent = trigger([{ field: 'custom_fields_8', operator: 'not_present', value: null }]);
    for (const value of [null, '', []]) expect(triggerMatches(notPresent, null, rule('hold', { 8: value }))).toBe(true);
    expect(triggerMatches(notPresent, null, rule('hold', {}))).toBe(true); // never set
    for (const value of ['OS-1', '0', 0, false, ['a']]) expect(triggerMatches(notPresent, null, rule('hold', { 8: value }))).toBe(false);
    expect(triggerMatches(trigger([{ field: 'custom_fields_4', operator: 'is', value: 'bematech_hardware' }]), null, rule('hold', { 4: 'bematech_hardware' }))).toBe(true);
    expect(triggerMatches(trigger([{ field: 'custom_fields_4', operator: 'is_not', value: 'bematech_hardware' }]), null, rule('hold', { 4: null }))).toBe(true);
  });

  it('ALL must all hold and, when there are ANY conditions, one of them', () => {
    const both = trigger([{ field: 'status', operator: 'is', value: 'hold' }], [{ field: 'custom_fields_8', operator: 'not_present', value: null }, { field: 'custom_fields_9', operator: 'present', value: null }]);
    expect(triggerMatches(both, null, rule('hold', { 8: 'x', 9: null }))).toBe(false);
    expect(triggerMatches(both, null, rule('hold', { 8: 'x', 9: 'N1' }))).toBe(true);
    expect(triggerMatches(both, null, rule('open', { 8: null }))).toBe(false);
  });

  it('tags: includes any of the listed tags; actions add, remove and replace them', () => {
    const tagged = trigger([{ field: 'current_tags', operator: 'includes', value: 'a b' }], [], [{ field: 'remove_tags', value: 'a' }, { field: 'current_tags', value: 'c c d' }]);
    expect(runTriggers([tagged], null, rule('open', {}, ['b', 'a', 'x'])).ticket.tags).toEqual(['b', 'x', 'c', 'd']);
    expect(runTriggers([trigger([{ field: 'current_tags', operator: 'not_includes', value: 'a' }], [], [{ field: 'set_tags', value: 'only' }])], null, rule('open', {}, ['x'])).ticket.tags).toEqual(['only']);
  });

  it('a fired trigger changes what later ones see; each fires once per update; none run on a closed ticket', () => {
    const first = { ...trigger([{ field: 'status', operator: 'is', value: 'hold' }]), title: 'first' };
    const second = { ...trigger([{ field: 'status', operator: 'is', value: 'open' }], [], [{ field: 'current_tags', value: 'seen' }]), title: 'second' };
    const reopen = { ...trigger([{ field: 'current_tags', operator: 'includes', value: 'seen' }], [], [{ field: 'status', value: 'hold' }]), title: 'reopen' };
    for (const cycle of ['restart', 'single-pass'] as TriggerCycle[]) {
      const { ticket, fired } = runTriggers([first, second, reopen], rule('open'), rule('hold'), cycle);
      expect(fired).toEqual(['first', 'second', 'reopen']);
      expect(ticket.status).toBe('hold'); // "first" does not fire again: once per update
    }
    expect(runTriggers([first], rule('closed'), rule('hold')).fired).toEqual([]);
    expect(runTriggers([{ ...first, active: false }], rule('open'), rule('hold')).fired).toEqual([]);
  });

  it('refuses what it cannot play (a condition field, an operator, an action) instead of never firing', () => {
    expect(() => triggerMatches(trigger([{ field: 'via_id', operator: 'is', value: '4' }]), null, rule('hold'))).toThrow(UnknownRuleError);
    expect(() => triggerMatches(trigger([{ field: 'status', operator: 'within', value: 'x' }]), null, rule('hold'))).toThrow(UnknownRuleError);
    expect(() => runTriggers([trigger([{ field: 'status', operator: 'is', value: 'hold' }], [], [{ field: 'comment_value', value: 'x' }])], null, rule('hold'))).toThrow(/does not know the action "comment_value"/);
  });
});

/** The app's test installation (src/domain/fixtures) as an admin's settings and the account's fields. */
const RAW_SETTINGS = { marcaFieldId: FIELD.marca, familiaFieldId: FIELD.familia, categoriaFieldId: FIELD.categoria, motivoFieldId: FIELD.motivo, osNumberFieldId: FIELD.osNumber, areaResponsavelFieldId: FIELD.areaResponsavel, numeroReferenciaFieldId: FIELD.numeroReferencia, cnpjFieldId: FIELD.cnpj, sessionTicketIdFieldId: FIELD.sessionTicketId, catalogFieldId: FIELD.catalog, formulario0800FormId: FORM_0800 };
const tagger = (id: number, title: string, options: { label: string; value: string }[]): TicketFieldDefinition => ({ id, type: 'tagger', title, custom_field_options: options.map((option) => ({ name: option.label, value: option.value })) });
const FIELDS: TicketFieldDefinition[] = [
  tagger(FIELD.marca, 'Marca', MARCA_OPTIONS),
  tagger(FIELD.categoria, 'Categoria', [{ label: 'Impressora', value: 'cat_impressora' }]),
  tagger(FIELD.motivo, 'Motivo', [{ label: 'Led', value: 'motivo_led' }]),
  { id: FIELD.osNumber, type: 'text', title: 'Número da O.S.' },
  { id: FIELD.areaResponsavel, type: 'text', title: 'Área responsável (0800)' },
];
const NOTE: SavedComment = { public: false, body: 'CNPJ 11.222.333/0001-81 — Supermercado Bom Preço Ltda' };

/** The sidebar's ticket as the REST ticket the triggers see: `status` now, or as stored. */
function asRule(ctx: TicketContext, stored: string | null): RuleTicket {
  return rule(stored ?? ctx.ticket.status, ctx.ticket.fields, ctx.ticket.tags, ctx.ticket.formId);
}

describe('the backstop and the sidebar give one verdict (property, over field states and settings)', () => {
  const taggerValue = (tag: string) => fc.constantFrom(null, '', tag);
  const textValue = fc.constantFrom(null, '', 'OS-1', 'N1 suporte', '   ');
  const state = fc.record({
    savedStatus: fc.constantFrom('new', 'open', 'pending', 'hold'),
    formId: fc.constantFrom(FORM_0800, 11, null),
    marca: fc.constantFrom('bematech_hardware', 'winthor', null),
    categoria: taggerValue('cat_impressora'),
    motivo: taggerValue('motivo_led'),
    osNumber: textValue,
    area: textValue,
    unset: fc.subarray(['osNumberFieldId', 'categoriaFieldId', 'motivoFieldId', 'areaResponsavelFieldId', 'marcaFieldId'] as const),
    cycle: fc.constantFrom<TriggerCycle>('restart', 'single-pass'),
  });

  it('a save the sidebar allows never trips it; it trips exactly when a covered item is missing; never on another ticket (3,000 cases)', () => {
    const seen = { allowed: 0, reverted: 0, notOs: 0 };
    const plans = new Map<string, ReturnType<typeof planBackstop>>();
    fc.assert(
      fc.property(state, (s) => {
        const overrides = Object.fromEntries(s.unset.map((name) => [name, '']));
        const settings = testSettings(overrides);
        const key = [...s.unset].sort().join();
        if (!plans.has(key)) plans.set(key, planBackstop({ ...RAW_SETTINGS, ...overrides }, FIELDS));
        const plan = plans.get(key)!;
        fc.pre(plan.requirements !== null); // nothing to compare when no backstop can be generated
        const triggers = Object.values(plan.requirements!.triggers);
        const ctx = context({
          status: 'hold',
          type: 'incident',
          formId: s.formId,
          fields: { [FIELD.cnpj]: '11.222.333/0001-81', [FIELD.marca]: s.marca, [FIELD.familia]: 'familia_hardware', [FIELD.categoria]: s.categoria, [FIELD.motivo]: s.motivo, [FIELD.osNumber]: s.osNumber, [FIELD.areaResponsavel]: s.area },
        });
        const { ticket } = runTriggers(triggers, asRule(ctx, s.savedStatus), asRule(ctx, null), s.cycle);
        const reverted = ticket.status === 'open' && ticket.tags.includes(BACKSTOP_TAG);
        expect(reverted || (ticket.status === 'hold' && ticket.tags.length === 0)).toBe(true); // all or nothing
        const sidebar = decideSave({ context: ctx, settings, savedComments: { state: 'done', value: [NOTE] }, savedStatus: { state: 'done', value: s.savedStatus } });
        if (sidebar.fixes.length === 0 && sidebar.unchecked.length === 0) {
          seen.allowed += 1;
          expect(reverted).toBe(false);
        }
        if (!isOsTicket(ctx, settings)) {
          seen.notOs += 1;
          expect(reverted).toBe(false);
          return;
        }
        const coveredMissing = backstopItems(ctx, settings).some((item) => item.state === 'missing' && plan.covered.some((check) => check.item === item.id));
        // Known limit (README): a Número da O.S. of only spaces is a value to Zendesk, empty to the sidebar.
        const spacesOnly = typeof s.osNumber === 'string' && s.osNumber !== '' && s.osNumber.trim() === '';
        if (s.savedStatus === 'hold') expect(reverted).toBe(false); // hold → hold is no transition, for either
        else if (!spacesOnly) expect(reverted).toBe(coveredMissing);
        if (reverted) seen.reverted += 1;
      }),
      { numRuns: 3000 },
    );
    expect(Math.min(seen.allowed, seen.reverted, seen.notOs)).toBeGreaterThan(50);
  }, 60_000);

  it('the one divergence, pinned: text of only spaces is a value to Zendesk and empty to the sidebar', () => {
    const triggers = Object.values(planBackstop(RAW_SETTINGS, FIELDS).requirements!.triggers);
    const before = rule('open', { [FIELD.categoria]: 'cat_impressora', [FIELD.motivo]: 'motivo_led', [FIELD.osNumber]: '   ', [FIELD.areaResponsavel]: null });
    expect(runTriggers(triggers, before, { ...before, status: 'hold' }).fired).toEqual([]); // "   " is present: not caught
  });
});

describe('an update that meets no save hook, in the harness model (acceptance of issue 20)', () => {
  it('an incomplete O.S. ticket put On Hold through the API goes back to Open with the tag', () => {
    const model = new TicketModel(readScenario('07-os-missing-fields'));
    const { fired, ticket } = model.apiUpdate({ status: 'hold' });
    expect(fired).toEqual(['Sentinela: O.S. incompleta em Espera volta para Aberto (formulário 0800)']);
    expect([ticket.status, ticket.tags]).toEqual(['open', [BACKSTOP_TAG]]);
    expect(model.get(['ticket.status', 'ticket.tags'])).toMatchObject({ 'ticket.status': 'open', 'ticket.tags': [BACKSTOP_TAG] });
  });

  it('a complete one stays On Hold, and a fixed one loses the tag when it goes On Hold', () => {
    const complete = new TicketModel(readScenario('11-os-complete'));
    expect(complete.apiUpdate({ status: 'hold' })).toMatchObject({ fired: [], ticket: { status: 'hold', tags: [] } });
    const model = new TicketModel(readScenario('07-os-missing-fields'));
    model.apiUpdate({ status: 'hold' });
    const fix = { custom_fields: [{ id: 360008, value: 'OS-77' }, { id: 360006, value: 'cat_pdv' }, { id: 360007, value: 'motivo_led' }, { id: 360009, value: null }] };
    expect(model.apiUpdate({ ...fix, status: 'hold' })).toMatchObject({ fired: ['Sentinela: O.S. completa em Espera perde a tag sentinela_os_incompleta'], ticket: { status: 'hold', tags: [] } });
  });

  it('a ticket that is not an O.S. is never touched, whatever its fields', () => {
    for (const name of ['01-prime-gold-clean', '02-helpdesk-distribuidor', '05-invalid-cnpj', '10-position-request']) {
      const model = new TicketModel(readScenario(name));
      const update = model.apiUpdate({ status: 'hold', custom_fields: [{ id: 360009, value: 'Suporte N1' }] });
      expect([name, update.fired, update.ticket.status, update.ticket.tags]).toEqual([name, [], 'hold', []]);
    }
  });

  it('refuses updates Zendesk refuses, and those it does not play', () => {
    const model = new TicketModel(readScenario('07-os-missing-fields'));
    expect(() => model.apiUpdate({ status: 'new' })).toThrow(/422: status "new" cannot be set/);
    expect(() => model.apiUpdate({ priority: 'high' } as never)).toThrow(/does not play ticket updates of priority/);
  });

  it('a save the hooks let through runs the same triggers (Zendesk runs them on every update)', () => {
    const model = new TicketModel(readScenario('11-os-complete'));
    const events: string[] = [];
    model.onEvent((name) => events.push(name));
    model.set('ticket.status', 'hold');
    model.commitSave();
    expect([model.ticket.status, model.ticket.tags]).toEqual(['hold', []]);
    expect(events).toEqual(['ticket.status.changed', 'ticket.submit.start', 'ticket.submit.done', 'ticket.submit.always']);
    expect(ruleTicket(model.ticket).status).toBe('hold');
  });
});

describe('the sidebar, the next time the ticket is opened', () => {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  const said = (state: { context: TicketContext | null; settings: ReturnType<typeof testSettings> }) => backstopFindings(state.context!, state.settings).map((finding) => [finding.id, ...(finding.details ?? []).map((detail) => detail.key)]);

  it('reads the tag with the one batched get and says why the backstop put the ticket back', async () => {
    const { model, sentinela: first } = await startScenario('07-os-missing-fields');
    expect(said(first.getState())).toEqual([]);
    model.apiUpdate({ status: 'hold' });
    expect(first.getState().context!.ticket.status).toBe('open'); // no event reached the open sidebar
    const { client, sentinela } = await reopenTicket(model);
    expect(client.calls.filter((call) => call.kind === 'get')).toHaveLength(1);
    expect(client.calls.find((call) => call.kind === 'get')!.args).toContain('ticket.tags');
    expect(sentinela.getState().context!.ticket.tags).toEqual([BACKSTOP_TAG]);
    expect(said(sentinela.getState())).toEqual([['backstop', 'finding.backstop.missing', 'guard.item.osNumber', 'guard.item.categoria', 'guard.item.motivo', 'guard.item.areaResponsavel']]);
  });

  it('a save the sidebar allows, complete, clears the tag through the triggers and the finding goes', async () => {
    const { model } = await startScenario('07-os-missing-fields');
    model.apiUpdate({ status: 'hold' });
    const { client, sentinela } = await reopenTicket(model);
    // The internal note first: with the draft naming the CNPJ and the Razão Social the saved notes cannot change
    // the verdict, so they are never read (issue 16) — in the other order, whether a read starts between the last
    // field and the draft depends on when the events are handled (a CI run once waited for one that never came).
    client.agentSet('ticket.comment.type', 'internalNote');
    client.agentSet('ticket.comment.text', 'O.S. 77 aberta. CNPJ 49.327.015/0001-58, Restaurante Sabor Caseiro Ltda');
    await until(() => sentinela.getState().context!.ticket.draft, (draft) => draft.internal && draft.text.includes('49.327.015/0001-58'));
    for (const [id, value] of [[360008, 'OS-77'], [360006, 'cat_pdv'], [360007, 'motivo_led'], [360009, null]] as const) client.agentSet(`ticket.customField:custom_field_${id}`, value);
    client.agentSet('ticket.status', 'hold');
    await until(() => sentinela.getState().context!.ticket.status, (status) => status === 'hold');
    expect(await client.save()).toEqual({ allowed: true, message: null });
    expect(sentinela.getState().savedComments.state).toBe('idle');
    expect([model.ticket.status, model.ticket.tags]).toEqual(['hold', []]);
    await until(() => sentinela.getState().context!.ticket.tags, (tags) => tags.length === 0);
    expect(said(sentinela.getState())).toEqual([]);
  });
});
