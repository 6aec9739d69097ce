import { describe, expect, it } from 'vitest';
import { guardCanApply, isOsTicket, mentionedDeviceCount, mentionsQuote, needsReferenceNumber, osChecklist, osTicket, type Fix, type GuardInput } from './saveGuard';
import { decideSave, notesCanDecide, verdict } from './saveDecision';
import { context, FIELD, FORM_0800, organization, testSettings } from './fixtures';
import type { Lookup, SavedComment, Ticket, TicketContext, TicketPart } from './ticket';

const NOTE: SavedComment = { public: false, body: 'O.S. aberta. CNPJ 11.222.333/0001-81 — Razão Social: Supermercado Bom Preço Ltda' };

/** A complete O.S. ticket, stored Open, being saved as On Hold. */
function completeOs(ticket: Partial<Ticket> = {}): TicketContext {
  return context({
    status: 'hold',
    type: 'incident',
    formId: FORM_0800,
    fields: {
      [FIELD.cnpj]: '11.222.333/0001-81',
      [FIELD.marca]: 'bematech_hardware',
      [FIELD.familia]: 'familia_hardware',
      [FIELD.categoria]: 'cat_impressora',
      [FIELD.motivo]: 'motivo_led',
      [FIELD.osNumber]: 'OS-1',
      [FIELD.areaResponsavel]: '',
      [FIELD.numeroReferencia]: '',
    },
    ...ticket,
  });
}
const done = <T,>(value: T): Lookup<T> => ({ state: 'done', value });
function input(ctx: TicketContext, comments: SavedComment[] | Lookup<SavedComment[]> = [NOTE], options: { settings?: ReturnType<typeof testSettings>; saved?: string | Lookup<string> } = {}): GuardInput {
  const saved = options.saved ?? 'open';
  return {
    context: ctx,
    settings: options.settings ?? testSettings(),
    savedComments: Array.isArray(comments) ? done(comments) : comments,
    savedStatus: typeof saved === 'string' ? done(saved) : saved,
  };
}
const fixKey = (fix: Fix) => ('what' in fix ? `${fix.kind}:${fix.what.key}` : fix.kind);
const fixesOf = (guard: GuardInput) => decideSave(guard).fixes.map(fixKey);
const uncheckedOf = (guard: GuardInput) => decideSave(guard).unchecked.map((item) => `${item.what.key}|${item.why.key}`);
const withField = (id: number, value: unknown) => {
  const ctx = completeOs();
  ctx.ticket.fields = { ...ctx.ticket.fields, [id]: value };
  return ctx;
};
const unreadable = (ctx: TicketContext, ...parts: TicketPart[]) => ({ ...ctx, unreadable: [...ctx.unreadable, ...parts] });

