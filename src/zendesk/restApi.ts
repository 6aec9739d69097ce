import type { Macro } from '../domain/macros';
import type { Organization, Person, SavedComment } from '../domain/ticket';
import type { OrganizationMatch } from '../domain/organizations';
import { organizationsWithCnpj, topRequester } from '../domain/organizations';
import { cnpjSearchTerms } from '../domain/cnpj';
import { RestError, failureOfStatus, retryAfterSeconds, type ZafClient } from './client';
import { readOrganization, readPerson } from './ticketContext';

/** Storage shared by every ticket an agent opens (sessionStorage in the browser). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface RestPolicy {
  timeoutMs: number;
  /** Retries after a 429 (waiting Retry-After) or a 5xx. */
  maxRetries: number;
  /** The longest Retry-After the app waits for; longer is a failure. */
  maxWaitSeconds: number;
  /** How long an organization search stays cached in the session. */
  cacheTtlMs: number;
  /** Macro titles change rarely: the macros list is fetched once per agent session (4 h). */
  macrosTtlMs: number;
  sleep(ms: number): Promise<void>;
  now(): number;
}

export const DEFAULT_POLICY: RestPolicy = {
  timeoutMs: 8000,
  maxRetries: 2,
  maxWaitSeconds: 30,
  cacheTtlMs: 10 * 60 * 1000,
  macrosTtlMs: 4 * 60 * 60 * 1000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => Date.now(),
};

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new RestError('timeout', 0)), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error) => (clearTimeout(timer), reject(error)),
    );
  });
}

function asRestError(error: unknown): RestError {
  return error instanceof RestError ? error : new RestError('network', 0);
}

/** One GET with a bound on waiting, Retry-After respected on 429, a retry on 5xx. */
export async function getJson(client: ZafClient, url: string, policy: RestPolicy, onWaiting?: (seconds: number) => void): Promise<Record<string, unknown>> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      const response = await withTimeout(client.request({ url, type: 'GET' }), policy.timeoutMs);
      if (response.status >= 400) throw new RestError(failureOfStatus(response.status), response.status, retryAfterSeconds(response.headers, policy.now()));
      const body = typeof response.body === 'string' ? JSON.parse(response.body) : response.body;
      if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new RestError('malformed', response.status);
      return body as Record<string, unknown>;
    } catch (caught) {
      const error = caught instanceof SyntaxError ? new RestError('malformed', 200) : asRestError(caught);
      const retriable = error.reason === 'rateLimited' || error.reason === 'server';
      if (!retriable || attempt >= policy.maxRetries) throw error;
      const waitSeconds = error.reason === 'rateLimited' ? (error.retryAfterSeconds ?? 2 ** (attempt + 1)) : attempt + 1;
      if (waitSeconds > policy.maxWaitSeconds) throw error;
      onWaiting?.(waitSeconds);
      await policy.sleep(waitSeconds * 1000);
    }
  }
}

const list = (body: Record<string, unknown>, key: string): unknown[] => (Array.isArray(body[key]) ? (body[key] as unknown[]) : []);
const nextPage = (body: Record<string, unknown>): string | null => {
  const next = body.next_page;
  if (typeof next !== 'string' || next === '') return null;
  try {
    const url = new URL(next, 'https://x.invalid');
    return `${url.pathname}${url.search}`;
  } catch {
    return null;
  }
};

export interface ZendeskApi {
  activeMacros(onWaiting?: (seconds: number) => void): Promise<Macro[]>;
  organizationsByCnpj(cnpjKey: string, cnpj: { value: string; formatted: string }, onWaiting?: (seconds: number) => void): Promise<OrganizationMatch[]>;
  savedComments(ticketId: number, onWaiting?: (seconds: number) => void): Promise<SavedComment[]>;
}

const MAX_PAGES = 5;

/**
 * The REST look-ups ZAF cannot answer, cached: results live in the store shared by every ticket of
 * the session (macros: one request per session), and a look-up under way is shared, never repeated.
 */
