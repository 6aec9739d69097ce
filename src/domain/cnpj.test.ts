import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cnpjSearchTerms, compareCnpj, readCnpj, textMentionsCnpj } from './cnpj';
import { asRichText, richTextStyle } from './richText.fixtures';

/** The Receita's algorithm, written here independently of the library the app uses. */
const CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
function checkDigit(body: string): number {
  let sum = 0;
  for (let index = 0; index < body.length; index += 1) sum += (body.charCodeAt(index) - 48) * [2, 3, 4, 5, 6, 7, 8, 9][(body.length - 1 - index) % 8];
  const rest = sum % 11;
  return rest < 2 ? 0 : 11 - rest;
}
function withCheckDigits(base: string): string {
  const first = checkDigit(base);
  return `${base}${first}${checkDigit(base + first)}`;
}
const oracleValid = (value: string) => /^[0-9A-Z]{12}[0-9]{2}$/.test(value) && withCheckDigits(value.slice(0, 12)) === value && !/^(\d)\1{13}$/.test(value);

const base = fc.string({ unit: fc.constantFrom(...CHARS), minLength: 12, maxLength: 12 }).filter((b) => !/^(\d)\1{11}$/.test(b));
const numericBase = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 12, maxLength: 12 }).filter((b) => !/^(\d)\1{11}$/.test(b));
const punctuate = (value: string, style: number) => {
  const formatted = `${value.slice(0, 2)}.${value.slice(2, 5)}.${value.slice(5, 8)}/${value.slice(8, 12)}-${value.slice(12)}`;
  return [value, formatted, value.toLowerCase(), ` ${formatted} `, formatted.replace(/[./-]/g, ' '), `${value.slice(0, 8)}/${value.slice(8, 12)}-${value.slice(12)}`][style];
};

describe('readCnpj', () => {
  it('reads the numeric and the alphanumeric format (the Receita example)', () => {
    expect(readCnpj('11.222.333/0001-81')).toEqual({ kind: 'valid', value: '11222333000181', formatted: '11.222.333/0001-81', root: '11222333' });
    expect(readCnpj('12.ABC.345/01DE-35')).toEqual({ kind: 'valid', value: '12ABC34501DE35', formatted: '12.ABC.345/01DE-35', root: '12ABC345' });
    expect(readCnpj('12abc34501de35')).toMatchObject({ kind: 'valid', formatted: '12.ABC.345/01DE-35' });
  });
  it('says missing for empty values and invalid for wrong ones', () => {
    for (const empty of ['', '   ', null, undefined]) expect(readCnpj(empty)).toEqual({ kind: 'missing' });
    expect(readCnpj('11.222.333/0001-82')).toEqual({ kind: 'invalid', raw: '11.222.333/0001-82' });
    expect(readCnpj('00.000.000/0000-00').kind).toBe('invalid');
    expect(readCnpj('11.222.333/0001-8')).toMatchObject({ kind: 'invalid' });
    expect(readCnpj('12.ABC.345/01DE-3A')).toMatchObject({ kind: 'invalid' });
    expect(readCnpj('<script>1</script>')).toMatchObject({ kind: 'invalid' });
  });

  it('validates every generated CNPJ in every punctuation', () => {
    fc.assert(
      fc.property(base, fc.integer({ min: 0, max: 5 }), (b, style) => {
        const value = withCheckDigits(b);
        const reading = readCnpj(punctuate(value, style));
        expect(reading).toMatchObject({ kind: 'valid', value, root: value.slice(0, 8) });
      }),
    );
  });

  it('agrees with the Receita algorithm on every single-character change', () => {
    fc.assert(
      fc.property(base, fc.integer({ min: 0, max: 13 }), fc.constantFrom(...CHARS), (b, position, char) => {
        const value = withCheckDigits(b);
        fc.pre(char !== value[position]);
        const changed = value.slice(0, position) + char + value.slice(position + 1);
        expect(readCnpj(changed).kind === 'valid').toBe(oracleValid(changed));
      }),
    );
  });

  it('rejects every change of a check digit, and every change of a numeric CNPJ digit by 1', () => {
    fc.assert(
      fc.property(base, fc.integer({ min: 12, max: 13 }), fc.integer({ min: 1, max: 9 }), (b, position, shift) => {
        const value = withCheckDigits(b);
        const changed = value.slice(0, position) + String((Number(value[position]) + shift) % 10) + value.slice(position + 1);
        expect(readCnpj(changed).kind).toBe('invalid');
      }),
    );
    fc.assert(
      fc.property(numericBase, fc.integer({ min: 0, max: 11 }), fc.constantFrom(1, -1), (b, position, step) => {
        const value = withCheckDigits(b);
        const digit = Number(value[position]);
        fc.pre(digit + step >= 0 && digit + step <= 9);
        const changed = value.slice(0, position) + String(digit + step) + value.slice(position + 1);
        expect(readCnpj(changed).kind).toBe('invalid');
      }),
    );
  });

  it('cannot see a change by a multiple of 11 in the alphanumeric format (a limit of the official check digits)', () => {
    // A (17) and L (28) weigh the same modulo 11: the Receita's digits stay 35.
    expect(readCnpj('12.LBC.345/01DE-35').kind).toBe('valid');
    expect(oracleValid('12LBC34501DE35')).toBe(true);
  });
});

