import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { plainIdentifier, plainUnicode } from './unicode';

const INVISIBLE = ['\u200B', '\u200C', '\u200D', '\uFEFF', '\u2060', '\u00AD', '\u200E'];
const DASHES = ['-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE63', '\uFF0D'];
const SPACES = [' ', '\u00A0', '\u202F', '\u2009', '\u3000'];
/** The full-width form of a printable ASCII character (U+FF01..U+FF5E). */
const fullWidth = (char: string) => String.fromCharCode(char.charCodeAt(0) - 0x21 + 0xff01);

describe('plainUnicode', () => {
  it.each([
    ['11.222.333/0001\u201381', '11.222.333/0001-81'],
    ['11.222.333/0001\u201181', '11.222.333/0001-81'],
    ['11.222.333/0001-8\u200B1', '11.222.333/0001-81'],
    ['\uFEFF11.222.333/0001-81', '11.222.333/0001-81'],
    ['１１．２２２．３３３／０００１－８１', '11.222.333/0001-81'],
    ['Silva\u00A0&\u00A0Filhos', 'Silva & Filhos'],
    ['Posi\u00ADcionamento', 'Posicionamento'],
    ['linha\u2028outra', 'linha\noutra'],
    ['Conceição', 'Conceição'],
  ])('%j → %j', (raw, plain) => expect(plainUnicode(raw)).toBe(plain));

  it('leaves printable ASCII as it is, and is idempotent (property)', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(plainUnicode(text)).toBe(text);
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'aZ09 -./\n\tçãÉ'.split(''), ...INVISIBLE, ...DASHES, ...SPACES, '\u2028', '\uFB01', '\u00BD', '😀', '\u0301', fullWidth('A'), fullWidth('5')) }), (text) => {
        expect(plainUnicode(plainUnicode(text))).toBe(plainUnicode(text));
      }),
    );
  });

  it('reads any ASCII text back from its pasted variants: invisible characters, any dash, any space, full width (property)', () => {
    const ascii = fc.string({ unit: fc.constantFrom(...'0123456789ABCDEFxyz./-: '.split('')), maxLength: 30 });
    fc.assert(
      fc.property(ascii, fc.array(fc.nat()), (text, choices) => {
        let n = 0;
        const pick = <T,>(list: T[]) => list[(choices[n++ % Math.max(1, choices.length)] ?? 0) % list.length];
        const pasted = [...text]
          .map((char) => {
            const variant = char === '-' ? pick(DASHES) : char === ' ' ? pick(SPACES) : pick([char, char, fullWidth(char)]);
            return `${variant}${pick(['', '', ...INVISIBLE])}`;
          })
          .join('');
        expect(plainUnicode(pasted)).toBe(text);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('plainIdentifier', () => {
  it('drops every white space and reads null as empty', () => {
    expect(plainIdentifier(' 11 222\u00A0333 ')).toBe('11222333');
    expect(plainIdentifier(null)).toBe('');
    expect(plainIdentifier(1234567000195)).toBe('1234567000195');
  });
});