describe('decideSave for an O.S. ticket going to On Hold', () => {
  it('allows a complete ticket', () => {
    expect(decideSave(input(completeOs()))).toEqual({ fixes: [], unchecked: [], warnings: [] });
  });

  it.each([
    ['Número da O.S.', () => withField(FIELD.osNumber, ''), 'fill:guard.what.osNumber'],
    ['Marca', () => withField(FIELD.marca, 'winthor'), 'choose:guard.what.marca'],
    ['Família', () => withField(FIELD.familia, null), 'choose:guard.what.familia'],
    ['Categoria', () => withField(FIELD.categoria, ' '), 'fill:guard.what.categoria'],
    ['Motivo', () => withField(FIELD.motivo, undefined), 'fill:guard.what.motivo'],
    ['Área responsável filled', () => withField(FIELD.areaResponsavel, 'Suporte N1'), 'clear:guard.what.areaResponsavel'],
    ['Formulário', () => completeOs({ formId: 11 }), 'choose:guard.what.form'],
    ['Tipo', () => completeOs({ type: null }), 'fill:guard.what.type'],
  ])('refuses when %s alone is missing, saying what to do', (_name, make, key) => {
    expect(fixesOf(input(make()))).toEqual([key]);
  });

  it('refuses without an internal note that has the CNPJ and the Razão Social', () => {
    expect(fixesOf(input(completeOs(), []))).toEqual(['note']);
    expect(fixesOf(input(completeOs(), [{ ...NOTE, public: true }]))).toEqual(['note']);
    expect(fixesOf(input(completeOs(), [{ public: false, body: 'CNPJ 11.222.333/0001-81' }]))).toEqual(['note']);
    expect(fixesOf(input(completeOs(), [{ public: false, body: 'supermercado bom preco ltda 11222333000181' }]))).toEqual([]);
    expect(decideSave(input(completeOs(), [])).fixes[0]).toEqual({ kind: 'note', cnpj: '11.222.333/0001-81', razaoSocial: 'Supermercado Bom Preço Ltda' });
  });

  it('accepts the internal note being composed, and the one a confirmed save sent', () => {
    expect(fixesOf(input(completeOs({ draft: { text: NOTE.body, internal: true } }), []))).toEqual([]);
    expect(fixesOf(input(completeOs({ draft: { text: NOTE.body, internal: false } }), []))).toEqual(['note']);
    expect(fixesOf({ ...input(completeOs(), { state: 'failed', reason: 'timeout' }), sentNotes: [NOTE] })).toEqual([]);
  });

  it('lists every missing item at once', () => {
    const ctx = completeOs({ type: null, formId: 11 });
    ctx.ticket.fields = { [FIELD.cnpj]: '11.222.333/0001-81', [FIELD.marca]: 'bematech_hardware', [FIELD.areaResponsavel]: 'x' };
    expect(fixesOf(input(ctx, [], { saved: 'new' }))).toEqual([
      'sendOpenFirst',
      'note',
      'fill:guard.what.osNumber',
      'choose:guard.what.form',
      'choose:guard.what.familia',
      'fill:guard.what.type',
      'fill:guard.what.categoria',
      'fill:guard.what.motivo',
      'clear:guard.what.areaResponsavel',
    ]);
  });

  it('needs Número Referência for organizations of the list (SODEXO)', () => {
    const sodexo = completeOs({ organization: organization({}, 'SODEXO do Brasil Comercial S.A.') });
    const note = { public: false, body: 'CNPJ 11222333000181 SODEXO do Brasil Comercial S.A.' };
    expect(needsReferenceNumber(sodexo, testSettings())).toBe(true);
    expect(fixesOf(input(sodexo, [note]))).toEqual(['fill:guard.what.numeroReferencia']);
    sodexo.ticket.fields[FIELD.numeroReferencia] = 'CH-55';
    expect(fixesOf(input(sodexo, [note]))).toEqual([]);
    expect(needsReferenceNumber(completeOs({ organization: organization({}, 'Sodexopolis Ltda') }), testSettings())).toBe(false);
  });

  it('an item whose setting is empty is shown unchecked, turned off: it neither refuses nor counts as unknown', () => {
    const settings = testSettings({ osNumberFieldId: '' });
    const guard = input(withField(FIELD.osNumber, ''), [NOTE], { settings });
    expect(decideSave(guard)).toMatchObject({ fixes: [], unchecked: [] });
    expect(osChecklist(guard).find((item) => item.id === 'osNumber')).toMatchObject({ state: 'unchecked', off: true, note: { key: 'guard.note.notConfigured' } });
  });
});

