import type { CatalogRule } from '../settings';
import type { FieldOption } from './ticket';
import { normalize, words as wordsOf } from './text';
import { readText } from './reading';

/** `A::B::C` (how Zendesk stores nested options) → `A >> B >> C` (how agents write the path). */
export function displayPath(label: string): string {
  return label.split('::').map((part) => part.trim()).join(' >> ');
}

/**
 * The levels of a path as written, compared as agents read them: `A::B` and `A >>  b` are the same
 * path. Only the level separators `::` and `>>` split here, so `99 > 007` stays one level.
 */
export function pathKey(path: string): string {
  return normalize(path)
    .split(/::|>>/)
    .map((part) => part.trim())
    .join('>>');
}

/**
 * The labels of a path with every separator aside (`::`, `>>`, `>`, `/`, `»`, `›`, `→`, any spacing):
 * `Distribuição >> Linha Winthor >> 99 > 007 >> X` and the option `Distribuição::Linha Winthor::99::007::X`
 * have the same labels. What matters is the option's labels, not how the path separates them.
 */
export function pathLabels(path: string): string {
  return normalize(path)
    .split(/::|>>|[>/»›→]/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join('/');
}

interface OptionIndex {
  byKey: Map<string, FieldOption>;
  byLabels: Map<string, FieldOption>;
  /** Paths already looked up (rule paths are settings: the same few hundred on every ranking). */
  byPath: Map<string, FieldOption | null>;
}

/** The field's options by comparable path, built once per option list (the field definition). */
const indexedOptions = new WeakMap<readonly FieldOption[], OptionIndex>();
function indexOptions(options: readonly FieldOption[]): OptionIndex {
  let index = indexedOptions.get(options);
  if (!index) {
    index = { byKey: new Map(), byLabels: new Map(), byPath: new Map() };
    for (const option of options) {
      const key = pathKey(option.label);
      const labels = pathLabels(option.label);
      if (!index.byKey.has(key)) index.byKey.set(key, option);
      if (!index.byLabels.has(labels)) index.byLabels.set(labels, option);
    }
    indexedOptions.set(options, index);
  }
  return index;
}

/**
 * The option a path (as a rule or an agent writes it) stands for: the option with the same levels, else
 * the first option with the same labels whatever the separators (`99 > 007` as one level or as two).
 */
export function optionForPath(options: readonly FieldOption[], path: string): FieldOption | null {
  const index = indexOptions(options);
  let option = index.byPath.get(path);
  if (option === undefined) {
    option = index.byKey.get(pathKey(path)) ?? index.byLabels.get(pathLabels(path)) ?? null;
    index.byPath.set(path, option);
  }
  return option;
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

const NO_OPTIONS: readonly FieldOption[] = [];

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
  // Per text, once (reading.ts): a 1 MB first comment costs nothing on the next keystroke.
  const subject = readText(text.subject).phrases(maxWords);
  const description = readText(text.description).phrases(maxWords);

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
    const option = optionForPath(options ?? NO_OPTIONS, rule.path);
    const key = option ? `option:${option.value}` : pathLabels(rule.path);
    const known = byPath.get(key);
    if (known) {
      known.score += score;
      for (const word of matched) if (!known.matched.includes(word)) known.matched.push(word);
      return;
    }
    byPath.set(key, { path: option ? displayPath(option.label) : rule.path, option, matched, score, order });
  });
  return [...byPath.values()]
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map(({ order: _order, ...suggestion }) => suggestion);
}

/** Rule paths that the field's options do not contain: each one is a configuration finding. */
export function unknownCatalogPaths(rules: readonly CatalogRule[], options: readonly FieldOption[]): string[] {
  const missing: string[] = [];
  for (const rule of rules) {
    if (optionForPath(options, rule.path) === null && !missing.includes(rule.path)) missing.push(rule.path);
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
