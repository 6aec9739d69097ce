import { cnpj as cnpjLib } from 'cpf-cnpj-validator';
import { plainIdentifier, plainUnicode } from './unicode';
import { readText } from './reading';

/**
 * CNPJ in either format: numeric (11.222.333/0001-81) or the alphanumeric CNPJ of the
 * Receita Federal (IN RFB 2.229/2024): 12 characters 0-9A-Z and 2 numeric check digits.
 */
export type CnpjReading =
  | { kind: 'missing' }
  | { kind: 'invalid'; raw: string }
  | { kind: 'valid'; value: string; formatted: string; root: string };

const CNPJ_CHARS = /^[0-9A-Z]{12}[0-9]{2}$/;
/** A numeric CNPJ that lost its leading zeros in a number field or a spreadsheet (`1234567000195`). */
const UNPADDED_NUMERIC = /^\d{12,13}$/;

/**
 * The characters of a CNPJ as typed or pasted: Unicode made plain (any dash, NBSP, full-width digits,
 * zero-width characters: unicode.ts), then without the separators agents type (. / \ - and spaces).
 */
function compact(raw: unknown): string {
  return plainIdentifier(raw).toUpperCase().replace(/[./\\-]/g, '');
}

/**
 * Reads a CNPJ from a field value (text, or a number when the field is numeric). A numeric CNPJ of
 * 12 or 13 digits is taken as one whose leading zeros were lost and padded to 14 (`1234567000195` →
 * `01.234.567/0001-95`); an alphanumeric one never gains or loses a character. Check digits by the
 * Receita's algorithm (cpf-cnpj-validator, alphanumeric mode).
 */
export function readCnpj(raw: unknown): CnpjReading {
  let value = compact(raw);
  if (value === '') return { kind: 'missing' };
  if (UNPADDED_NUMERIC.test(value)) value = value.padStart(14, '0');
  if (!CNPJ_CHARS.test(value) || !cnpjLib.isValid(value, true)) return { kind: 'invalid', raw: plainUnicode(String(raw)).trim() };
  return { kind: 'valid', value, formatted: cnpjLib.format(value), root: value.slice(0, 8) };
}

/**
 * The values an organization field may hold for this CNPJ, as Zendesk search terms (quoted where they
 * have punctuation): formatted, bare, and for a numeric CNPJ with leading zeros the bare digits without
 * them, as a number field or a spreadsheet stores it (`01.234.567/0001-95` → `1234567000195`).
 */
export function cnpjSearchTerms(cnpj: { value: string; formatted: string }): string[] {
  const terms = [`"${cnpj.formatted}"`, cnpj.value];
  const unpadded = cnpj.value.replace(/^0+/, '');
  if (/^\d+$/.test(cnpj.value) && unpadded !== cnpj.value && unpadded.length >= 12) terms.push(unpadded);
  return terms;
}

export type CnpjComparison = 'same' | 'branch' | 'different';

/** Same 14 characters: same; same 8-character root: another branch of the same company. */
export function compareCnpj(a: string, b: string): CnpjComparison {
  if (a === b) return 'same';
  return a.slice(0, 8) === b.slice(0, 8) ? 'branch' : 'different';
}

/**
 * Whether a free text (an internal note, plain or rich) names this CNPJ, with or without punctuation,
 * and, for a numeric CNPJ, with or without its leading zeros (never as part of a longer number).
 * Computed once per text and CNPJ (reading.ts).
 */
export function textMentionsCnpj(text: string, cnpjValue: string): boolean {
  if (!text || !cnpjValue) return false;
  return readText(text).memo(`cnpj:${cnpjValue}`, (reading) => {
    const squeezed = compact(reading.text);
    const significant = cnpjValue.replace(/^0+/, '');
    if (!/^\d+$/.test(cnpjValue) || significant === '') return squeezed.includes(cnpjValue);
    return new RegExp(`(?<!\\d)0*${significant}(?!\\d)`).test(squeezed);
  });
}
