import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTranslate } from './i18n';
import { msg } from './domain/message';

describe('createTranslate', () => {
  const pt = createTranslate({ 'ui.lang': 'pt-BR', missing: '{count, plural, =0 {Nada falta} one {Falta # item} other {Faltam # itens}} para {what}.', status: 'Status: {name}', name: 'Em espera', hash: '{count, plural, one {# ticket: {ref}} other {# tickets: {ref}}}' }, {});
  const en = createTranslate({ 'ui.lang': 'en', missing: '{count, plural, one {# item missing} other {# items missing}}' }, {});

  it('picks the plural branch of the language (CLDR, Intl.PluralRules), with exact =N first', () => {
    expect(pt(msg('missing', { count: 0, what: 'Em espera' }))).toBe('Nada falta para Em espera.');
    expect(pt(msg('missing', { count: 1, what: 'x' }))).toBe('Falta 1 item para x.');
    expect(pt(msg('missing', { count: 5, what: 'x' }))).toBe('Faltam 5 itens para x.');
    expect(en(msg('missing', { count: 1 }))).toBe('1 item missing');
    expect(en(msg('missing', { count: 2 }))).toBe('2 items missing');
  });

  it('translates a message given as a parameter; a # inside a parameter stays', () => {
    expect(pt(msg('status', { name: msg('name') }))).toBe('Status: Em espera');
    expect(pt(msg('hash', { count: 2, ref: '#4410' }))).toBe('2 tickets: #4410');
  });

  it('translates a list of messages as a comma-separated list', () => {
    expect(pt(msg('status', { name: [msg('name'), msg('name')] }))).toBe('Status: Em espera, Em espera');
  });

  it.each([
    ['pt-br', 'A configuração do Sentinela tem 1 problema.', 'A configuração do Sentinela tem 2 problemas.'],
    ['en', "Sentinela's configuration has 1 problem.", "Sentinela's configuration has 2 problems."],
    ['es', 'La configuración de Sentinela tiene 1 problema.', 'La configuración de Sentinela tiene 2 problemas.'],
  ])('%s: the setup line counts problems in the language’s plural, never “problema(s)”', (locale, one, two) => {
    const file = JSON.parse(readFileSync(resolve(import.meta.dirname, '..', 'translations', `${locale}.json`), 'utf8')) as Record<string, Record<string, string>>;
    const t = createTranslate({ ...file.ui, ...file.later }, {});
    expect(t(msg('finding.setup.problems', { count: 1 }))).toContain(one);
    expect(t(msg('finding.setup.problems', { count: 2 }))).toContain(two);
  });

  it('leaves unknown placeholders and unbalanced braces as written', () => {
    const t = createTranslate({ a: 'x {y} {z' }, {});
    expect(t('a')).toBe('x {y} {z');
    expect(t('nokey')).toBe('nokey');
  });
});
