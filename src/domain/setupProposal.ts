import { PARAMETERS, type ParameterName } from '../settings';
import type { AccountMacro, AccountObjects } from './setupAccount';
import { SETUP_TARGETS, type SetupTarget } from './setupTargets';
import { nearest, titleMatch, type TitleMatch } from './setupMatch';
import { normalize } from './text';

/**
 * The setup assistant's proposal: for every setting that names an account object (a ticket field, the
 * 0800 form, an organization field key, a macro title), which object of the account it should name,
 * found by title and type, with the conflicts (two equally good candidates) and the missing ones.
 * Pure: the account's lists and the stored settings in, the proposal out.
 */

/** What the setting would hold: a field or form ID as decimal text, an organization field key, a macro title. */
export interface Candidate {
  value: string;
  /** The object's title as the admin sees it in Admin Center. */
  title: string;
  /** `similar`: a macro whose title is only close to the wanted one (never chosen by itself). */
  match: Exclude<TitleMatch, null> | 'similar';
  /** Rank of the wanted title it matched (0 = the operation's own name): lower is better. */
  rank: number;
  /** Macros: only a group's agents can apply it; or another active macro has the same title (the app finds macros by title). */
  notes?: ('groupRestricted' | 'sameTitle')[];
}

/** An object whose title fits but that cannot be used, with the reason (shown so a "missing" is explained). */
export interface Rejected {
  value: string;
  title: string;
  reason: 'type' | 'inactive' | 'personal';
  type?: string;
}

/**
 * `kept`: the stored value names a usable object; `proposed`: one best candidate; `conflict`: two or
 * more equally good candidates (the admin chooses); `missing`: none; `unknown`: the account's list
 * could not be read, nothing is proposed.
 */
export type ProposalStatus = 'kept' | 'proposed' | 'conflict' | 'missing' | 'unknown';

/** What the stored value names: a usable object, nothing (empty), an object that does not exist, … */
export type CurrentState = 'valid' | 'empty' | 'absent' | 'wrongType' | 'inactive' | 'ambiguous' | 'unknown';

export interface SettingProposal {
  target: SetupTarget;
  /** The stored value, as text ('' when empty). */
  current: string;
  currentState: CurrentState;
  status: ProposalStatus;
  /** The value the assistant proposes to store (the stored one when it proposes no change). */
  value: string;
  /** Objects whose title fits, best first. */
  candidates: Candidate[];
  /** Every usable object of the right kind and type, for the admin's own choice (candidates first). */
  choices: { value: string; title: string }[];
  rejected: Rejected[];
}

export interface SetupProposal {
  settings: SettingProposal[];
  /** Values that several settings would name (a field used as both Categoria and Motivo, …). */
  duplicates: { value: string; parameters: ParameterName[] }[];
}

/** One account object as the matching sees it, whatever its kind. */
interface AccountItem {
  value: string;
  title: string;
  /** Titles it answers to: a macro also by its title without its category (`Category::Title`). */
  titles: string[];
  type: string | null;
  active: boolean;
  restriction?: AccountMacro['restriction'];
}

function itemsOf(target: SetupTarget, account: AccountObjects): AccountItem[] | null {
  switch (target.object) {
    case 'ticketField':
      return account.ticketFields?.map((field) => ({ value: String(field.id), title: field.title, titles: [field.title], type: field.type, active: field.active })) ?? null;
    case 'ticketForm':
      return account.ticketForms?.map((form) => ({ value: String(form.id), title: form.name, titles: [form.name], type: null, active: form.active })) ?? null;
    case 'organizationField':
      return account.organizationFields?.map((field) => ({ value: field.key, title: field.title, titles: [field.title, field.key], type: field.type, active: field.active })) ?? null;
    case 'macro':
      return (
        account.macros?.map((macro) => {
          const last = macro.title.split('::').pop()!.trim();
          return { value: macro.title, title: macro.title, titles: last === macro.title ? [macro.title] : [macro.title, last], type: null, active: macro.active, restriction: macro.restriction };
        }) ?? null
      );
  }
}

const asText = (value: unknown): string => (value === null || value === undefined ? '' : String(value).trim());

/** Why an object cannot be what the setting names, or null when it can. */
function unusable(target: SetupTarget, item: AccountItem): Rejected['reason'] | null {
  if (!item.active) return 'inactive';
  if (item.restriction === 'personal') return 'personal';
  if (target.types.length > 0 && !target.types.includes(item.type ?? '')) return 'type';
  return null;
}

/** The same value as stored: IDs compare as numbers (`"0360001"` = `360001`), keys and titles as written. */
function sameValue(target: SetupTarget, stored: string, value: string): boolean {
  if (target.object === 'ticketField' || target.object === 'ticketForm') return /^\d+$/.test(stored) && Number(stored) === Number(value);
  if (target.object === 'macro') return normalize(stored) === normalize(value);
  return stored === value;
}

function currentStateOf(target: SetupTarget, stored: string, items: AccountItem[] | null): CurrentState {
  if (stored === '') return 'empty';
  if (!items) return 'unknown';
  const named = items.filter((item) => sameValue(target, stored, item.value));
  if (named.length === 0) return 'absent';
  if (target.object === 'macro') {
    // As the sidebar finds a macro (domain/macros findMacro): one active macro with that title. The
    // admin's personal macros are not among those an agent's sidebar sees.
    const usable = named.filter((item) => item.active && item.restriction !== 'personal');
    if (usable.length > 1) return 'ambiguous';
    return usable.length === 1 ? 'valid' : named.some((item) => !item.active) ? 'inactive' : 'absent';
  }
  const reason = unusable(target, named[0]);
  return reason === null ? 'valid' : reason === 'type' ? 'wrongType' : 'inactive';
}

