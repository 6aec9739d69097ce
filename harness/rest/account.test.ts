// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseScenario, type Scenario } from '../scenario';
import { readScenario } from '../testing';
import { ZendeskAccount } from './account';

type Json = Record<string, unknown>;
const NOW = Date.parse('2026-11-29T12:00:00Z');

function accountOf(scenario: Scenario | string, edit?: (raw: Json) => void) {
  const source = typeof scenario === 'string' ? readScenario(scenario) : scenario;
  const raw = structuredClone(source) as unknown as Json;
  edit?.(raw);
  return new ZendeskAccount(parseScenario(raw), { now: () => NOW });
}

function get(account: ZendeskAccount, url: string): { status: number; body: Json } {
  const answer = account.request('GET', url);
  if ('timeout' in answer) throw new Error('timeout');
  return { status: answer.status, body: answer.body as Json };
}

/** Every item of an offset-paged list, following next_page; the pages' lengths. */
function offsetAll(account: ZendeskAccount, url: string, key: string) {
  const items: Json[] = [];
  const sizes: number[] = [];
  const nexts: (string | null)[] = [];
  let next: string | null = url;
  while (next) {
    const { status, body } = get(account, next);
    expect(status).toBe(200);
    items.push(...(body[key] as Json[]));
    sizes.push((body[key] as Json[]).length);
    next = body.next_page as string | null;
    nexts.push(next);
  }
  return { items, sizes, nexts };
}

/** Every item of a cursor-paged list, following links.next while meta.has_more. */
function cursorAll(account: ZendeskAccount, url: string, key: string) {
  const items: Json[] = [];
  const sizes: number[] = [];
  let next: string | null = url;
  while (next) {
    const { status, body } = get(account, next);
    expect(status).toBe(200);
    expect(body).not.toHaveProperty('next_page');
    items.push(...(body[key] as Json[]));
    sizes.push((body[key] as Json[]).length);
    const meta = body.meta as { has_more: boolean };
    next = meta.has_more ? (body.links as { next: string }).next : null;
  }
  return { items, sizes };
}

const ids = (items: Json[]) => items.map((item) => item.id);

