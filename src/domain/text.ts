import { plainUnicode } from './unicode';

/**
 * Text comparison the way agents read values: trimmed, case- and accent-insensitive, with Unicode made
 * plain first (unicode.ts: full-width forms, invisible characters, dashes, NBSP).
 */
export function normalize(value: unknown): string {
  if (value === null || value === undefined) return '';
  return plainUnicode(String(value))
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words of a text, accents, case and punctuation aside: `Andamento do ticket?!` → [andamento, do, ticket]. */
export function words(text: unknown): string[] {
  const joined = normalize(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return joined === '' ? [] : joined.split(' ');
}

/** A value is "filled" when it has something other than white space and invisible characters (false and 0 are filled). */
export function isFilled(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) return value.some(isFilled);
  return plainUnicode(String(value)).trim() !== '';
}

const YES = new Set(['sim', 's', 'yes', 'y', 'true', '1', 'si', 'verdadeiro']);

/** `Sim`, `sim`, `SIM`, `true`, a checked checkbox (true) → true. Anything else → false. */
export function isYes(value: unknown): boolean {
  if (value === true) return true;
  if (typeof value === 'number') return value === 1;
  return YES.has(normalize(value).replace(/_/g, ' '));
}

/** The text with its first letter in upper case, in the agent's locale ("preencha…" → "Preencha…"). */
export const capitalize = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);
