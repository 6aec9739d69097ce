import { createServer, type Server } from 'node:http';
import type { Scenario } from '../scenario';
import { installationSettings } from '../ticketModel';
import { organizationsMatching } from '../rest/account';

/**
 * Test-only: a stand-in of Zendesk's REST API on the loopback interface, answering from a scenario with
 * the shapes of the REST reference — cursor pagination (page[size], page[after], meta.has_more,
 * links.next), a 429 with Retry-After, 401 without the right credentials, 404 for what it does not hold.
 */
export interface StandInOptions {
  authorization: string;
  /** Largest page it serves, to make the client follow links.next. */
  pageSize?: number;
  /** Path fragments answered once with 429 and Retry-After: 1 before they answer normally. */
  rateLimitOnce?: string[];
}

export async function startStandIn(scenario: Scenario, options: StandInOptions) {
  const requests: string[] = [];
  const limited = new Set<string>();
  let base = '';
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://stand-in');
    requests.push(`${url.pathname}${url.search}`);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(JSON.stringify(body));
    };
    if (request.headers.authorization !== options.authorization) return send(401, { error: "Couldn't authenticate you" });
    const throttled = (options.rateLimitOnce ?? []).find((fragment) => url.pathname.includes(fragment) && !limited.has(fragment));
    if (throttled) {
      limited.add(throttled);
      return send(429, { error: 'TooManyRequests' }, { 'retry-after': '1' });
    }
    const list = (key: string, items: unknown[]) => {
      const size = Math.min(Number(url.searchParams.get('page[size]') ?? 100), options.pageSize ?? 100);
      const after = Number(url.searchParams.get('page[after]') ?? 0);
      const page = items.slice(after, after + size);
      const hasMore = after + size < items.length;
      const next = new URL(url.href.replace('http://stand-in', base));
      next.searchParams.set('page[after]', String(after + size));
      send(200, { [key]: page, meta: { has_more: hasMore, after_cursor: hasMore ? String(after + size) : null }, links: { next: hasMore ? next.href : null } });
    };
    const notFound = () => send(404, { error: 'RecordNotFound', description: 'Not found' });
    const path = url.pathname.replace(/\.json$/, '');
    const { ticket } = scenario;
    let match: RegExpExecArray | null;
    if (path === '/api/v2/apps/installations') return send(200, { installations: [{ id: 1, app_id: 9, enabled: true, settings: { name: 'Sentinela', ...installationSettings(scenario) } }] });
    if ((match = /^\/api\/v2\/tickets\/(\d+)$/.exec(path))) return Number(match[1]) === ticket.id ? send(200, { ticket: { ...ticket, url: `${base}/api/v2/tickets/${ticket.id}.json`, via: { channel: 'chat', source: { from: { name: 'x' } } } } }) : notFound();
    if ((match = /^\/api\/v2\/tickets\/(\d+)\/comments$/.exec(path))) return Number(match[1]) === ticket.id ? list('comments', scenario.comments.map((comment) => ({ ...comment, metadata: { system: { ip_address: '203.0.113.9' } } }))) : notFound();
    if (path === '/api/v2/users/show_many') {
      const ids = (url.searchParams.get('ids') ?? '').split(',').map(Number);
      return list('users', scenario.users.filter((user) => ids.includes(user.id)));
    }
    if (path === '/api/v2/search') {
      return list('results', organizationsMatching(scenario.organizations, url.searchParams.get('query') ?? ''));
    }
    if ((match = /^\/api\/v2\/organizations\/(\d+)(\/users|\/tickets)?$/.exec(path))) {
      const id = Number(match[1]);
      const organization = scenario.organizations.find((org) => org.id === id);
      if (!organization) return notFound();
      if (match[2] === '/users') return list('users', scenario.users.filter((user) => user.organization_id === id));
      if (match[2] === '/tickets') return list('tickets', scenario.tickets.filter((other) => other.organization_id === id));
      return send(200, { organization });
    }
    if ((match = /^\/api\/v2\/ticket_fields\/(\d+)$/.exec(path))) {
      const field = scenario.ticket_fields.find((candidate) => candidate.id === Number(match![1]));
      return field ? send(200, { ticket_field: field }) : notFound();
    }
    if (path === '/api/v2/ticket_forms') return list('ticket_forms', scenario.ticket_forms);
    if (path === '/api/v2/macros/active') return list('macros', scenario.macros.filter((macro) => macro.active));
    return notFound();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('stand-in did not listen');
  base = `http://127.0.0.1:${address.port}`;
  return { baseUrl: base, requests, close: () => new Promise<void>((done) => server.close(() => done())) };
}