describe('macros as an agent sees them (https://developer.zendesk.com/api-reference/ticketing/business-rules/macros/)', () => {
  it('650 active macros: /macros/active?per_page=100 gives 100 and a next_page 6 times; the pending macro is #561', () => {
    const account = accountOf('23-macros-650-pending-at-561');
    const { items, sizes, nexts } = offsetAll(account, '/api/v2/macros/active.json?per_page=100', 'macros');
    expect(sizes).toEqual([100, 100, 100, 100, 100, 100, 50]);
    expect(nexts.filter(Boolean)).toHaveLength(6);
    expect(nexts[0]).toBe('https://sentinela-test.zendesk.com/api/v2/macros/active.json?per_page=100&page=2');
    expect(items.findIndex((macro) => macro.id === 33) + 1).toBe(561);
    expect(get(account, '/api/v2/macros/active.json').body.count).toBe(650);
    // Default order: alphabetical by title (case and accents aside).
    const titles = items.map((macro) => String(macro.title).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase());
    expect(titles).toEqual([...titles].sort());
    // Offset only: page[size] does not switch it to cursor pagination.
    expect(get(account, '/api/v2/macros/active.json?page[size]=10').body).toMatchObject({ count: 650, next_page: expect.stringContaining('page=2') });
    expect((get(account, '/api/v2/macros/active.json?page[size]=10').body.macros as Json[]).length).toBe(100);
  });

  it('sorts by sort_by/sort_order as documented (alphabetical asc by default, dates desc by default); refuses others', () => {
    const account = accountOf('23-macros-650-pending-at-561');
    const byCreation = offsetAll(account, '/api/v2/macros/active.json?sort_by=created_at', 'macros').items.map((macro) => Date.parse(String(macro.created_at)));
    expect(byCreation).toEqual([...byCreation].sort((a, b) => b - a));
    const reversed = offsetAll(account, '/api/v2/macros/active.json?sort_order=desc', 'macros').items;
    expect(ids(reversed)).toEqual(ids(offsetAll(account, '/api/v2/macros/active.json', 'macros').items).reverse());
    expect(get(account, '/api/v2/macros/active.json?sort_by=title').status).toBe(400);
    expect(get(account, '/api/v2/macros/active.json?sort_order=up').status).toBe(400);
  });

  it('shared and personal: the agent sees the shared macros and their own personal ones, never another agent\'s', () => {
    const account = accountOf('25-personal-macro-same-title');
    const active = get(account, '/api/v2/macros/active.json').body.macros as Json[];
    expect(ids(active).sort()).toEqual([31, 32, 33, 35, 37]);
    expect(active.find((macro) => macro.id === 31)?.restriction).toBeNull();
    expect(active.find((macro) => macro.id === 35)?.restriction).toEqual({ type: 'User', id: 5, ids: [5] });
    expect(ids(get(account, '/api/v2/macros.json?only_viewable=true').body.macros as Json[]).sort()).toEqual([31, 32, 33, 34, 35, 37]);
    // only_viewable defaults to false: "all macros the current user can manage" — an agent's own.
    expect(ids(get(account, '/api/v2/macros.json').body.macros as Json[]).sort()).toEqual([35, 37]);
    expect(ids(get(account, '/api/v2/macros.json?only_viewable=true&access=shared&active=true').body.macros as Json[]).sort()).toEqual([31, 32, 33]);
    expect(ids(get(account, '/api/v2/macros.json?only_viewable=true&access=personal').body.macros as Json[]).sort()).toEqual([35, 37]);
    expect(get(account, '/api/v2/macros.json?access=agents').status).toBe(400);
    expect(get(account, '/api/v2/macros/36.json').status).toBe(404);
    expect(get(account, '/api/v2/macros/35.json').body.macro).toMatchObject({ id: 35, title: 'Atendimento Whatsapp (Oficial)', url: 'https://sentinela-test.zendesk.com/api/v2/macros/35.json' });
    expect(get(account, '/api/v2/macros/categories.json').body).toEqual({ categories: ['Financeiro'] });
  });

  it('an admin sees every macro of the account on /macros, and only their own personal ones on /macros/active', () => {
    const account = accountOf('25-personal-macro-same-title', (raw) => ((raw.currentUser as Json).role = 'admin'));
    expect(ids(get(account, '/api/v2/macros.json').body.macros as Json[]).sort()).toEqual([31, 32, 33, 34, 35, 36, 37]);
    expect(ids(get(account, '/api/v2/macros.json?access=agents').body.macros as Json[]).sort()).toEqual([35, 36, 37]);
    expect(ids(get(account, '/api/v2/macros/active.json').body.macros as Json[]).sort()).toEqual([31, 32, 33, 35, 37]);
  });

  it('/macros pages with cursors through a deletion, a re-creation with a new id and a rename made while reading', () => {
    const account = accountOf('23-macros-650-pending-at-561');
    const first = get(account, '/api/v2/macros.json?only_viewable=true&page[size]=100');
    expect(first.body.meta).toMatchObject({ has_more: true });
    const seen = ids(first.body.macros as Json[]);
    // Meanwhile an admin deletes the pending macro, re-creates it (new id), and renames another one.
    const removed = account.change({ delete: 'macros', id: 33 });
    const created = account.change({ create: 'macros', record: { title: removed.title, actions: removed.actions } });
    const before = ids(offsetAll(account, '/api/v2/macros/active.json', 'macros').items).map(Number);
    expect(created.id).toBe(Math.max(...before.filter((id) => id !== created.id)) + 1);
    account.change({ update: 'macros', id: 31, changes: { title: 'Atendimento Whatsapp (Oficial) v2' } });
    expect(get(account, '/api/v2/macros/33.json').status).toBe(404);
    expect(get(account, `/api/v2/macros/${String(created.id)}.json`).body.macro).toMatchObject({ title: removed.title, restriction: null, active: true });
    const rest = cursorAll(account, (first.body.links as { next: string }).next, 'macros');
    expect(new Set([...seen, ...ids(rest.items)]).size).toBe(seen.length + rest.items.length); // nothing twice
    expect(ids(rest.items)).toContain(created.id);
    expect(rest.items.find((macro) => macro.id === 31)?.title).toBe('Atendimento Whatsapp (Oficial) v2');
    expect(get(account, '/api/v2/macros.json?page[size]=101').status).toBe(400);
  });

  it('/macros/search matches the start of title words (offset only), and needs a query', () => {
    const account = accountOf('23-macros-650-pending-at-561');
    const found = offsetAll(account, `/api/v2/macros/search.json?query=${encodeURIComponent('Pendência no Cadastro')}`, 'macros').items;
    expect(ids(found)).toEqual([33]);
    expect(get(account, '/api/v2/macros/search.json?query=pendencia%20cadas').body.count).toBe(1);
    expect(get(account, '/api/v2/macros/search.json?query=endencia').body.count).toBe(0);
    expect(get(account, '/api/v2/macros/search.json').status).toBe(400);
    expect(get(account, '/api/v2/macros/search.json?query=Atendimento&per_page=10').body).toMatchObject({ next_page: expect.stringContaining('page=2') });
  });
});

