import { describe, expect, it } from 'vitest';
import { ui as ptBRui, later as ptBRlater } from '../../translations/pt-br.json';
import { ui as enui, later as enlater } from '../../translations/en.json';
import { ui as esui, later as eslater } from '../../translations/es.json';
import { createTranslate } from '../i18n';
import { refusalText } from './refusal';
import { fixText, listOf } from './instructions';
import type { Fix, Unchecked } from './saveGuard';
import { decideSave } from './saveDecision';
import { msg } from './message';
import { context, FIELD, FORM_0800, testSettings } from './fixtures';

// The refusal's texts are split between `ui` and `later` (they load with the save decision).
const T = { 'pt-BR': createTranslate({ ...ptBRui, ...ptBRlater }), en: createTranslate({ ...enui, ...enlater }), es: createTranslate({ ...esui, ...eslater }) };
const what = (key: string, params?: Record<string, string>) => msg(`guard.what.${key}`, params);
const NOTE: Fix = { kind: 'note', cnpj: '49.327.015/0001-58', razaoSocial: 'Restaurante Sabor Caseiro Ltda' };

/** Every reason a save can be refused for, alone, in each language: an instruction, in one line. */
const EVERY_REASON: [string, Fix, Record<keyof typeof T, string>][] = [
  ['financial pending', { kind: 'solvedOnly' }, { 'pt-BR': 'Sentinela: Com Pendência Financeira, salve apenas como Resolvido.', en: 'Sentinela: With an outstanding payment, save only as Solved.', es: 'Sentinela: Con deuda pendiente, guarde solo como Resuelto.' }],
  ['New → On Hold', { kind: 'sendOpenFirst' }, { 'pt-BR': 'Sentinela: Envie primeiro como Aberto e depois altere para Em espera.', en: 'Sentinela: Send it as Open first, then change it to On-hold.', es: 'Sentinela: Envíelo primero como Abierto y luego cámbielo a En espera.' }],
  ['internal note', NOTE, { 'pt-BR': 'Sentinela: Inclua observação interna com CNPJ 49.327.015/0001-58 e Razão Social Restaurante Sabor Caseiro Ltda.', en: 'Sentinela: Add an internal note with CNPJ 49.327.015/0001-58 and Razão Social Restaurante Sabor Caseiro Ltda.', es: 'Sentinela: Incluya una nota interna con CNPJ 49.327.015/0001-58 y Razão Social Restaurante Sabor Caseiro Ltda.' }],
  ['internal note, the saved notes not read (issue 16)', { ...NOTE, ifMissing: true }, { 'pt-BR': 'Sentinela: Inclua observação interna com CNPJ 49.327.015/0001-58 e Razão Social Restaurante Sabor Caseiro Ltda, se ainda não houver.', en: 'Sentinela: Add an internal note with CNPJ 49.327.015/0001-58 and Razão Social Restaurante Sabor Caseiro Ltda, if there is none yet.', es: 'Sentinela: Incluya una nota interna con CNPJ 49.327.015/0001-58 y Razão Social Restaurante Sabor Caseiro Ltda, si aún no la hay.' }],
  ['O.S. number', { kind: 'fill', what: what('osNumber') }, { 'pt-BR': 'Sentinela: Preencha Número da O.S.', en: 'Sentinela: Fill in O.S. number.', es: 'Sentinela: Complete Número de O.S.' }],
  ['Tipo', { kind: 'fill', what: what('type') }, { 'pt-BR': 'Sentinela: Preencha Tipo.', en: 'Sentinela: Fill in Type.', es: 'Sentinela: Complete Tipo.' }],
  ['Categoria', { kind: 'fill', what: what('categoria') }, { 'pt-BR': 'Sentinela: Preencha Categoria.', en: 'Sentinela: Fill in Categoria.', es: 'Sentinela: Complete Categoria.' }],
  ['Motivo', { kind: 'fill', what: what('motivo') }, { 'pt-BR': 'Sentinela: Preencha Motivo.', en: 'Sentinela: Fill in Motivo.', es: 'Sentinela: Complete Motivo.' }],
  ['Número Referência', { kind: 'fill', what: what('numeroReferencia') }, { 'pt-BR': 'Sentinela: Preencha Número Referência.', en: 'Sentinela: Fill in Número Referência.', es: 'Sentinela: Complete Número Referência.' }],
  ['Marca', { kind: 'choose', what: what('marca', { value: 'Bematech Hardware' }) }, { 'pt-BR': 'Sentinela: Selecione Marca Bematech Hardware.', en: 'Sentinela: Select Marca Bematech Hardware.', es: 'Sentinela: Seleccione Marca Bematech Hardware.' }],
  ['Família', { kind: 'choose', what: what('familia', { value: 'hardware' }) }, { 'pt-BR': 'Sentinela: Selecione Família hardware.', en: 'Sentinela: Select Família hardware.', es: 'Sentinela: Seleccione Família hardware.' }],
  ['form 0800', { kind: 'choose', what: what('form') }, { 'pt-BR': 'Sentinela: Selecione formulário 0800.', en: 'Sentinela: Select form 0800.', es: 'Sentinela: Seleccione formulario 0800.' }],
  ['Área responsável', { kind: 'clear', what: what('areaResponsavel') }, { 'pt-BR': 'Sentinela: Apague Área responsável (0800).', en: 'Sentinela: Clear Área responsável (0800).', es: 'Sentinela: Borre Área responsável (0800).' }],
];

