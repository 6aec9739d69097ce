/**
 * A small Zendesk REST client for the capture command: the environment variables zcli uses, cursor
 * pagination with a bound on pages, 429 answered by waiting Retry-After, and errors that say what failed.
 */
export class CaptureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CaptureError';
  }
}

export interface Credentials {
  baseUrl: string;
  authorization: string;
  /** Said in progress lines and errors; never the secret. */
  who: string;
}

/** ZENDESK_SUBDOMAIN with ZENDESK_EMAIL + ZENDESK_API_TOKEN, or ZENDESK_OAUTH_TOKEN (as zcli). ZENDESK_BASE_URL overrides the host (tests). */
export function credentialsFromEnv(env: Record<string, string | undefined>): Credentials {
  const base = env.ZENDESK_BASE_URL ?? (env.ZENDESK_SUBDOMAIN ? `https://${env.ZENDESK_SUBDOMAIN}.zendesk.com` : null);
  if (!base) throw new CaptureError('Set ZENDESK_SUBDOMAIN (your account: <subdomain>.zendesk.com).');
  if (env.ZENDESK_OAUTH_TOKEN) return { baseUrl: base.replace(/\/$/, ''), authorization: `Bearer ${env.ZENDESK_OAUTH_TOKEN}`, who: 'an OAuth token' };
  if (env.ZENDESK_EMAIL && env.ZENDESK_API_TOKEN) {
    return { baseUrl: base.replace(/\/$/, ''), authorization: `Basic ${Buffer.from(`${env.ZENDESK_EMAIL}/token:${env.ZENDESK_API_TOKEN}`).toString('base64')}`, who: env.ZENDESK_EMAIL };
  }
  throw new CaptureError('Set ZENDESK_EMAIL and ZENDESK_API_TOKEN, or ZENDESK_OAUTH_TOKEN (the variables zcli uses).');
}

export interface RestOptions {
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** Retries after a 429, waiting its Retry-After each time. */
  maxRetries?: number;
  /** Pages followed at most for a list. */
  maxPages?: number;
  progress?: (line: string) => void;
}

type Json = Record<string, unknown>;

export function createRestClient(credentials: Credentials, options: RestOptions = {}) {
  const doFetch = options.fetch ?? fetch;
  const sleep = options.sleep ?? ((ms: number) => new Promise((resolve) => setTimeout(resolve, ms)));
  const maxRetries = options.maxRetries ?? 3;
  const maxPages = options.maxPages ?? 10;
  const progress = options.progress ?? (() => undefined);
  const base = new URL(credentials.baseUrl);

  async function get(path: string, what: string): Promise<Json> {
    const url = new URL(path, base);
    if (url.origin !== base.origin) throw new CaptureError(`${what}: refusing to follow a link to another host (${url.origin})`);
    for (let attempt = 0; ; attempt += 1) {
      let response: Response;
      try {
        response = await doFetch(url, { headers: { authorization: credentials.authorization, accept: 'application/json' } });
      } catch (error) {
        throw new CaptureError(`${what}: could not reach ${url.origin} (${error instanceof Error ? error.message : String(error)})`);
      }
      if (response.status === 429 && attempt < maxRetries) {
        const seconds = Number(response.headers.get('retry-after') ?? '') || 2 ** (attempt + 1);
        progress(`  rate limited on ${what}: waiting ${seconds} s (Retry-After)`);
        await sleep(seconds * 1000);
        continue;
      }
      const where = `GET ${url.pathname}${url.search}`;
      if (response.status === 401) throw new CaptureError(`${what}: 401 Unauthorized (${where}) — check the credentials of ${credentials.who}.`);
      if (response.status === 403) throw new CaptureError(`${what}: 403 Forbidden (${where}) — ${credentials.who} may not read this; an agent or admin token is needed.`);
      if (response.status === 404) throw new CaptureError(`${what}: 404 Not Found (${where}).`);
      if (!response.ok) throw new CaptureError(`${what}: HTTP ${response.status} (${where}).`);
      try {
        return (await response.json()) as Json;
      } catch {
        throw new CaptureError(`${what}: the answer is not JSON (${where}).`);
      }
    }
  }

  /** Every item of a list, following cursor pagination (links.next while meta.has_more), bounded. */
  async function pages(path: string, key: string, what: string): Promise<Json[]> {
    const items: Json[] = [];
    const first = new URL(path, base);
    if (!first.searchParams.has('page[size]')) first.searchParams.set('page[size]', '100');
    let next: string | null = `${first.pathname}${first.search}`;
    for (let page = 1; next; page += 1) {
      if (page > maxPages) {
        progress(`  ${what}: stopped after ${maxPages} pages (${items.length} items)`);
        break;
      }
      const body = await get(next, what);
      items.push(...((Array.isArray(body[key]) ? body[key] : []) as Json[]));
      const meta = body.meta as { has_more?: boolean } | undefined;
      const links = body.links as { next?: string | null } | undefined;
      next = meta?.has_more && links?.next ? links.next : typeof body.next_page === 'string' ? body.next_page : null;
    }
    return items;
  }

  return { get, pages };
}

export type RestClient = ReturnType<typeof createRestClient>;