describe('organization tickets and users (https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/#list-tickets)', () => {
  it('lists an organization\'s tickets oldest first (id order), 100 per page, with created_at and updated_at on every ticket', () => {
    const account = accountOf('24-organization-700-tickets');
    const { items, sizes } = offsetAll(account, '/api/v2/organizations/83/tickets.json', 'tickets');
    expect(sizes).toEqual([100, 100, 100, 100, 100, 100, 100]);
    expect(ids(items)).toEqual([...ids(items)].sort((a, b) => Number(a) - Number(b)));
    expect(items.slice(0, 300).every((ticket) => ticket.requester_id === 40)).toBe(true);
    expect(items.slice(300).every((ticket) => ticket.requester_id === 41)).toBe(true);
    for (const ticket of items) expect([typeof ticket.created_at, typeof ticket.updated_at, ticket.url]).toEqual(['string', 'string', `https://sentinela-test.zendesk.com/api/v2/tickets/${String(ticket.id)}.json`]);
    const created = items.map((ticket) => Date.parse(String(ticket.created_at)));
    expect(created).toEqual([...created].sort((a, b) => a - b));
  });

  it('cursor with sort=-updated_at gives the most recently updated first, through every page; offset sort_by/sort_order too', () => {
    const account = accountOf('24-organization-700-tickets');
    const { items, sizes } = cursorAll(account, '/api/v2/organizations/83/tickets.json?page[size]=100&sort=-updated_at', 'tickets');
    expect(sizes).toEqual([100, 100, 100, 100, 100, 100, 100]);
    const updated = items.map((ticket) => Date.parse(String(ticket.updated_at)));
    expect(updated).toEqual([...updated].sort((a, b) => b - a));
    expect(new Set(ids(items)).size).toBe(700);
    const newest = get(account, '/api/v2/organizations/83/tickets.json?sort_by=created_at&sort_order=desc&per_page=5').body.tickets as Json[];
    expect(newest.every((ticket) => ticket.requester_id === 41)).toBe(true);
    expect(get(account, '/api/v2/organizations/83/tickets.json?page[size]=10&sort=-created_at').status).toBe(400); // not a cursor sort of this endpoint
    expect(get(account, '/api/v2/organizations/83/tickets.json?sort_by=priority').status).toBe(400);
    expect(get(account, '/api/v2/organizations/83/tickets/count.json').body).toEqual({ count: { value: 700, refreshed_at: '2026-11-29T12:00:00Z' } });
    expect(get(account, '/api/v2/organizations/999/tickets.json').status).toBe(404);
  });

  it('side-loads the users of the page answered with include=users (https://developer.zendesk.com/documentation/ticketing/using-the-zendesk-api/side_loading/), and only with it', () => {
    const account = accountOf('24-organization-700-tickets');
    const page = get(account, '/api/v2/organizations/83/tickets.json?page[size]=100&sort=-updated_at&include=users').body;
    const tickets = page.tickets as Json[];
    const wanted = new Set(tickets.flatMap((ticket) => [ticket.requester_id, ticket.submitter_id, ticket.assignee_id]).filter((id) => typeof id === 'number'));
    const users = page.users as Json[];
    expect(users.map((user) => user.id)).toEqual([...wanted].sort((a, b) => Number(a) - Number(b)));
    expect(users.map((user) => user.name)).toContain('Vanessa Souza');
    expect(users.every((user) => typeof user.url === 'string')).toBe(true);
    expect(get(account, '/api/v2/organizations/83/tickets.json?page[size]=100&sort=-updated_at').body.users).toBeUndefined();
    expect(get(account, '/api/v2/organizations/83/tickets.json?per_page=5&include=groups,users').body.users).toBeDefined();
  });

  it('lists an organization\'s users by id, paged, with role filters; /users/{id} and /users/show_many (≤ 100 ids)', () => {
    const account = accountOf('26-large-account');
    const { items, sizes } = cursorAll(account, '/api/v2/organizations/82/users.json?page[size]=100', 'users');
    expect(sizes).toHaveLength(25);
    expect(items).toHaveLength(2500);
    expect(ids(items)).toEqual([...ids(items)].sort((a, b) => Number(a) - Number(b)));
    expect(get(account, '/api/v2/organizations/82/users.json?role=agent').body.count).toBe(0);
    expect(get(account, '/api/v2/users/13.json').body.user).toMatchObject({ id: 13, name: 'Roberto Dias', role: 'end-user' });
    expect(ids(get(account, '/api/v2/users/show_many.json?ids=13,5,99999999').body.users as Json[])).toEqual([5, 13]);
    expect(get(account, `/api/v2/users/show_many.json?ids=${Array.from({ length: 101 }, (_, i) => i + 1).join(',')}`).status).toBe(400);
  });
});

