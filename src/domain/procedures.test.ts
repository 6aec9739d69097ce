import { describe, expect, it } from 'vitest';
import { planAddsAgain, planProcedure, procedureInputs, validateInputs, type ProcedureId } from './procedures';
import type { Macro } from './macros';
import { macroEffects } from './effects';
import { acknowledged, isDestructive, overwrites, type Snapshot } from './overwrite';
import { previewOf } from './preview';
import { procedureFits } from './fit';
import { createTranslate, DEFAULT_DICTIONARY } from '../i18n';
import '../laterTexts';
import { context, FIELD, FORM_0800, organization, testSettings } from './fixtures';

const MACROS: Macro[] = [
  { id: 31, title: 'Atendimento Whatsapp (Oficial)', active: true, restriction: null, actions: [{ field: 'comment_value', value: 'Encerrado.' }] },
  { id: 32, title: '1. Atendimento Whatsapp Transferência N2(oficial)', active: true, restriction: null, actions: [] },
  { id: 33, title: '3. Atendimento Whatsapp - Pendência no Cadastro do Cliente (oficial)', active: true, restriction: null, actions: [{ field: 'comment_value', value: 'Pendência.' }] },
];
const settings = testSettings();

describe('inputs', () => {
  it('prefills N2 contact and phone from the requester', () => {
    expect(procedureInputs('transferN2', context()).map((input) => [input.name, input.initial])).toEqual([
      ['contato', 'Maria Souza'],
      ['telefone', '+55 11 98888-7777'],
      ['resumo', ''],
    ]);
  });
  it('validates required values, digits and phones', () => {
    expect(Object.keys(validateInputs('closeWhatsapp', context(), { question: '  ' }))).toEqual(['question']);
    expect(validateInputs('positionRequest', context(), { ticketNumber: '44a' }).ticketNumber?.key).toBe('procedure.input.digits');
    expect(validateInputs('positionRequest', context(), { ticketNumber: '#4410' })).toEqual({});
    expect(validateInputs('transferN2', context(), { contato: 'M', telefone: '123', resumo: 'r' }).telefone?.key).toBe('procedure.input.phone');
  });
});

