import type { Lookup } from './ticket';

/**
 * One action of a macro as Zendesk stores it: `{ field, value }`, e.g. `{ field: 'status', value: 'solved' }`,
 * `{ field: 'comment_value', value: '…' }`, `{ field: 'custom_fields_360004', value: 'bematech_hardware' }`.
 * Source: https://developer.zendesk.com/documentation/ticketing/reference-guides/actions-reference/
 */
export interface MacroAction {
  field: string;
  value: unknown;
}

export interface Macro {
  id: number;
  /** The title as Zendesk shows it; a category is written `Categoria::Título` (levels joined by `::`). */
  title: string;
  active: boolean;
  /**
   * Zendesk's `restriction`, by its type: null for a macro every agent may use (Zendesk sends `null`, or `{}`
   * in its List Macros example), 'Group' for one restricted to groups, 'User' for an agent's personal macro.
   * Source: https://developer.zendesk.com/api-reference/ticketing/business-rules/macros/ (JSON format).
   */
  restriction: null | 'Group' | 'User';
  /** What applying it sets (kept so that a procedure can say what the macro will change). */
  actions: MacroAction[];
}

/** The macro found by `findMacro`. */
export function macroById(macros: readonly Macro[], id: number): Macro | null {
  return macros.find((macro) => macro.id === id) ?? null;
}

/** The settings that name a macro by its title (SPEC §3). */
export const MACRO_SETTINGS = ['macroCloseWhatsapp', 'macroTransferN2', 'macroRegistrationPending'] as const;
export type MacroSetting = (typeof MACRO_SETTINGS)[number];

export type MacroMatch =
  | { kind: 'found'; id: number; macro: Macro }
  | { kind: 'missing' }
  | { kind: 'inactive' }
  | { kind: 'ambiguous'; count: number };

/**
 * What the look-up of a title found: every macro of the agent that could stand for the title (complete:
 * none left unread), and the verdict of findMacro (domain/macroTitles.ts) over them.
 */
export interface MacroAnswer {
  candidates: Macro[];
  match: MacroMatch;
}

/** The look-up of each title setting's macro: absent until the app needs that macro (see app/lookups.ts). */
export type MacroLookups = Partial<Record<MacroSetting, Lookup<MacroAnswer>>>;