describe('comments as Zendesk has them (https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_comments/)', () => {
  it('derives html_body and plain_body from a body, as Zendesk renders it', () => {
    const account = accountOf('11-os-complete', (raw) => ((raw.comments as Json[])[0].body = 'Olá <b>&</b> bom dia\n\nSegundo parágrafo\nlinha 2'));
    const [first, note] = get(account, '/api/v2/tickets/4531/comments.json').body.comments as Json[];
    expect(first).toMatchObject({
      body: 'Olá <b>&</b> bom dia\n\nSegundo parágrafo\nlinha 2',
      html_body: '<div class="zd-comment" dir="auto"><p dir="auto">Olá &lt;b&gt;&amp;&lt;/b&gt; bom dia</p><p dir="auto">Segundo parágrafo<br>linha 2</p></div>',
      plain_body: 'Olá <b>&</b> bom dia\n\nSegundo parágrafo\nlinha 2',
      public: true,
      author_id: 13,
      type: 'Comment',
    });
    expect(note).toMatchObject({ public: false, author_id: 5, created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/) });
    expect(Date.parse(String(note.created_at))).toBeGreaterThan(Date.parse(String(first.created_at)));
  });

  it('600 comments: the internal note is #551 in creation order; cursor sort=-created_at and offset sort_order=desc read newest first', () => {
    const account = accountOf('26-large-account');
    const ascending = offsetAll(account, '/api/v2/tickets/4542/comments.json', 'comments');
    expect(ascending.sizes).toEqual([100, 100, 100, 100, 100, 100]);
    expect(ascending.items.findIndex((comment) => String(comment.body).includes('Razão Social: Restaurante Sabor Caseiro Ltda')) + 1).toBe(551);
    expect(ascending.items[0].body).toBe('ECF com led piscando.');
    const newest = cursorAll(account, '/api/v2/tickets/4542/comments.json?page[size]=100&sort=-created_at', 'comments');
    expect(ids(newest.items)).toEqual(ids(ascending.items).reverse());
    expect(newest.items.findIndex((comment) => comment.id === 2) + 1).toBe(50);
    expect(ids(offsetAll(account, '/api/v2/tickets/4542/comments.json?sort_order=desc', 'comments').items)).toEqual(ids(newest.items));
    expect(get(account, '/api/v2/tickets/4542/comments.json?page[size]=10&sort=updated_at').status).toBe(400);
    expect(get(account, '/api/v2/tickets/1/comments.json').status).toBe(404);
  });
});