describe('planProcedure', () => {
  const emptySubject = context({ subject: '' });
  const calls = (plan: ReturnType<typeof planProcedure>) => (plan.ok ? plan.steps.map((step) => step.action) : plan.problems);

  it('close WhatsApp: the macro (with its own actions as effects), then the question as title', () => {
    const plan = planProcedure('closeWhatsapp', { question: 'Como emitir NF-e?' }, emptySubject, settings, MACROS);
    expect(calls(plan)).toEqual([
      { op: 'invoke', name: 'macro', args: [31] },
      { op: 'set', path: 'ticket.subject', value: 'Como emitir NF-e?' },
    ]);
    expect(plan.ok && plan.steps[0].effects).toEqual([{ target: 'draft', change: 'append', value: 'Encerrado.', by: 'macro' }]);
    expect(plan.ok && plan.steps.map((step) => step.done.key)).toEqual(['done.macro', 'done.subject']);
  });

  it('inputs are validated apart: an empty question plans an empty title (the preview says “the customer’s question”)', () => {
    expect(validateInputs('closeWhatsapp', emptySubject, {})).toEqual({ question: { key: 'procedure.input.required' } });
    expect(calls(planProcedure('closeWhatsapp', {}, emptySubject, settings, MACROS))[1]).toEqual({ op: 'set', path: 'ticket.subject', value: '' });
  });

  it('transfer to N2: the macro and the contact block appended', () => {
    const plan = planProcedure('transferN2', { contato: 'Maria', telefone: '11 98888-7777', resumo: 'PDV travado' }, emptySubject, settings, MACROS);
    expect(calls(plan)).toEqual([
      { op: 'invoke', name: 'macro', args: [32] },
      { op: 'invoke', name: 'ticket.comment.appendText', args: ['\nContato: Maria\nTelefone: 11 98888-7777\nResumo: PDV travado'] },
    ]);
  });

  it('registration pending: macro, title, Solved (no status step when already Solved)', () => {
    expect(calls(planProcedure('registrationPending', {}, emptySubject, settings, MACROS))).toEqual([
      { op: 'invoke', name: 'macro', args: [33] },
      { op: 'set', path: 'ticket.subject', value: 'Whats - Pendência no Cadastro' },
      { op: 'set', path: 'ticket.status', value: 'solved' },
    ]);
    expect(calls(planProcedure('registrationPending', {}, context({ status: 'solved', subject: 'Whats - Pendência no Cadastro' }), settings, MACROS))).toEqual([{ op: 'invoke', name: 'macro', args: [33] }]);
  });

  it('position request: the title with the number and, paired with it (001), the catalog path the rules give that title', () => {
    expect(calls(planProcedure('positionRequest', { ticketNumber: '#4410' }, emptySubject, settings, null))).toEqual([
      { op: 'set', path: 'ticket.subject', value: 'Posicionamento do ticket 4410' },
      { op: 'set', path: `ticket.customField:custom_field_${FIELD.catalog}`, value: 'posicionamento' },
    ]);
    const already = context({ subject: 'Posicionamento do ticket 1', fields: { [FIELD.catalog]: 'posicionamento' } });
    expect(calls(planProcedure('positionRequest', { ticketNumber: '1' }, already, settings, null))).toEqual([]);
  });

  it('the ticket number comes from the subject or the first comment, never this ticket’s own', () => {
    const withText = (subject: string, description = '') => procedureInputs('positionRequest', context({ subject, description }))[0].initial;
    expect(withText('Qual a previsão?', 'Bom dia, gostaria de um posicionamento do ticket 4410, por favor')).toBe('4410');
    expect(withText('Andamento do chamado nº 7788')).toBe('7788');
    expect(withText('Status do #12345')).toBe('12345');
    expect(withText('Sobre o ticket 4521')).toBe('');
    expect(withText('Erro 500 no PDV')).toBe('');
  });

  it('open O.S.: Marca and Família by their option tags, form 0800, an internal note with CNPJ and Razão Social', () => {
    expect(calls(planProcedure('openOsBematech', {}, context({ fields: { [FIELD.cnpj]: '11222333000181' } }), settings, null))).toEqual([
      { op: 'set', path: `ticket.customField:custom_field_${FIELD.marca}`, value: 'bematech_hardware' },
      { op: 'set', path: `ticket.customField:custom_field_${FIELD.familia}`, value: 'familia_hardware' },
      { op: 'set', path: 'ticket.form', value: { id: FORM_0800 } },
      { op: 'set', path: 'ticket.comment.type', value: 'internalNote' },
      { op: 'invoke', name: 'ticket.comment.appendText', args: ['CNPJ: 11.222.333/0001-81\nRazão Social: Supermercado Bom Preço Ltda\n'] },
    ]);
  });

  it('what a second application would add again (a macro, appended text) and what only sets values', () => {
    const adds = (plan: ReturnType<typeof planProcedure>) => plan.ok && planAddsAgain(plan);
    const values = { question: 'q', contato: 'Maria', telefone: '11 98888-7777', resumo: 'r', ticketNumber: '4410' };
    const withCnpj = context({ subject: '', fields: { [FIELD.cnpj]: '11222333000181' } });
    expect(['closeWhatsapp', 'transferN2', 'registrationPending', 'openOsBematech', 'positionRequest'].map((id) => [id, adds(planProcedure(id as ProcedureId, values, withCnpj, settings, MACROS))])).toEqual([
      ['closeWhatsapp', true],
      ['transferN2', true],
      ['registrationPending', true],
      ['openOsBematech', true],
      ['positionRequest', false],
    ]);
    // Already Solved with its title: the macro alone is still applied again.
    expect(adds(planProcedure('registrationPending', {}, context({ status: 'solved', subject: 'Whats - Pendência no Cadastro' }), settings, MACROS))).toBe(true);
  });

  it('applies nothing when the macro title matches no macro, or the macros are not known yet', () => {
    expect(planProcedure('closeWhatsapp', { question: 'q' }, emptySubject, settings, [])).toEqual({
      ok: false,
      problems: [{ key: 'config.macro.missing', params: { parameter: { key: 'parameter.macroCloseWhatsapp' }, title: 'Atendimento Whatsapp (Oficial)', count: 0 } }],
    });
    expect(planProcedure('closeWhatsapp', { question: 'q' }, emptySubject, settings, null)).toEqual({ ok: false, problems: [{ key: 'procedure.macrosUnknown' }] });
    expect(planProcedure('openOsBematech', {}, emptySubject, testSettings({ marcaFieldId: '' }), null)).toEqual({ ok: false, problems: [{ key: 'config.notSet', params: { parameter: { key: 'parameter.marcaFieldId' } } }] });
  });
});

