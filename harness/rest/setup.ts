import type { Scenario } from '../scenario';
import manifest from '../../manifest.json';

/**
 * The part of the /api/v2 stand-in the setup assistant writes: the app's installation (GET and PUT,
 * admins only for PUT, every write recorded so tests can assert exactly what was sent). The account
 * (harness/rest/account.ts) answers these first; the lists the assistant reads (ticket fields and forms,
 * organization fields, macros) are the account's, paged like every other list (harness/rest/paging.ts).
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
const settingsObjects = (settings: Record<string, unknown>) => Object.entries(settings).map(([name, value]) => ({ name, value }));

/** The installation object (https://developer.zendesk.com/api-reference/ticketing/apps/apps/#show-app-installation). */
export function installationBody(installation: InstallationState) {
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
  return null;
}