describe('refusalText: what to do, per item, in one line', () => {
  for (const [locale, t] of Object.entries(T)) {
    it.each(EVERY_REASON)(`${locale}: %s`, (_name, fix, expected) => {
      const text = refusalText({ fixes: [fix], unchecked: [] }, 'open', t);
      expect(text).toBe(expected[locale as keyof typeof T]);
      expect(text).not.toMatch(/[\n•]/);
    });
  }

  it('groups by verb, in the order an agent works: pt-BR, en, es', () => {
    const fixes: Fix[] = [
      NOTE,
      { kind: 'fill', what: what('osNumber') },
      { kind: 'fill', what: what('categoria') },
      { kind: 'clear', what: what('areaResponsavel') },
      { kind: 'fill', what: what('motivo') },
    ];
    expect(refusalText({ fixes, unchecked: [] }, 'open', T['pt-BR'])).toBe(
      'Sentinela: Preencha Número da O.S., Categoria e Motivo; apague Área responsável (0800); inclua observação interna com CNPJ 49.327.015/0001-58 e Razão Social Restaurante Sabor Caseiro Ltda.',
    );
    expect(refusalText({ fixes, unchecked: [] }, 'open', T.en)).toBe(
      'Sentinela: Fill in O.S. number, Categoria and Motivo; clear Área responsável (0800); add an internal note with CNPJ 49.327.015/0001-58 and Razão Social Restaurante Sabor Caseiro Ltda.',
    );
    expect(refusalText({ fixes, unchecked: [] }, 'open', T.es)).toBe(
      'Sentinela: Complete Número de O.S., Categoria y Motivo; borre Área responsável (0800); incluya una nota interna con CNPJ 49.327.015/0001-58 y Razão Social Restaurante Sabor Caseiro Ltda.',
    );
  });

  it('with failMode closed, names what could not be checked (and not with open)', () => {
    const unchecked: Unchecked[] = [
      { what: what('internalNote'), why: msg('guard.note.notesUnreadable') },
      { what: what('type'), why: msg('guard.note.typeUnreadable') },
    ];
    expect(refusalText({ fixes: [], unchecked }, 'closed', T['pt-BR'])).toBe('Sentinela: Salve de novo em instantes (não foi possível verificar observação interna com CNPJ e Razão Social e Tipo).');
    expect(refusalText({ fixes: [], unchecked }, 'closed', T.en)).toBe("Sentinela: Save again in a moment (internal note with CNPJ and Razão Social and Type could not be checked).");
    expect(refusalText({ fixes: [], unchecked }, 'closed', T.es)).toBe('Sentinela: Guarde de nuevo en un momento (no se pudo verificar nota interna con CNPJ y Razão Social y Tipo).');
    expect(refusalText({ fixes: [{ kind: 'fill', what: what('type') }], unchecked }, 'open', T['pt-BR'])).toBe('Sentinela: Preencha Tipo.');
  });

  it('rendered as a notification that collapses newlines, it still says what to do', () => {
    // The refusal of the bundled 07 scenario's ticket (every item an agent can miss), through the real guard.
    const ctx = context({ status: 'hold', formId: FORM_0800, type: null, fields: { [FIELD.cnpj]: '11.222.333/0001-81', [FIELD.marca]: 'bematech_hardware', [FIELD.areaResponsavel]: 'Suporte N1' } });
    const decision = decideSave({ context: ctx, settings: testSettings(), savedComments: { state: 'done', value: [] }, savedStatus: { state: 'done', value: 'new' } });
    for (const t of Object.values(T)) {
      const text = refusalText(decision, 'open', t);
      const shown = text.replace(/\s+/g, ' '); // what a notification that ignores line breaks shows
      expect(shown).toBe(text);
      expect(shown.split('; ').length).toBe(5);
    }
    expect(refusalText(decision, 'open', T['pt-BR']).replace(/\s+/g, ' ')).toBe(
      'Sentinela: Envie primeiro como Aberto e depois altere para Em espera; preencha Número da O.S., Tipo, Categoria e Motivo; selecione Família hardware; apague Área responsável (0800); inclua observação interna com CNPJ 11.222.333/0001-81 e Razão Social Supermercado Bom Preço Ltda.',
    );
  });

  it('lists with the language conjunction', () => {
    expect(listOf([], T['pt-BR'])).toBe('');
    expect(listOf(['A'], T.en)).toBe('A');
    expect(listOf(['A', 'B', 'C'], T.es)).toBe('A, B y C');
  });

  it('one fix as one instruction, for the sidebar', () => {
    expect(fixText({ kind: 'fill', what: what('categoria') }, T['pt-BR'])).toBe('Preencha Categoria');
    expect(fixText({ kind: 'note', cnpj: '', razaoSocial: '' }, T.en)).toBe('Add an internal note with CNPJ — and Razão Social —');
  });
});
