import { describe, expect, it } from 'vitest';
import { decideSave, isOsTicket, mentionedDeviceCount, mentionsQuote, needsReferenceNumber, osChecklist, type GuardInput } from './saveGuard';
import { context, FIELD, FORM_0800, organization, testSettings } from './fixtures';
import type { SavedComment, Ticket, TicketContext } from './ticket';

const NOTE: SavedComment = { public: false, body: 'O.S. aberta. CNPJ 11.222.333/0001-81 — Razão Social: Supermercado Bom Preço Ltda' };

/** A complete O.S. ticket, open, being saved as hold. */
function osTicket(ticket: Partial<Ticket> = {}): TicketContext {
  return context({
    status: 'hold',
    savedStatus: 'open',
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
const input = (ctx: TicketContext, comments: SavedComment[] | null = [NOTE], settings = testSettings()): GuardInput => ({
  context: ctx,
  settings,
  savedComments: comments === null ? { state: 'failed', reason: 'timeout' } : { state: 'done', value: comments },
});
const reasonKeys = (ctx: TicketContext, comments?: SavedComment[] | null) => decideSave(input(ctx, comments)).reasons.map((reason) => reason.key);
const withField = (id: number, value: unknown) => {
  const ctx = osTicket();
  ctx.ticket.fields = { ...ctx.ticket.fields, [id]: value };
  return ctx;
};

describe('decideSave for an O.S. ticket going to On Hold', () => {
  it('allows a complete ticket', () => {
    expect(decideSave(input(osTicket()))).toEqual({ allow: true, reasons: [], warnings: [] });
  });

  it.each([
    ['Número da O.S.', () => withField(FIELD.osNumber, ''), 'guard.item.osNumber'],
    ['Marca', () => withField(FIELD.marca, 'winthor'), 'guard.item.marca'],
    ['Família', () => withField(FIELD.familia, null), 'guard.item.familia'],
    ['Categoria', () => withField(FIELD.categoria, ' '), 'guard.item.categoria'],
    ['Motivo', () => withField(FIELD.motivo, undefined), 'guard.item.motivo'],
    ['Área responsável filled', () => withField(FIELD.areaResponsavel, 'Suporte N1'), 'guard.item.areaResponsavel'],
    ['Formulário', () => osTicket({ formId: 11 }), 'guard.item.form'],
    ['Tipo', () => osTicket({ type: null }), 'guard.item.type'],
  ])('refuses when %s alone is missing, naming it', (_name, make, key) => {
    expect(reasonKeys(make())).toEqual([key]);
  });

  it('refuses without an internal note that has the CNPJ and the Razão Social', () => {
    expect(reasonKeys(osTicket(), [])).toEqual(['guard.item.internalNote']);
    expect(reasonKeys(osTicket(), [{ ...NOTE, public: true }])).toEqual(['guard.item.internalNote']);
    expect(reasonKeys(osTicket(), [{ public: false, body: 'CNPJ 11.222.333/0001-81' }])).toEqual(['guard.item.internalNote']);
    expect(reasonKeys(osTicket(), [{ public: false, body: 'supermercado bom preco ltda 11222333000181' }])).toEqual([]);
  });

  it('accepts the internal note being composed', () => {
    expect(reasonKeys(osTicket({ draft: { text: NOTE.body, internal: true } }), [])).toEqual([]);
    expect(reasonKeys(osTicket({ draft: { text: NOTE.body, internal: false } }), [])).toEqual(['guard.item.internalNote']);
  });

  it('does not refuse for notes it could not read (a failure of its own), but still for the rest', () => {
    expect(reasonKeys(osTicket(), null)).toEqual([]);
    expect(osChecklist(input(osTicket(), null)).find((item) => item.id === 'internalNote')).toMatchObject({ state: 'unchecked', note: { key: 'guard.note.notesUnreadable' } });
    const loading = osChecklist({ ...input(osTicket(), []), savedComments: { state: 'loading' } }).find((item) => item.id === 'internalNote');
    expect(loading).toMatchObject({ state: 'unchecked', note: { key: 'guard.note.notesLoading' } });
  });

  it('lists every missing item at once', () => {
    const ctx = osTicket({ type: null, formId: 11, savedStatus: 'new' });
    ctx.ticket.fields = { [FIELD.cnpj]: '11.222.333/0001-81', [FIELD.marca]: 'bematech_hardware', [FIELD.areaResponsavel]: 'x' };
    expect(reasonKeys(ctx, [])).toEqual([
      'guard.refuse.sendOpenFirst',
      'guard.item.internalNote',
      'guard.item.osNumber',
      'guard.item.form',
      'guard.item.familia',
      'guard.item.type',
      'guard.item.categoria',
      'guard.item.motivo',
      'guard.item.areaResponsavel',
    ]);
  });

  it('needs Número Referência for organizations of the list (SODEXO)', () => {
    const sodexo = osTicket({ organization: organization({}, 'SODEXO do Brasil Comercial S.A.') });
    const note = { public: false, body: 'CNPJ 11222333000181 SODEXO do Brasil Comercial S.A.' };
    expect(needsReferenceNumber(sodexo, testSettings())).toBe(true);
    expect(reasonKeys(sodexo, [note])).toEqual(['guard.item.numeroReferencia']);
    sodexo.ticket.fields[FIELD.numeroReferencia] = 'CH-55';
    expect(reasonKeys(sodexo, [note])).toEqual([]);
    expect(needsReferenceNumber(osTicket({ organization: organization({}, 'Sodexopolis Ltda') }), testSettings())).toBe(false);
  });

  it('marks a field the batched get could not read as unchecked, and does not refuse for it', () => {
    const ctx = withField(FIELD.osNumber, undefined);
    ctx.unreadableFields = [FIELD.osNumber];
    expect(decideSave(input(ctx)).allow).toBe(true);
    expect(osChecklist(input(ctx)).find((item) => item.id === 'osNumber')).toMatchObject({ state: 'unchecked', note: { key: 'guard.note.unreadable' } });
  });

  it('marks items whose setting is empty as unchecked and does not refuse for them', () => {
    const settings = testSettings({ osNumberFieldId: '' });
    const ctx = withField(FIELD.osNumber, '');
    expect(decideSave(input(ctx, [NOTE], settings)).allow).toBe(true);
    expect(osChecklist(input(ctx, [NOTE], settings)).find((item) => item.id === 'osNumber')).toMatchObject({ state: 'unchecked', note: { key: 'guard.note.notConfigured' } });
  });
});

describe('decideSave across status transitions', () => {
  const STATUSES = ['new', 'open', 'pending', 'hold', 'solved'] as const;
  const table = STATUSES.flatMap((from) => STATUSES.map((to) => [from, to] as const));

  it.each(table)('incomplete O.S. ticket %s → %s', (from, to) => {
    const ctx = withField(FIELD.osNumber, '');
    ctx.ticket.savedStatus = from;
    ctx.ticket.status = to;
    const decision = decideSave(input(ctx));
    const refused = to === 'hold' && from !== 'hold';
    expect(decision.allow).toBe(!refused);
    if (refused) expect(decision.reasons.map((r) => r.key)).toEqual(from === 'open' ? ['guard.item.osNumber'] : ['guard.refuse.sendOpenFirst', 'guard.item.osNumber']);
  });

  it.each(table)('ticket that is not an O.S. %s → %s is never refused', (from, to) => {
    const ctx = withField(FIELD.osNumber, '');
    ctx.ticket.formId = 11;
    ctx.ticket.fields[FIELD.marca] = 'winthor';
    ctx.ticket.savedStatus = from;
    ctx.ticket.status = to;
    expect(isOsTicket(ctx, testSettings())).toBe(false);
    expect(decideSave(input(ctx))).toEqual({ allow: true, reasons: [], warnings: [] });
  });

  it.each(STATUSES)('financial pending refuses saving as %s unless Solved', (to) => {
    const ctx = context({ organization: organization({ pendencia_financeira: 'Sim' }), status: to });
    const decision = decideSave(input(ctx));
    expect(decision.allow).toBe(to === 'solved');
    if (to !== 'solved') expect(decision.reasons.map((r) => r.key)).toEqual(['guard.refuse.financialPending']);
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
    const ctx = osTicket({ subject: 'Orçamento para 8 impressoras' });
    const decision = decideSave(input(ctx));
    expect(decision.allow).toBe(true);
    expect(decision.warnings.map((w) => w.key)).toEqual(['guard.warn.devices', 'guard.warn.warranty']);
  });
});