describe('readCnpj: values as they arrive from Word, chats and spreadsheets (issue 19)', () => {
  it.each([
    ['11.222.333/0001\u201381', 'en dash U+2013'],
    ['11.222.333/0001\u201181', 'non-breaking hyphen U+2011'],
    ['11.222.333/0001\u201481', 'em dash U+2014'],
    ['11.222.333/0001-8\u200B1', 'zero-width space U+200B'],
    ['\u200D11.222.333\u2060/0001-81\uFEFF', 'ZWJ, word joiner, BOM'],
    ['11.222.333/0001-\u00AD81', 'soft hyphen'],
    ['11\u00A0222\u00A0333\u00A00001\u00A081', 'NBSP'],
    ['１１．２２２．３３３／０００１－８１', 'full-width forms'],
  ])('%j (%s) is 11.222.333/0001-81', (raw) => {
    expect(readCnpj(raw)).toEqual({ kind: 'valid', value: '11222333000181', formatted: '11.222.333/0001-81', root: '11222333' });
  });
  it('reads a value made only of invisible characters as missing', () => {
    expect(readCnpj('\u200B\uFEFF ')).toEqual({ kind: 'missing' });
  });
  it('pads a numeric CNPJ that lost its leading zeros, as text or as a number', () => {
    const padded = { kind: 'valid', value: '01234567000195', formatted: '01.234.567/0001-95', root: '01234567' };
    expect(readCnpj('1234567000195')).toEqual(padded);
    expect(readCnpj(1234567000195)).toEqual(padded);
    expect(readCnpj('1.234.567/0001-95')).toEqual(padded);
    expect(readCnpj('01.234.567/0001-95')).toEqual(padded);
    expect(readCnpj(191000100)).toMatchObject({ kind: 'invalid' }); // 9 digits: not a CNPJ that lost zeros
  });
  it('pads every numeric CNPJ of 12-13 digits back to the same value (property)', () => {
    fc.assert(
      fc.property(numericBase.map((b) => `0${b.slice(1)}`), fc.boolean(), fc.boolean(), (b, asNumber, twoZeros) => {
        const value = withCheckDigits(twoZeros ? `00${b.slice(2)}` : b);
        fc.pre(!/^(\d)\1{13}$/.test(value));
        const stored = asNumber ? Number(value) : value.replace(/^0+/, '');
        fc.pre(String(stored).length >= 12);
        expect(readCnpj(stored)).toMatchObject({ kind: 'valid', value });
      }),
      { numRuns: 3000 },
    );
  });
  it('never pads or trims an alphanumeric CNPJ (property)', () => {
    const alnumBase = base.filter((b) => /[A-Z]/.test(b)).map((b) => `0${b.slice(1)}`);
    fc.assert(
      fc.property(alnumBase, (b) => {
        const value = withCheckDigits(b);
        expect(readCnpj(value)).toMatchObject({ kind: 'valid', value });
        expect(readCnpj(value.slice(1)).kind).toBe('invalid');
        expect(readCnpj(`0${value}`).kind).toBe('invalid');
      }),
      { numRuns: 2000 },
    );
  });
});

