import type { CatalogRule } from '../settings';
import type { FieldOption } from './ticket';
import { normalize, words as wordsOf } from './text';

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

/** Every run of 1..maxWords consecutive words: a keyword (word or phrase) matches when it is one of them. */
function phrasesOf(text: string, maxWords: number): Set<string> {
  const words = wordsOf(text);
  const phrases = new Set<string>();
  for (let start = 0; start < words.length; start += 1) {
    let phrase = '';
    for (let length = 1; length <= maxWords && start + length <= words.length; length += 1) {
      phrase = length === 1 ? words[start] : `${phrase} ${words[start + length - 1]}`;
      phrases.add(phrase);
    }
  }
  return phrases;
}

/** The field's options by comparable path, built once per option list (the field definition). */
const indexedOptions = new WeakMap<readonly FieldOption[], Map<string, FieldOption>>();
function indexOptions(options: readonly FieldOption[]): Map<string, FieldOption> {
  let index = indexedOptions.get(options);
  if (!index) {
    index = new Map(options.map((option) => [pathKey(option.label), option]));
    indexedOptions.set(options, index);
  }
  return index;
}

/** Rules are settings: their keywords are normalised once per rule list, not once per ranking. */
const preparedRules = new WeakMap<readonly CatalogRule[], { needles: string[][]; maxWords: number }>();
function prepare(rules: readonly CatalogRule[]) {
  let prepared = preparedRules.get(rules);
  if (!prepared) {
    const needles = rules.map((rule) => rule.keywords.map((keyword) => wordsOf(keyword).join(' ')));
    const maxWords = Math.max(1, ...needles.flat().map((needle) => needle.split(' ').length));
    prepared = { needles, maxWords };
    preparedRules.set(rules, prepared);
  }
  return prepared;
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
  const { needles, maxWords } = prepare(rules);
  const subject = phrasesOf(text.subject, maxWords);
  const description = phrasesOf(text.description, maxWords);
  const optionByKey = indexOptions(options ?? []);

  const byPath = new Map<string, CatalogSuggestion & { order: number }>();
  rules.forEach((rule, order) => {
    let score = 0;
    const matched: string[] = [];
    rule.keywords.forEach((keyword, index) => {
      const needle = needles[order][index];
      if (needle === '') return;
      const points = (subject.has(needle) ? 2 : 0) + (description.has(needle) ? 1 : 0);
      if (points > 0) {
        score += points;
        matched.push(keyword);
      }
    });
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

/** Whether a dropdown option stands for a text an admin wrote: its last label level, or its tag. */
export function optionStandsFor(option: FieldOption, wanted: string): boolean {
  return normalize(option.label.split('::').pop()) === normalize(wanted) || normalize(option.value) === normalize(wanted);
}

/** The option a field value (a tag) stands for. */
export function optionForValue(options: readonly FieldOption[] | undefined, value: unknown): FieldOption | null {
  if (value === null || value === undefined || value === '') return null;
  return options?.find((option) => option.value === String(value)) ?? null;
}