export function createZendeskApi(client: ZafClient, store: KeyValueStore | null, policy: RestPolicy = DEFAULT_POLICY): ZendeskApi {
  const inFlight = new Map<string, Promise<unknown>>();

  /** `ttlMs: 0`: shared while under way only, never stored (data that changes as the agent works). */
  function cached<T>(key: string, load: () => Promise<T>, ttlMs = policy.cacheTtlMs): Promise<T> {
    const persist = ttlMs > 0;
    const storeKey = `sentinela:${key}`;
    try {
      const saved = persist ? store?.getItem(storeKey) : null;
      if (saved) {
        const entry = JSON.parse(saved) as { at: number; value: T };
        if (policy.now() - entry.at < ttlMs) return Promise.resolve(entry.value);
      }
    } catch {
      /* an unreadable cache entry is a miss */
    }
    const running = inFlight.get(key);
    if (running) return running as Promise<T>;
    const promise = load()
      .then((value) => {
        try {
          if (persist) store?.setItem(storeKey, JSON.stringify({ at: policy.now(), value }));
        } catch {
          /* a full store only costs a request later */
        }
        return value;
      })
      .finally(() => inFlight.delete(key));
    inFlight.set(key, promise);
    return promise;
  }

  async function pages(url: string, key: string, onWaiting?: (seconds: number) => void): Promise<unknown[]> {
    const items: unknown[] = [];
    let next: string | null = url;
    for (let page = 0; next && page < MAX_PAGES; page += 1) {
      const body = await getJson(client, next, policy, onWaiting);
      items.push(...list(body, key));
      next = nextPage(body);
    }
    return items;
  }

  async function matchWithRequester(organization: Organization, onWaiting?: (seconds: number) => void): Promise<OrganizationMatch> {
    const [tickets, users] = await Promise.all([
      pages(`/api/v2/organizations/${organization.id}/tickets.json?per_page=100`, 'tickets', onWaiting),
      pages(`/api/v2/organizations/${organization.id}/users.json?per_page=100`, 'users', onWaiting),
    ]);
    const people = users.map(readPerson).filter((person): person is Person => person !== null);
    const requesterIds = tickets.map((ticket) => {
      const id = (ticket as Record<string, unknown> | null)?.requester_id;
      return { requesterId: typeof id === 'number' ? id : null };
    });
    const top = topRequester(requesterIds, people);
    return { organization, topRequester: top?.user ?? null, ticketCount: top?.count ?? 0 };
  }

  return {
    activeMacros: (onWaiting) =>
      cached('macros', async () =>
        (await pages('/api/v2/macros/active.json?per_page=100', 'macros', onWaiting)).flatMap((item) => {
          const macro = item as Record<string, unknown> | null;
          return macro && typeof macro.id === 'number' && typeof macro.title === 'string' ? [{ id: macro.id, title: macro.title, active: macro.active !== false }] : [];
        }),
        policy.macrosTtlMs,
      ),
    organizationsByCnpj: (cnpjKey, cnpj, onWaiting) =>
      cached(`orgs:${cnpjKey}:${cnpj.value}`, async () => {
        let found: Organization[] = [];
        // The padded form and the one an admin stored (`1234567000195`): cnpjSearchTerms (domain/cnpj.ts).
        for (const term of cnpjSearchTerms(cnpj)) {
          const query = encodeURIComponent(`type:organization ${cnpjKey}:${term}`);
          const results = (await pages(`/api/v2/search.json?query=${query}`, 'results', onWaiting)).map((item) => {
            const raw = item as Record<string, unknown> | null;
            return readOrganization(raw ? { ...raw, organizationFields: raw.organization_fields } : null);
          });
          found = organizationsWithCnpj(results.filter((org): org is Organization => org !== null), cnpjKey, cnpj.value);
          if (found.length > 0) break;
        }
        return Promise.all(found.slice(0, 3).map((organization) => matchWithRequester(organization, onWaiting)));
      }),
    savedComments: (ticketId, onWaiting) =>
      cached(`comments:${ticketId}`, async () =>
        (await pages(`/api/v2/tickets/${ticketId}/comments.json?per_page=100`, 'comments', onWaiting)).flatMap((item) => {
          const comment = item as Record<string, unknown> | null;
          return comment ? [{ body: typeof comment.body === 'string' ? comment.body : '', public: comment.public !== false }] : [];
        }),
        0,
      ),
  };
}