describe('unknown is never absent nor present (issue 17)', () => {
  it.each([
    ['saved notes failed', input(completeOs(), { state: 'failed', reason: 'timeout' }), ['guard.what.internalNote|guard.note.notesUnreadable']],
    ['saved notes loading', input(completeOs(), { state: 'loading' }), ['guard.what.internalNote|guard.note.notesLoading']],
    ['saved notes not read', input(completeOs(), { state: 'idle' }), ['guard.what.internalNote|guard.note.notesNotRead']],
    ['a field unreadable', { ...input(withField(FIELD.osNumber, undefined)), context: { ...withField(FIELD.osNumber, undefined), unreadableFields: [FIELD.osNumber] } }, ['guard.what.osNumber|guard.note.unreadable']],
    ['ticket.type unreadable', input(unreadable(completeOs({ type: null }), 'type')), ['guard.what.type|guard.note.typeUnreadable']],
    ['ticket.form unreadable (Marca says O.S.)', input(unreadable(completeOs({ formId: null }), 'form')), ['guard.what.form|guard.note.formUnreadable']],
    ['the draft unreadable, no saved note', input(unreadable(completeOs(), 'draft'), []), ['guard.what.internalNote|guard.note.draftUnreadable']],
    ['the organization unreadable', input(unreadable(completeOs({ organization: null }), 'organization')), ['guard.what.financialPending|guard.note.organizationUnreadable', 'guard.what.internalNote|guard.note.organizationUnreadable', 'guard.what.numeroReferencia|guard.note.organizationUnreadable']],
    ['the stored status unknown (a save not confirmed)', input(completeOs(), [NOTE], { saved: { state: 'idle' } }), ['guard.what.wasOpen|guard.note.savedStatusUnconfirmed']],
    ['the stored status failed', input(completeOs(), [NOTE], { saved: { state: 'failed', reason: 'server' } }), ['guard.what.wasOpen|guard.note.savedStatusUnreadable']],
    ['the status being saved unreadable', input(unreadable(completeOs({ status: 'new' }), 'status')), ['guard.what.status|guard.note.statusUnreadable']],
  ])('%s: not checked, named, and no refusal of its own', (_name, guard, expected) => {
    expect(uncheckedOf(guard)).toEqual(expected);
    expect(decideSave(guard).fixes).toEqual([]);
  });

  it('known problems still refuse beside unknown ones', () => {
    const guard = input(completeOs({ type: null }), { state: 'failed', reason: 'server' });
    expect(fixesOf(guard)).toEqual(['fill:guard.what.type', 'note']);
    // The notes could not change that refusal: nothing to read on the save path, the note asked for "if not there yet".
    expect(decideSave(guard).fixes[1]).toMatchObject({ kind: 'note', ifMissing: true });
    expect(uncheckedOf(guard)).toEqual([]);
  });

  it('an unreadable ticket.type is not "Tipo não preenchido"', () => {
    expect(osChecklist(input(unreadable(completeOs({ type: null }), 'type'))).find((item) => item.id === 'type')).toMatchObject({ state: 'unchecked' });
  });

  it('O.S. or not, when form and Marca are unreadable: unknown, and a save to On Hold is not checked', () => {
    const ctx = { ...unreadable(completeOs({ formId: null }), 'form'), unreadableFields: [FIELD.marca] };
    expect(osTicket(ctx, testSettings())).toBe('unknown');
    expect(isOsTicket(ctx, testSettings())).toBe(false);
    expect(guardCanApply(input(ctx))).toBe(true);
    expect(uncheckedOf(input(ctx))).toEqual(['guard.what.osTicket|guard.note.formUnreadable']);
    expect(osTicket({ ...ctx, unreadable: [] }, testSettings())).toBe('unknown');
    expect(osTicket({ ...ctx, unreadable: [], unreadableFields: [], ticket: { ...ctx.ticket, formId: 11, fields: { [FIELD.marca]: 'winthor' } } }, testSettings())).toBe('no');
  });

  it('a ticket known not to be an O.S. is not held up by anything it could not read', () => {
    const ctx = { ...completeOs({ formId: 11, fields: { [FIELD.marca]: 'winthor' } }), unreadableFields: [FIELD.osNumber] };
    expect(decideSave(input(ctx, { state: 'failed', reason: 'server' }, { saved: { state: 'idle' } }))).toEqual({ fixes: [], unchecked: [], warnings: [] });
  });

  it('an unreadable organization: financial pending is not checked for any save but Solved', () => {
    const ctx = unreadable(context({ organization: null, status: 'open' }), 'organization');
    expect(uncheckedOf(input(ctx))).toEqual(['guard.what.financialPending|guard.note.organizationUnreadable']);
    expect(uncheckedOf(input({ ...ctx, ticket: { ...ctx.ticket, status: 'solved' } }))).toEqual([]);
  });

  it('a financial pending with an unreadable status is not checked (it may be Solved)', () => {
    const ctx = unreadable(context({ organization: organization({ pendencia_financeira: 'Sim' }) }), 'status');
    expect(decideSave(input(ctx))).toMatchObject({ fixes: [], unchecked: [{ what: { key: 'guard.what.status' } }] });
  });

  it('says which unknowns a read can settle (the save hook reads them within its deadline)', () => {
    expect(decideSave(input(completeOs(), { state: 'failed', reason: 'server' })).unchecked[0].readable).toBe('savedComments');
    expect(decideSave(input(completeOs(), [NOTE], { saved: { state: 'idle' } })).unchecked[0].readable).toBe('savedStatus');
    expect(decideSave(input(unreadable(completeOs(), 'type'))).unchecked[0].readable).toBeUndefined();
  });
});

