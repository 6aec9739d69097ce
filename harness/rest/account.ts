import type { Scenario } from '../scenario';
import { answerSetupRest, installationSettings, type InstallationState } from './setup';

/**
 * Answers /api/v2 like a Zendesk account: the scenario's REST objects (users, organizations, tickets,
 * comments, macros, ticket fields) as Zendesk's REST API returns them, with the scenario's injected
 * request faults. The harness (MSW in the browser), the Node test helper, the protocol test host and the
 * capture command's loopback server all answer from it: one stand-in for Zendesk's REST side.
 */
export type RestAnswer = { status: number; body: unknown; headers: Record<string, string>; delayMs?: number } | { timeout: true };

/**
 * Zendesk search `type:organization <field key>:<value>` (value quoted or not) over a scenario's
 * organizations: the stored field text, trimmed, case aside. Both stand-ins of the REST API use it.
 */
export function organizationsMatching(organizations: Scenario['organizations'], query: string): Scenario['organizations'] {
  if (!/type:organization/.test(query)) return [];
  const term = /(\w+):"([^"]*)"|(\w+):(\S+)/.exec(query.replace('type:organization', '').trim());
  if (!term) return [];
  const [key, value] = [term[1] ?? term[3], term[2] ?? term[4]];
  return organizations.filter((org) => String(org.organization_fields[key] ?? '').trim().toUpperCase() === value.trim().toUpperCase());
}

export class ZendeskAccount {
  /** The account's objects: the ZAF side of the same ticket reads and writes the same scenario. */
  readonly scenario: Scenario;
  private faultUses = new Map<number, number>();
  /** The app's installation (GET/PUT /api/v2/apps/installations/{id}): settings as stored now, every update written. */
  readonly installation: InstallationState;

  constructor(scenario: Scenario) {
    this.scenario = scenario;
    this.installation = { id: scenario.installation.id, settings: installationSettings(scenario), writes: [] };
  }

  /** One /api/v2 request (method, URL relative or absolute, body as text), with the scenario's injected faults. */
  request(method: string, rawUrl: string, body: string | null = null): RestAnswer {
    const url = new URL(rawUrl, 'https://harness.invalid');
    const faultIndex = this.scenario.faults.requests.findIndex(
      (fault, index) => url.pathname.includes(fault.match) && (fault.method === undefined || fault.method === method) && (fault.times === undefined || (this.faultUses.get(index) ?? 0) < fault.times),
    );
    if (faultIndex >= 0) {
      const fault = this.scenario.faults.requests[faultIndex];
      this.faultUses.set(faultIndex, (this.faultUses.get(faultIndex) ?? 0) + 1);
      if (fault.kind === 'timeout') return { timeout: true };
      if (fault.kind === 'slow') return { ...this.answer(method, url, body), delayMs: fault.delayMs };
      if (fault.kind === 'malformed') return { status: 200, body: '{"macros": [', headers: { 'content-type': 'application/json' } };
      return { status: fault.status, body: { error: 'InjectedFault' }, headers: fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {} };
    }
    return this.answer(method, url, body);
  }

  private answer(method: string, url: URL, requestBody: string | null): { status: number; body: unknown; headers: Record<string, string> } {
    const ok = (body: unknown) => ({ status: 200, body, headers: { 'content-type': 'application/json' } });
    const notFound = { status: 404, body: { error: 'RecordNotFound', description: 'Not found' }, headers: {} };
    const setup = answerSetupRest(this.scenario, this.installation, method, url, requestBody);
    if (setup) return setup;
    if (method !== 'GET') return { status: 405, body: { error: 'MethodNotAllowed' }, headers: {} };
    const { scenario } = this;
    const path = url.pathname.replace(/\.json$/, '');
    let match: RegExpExecArray | null;
    if (path === '/api/v2/macros/active' || path === '/api/v2/macros') {
      const macros = scenario.macros.filter((macro) => path === '/api/v2/macros' || macro.active);
      return ok({ macros, next_page: null, count: macros.length });
    }
    if (path === '/api/v2/macros/search') {
      const query = (url.searchParams.get('query') ?? '').toLowerCase();
      const macros = scenario.macros.filter((macro) => macro.title.toLowerCase().includes(query));
      return ok({ macros, next_page: null, count: macros.length });
    }
    if (path === '/api/v2/search') {
      const results = organizationsMatching(scenario.organizations, url.searchParams.get('query') ?? '').map((org) => ({ ...org, result_type: 'organization' }));
      return ok({ results, next_page: null, count: results.length });
    }
    if ((match = /^\/api\/v2\/organizations\/(\d+)\/users$/.exec(path))) {
      const id = Number(match[1]);
      if (!scenario.organizations.some((org) => org.id === id)) return notFound;
      const users = scenario.users.filter((user) => user.organization_id === id);
      return ok({ users, next_page: null, count: users.length });
    }
    if ((match = /^\/api\/v2\/organizations\/(\d+)\/tickets$/.exec(path))) {
      const id = Number(match[1]);
      if (!scenario.organizations.some((org) => org.id === id)) return notFound;
      const tickets = scenario.tickets.filter((ticket) => ticket.organization_id === id);
      return ok({ tickets, next_page: null, count: tickets.length });
    }
    if ((match = /^\/api\/v2\/organizations\/(\d+)$/.exec(path))) {
      const organization = scenario.organizations.find((org) => org.id === Number(match![1]));
      return organization ? ok({ organization }) : notFound;
    }
    if ((match = /^\/api\/v2\/users\/(\d+)$/.exec(path))) {
      const user = scenario.users.find((candidate) => candidate.id === Number(match![1]));
      return user ? ok({ user }) : notFound;
    }
    if ((match = /^\/api\/v2\/tickets\/(\d+)\/comments$/.exec(path))) {
      if (Number(match[1]) !== scenario.ticket.id) return notFound;
      return ok({ comments: scenario.comments, next_page: null, count: scenario.comments.length });
    }
    if ((match = /^\/api\/v2\/tickets\/(\d+)$/.exec(path))) {
      return Number(match[1]) === scenario.ticket.id ? ok({ ticket: scenario.ticket }) : notFound;
    }
    if ((match = /^\/api\/v2\/ticket_fields\/(\d+)$/.exec(path))) {
      const field = scenario.ticket_fields.find((candidate) => candidate.id === Number(match![1]));
      return field ? ok({ ticket_field: field }) : notFound;
    }
    return notFound;
  }
}
