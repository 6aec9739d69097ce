import { normalize } from './text';
import type { Macro, MacroMatch } from './macros';

/*
 * Finding a macro by its title (SPEC §3: "found by its title, never by a hard-coded ID"). Apart from
 * macros.ts so that first paint, which needs only the types, does not carry it.
 */

/** The levels of a title: `Whatsapp :: Atendimento (Oficial)` → [`Whatsapp`, `Atendimento (Oficial)`]. */
export function titleLevels(title: string): string[] {
  return title
    .split('::')
    .map((level) => level.trim())
    .filter((level) => level !== '');
}

/** What to ask `GET /api/v2/macros/search?query=` for a configured title: its last level (categories are not in every title). */
export function searchTerm(title: string): string {
  return titleLevels(title).at(-1) ?? title.trim();
}

/**
 * How a macro's title stands for a configured one (case-, accent- and spacing-insensitive, levels trimmed):
 * 'exact' — the same levels; 'category' — the configured levels are the last ones of the macro's
 * (`Título` or `Categoria::Título` configured, `Categoria::Título` in Zendesk); null — another title.
 */
export function titleMatch(macroTitle: string, wanted: string): 'exact' | 'category' | null {
  const have = titleLevels(macroTitle).map(normalize);
  const want = titleLevels(wanted).map(normalize);
  if (want.length === 0 || have.length < want.length) return null;
  const tail = have.slice(have.length - want.length);
  if (tail.some((level, index) => level !== want[index])) return null;
  return have.length === want.length ? 'exact' : 'category';
}

/**
 * A macro is found by its title, never by a hard-coded ID (SPEC §3). Among the active macros whose title
 * stands for the configured one, the first non-empty tier wins: shared exact, shared in a category,
 * personal exact, personal in a category — so the shared macro wins over an agent's personal copy of
 * it, and "ambiguous" means two real candidates of the same tier. `macros` must hold every macro that
 * could match (the answer of a search for this title, read to its end): a title absent from it is missing.
 */
export function findMacro(macros: readonly Macro[], title: string): MacroMatch {
  const same = macros.flatMap((macro) => {
    const match = titleMatch(macro.title, title);
    return match ? [{ macro, match }] : [];
  });
  const active = same.filter(({ macro }) => macro.active);
  const tiers = [
    (c: (typeof active)[number]) => c.macro.restriction !== 'User' && c.match === 'exact',
    (c: (typeof active)[number]) => c.macro.restriction !== 'User' && c.match === 'category',
    (c: (typeof active)[number]) => c.macro.restriction === 'User' && c.match === 'exact',
    (c: (typeof active)[number]) => c.macro.restriction === 'User' && c.match === 'category',
  ];
  for (const inTier of tiers) {
    const candidates = active.filter(inTier);
    if (candidates.length === 1) return { kind: 'found', id: candidates[0].macro.id, macro: candidates[0].macro };
    if (candidates.length > 1) return { kind: 'ambiguous', count: candidates.length };
  }
  return same.length > 0 ? { kind: 'inactive' } : { kind: 'missing' };
}