describe('verdict: failMode applied', () => {
  const unknownOnly = decideSave(input(completeOs(), { state: 'failed', reason: 'server' }));
  const missing = decideSave(input(completeOs({ type: null }), { state: 'failed', reason: 'server' }));
  it.each([
    ['open', unknownOnly, true],
    ['closed', unknownOnly, false],
    ['open', missing, false],
    ['closed', missing, false],
  ] as const)('failMode %s', (failMode, decision, allow) => {
    expect(verdict(decision, failMode)).toEqual({ allow, fixes: decision.fixes, unchecked: decision.unchecked });
  });
});

describe('decideSave across status transitions', () => {
  const STATUSES = ['new', 'open', 'pending', 'hold', 'solved'] as const;
  const table = STATUSES.flatMap((from) => STATUSES.map((to) => [from, to] as const));

  it.each(table)('incomplete O.S. ticket %s → %s', (from, to) => {
    const ctx = withField(FIELD.osNumber, '');
    ctx.ticket.status = to;
    const decision = decideSave(input(ctx, [NOTE], { saved: from }));
    const refused = to === 'hold' && from !== 'hold';
    expect(decision.fixes.length > 0).toBe(refused);
    if (refused) expect(decision.fixes.map(fixKey)).toEqual(from === 'open' ? ['fill:guard.what.osNumber'] : ['sendOpenFirst', 'fill:guard.what.osNumber']);
  });

  it.each(table)('ticket that is not an O.S. %s → %s is never refused', (from, to) => {
    const ctx = withField(FIELD.osNumber, '');
    ctx.ticket.formId = 11;
    ctx.ticket.fields[FIELD.marca] = 'winthor';
    ctx.ticket.status = to;
    expect(isOsTicket(ctx, testSettings())).toBe(false);
    expect(decideSave(input(ctx, [NOTE], { saved: from }))).toEqual({ fixes: [], unchecked: [], warnings: [] });
  });

  it.each(STATUSES)('financial pending refuses saving as %s unless Solved', (to) => {
    const ctx = context({ organization: organization({ pendencia_financeira: 'Sim' }), status: to });
    const decision = decideSave(input(ctx));
    expect(decision.fixes.map(fixKey)).toEqual(to === 'solved' ? [] : ['solvedOnly']);
  });
});

describe('O.S. identification and warnings', () => {
  it('an O.S. ticket is on form 0800 or has Marca = Bematech Hardware (tag or label)', () => {
    const settings = testSettings();
    expect(isOsTicket(context({ formId: FORM_0800 }), settings)).toBe(true);
    expect(isOsTicket(context({ fields: { [FIELD.marca]: 'bematech_hardware' } }), settings)).toBe(true);
    expect(isOsTicket(context({ fields: { [FIELD.marca]: 'Bematech Hardware' } }, { fieldOptions: {} }), settings)).toBe(true);
    expect(isOsTicket(context({ fields: { [FIELD.marca]: 'winthor' } }), settings)).toBe(false);
  });
  it('counts devices and sees quotes', () => {
    expect(mentionedDeviceCount(['Precisamos de orçamento para 8 impressoras', 'e 3 PDVs'])).toBe(8);
    expect(mentionedDeviceCount(['12 equipamentos com defeito'])).toBe(12);
    expect(mentionedDeviceCount(['ticket 4410 aberto'])).toBe(0);
    expect(mentionsQuote(['Gerou ORÇAMENTO'])).toBe(true);
    expect(mentionsQuote(['nada'])).toBe(false);
  });
  it('warns, never refuses, for more than the device limit and for quotes', () => {
    const decision = decideSave(input(completeOs({ subject: 'Orçamento para 8 impressoras' })));
    expect(decision.fixes).toEqual([]);
    expect(decision.warnings.map((w) => w.key)).toEqual(['guard.warn.devices', 'guard.warn.warranty']);
  });
  it('the guard does not apply to a ticket stored On Hold or closed, and may when the stored status is unknown', () => {
    expect(guardCanApply(input(completeOs(), [], { saved: 'hold' }))).toBe(false);
    expect(guardCanApply(input(completeOs(), [], { saved: 'closed' }))).toBe(false);
    expect(guardCanApply(input(completeOs(), [], { saved: { state: 'loading' } }))).toBe(true);
  });
});

