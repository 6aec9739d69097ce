import type { CatalogRule } from '../settings';
import type { FieldOption } from './ticket';
import { normalize } from './text';

/** `A::B::C` (how Zendesk stores nested options) → `A >> B >> C` (how agents write the path). */
export function displayPath(label: string): string {
  return label.split('::').map((part) => part.trim()).join(' >> ');
}

/** One comparable form for both spellings: `A::B` and `A >>  b` are the same path. */
export function pathKey(path: string): string {
  return path
    .split(/::|>>/)
    .map((part) => normalize(part))
    .join('>>');
}

/** Words only: accents, case and punctuation aside, each word padded by spaces. */
function wordsOf(text: string): string {
  return ` ${normalize(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
}

export interface CatalogSuggestion {
  path: string;
  /** The field option to set; null when the field's options do not contain the path. */
  option: FieldOption | null;
  matched: string[];
  score: number;
}

export interface CatalogText {
  subject: string;
  description: string;
}

/**
 * Ranks the rules' paths against the subject and the first comment: a keyword (a whole word or
 * phrase) found in the subject counts 2, in the first comment 1. Best first; ties keep rule order.
 */
export function catalogSuggestions(
  text: CatalogText,
  rules: readonly CatalogRule[],
  options: readonly FieldOption[] | null,
): CatalogSuggestion[] {
  const subject = wordsOf(text.subject);
  const description = wordsOf(text.description);
  const optionByKey = new Map<string, FieldOption>();
  for (const option of options ?? []) optionByKey.set(pathKey(option.label), option);

  const byPath = new Map<string, CatalogSuggestion & { order: number }>();
  rules.forEach((rule, order) => {
    let score = 0;
    const matched: string[] = [];
    for (const keyword of rule.keywords) {
      const needle = wordsOf(keyword);
      if (needle.trim() === '') continue;
      const points = (subject.includes(needle) ? 2 : 0) + (description.includes(needle) ? 1 : 0);
      if (points > 0) {
        score += points;
        matched.push(keyword);
      }
    }
    if (score === 0) return;
    const key = pathKey(rule.path);
    const known = byPath.get(key);
    if (known) {
      known.score += score;
      for (const word of matched) if (!known.matched.includes(word)) known.matched.push(word);
      return;
    }
    const option = optionByKey.get(key) ?? null;
    byPath.set(key, { path: option ? displayPath(option.label) : rule.path, option, matched, score, order });
  });
  return [...byPath.values()]
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map(({ order: _order, ...suggestion }) => suggestion);
}

/** Rule paths that the field's options do not contain: each one is a configuration finding. */
export function unknownCatalogPaths(rules: readonly CatalogRule[], options: readonly FieldOption[]): string[] {
  const known = new Set(options.map((option) => pathKey(option.label)));
  const missing: string[] = [];
  for (const rule of rules) {
    if (!known.has(pathKey(rule.path)) && !missing.includes(rule.path)) missing.push(rule.path);
  }
  return missing;
}

/** The option a field value (a tag) stands for. */
export function optionForValue(options: readonly FieldOption[] | undefined, value: unknown): FieldOption | null {
  if (value === null || value === undefined || value === '') return null;
  return options?.find((option) => option.value === String(value)) ?? null;
}
