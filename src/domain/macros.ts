import { normalize } from './text';

export interface Macro {
  id: number;
  title: string;
  active: boolean;
}

export type MacroMatch =
  | { kind: 'found'; id: number }
  | { kind: 'missing' }
  | { kind: 'inactive' }
  | { kind: 'ambiguous'; count: number };

/** A macro is found by its title (case-, accent- and spacing-insensitive), never by a hard-coded ID. */
export function findMacro(macros: readonly Macro[], title: string): MacroMatch {
  const wanted = normalize(title);
  const same = macros.filter((macro) => normalize(macro.title) === wanted);
  const active = same.filter((macro) => macro.active);
  if (active.length === 1) return { kind: 'found', id: active[0].id };
  if (active.length > 1) return { kind: 'ambiguous', count: active.length };
  return same.length > 0 ? { kind: 'inactive' } : { kind: 'missing' };
}
