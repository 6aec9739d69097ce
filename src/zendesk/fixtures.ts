import type { RestResponse, ZafClient } from './client';

/**
 * Test-only: a small ZafClient whose `request` answers a few /api/v2 endpoints the way Zendesk pages
 * them (cursor: `page[size]` ≤ 100, `meta.has_more`, `links.next`; offset: `per_page` ≤ 100,
 * `next_page`, `count`, Search capped at 1,000 results), over an account held in plain arrays. Unit
 * tests of src/zendesk use it; the harness's stand-in plays Zendesk for everything else.
 */
export interface FakeAccount {
  macros?: Record<string, unknown>[];
  organizations?: Record<string, unknown>[];
  /** Tickets with `organization_id`, `requester_id`, `updated_at`. */
  tickets?: Record<string, unknown>[];
  users?: Record<string, unknown>[];
  /** Comments by ticket id. */
  comments?: Record<number, Record<string, unknown>[]>;
}

export interface FakeOptions {
  /** The organization tickets endpoint ignores `sort` (answers id ascending, as by default). */
  ignoreSort?: boolean;
  /** `include=users` is answered with the tickets' requesters. */
  sideload?: boolean;
  /** Answers for chosen requests, before the account answers: return undefined to let it answer. */
  override?: (url: URL) => RestResponse | undefined;
}

const BASE = 'https://account.zendesk.com';

/** A ZafClient whose only working call is `request` (answered by `answer`); the REST layer uses nothing else. */
export function restClient(answer: (url: string) => Promise<RestResponse>): ZafClient {
  return {
    metadata: async () => ({ settings: {} }),
    get: async () => ({ values: {}, errors: {} }),
    set: async () => undefined,
    invoke: async () => undefined,
    on: () => undefined,
    request: ({ url }) => answer(url),
  };
}
const ok = (body: unknown): RestResponse => ({ status: 200, body, headers: {} });

function cursorPage(url: URL, key: string, items: unknown[], extra: Record<string, unknown> = {}): RestResponse {
  const size = Math.min(100, Number(url.searchParams.get('page[size]')) || 100);
  const start = Number(url.searchParams.get('page[after]') ?? 0);
  const page = items.slice(start, start + size);
  const hasMore = start + size < items.length;
  const next = new URL(url.href);
  next.searchParams.set('page[after]', String(start + size));
  return ok({ [key]: page, ...extra, meta: { has_more: hasMore, after_cursor: hasMore ? String(start + size) : null }, links: { next: hasMore ? next.href : null } });
}

function offsetPage(url: URL, key: string, items: unknown[], cap = Infinity): RestResponse {
  const perPage = Math.min(100, Number(url.searchParams.get('per_page')) || 100);
  const page = Number(url.searchParams.get('page') ?? 1);
  if ((page - 1) * perPage >= cap) return { status: 422, body: { error: 'Invalid search: Requested response size was greater than Search Response Limits' }, headers: {} };
  const next = new URL(url.href);
  next.searchParams.set('page', String(page + 1));
  // `next_page` follows `count` (the real number of results), even past what Search will answer.
  const more = page * perPage < items.length;
  return ok({ [key]: items.slice((page - 1) * perPage, Math.min(page * perPage, cap)), count: items.length, next_page: more ? next.href : null, previous_page: null });
}

export function fakeZendesk(account: FakeAccount, options: FakeOptions = {}) {
  const urls: string[] = [];
  const words = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

  function answer(url: URL): RestResponse {
    const path = url.pathname.replace(/\.json$/, '');
    const notFound = { status: 404, body: { error: 'RecordNotFound' }, headers: {} };
    if (path === '/api/v2/macros/search') {
      const query = words(url.searchParams.get('query') ?? '');
      const hits = (account.macros ?? []).filter((macro) => query.every((word) => words(String(macro.title)).includes(word)));
      return offsetPage(url, 'macros', hits);
    }
    if (path === '/api/v2/macros') return cursorPage(url, 'macros', account.macros ?? []);
    if (path === '/api/v2/search') {
      const query = url.searchParams.get('query') ?? '';
      const org = /organization:(\d+)/.exec(query);
      if (query.includes('type:ticket') && org) {
        const tickets = (account.tickets ?? []).filter((ticket) => ticket.organization_id === Number(org[1]));
        const sorted = [...tickets].sort((a, b) => String(b.updated_at).localeCompare(String(a.updated_at)));
        return offsetPage(url, 'results', sorted, 1000);
      }
      // Search matches words, not whole values: a CNPJ's first word (its 8-digit root) is enough here.
      const field = /type:organization (\w+):"?([^"]*)"?$/.exec(query);
      const root = (text: string) => text.replace(/\D/g, '').slice(0, 8);
      const orgs = field ? (account.organizations ?? []).filter((o) => root(String((o.organization_fields as Record<string, unknown>)[field[1]] ?? '')) === root(field[2])) : [];
      return offsetPage(url, 'results', orgs, 1000);
    }
    let match = /^\/api\/v2\/organizations\/(\d+)\/tickets$/.exec(path);
    if (match) {
      const id = Number(match[1]);
      let tickets = (account.tickets ?? []).filter((ticket) => ticket.organization_id === id).sort((a, b) => Number(a.id) - Number(b.id));
      if (url.searchParams.get('sort') === '-updated_at' && !options.ignoreSort) tickets = tickets.sort((a, b) => String(b.updated_at).localeCompare(String(a.updated_at)) || Number(b.id) - Number(a.id));
      const response = cursorPage(url, 'tickets', tickets);
      if (options.sideload && (url.searchParams.get('include') ?? '').split(',').includes('users')) {
        const body = response.body as { tickets: Record<string, unknown>[] };
        const ids = new Set(body.tickets.map((ticket) => ticket.requester_id));
        (response.body as Record<string, unknown>).users = (account.users ?? []).filter((user) => ids.has(user.id));
      }
      return response;
    }
    match = /^\/api\/v2\/users\/(\d+)$/.exec(path);
    if (match) {
      const user = (account.users ?? []).find((candidate) => candidate.id === Number(match![1]));
      return user ? ok({ user }) : notFound;
    }
    match = /^\/api\/v2\/tickets\/(\d+)\/comments$/.exec(path);
    if (match) {
      const comments = account.comments?.[Number(match[1])];
      // Cursor `sort`: "created_at" (the default, oldest first) or "-created_at" (newest first).
      return comments ? cursorPage(url, 'comments', url.searchParams.get('sort') === '-created_at' ? [...comments].reverse() : comments) : notFound;
    }
    return notFound;
  }

  const client = restClient(async (url) => {
    urls.push(url);
    const full = new URL(url, BASE);
    return options.override?.(full) ?? answer(full);
  });
  return { client, urls, account };
}

/** An account's macros: `count` shared ones with generated titles, then `extra` placed at given positions. */
export function generatedMacros(count: number, placed: Record<number, Record<string, unknown>> = {}): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, index) => placed[index] ?? { id: 10_000 + index, title: `Macro ${String(index).padStart(4, '0')} Suporte`, active: true, restriction: null, actions: [] });
}
