import { cnpj as cnpjLib } from 'cpf-cnpj-validator';
import { isFilled } from './text';

/**
 * CNPJ in either format: numeric (11.222.333/0001-81) or the alphanumeric CNPJ of the
 * Receita Federal (IN RFB 2.229/2024): 12 characters 0-9A-Z and 2 numeric check digits.
 */
export type CnpjReading =
  | { kind: 'missing' }
  | { kind: 'invalid'; raw: string }
  | { kind: 'valid'; value: string; formatted: string; root: string };

const CNPJ_CHARS = /^[0-9A-Z]{12}[0-9]{2}$/;

/** Only what agents actually type around a CNPJ: dots, slashes, dashes, spaces. */
function compact(raw: string): string {
  return raw.toUpperCase().replace(/[\s./\\-]/g, '');
}

export function readCnpj(raw: unknown): CnpjReading {
  if (!isFilled(raw)) return { kind: 'missing' };
  const text = String(raw).trim();
  const value = compact(text);
  if (!CNPJ_CHARS.test(value) || !cnpjLib.isValid(value, true)) return { kind: 'invalid', raw: text };
  return { kind: 'valid', value, formatted: cnpjLib.format(value), root: value.slice(0, 8) };
}

export type CnpjComparison = 'same' | 'branch' | 'different';

/** Same 14 characters: same; same 8-character root: another branch of the same company. */
export function compareCnpj(a: string, b: string): CnpjComparison {
  if (a === b) return 'same';
  return a.slice(0, 8) === b.slice(0, 8) ? 'branch' : 'different';
}

/** Whether a free text (an internal note) names this CNPJ, with or without punctuation. */
export function textMentionsCnpj(text: string, cnpjValue: string): boolean {
  if (!text) return false;
  const squeezed = text.toUpperCase().replace(/[\s./\\-]/g, '');
  return squeezed.includes(cnpjValue);
}
