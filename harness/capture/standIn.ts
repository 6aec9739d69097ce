import { createServer, type Server } from 'node:http';
import type { Scenario } from '../scenario';
import { ZendeskAccount } from '../rest/account';

/**
 * Test-only: Zendesk's REST API on the loopback interface for the capture command, answered by the
 * same stand-in as the harness (harness/rest/account.ts: paging, sort orders, caps, 404s), behind what
 * only a network server adds: 401 without the right credentials, and a 429 with Retry-After on the
 * first request to the paths named.
 */
export interface StandInOptions {
  authorization: string;
  /** Path fragments answered once with 429 and Retry-After: 1 before they answer normally. */
  rateLimitOnce?: string[];
}

export async function startStandIn(scenario: Scenario, options: StandInOptions) {
  const requests: string[] = [];
  const limited = new Set<string>();
  let account: ZendeskAccount | null = null;
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://stand-in');
    requests.push(`${url.pathname}${url.search}`);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      response.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    if (request.headers.authorization !== options.authorization) return send(401, { error: "Couldn't authenticate you" });
    const throttled = (options.rateLimitOnce ?? []).find((fragment) => url.pathname.includes(fragment) && !limited.has(fragment));
    if (throttled) {
      limited.add(throttled);
      return send(429, { error: 'TooManyRequests' }, { 'retry-after': '1' });
    }
    const answer = account!.request(request.method ?? 'GET', `${url.pathname}${url.search}`);
    if ('timeout' in answer) return; // never answers, as a hung request
    return send(answer.status, answer.body, answer.headers);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('stand-in did not listen');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  account = new ZendeskAccount(structuredClone(scenario), { origin: baseUrl });
  return { baseUrl, requests, account, close: () => new Promise<void>((done) => server.close(() => done())) };
}
