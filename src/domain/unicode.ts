/**
 * Unicode as it arrives from Word, chat clients and spreadsheets, made plain before any rule reads it.
 *
 * - Compatibility forms (Unicode NFKC, UAX #15): full-width `１２．ＡＢＣ／` → `12.ABC/`, ligatures, the
 *   non-breaking hyphen U+2011 → U+2010.
 * - Invisible format characters (general category Cf): zero-width space U+200B, ZWNJ U+200C, ZWJ U+200D,
 *   BOM U+FEFF, word joiner U+2060, soft hyphen U+00AD, bidi marks: removed.
 * - Every dash (category Pd: hyphen U+2010, non-breaking hyphen U+2011, figure dash U+2012, en dash U+2013,
 *   em dash U+2014, …) and the minus sign U+2212: `-`.
 * - Every space separator (category Zs: NBSP U+00A0, narrow NBSP U+202F, thin space U+2009, …): ` `;
 *   line and paragraph separators U+2028/U+2029: `\n`.
 * Letters keep their accents (normalize() in text.ts drops them for comparisons).
 */
const INVISIBLE = /\p{Cf}/gu;
const DASH = /[\p{Pd}\u2212]/gu;
const SPACE = /\p{Zs}/gu;
const LINE_SEPARATOR = /[\u2028\u2029]/g;
/** Only text outside printable ASCII can need any of it: most values skip the four passes. */
const NOT_PLAIN_ASCII = /[^\t\n\r\x20-\x7e]/;

export function plainUnicode(text: string): string {
  if (!NOT_PLAIN_ASCII.test(text)) return text;
  // Invisible characters go before NFKC: between a letter and a combining accent (`a\u200E\u0301`) they
  // would keep NFKC from composing the two, and a second pass would compose them (not idempotent).
  return text.replace(INVISIBLE, '').normalize('NFKC').replace(DASH, '-').replace(SPACE, ' ').replace(LINE_SEPARATOR, '\n');
}

/**
 * An identifier as typed or pasted (a CNPJ, a ticket number): plain Unicode, without white space.
 * `11.222.333/0001–81` (en dash), `11 222 333 0001‑81` (U+2011) and `11.222.333/0001-81` with a U+200B
 * inside all become `11.222.333/0001-81`.
 */
export function plainIdentifier(value: unknown): string {
  if (value === null || value === undefined) return '';
  return plainUnicode(String(value)).replace(/\s+/g, '');
}
