import { describe, expect, it } from 'vitest';
import { isFilled, isYes, normalize } from './text';

const sameText = (a: unknown, b: unknown) => normalize(a) === normalize(b);

describe('normalize', () => {
  it('ignores case, accents and surrounding or repeated space', () => {
    expect(sameText('Não', 'nao')).toBe(true);
    expect(sameText(' NÃO ', 'não')).toBe(true);
    expect(sameText('PC  Implantação', 'pc implantacao')).toBe(true);
    expect(sameText('Sim', 'Não')).toBe(false);
  });
  it('reads pasted Unicode as typed: NBSP, any dash, invisible characters, full width', () => {
    expect(sameText('Silva\u00A0&\u00A0Filhos', 'silva & filhos')).toBe(true);
    expect(sameText('Pendência\u200B', 'pendencia')).toBe(true);
    expect(sameText('Whats \u2013 Pendência', 'whats - pendencia')).toBe(true);
    expect(sameText('ＳＩＭ', 'sim')).toBe(true);
  });
  it('reads null and undefined as empty', () => {
    expect(normalize(null)).toBe('');
    expect(normalize(undefined)).toBe('');
  });
});

describe('isYes (Pendência Financeira values)', () => {
  it.each([['Sim'], ['sim'], ['SIM'], [' sim '], [true], ['true'], [1], ['Yes']])('%s is yes', (value) => expect(isYes(value)).toBe(true));
  it.each([['Não'], ['nao'], ['NÃO'], [false], ['false'], [''], [null], [undefined], [0], ['talvez']])('%s is not yes', (value) => expect(isYes(value)).toBe(false));
});

describe('isFilled', () => {
  it('treats white space, null and empty lists as empty', () => {
    expect(isFilled('  ')).toBe(false);
    expect(isFilled(null)).toBe(false);
    expect(isFilled([])).toBe(false);
    expect(isFilled(['', ' '])).toBe(false);
  });
  it('treats invisible characters and NBSP as empty', () => {
    expect(isFilled('\u200B')).toBe(false);
    expect(isFilled('\u00A0\uFEFF ')).toBe(false);
  });
  it('treats 0, false and text as filled', () => {
    expect(isFilled(0)).toBe(true);
    expect(isFilled(false)).toBe(true);
    expect(isFilled('OS-1')).toBe(true);
  });
});