describe('Search API (https://developer.zendesk.com/api-reference/ticketing/ticket-management/search/)', () => {
  it('finds organizations by an organization field, whole words only', () => {
    const account = accountOf('04-no-organization');
    const search = (query: string) => get(account, `/api/v2/search.json?query=${encodeURIComponent(query)}`).body;
    expect(search('type:organization cnpj:"33.592.001/0001-21"')).toMatchObject({ count: 1, results: [{ id: 80, result_type: 'organization' }], facets: null, next_page: null });
    expect(search('type:organization cnpj:33592001000121').count).toBe(0);
    expect(search('type:organization cnpj:"33.592.001/0001-2"').count).toBe(0);
    expect(search('type:organization carteira_comum:"PC Implantação"').count).toBe(1);
    expect(search('type:organization unknown_key:x').count).toBe(0);
  });

  it('type:ticket organization:<id> means tickets of the organization\'s members; created>/updated< filter by date; sort_by/sort_order', () => {
    const account = accountOf('24-organization-700-tickets');
    const search = (query: string, extra = '') => get(account, `/api/v2/search.json?query=${encodeURIComponent(query)}${extra}`);
    expect(search('type:ticket organization:83').body.count).toBe(700);
    expect(search('type:ticket organization:"Delta Atacadista"').body.count).toBe(700);
    const tickets = offsetAll(account, '/api/v2/organizations/83/tickets.json', 'tickets').items;
    const cut = String(tickets[500].created_at);
    expect(search(`type:ticket organization:83 created>${cut}`).body.count).toBe(199);
    expect(search(`type:ticket organization:83 created>=${cut}`).body.count).toBe(200);
    expect(search(`type:ticket organization:83 created<${cut.slice(0, 10)}`).body.count).toBeGreaterThan(495);
    expect(search(`type:ticket organization:83 created<${cut.slice(0, 10)}`).body.count).toBeLessThanOrEqual(500);
    expect(search('type:ticket requester:41').body.count).toBe(400);
    const recent = search('type:ticket organization:83', '&sort_by=updated_at').body.results as Json[];
    const dates = recent.map((ticket) => Date.parse(String(ticket.updated_at)));
    expect(dates).toEqual([...dates].sort((a, b) => b - a)); // sort_order defaults to desc
    const ascending = search('type:ticket organization:83', '&sort_by=created_at&sort_order=asc').body.results as Json[];
    expect(ascending[0].id).toBe(tickets[0].id);
    // Without sort_by: relevance, which is neither id nor date order.
    const relevance = ids(search('type:ticket organization:83').body.results as Json[]);
    expect(relevance).not.toEqual([...relevance].sort((a, b) => Number(a) - Number(b)));
    expect(search('type:ticket organization:83', '&sort_by=name').status).toBe(400);
  });

  it('caps every query at 1,000 results: 100 per page, page 11 answers 422, count gives them all; /search/export pages past it', () => {
    const account = accountOf('26-large-account');
    const query = encodeURIComponent('type:ticket organization:82');
    const pages = Array.from({ length: 10 }, (_, index) => get(account, `/api/v2/search.json?query=${query}&per_page=100&page=${index + 1}`));
    expect(pages.map((page) => [page.status, (page.body.results as Json[]).length])).toEqual(Array.from({ length: 10 }, () => [200, 100]));
    expect(new Set(pages.flatMap((page) => ids(page.body.results as Json[]))).size).toBe(1000);
    expect(get(account, `/api/v2/search.json?query=${query}&page=10`).body).toMatchObject({ count: expect.any(Number), next_page: expect.stringContaining('page=11') });
    expect(get(account, `/api/v2/search.json?query=${query}&page=10`).body.count).toBeGreaterThan(1000);
    expect(get(account, `/api/v2/search.json?query=${query}&page=11`)).toEqual({ status: 422, body: { error: 'invalid', description: 'Invalid search: Requested response size was greater than Search Response Limits' } });
    expect(get(account, `/api/v2/search.json?query=${query}&per_page=500`).body.results).toHaveLength(100);
    const total = Number(get(account, `/api/v2/search/count.json?query=${query}`).body.count);
    const exported = cursorAll(account, `/api/v2/search/export.json?query=${encodeURIComponent('organization:82')}&filter[type]=ticket&page[size]=1000`, 'results');
    expect(exported.items).toHaveLength(total);
    expect(get(account, `/api/v2/search/export.json?query=${query}&filter[type]=ticket&page[size]=10`).status).toBe(400); // type in the query
  });
});

describe('the rest of what the app and the capture read', () => {
  it('answers unknown endpoints 404 InvalidEndpoint, missing records 404 RecordNotFound, anything but GET 405', () => {
    const account = accountOf('01-prime-gold-clean');
    expect(get(account, '/api/v2/views.json')).toEqual({ status: 404, body: { error: 'InvalidEndpoint', description: 'Not found' } });
    expect(get(account, '/api/v2/organizations/1.json')).toEqual({ status: 404, body: { error: 'RecordNotFound', description: 'Not found' } });
    const post = account.request('POST', '/api/v2/macros.json');
    expect('timeout' in post ? 0 : post.status).toBe(405);
    expect(get(account, '/api/v2/tickets/4521.json').body.ticket).toMatchObject({ id: 4521, created_at: expect.any(String), updated_at: expect.any(String) });
    expect(get(account, '/api/v2/ticket_forms.json').body).toMatchObject({ count: 2, next_page: null });
    expect(get(account, '/api/v2/ticket_fields.json?page[size]=3').body).toMatchObject({ meta: { has_more: true } });
    expect(get(account, '/api/v2/apps/installations.json').body.installations).toEqual([expect.objectContaining({ enabled: true, settings: expect.objectContaining({ cnpjFieldId: '360001' }) })]);
  });

  it('keeps injected faults: a 429 with Retry-After the given number of times, then the answer', () => {
    const account = accountOf('15-rate-limited', (raw) => (((raw.faults as Json).requests as Json[])[0].times = 2));
    const answers = [account.request('GET', '/api/v2/macros/active.json'), account.request('GET', '/api/v2/macros/active.json'), account.request('GET', '/api/v2/macros/active.json')];
    expect(answers.map((answer) => ('timeout' in answer ? 0 : answer.status))).toEqual([429, 429, 200]);
    expect(answers[0]).toMatchObject({ headers: { 'retry-after': '1' } });
  });
});