function wantedTitles(target: SetupTarget, stored: string): string[] {
  if (target.object !== 'macro') return [...target.titles];
  const fallback = String(PARAMETERS.find((parameter) => parameter.name === target.parameter)?.default ?? '');
  return [...new Set([stored, fallback].filter((title) => title !== ''))];
}

function bestMatch(item: AccountItem, wanted: readonly string[], allowContains: boolean): { match: 'exact' | 'contains'; rank: number } | null {
  let best: { match: 'exact' | 'contains'; rank: number } | null = null;
  wanted.forEach((title, rank) => {
    for (const own of item.titles) {
      const match = titleMatch(own, title);
      if (!match || (match === 'contains' && !allowContains)) continue;
      const better = !best || (match === 'exact' && best.match === 'contains') || (match === best.match && rank < best.rank);
      if (better) best = { match, rank };
    }
  });
  return best;
}

const ORDER = { exact: 0, contains: 1, similar: 2 } as const;
const compare = (a: Candidate, b: Candidate) => ORDER[a.match] - ORDER[b.match] || a.rank - b.rank;

function macroNotes(item: AccountItem, items: AccountItem[]): Candidate['notes'] {
  const notes: NonNullable<Candidate['notes']> = [];
  if (item.restriction === 'group') notes.push('groupRestricted');
  if (items.some((other) => other !== item && other.active && other.restriction !== 'personal' && normalize(other.title) === normalize(item.title))) notes.push('sameTitle');
  return notes.length > 0 ? notes : undefined;
}

/** The proposal for one setting, from its stored value and the account's list of its kind. */
export function proposeSetting(target: SetupTarget, storedValue: unknown, account: AccountObjects): SettingProposal {
  const current = asText(storedValue);
  const items = itemsOf(target, account);
  const base = { target, current, currentState: currentStateOf(target, current, items) };
  if (!items) return { ...base, status: 'unknown', value: current, candidates: [], choices: [], rejected: [] };

  const wanted = wantedTitles(target, current);
  const candidates: Candidate[] = [];
  const rejected: Rejected[] = [];
  for (const item of items) {
    const found = bestMatch(item, wanted, target.object !== 'macro');
    if (!found) continue;
    const reason = unusable(target, item);
    if (reason) {
      rejected.push({ value: item.value, title: item.title, reason, ...(reason === 'type' && item.type ? { type: item.type } : {}) });
      continue;
    }
    candidates.push({ value: item.value, title: item.title, ...found, ...(target.object === 'macro' ? { notes: macroNotes(item, items) } : {}) });
  }
  candidates.sort(compare);
  if (target.object === 'macro' && candidates.length === 0 && wanted.length > 0) {
    // No macro has the title: the closest titles are offered, never chosen by themselves.
    const usable = items.filter((item) => unusable(target, item) === null);
    for (const near of nearest(wanted[0], usable, (item) => item.title, 3, 0.6)) {
      candidates.push({ value: near.item.value, title: near.item.title, match: 'similar', rank: 0, notes: macroNotes(near.item, items) });
    }
  }
  for (const candidate of candidates) if (!candidate.notes) delete candidate.notes;

  const choices = [...candidates, ...items.filter((item) => unusable(target, item) === null && !candidates.some((c) => c.value === item.value))].map(({ value, title }) => ({ value, title }));
  const fitting = candidates.filter((candidate) => candidate.match !== 'similar');
  const best = fitting.filter((candidate) => compare(candidate, fitting[0]) === 0);

  const result = { ...base, candidates, choices, rejected };
  if (base.currentState === 'valid') {
    // A macro title is written as the macro has it (the sidebar would find it either way).
    const own = target.object === 'macro' ? items.find((item) => item.active && item.restriction !== 'personal' && sameValue(target, current, item.value))!.value : current;
    return { ...result, status: own === current ? 'kept' : 'proposed', value: own };
  }
  if (best.length === 1) return { ...result, status: 'proposed', value: best[0].value };
  if (best.length > 1) return { ...result, status: 'conflict', value: current };
  // Nothing to name: an optional setting is emptied rather than left naming something that is not there.
  return { ...result, status: 'missing', value: target.optional && base.currentState === 'absent' ? '' : current };
}

/**
 * The whole proposal: one entry per setting of SETUP_TARGETS, from the stored settings (the
 * installation's `settings`, values as Zendesk stores them) and the account's objects.
 */
export function proposeMapping(stored: Record<string, unknown>, account: AccountObjects): SetupProposal {
  const settings = SETUP_TARGETS.map((target) => proposeSetting(target, stored[target.parameter], account));
  return { settings, duplicates: duplicatesOf(settings.map((proposal) => ({ target: proposal.target, value: proposal.value }))) };
}

/** Ticket-field settings that would name the same field (each setting reads a different field). */
export function duplicatesOf(values: readonly { target: SetupTarget; value: string }[]): SetupProposal['duplicates'] {
  const byValue = new Map<string, ParameterName[]>();
  for (const { target, value } of values) {
    if (target.object !== 'ticketField' || value === '') continue;
    const key = String(Number(value));
    byValue.set(key, [...(byValue.get(key) ?? []), target.parameter]);
  }
  return [...byValue].filter(([, parameters]) => parameters.length > 1).map(([value, parameters]) => ({ value, parameters }));
}
