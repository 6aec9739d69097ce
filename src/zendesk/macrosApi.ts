import type { Macro } from '../domain/macros';
import { searchTerm, titleMatch } from '../domain/macroTitles';
import type { ZafClient } from './client';
import type { CallOptions, RestPolicy } from './http';
import { readAll } from './paging';

/** `restriction` from Zendesk's JSON: null or `{}` → null (shared); `{type: 'User'}` → 'User'; any other type → 'Group'. */
export function readRestriction(raw: unknown): Macro['restriction'] {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const type = (raw as Record<string, unknown>).type;
  if (type === undefined || type === null || type === '') return null;
  return type === 'User' ? 'User' : 'Group';
}

/** A macro from Zendesk's JSON (`/api/v2/macros*`), or null when it lacks an id or a title. */
export function readMacro(raw: unknown): Macro | null {
  if (raw === null || typeof raw !== 'object') return null;
  const macro = raw as Record<string, unknown>;
  if (typeof macro.id !== 'number' || typeof macro.title !== 'string') return null;
  const actions = Array.isArray(macro.actions)
    ? macro.actions.flatMap((action) => {
        const entry = action as Record<string, unknown> | null;
        return entry && typeof entry.field === 'string' ? [{ field: entry.field, value: entry.value ?? null }] : [];
      })
    : [];
  return { id: macro.id, title: macro.title, active: macro.active !== false, restriction: readRestriction(macro.restriction), actions };
}

const readMacros = (items: unknown[]) => items.map(readMacro).filter((macro): macro is Macro => macro !== null);

/**
 * The macros whose title could stand for `title` (see domain findMacro), asked of Zendesk's Search
 * Macros: `GET /api/v2/macros/search?query=<last level of the title>`, offset paging, read to its end
 * (usually one request). `only_viewable=true`: only macros this agent can apply — without it an admin
 * would also get every other agent's personal macros ("If false, returns all macros the current user can
 * manage", https://developer.zendesk.com/api-reference/ticketing/business-rules/macros/#search-macros).
 * Titles are compared here, not trusted to the search: its matching rules are not documented.
 */
export async function searchMacros(client: ZafClient, title: string, policy: RestPolicy, options: CallOptions = {}): Promise<Macro[]> {
  const query = encodeURIComponent(searchTerm(title));
  const items = await readAll(client, `/api/v2/macros/search.json?query=${query}&only_viewable=true&per_page=100`, 'macros', policy, options);
  return readMacros(items).filter((macro) => titleMatch(macro.title, title) !== null);
}

/**
 * Every macro this agent can apply, read to its end with cursor paging (`GET /api/v2/macros?only_viewable=true`,
 * 100 a page, https://developer.zendesk.com/api-reference/ticketing/business-rules/macros/#list-macros).
 * Used only to confirm that a title the search did not find is really absent: the search's matching
 * rules are undocumented, so "no hit" alone is never taken as "missing".
 */
export async function listMacros(client: ZafClient, policy: RestPolicy, options: CallOptions = {}): Promise<Macro[]> {
  return readMacros(await readAll(client, '/api/v2/macros.json?only_viewable=true&page[size]=100', 'macros', policy, options));
}