describe('cnpjSearchTerms (organization search, issue 19)', () => {
  it('searches a padded CNPJ also as an admin stored it without its leading zeros', () => {
    expect(cnpjSearchTerms({ value: '01234567000195', formatted: '01.234.567/0001-95' })).toEqual(['"01.234.567/0001-95"', '01234567000195', '1234567000195']);
    expect(cnpjSearchTerms({ value: '00123456000180', formatted: '00.123.456/0001-80' })).toEqual(['"00.123.456/0001-80"', '00123456000180', '123456000180']);
  });
  it('searches other CNPJs as they are', () => {
    expect(cnpjSearchTerms({ value: '11222333000181', formatted: '11.222.333/0001-81' })).toEqual(['"11.222.333/0001-81"', '11222333000181']);
    expect(cnpjSearchTerms({ value: '0ABC2345000135', formatted: '0A.BC2.345/0001-35' })).toEqual(['"0A.BC2.345/0001-35"', '0ABC2345000135']);
  });
});

describe('compareCnpj', () => {
  it('tells the same company, a branch, another company', () => {
    expect(compareCnpj('11222333000181', '11222333000181')).toBe('same');
    expect(compareCnpj('11222333000181', '11222333000262')).toBe('branch');
    expect(compareCnpj('11222333000181', '45287033000100')).toBe('different');
  });
});

describe('textMentionsCnpj', () => {
  it('finds the CNPJ with or without punctuation, in either format', () => {
    expect(textMentionsCnpj('CNPJ: 11.222.333/0001-81 - Razão', '11222333000181')).toBe(true);
    expect(textMentionsCnpj('cnpj 11222333000181', '11222333000181')).toBe(true);
    expect(textMentionsCnpj('CNPJ 12.abc.345/01de-35', '12ABC34501DE35')).toBe(true);
    expect(textMentionsCnpj('CNPJ 11.222.333/0002-62', '11222333000181')).toBe(false);
    expect(textMentionsCnpj('', '11222333000181')).toBe(false);
  });
  it('finds it in pasted Unicode, in rich text, and without its leading zeros, never inside a longer number', () => {
    expect(textMentionsCnpj('CNPJ 11.222.333/0001\u201381', '11222333000181')).toBe(true);
    expect(textMentionsCnpj('<p>CNPJ:&nbsp;11.222.333/0001&#8209;81</p>', '11222333000181')).toBe(true);
    expect(textMentionsCnpj('CNPJ 1234567000195', '01234567000195')).toBe(true);
    expect(textMentionsCnpj('CNPJ 01.234.567/0001-95', '01234567000195')).toBe(true);
    expect(textMentionsCnpj('pedido 91234567000195', '01234567000195')).toBe(false);
  });
  it('finds any CNPJ written in any punctuation, plain or as rich text (property)', () => {
    fc.assert(
      fc.property(base, fc.integer({ min: 0, max: 5 }), richTextStyle, fc.boolean(), (b, style, rich, asHtml) => {
        const value = withCheckDigits(b);
        const note = `Abertura de O.S.\nCNPJ: ${punctuate(value, style)}\nRazão Social: Silva & Filhos`;
        expect(textMentionsCnpj(asHtml ? asRichText(note, rich) : note, value)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
