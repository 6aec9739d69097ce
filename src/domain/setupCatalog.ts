import type { CatalogRule } from '../settings';
import type { FieldOption } from './ticket';
import { displayPath, unknownCatalogPaths } from './catalog';
import { nearest } from './setupMatch';

export interface NearOption {
  /** The option as agents read it (`A >> B >> C`). */
  path: string;
  /** Its tag. */
  value: string;
  /** 0..1, see setupMatch.labelSimilarity. */
  similarity: number;
}

export interface CatalogRuleProblem {
  /** The rule's path as the setting writes it. */
  path: string;
  /** The rule's keywords, to recognise the rule. */
  keywords: string[];
  /** The field's options most like the path, most alike first (at most 3, similarity ≥ 0.4). */
  nearest: NearOption[];
}

/**
 * The catalog rules whose path is not among the catalog field's options (the same test the sidebar's
 * suggestion uses: domain/catalog `unknownCatalogPaths`), each with the options nearest to it, so the
 * admin can correct the rule at setup time instead of finding out from a ticket.
 */
export function catalogRuleProblems(rules: readonly CatalogRule[], options: readonly FieldOption[]): CatalogRuleProblem[] {
  const unknown = new Set(unknownCatalogPaths(rules, options));
  const problems: CatalogRuleProblem[] = [];
  for (const rule of rules) {
    if (!unknown.has(rule.path) || problems.some((problem) => problem.path === rule.path)) continue;
    problems.push({
      path: rule.path,
      keywords: rule.keywords,
      nearest: nearest(rule.path, options, (option) => option.label).map(({ item, similarity }) => ({ path: displayPath(item.label), value: item.value, similarity })),
    });
  }
  return problems;
}