describe('macroEffects (Zendesk macro actions)', () => {
  it('subject, status, comment (appended), comment mode, form and custom fields; the rest listed as other', () => {
    expect(
      macroEffects({
        actions: [
          { field: 'subject', value: 'N2' },
          { field: 'status', value: 'pending' },
          { field: 'comment_value', value: ['channel:all', 'Olá'] },
          { field: 'comment_value_html', value: '<p>Oi</p>' },
          { field: 'comment_mode_is_public', value: 'false' },
          { field: 'ticket_form_id', value: '12' },
          { field: 'custom_fields_360004', value: 'winthor' },
          { field: 'set_tags', value: 'a b' },
          { field: 'priority', value: 'high' },
          { field: 'remove_tags', value: 'c' },
        ],
      }),
    ).toEqual({
      effects: [
        { target: 'subject', change: 'set', value: 'N2', by: 'macro' },
        { target: 'status', change: 'set', value: 'pending', by: 'macro' },
        { target: 'draft', change: 'append', value: 'Olá', by: 'macro' },
        { target: 'draft', change: 'append', value: '<p>Oi</p>', by: 'macro' },
        { target: 'draftType', change: 'set', value: 'internalNote', by: 'macro' },
        { target: 'form', change: 'set', value: 12, by: 'macro' },
        { target: 'field:360004', change: 'set', value: 'winthor', by: 'macro' },
      ],
      others: ['tags', 'priority'],
      unknown: false,
    });
    expect(macroEffects({})).toEqual({ effects: [], others: [], unknown: true });
  });
});

