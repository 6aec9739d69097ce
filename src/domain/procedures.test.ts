import { describe, expect, it } from 'vitest';
import { planProcedure, procedureInputs, validateInputs } from './procedures';
import type { Macro } from './macros';
import { context, FIELD, FORM_0800, testSettings } from './fixtures';

const MACROS: Macro[] = [
  { id: 31, title: 'Atendimento Whatsapp (Oficial)', active: true, restriction: null, actions: [] },
  { id: 32, title: '1. Atendimento Whatsapp Transferência N2(oficial)', active: true, restriction: null, actions: [] },
  { id: 33, title: '3. Atendimento Whatsapp - Pendência no Cadastro do Cliente (oficial)', active: true, restriction: null, actions: [] },
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

  it('close WhatsApp: the macro, then the question as title', () => {
    expect(planProcedure('closeWhatsapp', { question: 'Como emitir NF-e?' }, emptySubject, settings, MACROS)).toEqual({
      ok: true,
      actions: [
        { op: 'invoke', name: 'macro', args: [31] },
        { op: 'set', path: 'ticket.subject', value: 'Como emitir NF-e?' },
      ],
      replaces: [],
      summary: [{ key: 'summary.macro', params: { title: 'Atendimento Whatsapp (Oficial)' } }, { key: 'summary.subject', params: { title: 'Como emitir NF-e?' } }],
    });
  });

  it('applies nothing when a required input is missing', () => {
    expect(planProcedure('closeWhatsapp', {}, emptySubject, settings, MACROS)).toMatchObject({ ok: false, invalid: { question: { key: 'procedure.input.required' } } });
  });

  it('transfer to N2: the macro and the contact block appended', () => {
    const plan = planProcedure('transferN2', { contato: 'Maria', telefone: '11 98888-7777', resumo: 'PDV travado' }, emptySubject, settings, MACROS);
    expect(plan.ok && plan.actions).toEqual([
      { op: 'invoke', name: 'macro', args: [32] },
      { op: 'invoke', name: 'ticket.comment.appendText', args: ['\nContato: Maria\nTelefone: 11 98888-7777\nResumo: PDV travado'] },
    ]);
  });

  it('registration pending: macro, title, Solved', () => {
    const plan = planProcedure('registrationPending', {}, emptySubject, settings, MACROS);
    expect(plan.ok && plan.actions).toEqual([
      { op: 'invoke', name: 'macro', args: [33] },
      { op: 'set', path: 'ticket.subject', value: 'Whats - Pendência no Cadastro' },
      { op: 'set', path: 'ticket.status', value: 'solved' },
    ]);
  });

  it('position request: the title with the ticket number, no macro', () => {
    const plan = planProcedure('positionRequest', { ticketNumber: '#4410' }, emptySubject, settings, null);
    expect(plan.ok && plan.actions).toEqual([{ op: 'set', path: 'ticket.subject', value: 'Posicionamento do ticket 4410' }]);
  });

  it('open O.S.: Marca and Família by their option tags, form 0800, an internal note with CNPJ and Razão Social', () => {
    const plan = planProcedure('openOsBematech', {}, context({ fields: { [FIELD.cnpj]: '11222333000181' } }), settings, null);
    expect(plan.ok && plan.actions).toEqual([
      { op: 'set', path: `ticket.customField:custom_field_${FIELD.marca}`, value: 'bematech_hardware' },
      { op: 'set', path: `ticket.customField:custom_field_${FIELD.familia}`, value: 'familia_hardware' },
      { op: 'set', path: 'ticket.form', value: { id: FORM_0800 } },
      { op: 'set', path: 'ticket.comment.type', value: 'internalNote' },
      { op: 'invoke', name: 'ticket.comment.appendText', args: ['CNPJ: 11.222.333/0001-81\nRazão Social: Supermercado Bom Preço Ltda\n'] },
    ]);
  });

  it('says first what it would replace: the typed title, the draft, filled fields, a public draft', () => {
    const typed = context({ subject: 'Título digitado', draft: { text: 'Rascunho do agente', internal: false }, fields: { [FIELD.marca]: 'winthor' } });
    const close = planProcedure('closeWhatsapp', { question: 'Nova dúvida' }, typed, settings, MACROS);
    expect(close.ok && close.replaces.map((r) => [r.what.key, r.current])).toEqual([
      ['replace.draft', 'Rascunho do agente'],
      ['replace.subject', 'Título digitado'],
    ]);
    const os = planProcedure('openOsBematech', {}, typed, settings, null);
    expect(os.ok && os.replaces.map((r) => [r.what.key, r.current])).toEqual([
      ['replace.marca', 'Winthor'],
      ['replace.commentType', 'Rascunho do agente'],
    ]);
    expect(planProcedure('positionRequest', { ticketNumber: '1' }, context({ subject: 'Posicionamento do ticket 1' }), settings, null)).toMatchObject({ ok: true, actions: [], replaces: [] });
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
