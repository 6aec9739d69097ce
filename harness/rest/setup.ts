import type { Scenario } from '../scenario';
import manifest from '../../manifest.json';

/**
 * The part of the /api/v2 stand-in the setup assistant reads and writes: the account's ticket fields,
 * ticket forms and organization fields (paged as Zendesk pages them), and the app's installation
 * (GET and PUT, admins only for PUT, every write recorded so tests can assert exactly what was sent).
 * The account (harness/rest/account.ts) answers these first.
 */
export type RestReply = { status: number; body: unknown; headers: Record<string, string> };

/** What an admin's installation sends in metadata().settings: every parameter, then the scenario's (text parameters as text). */
export function installationSettings(scenario: Scenario): Record<string, unknown> {
  const defaults = Object.fromEntries(manifest.parameters.map((parameter) => [parameter.name, parameter.default ?? (parameter.type === 'checkbox' ? false : '')]));
  const given = Object.fromEntries(Object.entries(scenario.settings).map(([name, value]) => [name, typeof value === 'number' && manifest.parameters.find((p) => p.name === name)?.type !== 'number' ? String(value) : value]));
  return { ...defaults, ...given };
}

export interface InstallationState {
  id: number;
  /** What GET answers and metadata() hands a newly loaded app. */
  settings: Record<string, unknown>;
  /** Every accepted PUT, body as sent, in order. */
  writes: { settings: Record<string, unknown> }[];
}

const json = (status: number, body: unknown): RestReply => ({ status, body, headers: { 'content-type': 'application/json' } });
const HOST = 'https://sentinela-test.zendesk.com';
const MAX_PAGE = 100;

/**
 * Cursor paging as Zendesk documents it (https://developer.zendesk.com/api-reference/introduction/pagination/):
 * `page[size]` at most 100, `page[after]` the opaque cursor of `meta.after_cursor`; the answer carries
 * `meta.has_more` and `links.next` (an absolute URL).
 */
function cursorPage<T>(key: string, items: readonly T[], url: URL): RestReply {
  const size = Math.min(MAX_PAGE, Math.max(1, Number(url.searchParams.get('page[size]')) || MAX_PAGE));
  const after = url.searchParams.get('page[after]');
  const start = after === null ? 0 : Number(atob(after));
  if (!Number.isInteger(start) || start < 0) return json(400, { error: 'InvalidPaginationParameter', description: 'page[after] is not a cursor of this list' });
  const page = items.slice(start, start + size);
  const hasMore = start + size < items.length;
  const cursor = hasMore ? btoa(String(start + size)) : null;
  const next = new URL(`${HOST}${url.pathname}`);
  next.searchParams.set('page[size]', String(size));
  if (cursor) next.searchParams.set('page[after]', cursor);
  return json(200, { [key]: page, meta: { has_more: hasMore, after_cursor: cursor, before_cursor: start > 0 ? btoa(String(start)) : null }, links: { next: hasMore ? next.href : null, prev: null } });
}

/** Offset paging (`per_page` ≤ 100, `page`, absolute `next_page`), as Zendesk's lists without cursor paging. */
function offsetPage<T>(key: string, items: readonly T[], url: URL): RestReply {
  const perPage = Math.min(MAX_PAGE, Math.max(1, Number(url.searchParams.get('per_page')) || MAX_PAGE));
  const page = Math.max(1, Number(url.searchParams.get('page')) || 1);
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const link = (n: number) => {
    const target = new URL(`${HOST}${url.pathname}`);
    target.searchParams.set('per_page', String(perPage));
    target.searchParams.set('page', String(n));
    return target.href;
  };
  return json(200, { [key]: slice, next_page: page * perPage < items.length ? link(page + 1) : null, previous_page: page > 1 ? link(page - 1) : null, count: items.length });
}

const settingsObjects = (settings: Record<string, unknown>) => Object.entries(settings).map(([name, value]) => ({ name, value }));

function installationBody(installation: InstallationState) {
  return { id: installation.id, app_id: 1, product: 'support', enabled: true, settings: installation.settings, settings_objects: settingsObjects(installation.settings), role_restrictions: null, group_restrictions: [] };
}

const isSettingValue = (value: unknown) => value === null || ['string', 'number', 'boolean'].includes(typeof value);

/**
 * PUT /api/v2/apps/installations/{id}: "Allowed For: Admins"; body `{"settings": {...}}`
 * (https://developer.zendesk.com/api-reference/ticketing/apps/apps/#update-app-installation). Whether
 * Zendesk merges a partial `settings` or replaces the stored ones is not documented: this stand-in
 * replaces them (the stricter choice: an app that sent a partial set would lose the rest here).
 */
function updateInstallation(installation: InstallationState, role: string, body: string | null): RestReply {
  if (role !== 'admin') return json(403, { error: 'Forbidden', description: 'You do not have access to this page. Please contact the account owner of this help desk for further help.' });
  let parsed: unknown;
  try {
    parsed = JSON.parse(body ?? '');
  } catch {
    return json(400, { error: 'InvalidJSON', description: 'The request body is not JSON.' });
  }
  const settings = (parsed as { settings?: unknown } | null)?.settings;
  if (settings === null || typeof settings !== 'object' || Array.isArray(settings)) return json(422, { error: 'RecordInvalid', description: 'settings: must be an object' });
  const bad = Object.entries(settings).filter(([, value]) => !isSettingValue(value)).map(([name]) => name);
  if (bad.length > 0) return json(422, { error: 'RecordInvalid', description: `settings: invalid value for ${bad.join(', ')}` });
  installation.writes.push({ settings: structuredClone(settings as Record<string, unknown>) });
  installation.settings = structuredClone(settings as Record<string, unknown>);
  return json(200, installationBody(installation));
}

/** The answer for a setup request, or null when the path is not one of these. */
export function answerSetupRest(scenario: Scenario, installation: InstallationState, method: string, url: URL, body: string | null): RestReply | null {
  const path = url.pathname.replace(/\.json$/, '');
  const installationPath = /^\/api\/v2\/apps\/installations\/(\d+)$/.exec(path);
  if (installationPath) {
    if (Number(installationPath[1]) !== installation.id) return json(404, { error: 'RecordNotFound', description: 'Not found' });
    // https://developer.zendesk.com/api-reference/ticketing/apps/apps/#show-app-installation (the installation object itself)
    if (method === 'GET') return json(200, installationBody(installation));
    if (method === 'PUT') return updateInstallation(installation, scenario.currentUser.role, body);
    return json(405, { error: 'MethodNotAllowed' });
  }
  if (method !== 'GET') return null;
  // Cursor paging, in id order; without page[size] every field at once, in position order:
  // https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_fields/#list-ticket-fields
  if (path === '/api/v2/ticket_fields') {
    if (!url.searchParams.has('page[size]')) return json(200, { ticket_fields: scenario.ticket_fields, next_page: null, previous_page: null, count: scenario.ticket_fields.length });
    return cursorPage('ticket_fields', [...scenario.ticket_fields].sort((a, b) => a.id - b.id), url);
  }
  // No paging documented: https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_forms/#list-ticket-forms
  if (path === '/api/v2/ticket_forms') return offsetPage('ticket_forms', scenario.ticket_forms, url);
  // Cursor or offset paging, at most 100 a page: https://developer.zendesk.com/api-reference/ticketing/organizations/organization_fields/#list-organization-fields
  if (path === '/api/v2/organization_fields') {
    return url.searchParams.has('page[size]') ? cursorPage('organization_fields', scenario.organization_fields, url) : offsetPage('organization_fields', scenario.organization_fields, url);
  }
  return null;
}