describe('overwrites: only what the agent typed', () => {
  const plan = (id: Parameters<typeof planProcedure>[0], ctx = context(), values: Record<string, string> = { question: 'Nova dúvida', ticketNumber: '4410', contato: 'M', telefone: '11 98888-7777', resumo: 'r' }, macros: Macro[] = MACROS) => {
    const made = planProcedure(id, values, ctx, settings, macros);
    if (!made.ok) throw new Error('plan');
    return made;
  };
  const snap = (ctx: ReturnType<typeof context>, extra: Partial<Snapshot> = {}): Snapshot => ({
    subject: ctx.ticket.subject,
    status: ctx.ticket.status,
    draft: ctx.ticket.draft.text,
    draftInternal: ctx.ticket.draft.internal,
    formId: ctx.ticket.formId,
    fields: { ...ctx.ticket.fields },
    unreadable: [],
    ...extra,
  });
  const check = (p: ReturnType<typeof plan>, ctx: ReturnType<typeof context>, extra: Partial<Snapshot> = {}, more: Partial<Parameters<typeof overwrites>[0]> = {}) =>
    overwrites({ plan: p, snapshot: snap(ctx, extra), ticket: { saved: ctx.ticket.saved, savedStatus: 'open' }, baselineUnknown: [], appWrote: {}, ...more });

  it('the stored subject is not the agent’s: replacing it is the procedure’s purpose', () => {
    const ctx = context();
    expect(check(plan('closeWhatsapp', ctx), ctx)).toEqual([]);
    expect(check(plan('positionRequest', ctx), ctx)).toEqual([]);
  });

  it('a subject edited in this session is, unless the app set it', () => {
    const ctx = context({ subject: 'Digitado agora', saved: { subject: 'Do chat', fields: {}, formId: 11 } });
    expect(check(plan('closeWhatsapp', ctx), ctx)).toEqual([{ target: 'subject', kind: 'replaced', current: 'Digitado agora', next: 'Nova dúvida', by: 'app' }]);
    expect(check(plan('closeWhatsapp', ctx), ctx, {}, { appWrote: { subject: 'Digitado agora' } })).toEqual([]);
  });

  it('a written draft is named when text is appended to it (not destructive), or when it turns internal', () => {
    const ctx = context({ draft: { text: '<p>Histórico&nbsp;colado</p>', internal: false } });
    const appended = check(plan('closeWhatsapp', ctx), ctx);
    expect(appended).toEqual([{ target: 'draft', kind: 'appended', current: 'Histórico colado', by: 'macro' }]);
    expect(appended.some(isDestructive)).toBe(false);
    expect(check(plan('openOsBematech', ctx), ctx).map((loss) => `${loss.target}:${loss.kind}:${loss.by}`)).toEqual(['draftType:madeInternal:app', 'draft:appended:app']);
  });

  it('anything unreadable is possibly typed: asked, destructively', () => {
    const ctx = context();
    expect(check(plan('closeWhatsapp', ctx), ctx, { unreadable: ['subject'] })).toEqual([{ target: 'subject', kind: 'unreadable', current: null, next: 'Nova dúvida', by: 'app' }]);
    expect(check(plan('transferN2', ctx), ctx, { unreadable: ['draft'] }).map((l) => l.kind)).toEqual(['unreadable']);
    const marca = `field:${FIELD.marca}` as const;
    expect(check(plan('openOsBematech', ctx), ctx, { unreadable: [marca] }).map((l) => `${l.target}:${l.kind}`)).toEqual([`${marca}:unreadable`]);
    // Read now, but unknown when first read: the stored value is unknown, so a filled one counts as typed.
    const filled = context({ fields: { [FIELD.marca]: 'winthor' } });
    expect(check(plan('openOsBematech', filled), filled, {}, { baselineUnknown: [marca] }).map((l) => `${l.target}:${l.kind}`)).toEqual([`${marca}:replaced`]);
    expect(check(plan('openOsBematech', filled), filled).map((l) => l.target)).toEqual([]);
  });

  it('a macro whose actions are unknown may change the draft and a typed subject', () => {
    const unknown = MACROS.map((m) => ({ id: m.id, title: m.title, active: true, restriction: null }) as unknown as Macro);
    const ctx = context({ draft: { text: 'x', internal: false } });
    expect(check(plan('transferN2', ctx, undefined, unknown), ctx).map((l) => `${l.target}:${l.kind}`)).toEqual(['draft:macroUnknown', 'draft:appended']);
  });

  it('acknowledged: the same question, with the same values, answered', () => {
    const loss = { target: 'subject' as const, kind: 'replaced' as const, current: 'a', next: 'b', by: 'app' as const };
    expect(acknowledged(null, [])).toBe(true);
    expect(acknowledged(null, [loss])).toBe(false);
    expect(acknowledged([loss], [loss])).toBe(true);
    expect(acknowledged([loss], [{ ...loss, current: 'c' }])).toBe(false);
  });
});