describe('the saved notes are read only where they can change the verdict (issue 16)', () => {
  const idle: Lookup<SavedComment[]> = { state: 'idle' };
  const draft = (text: string, internal = true) => ({ draft: { text, internal } });

  it('an O.S. ticket stored Open with every other item in place: worth reading', () => {
    expect(notesCanDecide(input(completeOs(), idle))).toBe(true);
  });

  it.each([
    ['stored New: the save is refused whatever the notes hold', input(completeOs(), idle, { saved: 'new' })],
    ['stored Pending', input(completeOs(), idle, { saved: 'pending' })],
    ['Número da O.S. empty', input(withField(FIELD.osNumber, ''), idle)],
    ['Área responsável filled', input(withField(FIELD.areaResponsavel, 'Campo'), idle)],
    ['Tipo empty', input(completeOs({ type: null }), idle)],
    ['stored On Hold: no transition to guard', input(completeOs(), idle, { saved: 'hold' })],
    ['not an O.S. ticket', input(completeOs({ formId: 11, fields: {} }), idle)],
  ])('%s: not worth a request', (_name, guard) => {
    expect(notesCanDecide(guard)).toBe(false);
  });

  it('the note item decided without them (organization unreadable, no Razão Social known): not worth a request', () => {
    expect(notesCanDecide(input(unreadable(completeOs(), 'organization'), idle))).toBe(false);
    expect(notesCanDecide(input(completeOs({ organization: null }), idle))).toBe(false);
  });

  it('an item not known (stored status unreadable) may turn out fine: worth reading', () => {
    expect(notesCanDecide(input(completeOs(), idle, { saved: { state: 'failed', reason: 'server' } }))).toBe(true);
  });

  it('a note sent from this view, or being written as internal, naming the customer: not needed', () => {
    expect(notesCanDecide({ ...input(completeOs(), idle), sentNotes: [NOTE] })).toBe(false);
    expect(notesCanDecide({ ...input(completeOs(), idle), sentNotes: [{ ...NOTE, public: true }] })).toBe(true);
    expect(notesCanDecide(input(completeOs(draft(NOTE.body)), idle))).toBe(false);
    expect(notesCanDecide(input(completeOs(draft(NOTE.body, false)), idle))).toBe(true);
    expect(notesCanDecide(input(completeOs(draft('CNPJ 11.222.333/0001-81 apenas')), idle))).toBe(true);
    expect(notesCanDecide(input(unreadable(completeOs(draft(NOTE.body)), 'draft'), idle))).toBe(true);
  });

  it('a save refused for another item reads nothing, and asks for the note "if not there yet"', () => {
    const decision = decideSave(input(withField(FIELD.osNumber, ''), idle));
    expect(decision.fixes.map(fixKey)).toEqual(['fill:guard.what.osNumber', 'note']);
    expect(decision.fixes[1]).toMatchObject({ kind: 'note', ifMissing: true, cnpj: '11.222.333/0001-81' });
    expect(decision.unchecked).toEqual([]);
    // Everything else in place: the unread notes are what the save waits for (read within its deadline).
    expect(decideSave(input(completeOs(), idle)).unchecked).toEqual([expect.objectContaining({ readable: 'savedComments' })]);
  });
});