describe('previewOf', () => {
  const t = createTranslate(DEFAULT_DICTIONARY);
  const line = (id: Parameters<typeof planProcedure>[0], values = {}, ctx = context(), macros: Macro[] | null = MACROS) => previewOf(planProcedure(id, values, ctx, settings, macros), ctx, settings).map((m) => t(m)).join(' · ');

  it('one line per procedure: macro · title · status · fields · comment', () => {
    expect(line('closeWhatsapp')).toBe('Macro Atendimento Whatsapp (Oficial) · título = a dúvida do cliente · + comentário da macro');
    expect(line('closeWhatsapp', { question: 'Como emitir NF?' })).toBe('Macro Atendimento Whatsapp (Oficial) · título “Como emitir NF?” · + comentário da macro');
    expect(line('registrationPending')).toBe('Macro 3. Atendimento Whatsapp - Pendência no Cadastro do Cliente (oficial) · título “Whats - Pendência no Cadastro” · status Resolvido · + comentário da macro');
    expect(line('positionRequest', { ticketNumber: '4410' })).toBe('título “Posicionamento do ticket 4410” · Catálogo: Posicionamento de ticket');
    expect(line('openOsBematech')).toBe('Marca: Bematech Hardware · Família: hardware · formulário 0800 · observação interna · + nota com CNPJ e Razão Social');
    expect(line('transferN2', { contato: 'M' }, context(), [{ ...MACROS[1], actions: [{ field: 'status', value: 'hold' }, { field: 'set_tags', value: 'n2' }] }])).toBe(
      'Macro 1. Atendimento Whatsapp Transferência N2(oficial) · status Em espera · + contato, telefone e resumo · tags',
    );
  });

  it('a procedure that cannot apply previews its problem', () => {
    expect(line('closeWhatsapp', {}, context(), [])).toBe('“Macro: encerrar atendimento WhatsApp”: nenhuma macro ativa com o título “Atendimento Whatsapp (Oficial)”.');
  });
});

describe('procedureFits', () => {
  const places = (ctx: ReturnType<typeof context>) => Object.fromEntries(procedureFits(ctx, settings).map((fit) => [fit.id, `${fit.place}${fit.warning ? `:${fit.warning.key}` : ''}`]));

  it('the pending procedure only with a pending (then the block offers it); otherwise behind Mais, with a warning', () => {
    expect(places(context())).toEqual({ closeWhatsapp: 'fits', transferN2: 'fits', registrationPending: 'more:fit.noPending', positionRequest: 'more', openOsBematech: 'more' });
    expect(places(context({ organization: organization({ pendencia_financeira: 'Sim' }) }))).toEqual({
      closeWhatsapp: 'more:fit.blockedByPending',
      transferN2: 'more:fit.blockedByPending',
      registrationPending: 'hidden',
      positionRequest: 'more:fit.blockedByPending',
      openOsBematech: 'more:fit.blockedByPending',
    });
  });

  it('position request and O.S. come forward when the ticket asks for them', () => {
    expect(places(context({ description: 'posicionamento do ticket 4410' })).positionRequest).toBe('fits');
    expect(places(context({ subject: 'Qual a previsão do meu chamado?' })).positionRequest).toBe('fits');
    expect(places(context({ subject: 'Impressora não liga' })).openOsBematech).toBe('fits');
    expect(places(context({ formId: FORM_0800 })).openOsBematech).toBe('more:fit.alreadyOs');
  });

  it('while the macros cannot be read, the procedures that apply one wait behind Mais, saying why', () => {
    const fits = (macros: Parameters<typeof procedureFits>[2]) => Object.fromEntries(procedureFits(context({ subject: 'posicionamento do ticket 4410' }), settings, macros).map((fit) => [fit.id, `${fit.place}${fit.warning ? `:${fit.warning.key}` : ''}`]));
    expect(fits({ macroCloseWhatsapp: { state: 'failed', reason: 'timeout' }, macroTransferN2: { state: 'failed', reason: 'timeout' } })).toEqual({
      closeWhatsapp: 'more:fit.macrosUnavailable',
      transferN2: 'more:fit.macrosUnavailable',
      registrationPending: 'more:fit.noPending',
      positionRequest: 'fits',
      openOsBematech: 'more',
    });
    expect(fits({ macroCloseWhatsapp: { state: 'loading' } })).toMatchObject({ closeWhatsapp: 'fits', transferN2: 'fits' });
  });
});
