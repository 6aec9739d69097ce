import type { Scenario } from '../scenario';
import { answerSetupRest, installationBody, installationSettings, type InstallationState } from './setup';
import { generateInto, macroTitleKey } from './generate';
import { badRequest, cursorPage, foldText, offsetPage, sortList, wantsCursor, type PageAnswer, type Sort, type SortValue } from './paging';
import { relevanceRank, searchRecords } from './search';
import { anchorOf, completeComment, completeMacro, completeTimestamps, completeUser, iso, macroAvailableTo, SPACING, withUrl } from './shapes';

/**
 * Answers /api/v2 like a Zendesk account: the scenario's REST objects (users, organizations, tickets,
 * comments, macros, ticket fields and forms, the app's installation) as Zendesk's REST API returns them,
 * paged, sorted and capped as Zendesk documents it, seen as the scenario's current user sees them, with
 * the scenario's injected request faults. The harness (MSW in the browser), the Node test helper, the
 * protocol test host and the capture command's loopback server all answer from it: one stand-in.
 *
 * Where Zendesk's behaviour is UNCONFIRMED (docs/zendesk-facts/rest-and-triggers.md), the stand-in
 * picks the documented-looking behaviour and is strict rather than kind; each place says so.
 */
export type RestAnswer = { status: number; body: unknown; headers: Record<string, string>; delayMs?: number } | { timeout: true };

type Json = Record<string, unknown>;
type Answer = { status: number; body: unknown };

/** The collections a test may change while the app is open (`ZendeskAccount.change`). */
export type Collection = 'macros' | 'tickets' | 'users' | 'organizations' | 'comments';
export type AccountChange =
  | { create: Collection; record: Json }
  | { update: Collection; id: number; changes: Json }
  | { delete: Collection; id: number };

export interface AccountOptions {
  /** Origin of relative request URLs (absolute next_page/links are built on the request's origin). */
  origin?: string;
  /** The account's clock (ms): relative search dates, timestamps of changes. */
  now?: () => number;
}

export const DEFAULT_ORIGIN = 'https://sentinela-test.zendesk.com';
const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };
const notFound: Answer = { status: 404, body: { error: 'RecordNotFound', description: 'Not found' } };
const STATUS_RANK: Record<string, number> = { new: 0, open: 1, pending: 2, hold: 3, solved: 4, closed: 5 };

/** The sort named by `sort_by`/`sort_order` (offset) among the endpoint's documented ones, or why it is refused. */
function offsetSort<T>(url: URL, sorts: Record<string, (item: T) => SortValue[]>, byDefault: string, defaultOrder: (by: string) => 'asc' | 'desc' = () => 'asc'): Sort<T> | string {
  const by = url.searchParams.get('sort_by') ?? byDefault;
  const order = url.searchParams.get('sort_order') ?? defaultOrder(by);
  if (!(by in sorts)) return `sort_by must be one of ${Object.keys(sorts).join(', ')}`;
  if (order !== 'asc' && order !== 'desc') return 'sort_order must be asc or desc';
  return { name: `${by}:${order}`, key: sorts[by], descending: order === 'desc' };
}

/** The sort named by cursor pagination's `sort` (`field` ascending, `-field` descending), or why it is refused. */
function cursorSort<T>(url: URL, sorts: Record<string, (item: T) => SortValue[]>, byDefault: string): Sort<T> | string {
  const value = url.searchParams.get('sort') ?? byDefault;
  const field = value.replace(/^-/, '');
  if (!(field in sorts)) return `sort must be one of ${Object.keys(sorts).flatMap((name) => [name, `-${name}`]).join(', ')}`;
  return { name: value, key: sorts[field], descending: value.startsWith('-') };
}

const time = (value: unknown): number => (typeof value === 'string' ? Date.parse(value) : 0);
/** By `position` where a record has one; otherwise in the order the scenario lists them (a stable sort). */
const inPositionOrder = (records: Json[]): Json[] => sortList(records, { name: 'position', key: (record) => [Number(record.position ?? records.indexOf(record))], descending: false });
const byId = (record: Json): SortValue[] => [Number(record.id)];

export class ZendeskAccount {
  /** The account's objects: the ZAF side of the same ticket reads and writes the same scenario. */
  readonly scenario: Scenario;
  readonly origin: string;
  private readonly now: () => number;
  private faultUses = new Map<number, number>();
  /** The app's installation (GET/PUT /api/v2/apps/installations/{id}): settings as stored now, every update written. */
  readonly installation: InstallationState;
  /** The ticket as it was last stored: REST answers this, not the agent's unsaved edits (scenario.ticket). */
  private stored: Scenario['ticket'];

  constructor(scenario: Scenario, options: AccountOptions = {}) {
    this.scenario = scenario;
    this.installation = { id: scenario.installation.id, settings: installationSettings(scenario), writes: [] };
    this.origin = options.origin ?? DEFAULT_ORIGIN;
    this.now = options.now ?? (() => Date.now());
    generateInto(scenario, this.now());
    this.complete();
    // After complete(): the stored ticket has the timestamps Zendesk gives it.
    this.stored = structuredClone(scenario.ticket);
  }

  /** Every record as Zendesk would hold it: timestamps, comment bodies in three forms, macro fields. */
  private complete() {
    const { scenario } = this;
    const anchor = anchorOf(this.now(), undefined);
    let nextCommentId = Math.max(0, ...scenario.comments.map((comment) => comment.id ?? 0)) + 1;
    scenario.comments.forEach((comment, index) => {
      comment.id ??= nextCommentId++;
      completeComment(comment, () => anchor - (scenario.comments.length - index) * SPACING.comments);
    });
    completeTimestamps(scenario.tickets as Json[], anchor, SPACING.tickets);
    const ticket = scenario.ticket as Json;
    ticket.created_at ??= scenario.comments[0]?.created_at ?? iso(anchor);
    ticket.updated_at ??= scenario.comments.at(-1)?.created_at ?? ticket.created_at;
    completeTimestamps(scenario.users as Json[], anchor, SPACING.users);
    completeTimestamps(scenario.organizations as Json[], anchor, SPACING.organizations);
    completeTimestamps(scenario.macros as Json[], anchor, SPACING.macros);
    scenario.macros.forEach((macro, index) => completeMacro(macro as Json, index + 1));
    scenario.users.forEach((user) => completeUser(user as Json));
  }

  /**
   * A save went through: the ticket as the agent's editor has it is what Zendesk now stores, with a new
   * `updated_at` (Zendesk sets it on every update: https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/).
   */
  storeTicket(ticket: Scenario['ticket']) {
    const previous = time((this.stored as Json).updated_at);
    const updatedAt = iso(Math.max(this.now(), (Number.isFinite(previous) ? previous : 0) + 1000));
    (ticket as Json).updated_at = updatedAt;
    this.stored = structuredClone(ticket);
  }

  /** One /api/v2 request (method, URL relative or absolute, body as text), with the scenario's injected faults. */
  request(method: string, rawUrl: string, body: string | null = null): RestAnswer {
    const url = new URL(rawUrl, this.origin);
    const faultIndex = this.scenario.faults.requests.findIndex(
      (fault, index) => url.pathname.includes(fault.match) && (fault.method === undefined || fault.method === method) && (fault.times === undefined || (this.faultUses.get(index) ?? 0) < fault.times),
    );
    if (faultIndex >= 0) {
      const fault = this.scenario.faults.requests[faultIndex];
      this.faultUses.set(faultIndex, (this.faultUses.get(faultIndex) ?? 0) + 1);
      if (fault.kind === 'timeout') return { timeout: true };
      if (fault.kind === 'slow') return { ...this.answer(method, url, body), delayMs: fault.delayMs };
      if (fault.kind === 'malformed') return { status: 200, body: '{"macros": [', headers: { ...JSON_HEADERS } };
      return { status: fault.status, body: { error: 'InjectedFault' }, headers: fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {} };
    }
    return this.answer(method, url, body);
  }

  private answer(method: string, url: URL, requestBody: string | null): { status: number; body: unknown; headers: Record<string, string> } {
    const reply = (answer: Answer) => ({ ...answer, headers: { ...JSON_HEADERS } });
    // The app's installation (GET, and PUT for admins): harness/rest/setup.ts.
    const setup = answerSetupRest(this.scenario, this.installation, method, url, requestBody);
    if (setup) return setup;
    if (method.toUpperCase() !== 'GET') return reply({ status: 405, body: { error: 'MethodNotAllowed', description: 'The stand-in answers GET (and PUT of the app installation) only.' } });
    const path = url.pathname.replace(/\.json$/, '');
    for (const [pattern, handle] of this.routes) {
      const match = pattern.exec(path);
      if (match) return reply(handle(url, match));
    }
    return reply({ status: 404, body: { error: 'InvalidEndpoint', description: 'Not found' } });
  }

  private readonly routes: [RegExp, (url: URL, match: RegExpExecArray) => Answer][] = [
    [/^\/api\/v2\/macros\/active$/, (url) => this.activeMacros(url)],
    [/^\/api\/v2\/macros\/search$/, (url) => this.searchMacros(url)],
    [/^\/api\/v2\/macros\/categories$/, () => this.macroCategories()],
    [/^\/api\/v2\/macros\/(\d+)$/, (url, match) => this.macro(url, Number(match[1]))],
    [/^\/api\/v2\/macros$/, (url) => this.macros(url)],
    [/^\/api\/v2\/search\/count$/, (url) => this.searchCount(url)],
    [/^\/api\/v2\/search\/export$/, (url) => this.searchExport(url)],
    [/^\/api\/v2\/search$/, (url) => this.search(url)],
    [/^\/api\/v2\/organizations\/(\d+)\/users$/, (url, match) => this.organizationUsers(url, Number(match[1]))],
    [/^\/api\/v2\/organizations\/(\d+)\/tickets\/count$/, (url, match) => this.organizationTicketCount(url, Number(match[1]))],
    [/^\/api\/v2\/organizations\/(\d+)\/tickets$/, (url, match) => this.organizationTickets(url, Number(match[1]))],
    [/^\/api\/v2\/organizations\/(\d+)$/, (url, match) => this.one(url, 'organizations', 'organization', Number(match[1]))],
    [/^\/api\/v2\/users\/show_many$/, (url) => this.usersShowMany(url)],
    [/^\/api\/v2\/users\/(\d+)$/, (url, match) => this.one(url, 'users', 'user', Number(match[1]))],
    [/^\/api\/v2\/tickets\/(\d+)\/comments$/, (url, match) => this.comments(url, Number(match[1]))],
    [/^\/api\/v2\/tickets\/(\d+)$/, (url, match) => this.one(url, 'tickets', 'ticket', Number(match[1]))],
    [/^\/api\/v2\/ticket_fields\/(\d+)$/, (url, match) => this.one(url, 'ticket_fields', 'ticket_field', Number(match[1]))],
    [/^\/api\/v2\/ticket_fields$/, (url) => this.ticketFields(url)],
    [/^\/api\/v2\/ticket_forms$/, (url) => this.ticketForms(url)],
    [/^\/api\/v2\/organization_fields$/, (url) => this.organizationFields(url)],
    [/^\/api\/v2\/apps\/installations$/, () => this.installations()],
  ];

  // ---- records ----------------------------------------------------------------------------------

  /** Every ticket as stored: the one on screen as it was last saved, never the agent's unsaved edits. */
  private get allTickets(): Json[] {
    const { ticket, tickets } = this.scenario;
    return [this.stored as Json, ...(tickets as Json[]).filter((other) => other.id !== ticket.id)];
  }

  private records(collection: 'tickets' | 'users' | 'organizations' | 'ticket_fields' | 'ticket_forms'): Json[] {
    return collection === 'tickets' ? this.allTickets : (this.scenario[collection] as Json[]);
  }

  private one(url: URL, collection: 'tickets' | 'users' | 'organizations' | 'ticket_fields', key: string, id: number): Answer {
    const record = this.records(collection).find((candidate) => candidate.id === id);
    return record ? { status: 200, body: { [key]: withUrl(url.origin, collection, record) } } : notFound;
  }

  private urls(url: URL, collection: 'tickets' | 'users' | 'organizations' | 'macros', records: Json[]): Json[] {
    return records.map((record) => withUrl(url.origin, collection, record));
  }

  /**
   * Side-loading (https://developer.zendesk.com/documentation/ticketing/using-the-zendesk-api/side_loading/):
   * `include=users` on a ticket list adds a top-level `users` array with the records of the page's
   * requesters, submitters and assignees ("you can fetch a partial user resource along with the ticket in a
   * single request"). Only the users of the page answered, each once, in id order.
   */
  private sideloadUsers(url: URL, answer: Answer): Answer {
    const include = (url.searchParams.get('include') ?? '').split(',').map((part) => part.trim());
    if (answer.status !== 200 || !include.includes('users')) return answer;
    const body = answer.body as Json;
    const ids = new Set<number>();
    for (const ticket of (body.tickets as Json[] | undefined) ?? []) {
      for (const key of ['requester_id', 'submitter_id', 'assignee_id']) if (typeof ticket[key] === 'number') ids.add(ticket[key] as number);
    }
    const users = (this.scenario.users as Json[]).filter((user) => ids.has(Number(user.id))).sort((a, b) => Number(a.id) - Number(b.id));
    body.users = this.urls(url, 'users', users);
    return answer;
  }

  /** A list answered with offset or cursor pagination, each record with its url. */
  private page(url: URL, key: string, collection: 'tickets' | 'users' | 'organizations' | 'macros' | null, sorted: Json[], sort: Sort<Json> | null): Answer {
    const answer: PageAnswer = sort && wantsCursor(url) ? cursorPage(url, key, sorted, sort) : offsetPage(url, key, sorted);
    if (answer.status === 200 && collection) answer.body[key] = this.urls(url, collection, answer.body[key] as Json[]);
    return answer;
  }

  // ---- macros -----------------------------------------------------------------------------------
  // https://developer.zendesk.com/api-reference/ticketing/business-rules/macros/

  private get me() {
    return this.scenario.currentUser;
  }

  private restrictionIds(macro: Json): { type: string | null; ids: number[] } {
    const restriction = macro.restriction as { type?: string; id?: number; ids?: number[] } | null | undefined;
    if (!restriction || !restriction.type) return { type: null, ids: [] };
    return { type: restriction.type, ids: restriction.ids ?? (restriction.id !== undefined ? [restriction.id] : []) };
  }

  /** A macro the current user can apply (shapes.ts: macroAvailableTo). */
  private available(macro: Json): boolean {
    return macroAvailableTo(macro, this.me);
  }

  /**
   * "If false [only_viewable], returns all macros the current user can manage": an admin manages every
   * macro of the account; an agent only their personal ones (UNCONFIRMED; strict: an agent who wants
   * the shared macros must ask for only_viewable=true or use /macros/active).
   */
  private manageable(macro: Json): boolean {
    if (this.me.role === 'admin') return true;
    const { type, ids } = this.restrictionIds(macro);
    return type === 'User' && ids.includes(this.me.id);
  }

  /** The filters /macros, /macros/active and /macros/search share: access, active, group_id (category is not modelled). */
  private macroFilters(url: URL, macros: Json[], allowActive: boolean): Json[] | string {
    const access = url.searchParams.get('access');
    const active = url.searchParams.get('active');
    const groupId = url.searchParams.get('group_id');
    if (url.searchParams.has('category')) return 'category is not modelled by the harness stand-in (macros have no category ids here)';
    let result = macros;
    if (access !== null) {
      if (!['personal', 'agents', 'shared', 'account'].includes(access)) return 'access must be personal, agents, shared or account';
      if (access === 'agents' && this.me.role !== 'admin') return 'access=agents is for admins';
      result = result.filter((macro) => {
        const { type, ids } = this.restrictionIds(macro);
        if (access === 'personal') return type === 'User' && ids.includes(this.me.id);
        if (access === 'agents') return type === 'User';
        if (access === 'shared') return type === null;
        return type === null || type === 'Group';
      });
    }
    if (active !== null) {
      if (!allowActive) return 'active is not a parameter of this endpoint';
      if (active !== 'true' && active !== 'false') return 'active must be true or false';
      result = result.filter((macro) => macro.active === (active === 'true'));
    }
    if (groupId !== null) result = result.filter((macro) => this.restrictionIds(macro).type === 'Group' && this.restrictionIds(macro).ids.includes(Number(groupId)));
    return result;
  }

  /**
   * sort_by "alphabetical" (default), "created_at", "updated_at", "usage_1h", "usage_24h", "usage_7d",
   * "usage_30d" (and "position" for search); sort_order "Defaults to 'asc' for alphabetical and position
   * sort, 'desc' for all others".
   */
  private macroSort(url: URL, withUsage: boolean): Sort<Json> | string {
    const sorts: Record<string, (macro: Json) => SortValue[]> = {
      alphabetical: macroTitleKey,
      created_at: (macro) => [time(macro.created_at), Number(macro.id)],
      updated_at: (macro) => [time(macro.updated_at), Number(macro.id)],
      position: (macro) => [Number(macro.position ?? 0), Number(macro.id)],
    };
    if (withUsage) for (const window of ['usage_1h', 'usage_24h', 'usage_7d', 'usage_30d']) sorts[window] = (macro) => [Number(macro[window] ?? 0), Number(macro.id)];
    return offsetSort(url, sorts, 'alphabetical', (by) => (by === 'alphabetical' || by === 'position' ? 'asc' : 'desc'));
  }

  /**
   * GET /api/v2/macros/active — "Lists all active shared and personal macros available to the current
   * user." No pagination block is documented, so offset pagination only (page[size] is ignored, as on
   * every offset-only endpoint); whether it takes per_page is UNCONFIRMED: it does here, capped at 100.
   */
  private activeMacros(url: URL): Answer {
    const filtered = this.macroFilters(url, (this.scenario.macros as Json[]).filter((macro) => macro.active && this.available(macro)), false);
    if (typeof filtered === 'string') return badRequest(filtered, 'InvalidValue');
    const sort = this.macroSort(url, true);
    if (typeof sort === 'string') return badRequest(sort, 'InvalidValue');
    return this.page(url, 'macros', 'macros', sortList(filtered, sort), null);
  }

  /**
   * GET /api/v2/macros — "Lists all shared and personal macros available to the current user. For
   * admins, the API returns all macros for the account, including the personal macros of agents and
   * other admins." Cursor (page[size]) or offset pagination. Whether sort_by is honoured under cursor
   * pagination is UNCONFIRMED and no cursor `sort` is documented: the cursor pages keep the default
   * alphabetical order whatever sort_by says (strict).
   */
  private macros(url: URL): Answer {
    const onlyViewable = url.searchParams.get('only_viewable');
    if (onlyViewable !== null && onlyViewable !== 'true' && onlyViewable !== 'false') return badRequest('only_viewable must be true or false', 'InvalidValue');
    const visible = (this.scenario.macros as Json[]).filter((macro) => (onlyViewable === 'true' ? this.available(macro) : this.manageable(macro)));
    const filtered = this.macroFilters(url, visible, true);
    if (typeof filtered === 'string') return badRequest(filtered, 'InvalidValue');
    if (wantsCursor(url)) {
      const sort: Sort<Json> = { name: 'alphabetical', key: macroTitleKey, descending: false };
      return this.page(url, 'macros', 'macros', sortList(filtered, sort), sort);
    }
    const sort = this.macroSort(url, true);
    if (typeof sort === 'string') return badRequest(sort, 'InvalidValue');
    return this.page(url, 'macros', 'macros', sortList(filtered, sort), null);
  }

  /**
   * GET /api/v2/macros/search?query= — "Query string used to find macros with matching titles";
   * offset pagination only. How the query matches is UNCONFIRMED: here every word of the query must
   * start a word of the title (case and accents aside), as the Search API matches words — never the
   * middle of a word, so "Pendência" finds "… Pendência no Cadastro …" but "endência" finds nothing.
   */
  private searchMacros(url: URL): Answer {
    const query = (url.searchParams.get('query') ?? '').trim();
    if (query === '') return badRequest('query is required', 'InvalidValue');
    const wanted = foldText(query).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    const onlyViewable = url.searchParams.get('only_viewable') === 'true';
    const matching = (this.scenario.macros as Json[]).filter((macro) => {
      if (!(onlyViewable ? this.available(macro) : this.available(macro) || this.manageable(macro))) return false;
      const words = foldText(String(macro.title)).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      return wanted.every((word) => words.some((candidate) => candidate.startsWith(word)));
    });
    const filtered = this.macroFilters(url, matching, true);
    if (typeof filtered === 'string') return badRequest(filtered, 'InvalidValue');
    const sort = this.macroSort(url, false);
    if (typeof sort === 'string') return badRequest(sort, 'InvalidValue');
    return this.page(url, 'macros', 'macros', sortList(filtered, sort), null);
  }

  /** GET /api/v2/macros/categories — the categories of the macros available to the user: what precedes the last `::` of a title. */
  private macroCategories(): Answer {
    const categories = new Set<string>();
    for (const macro of this.scenario.macros as Json[]) {
      const title = String(macro.title);
      if (this.available(macro) && title.includes('::')) categories.add(title.slice(0, title.lastIndexOf('::')));
    }
    return { status: 200, body: { categories: [...categories].sort((a, b) => (foldText(a) < foldText(b) ? -1 : 1)) } };
  }

  /** GET /api/v2/macros/{id} — 404 once deleted, or when the user may not see it (a 404 for both is UNCONFIRMED). */
  private macro(url: URL, id: number): Answer {
    const macro = (this.scenario.macros as Json[]).find((candidate) => candidate.id === id);
    if (!macro || !(this.available(macro) || this.manageable(macro))) return notFound;
    return { status: 200, body: { macro: withUrl(url.origin, 'macros', macro) } };
  }

  // ---- search -----------------------------------------------------------------------------------
  // https://developer.zendesk.com/api-reference/ticketing/ticket-management/search/

  private searchData() {
    return { tickets: this.allTickets, users: this.scenario.users as Json[], organizations: this.scenario.organizations as Json[], now: this.now() };
  }

  /**
   * GET /api/v2/search — offset pagination only, at most 100 per page and 1,000 results per query:
   * "If you request a page past the limit (page=11 at 100 results per page), a 422 Insufficient
   * Resource Error is returned"; `count` still gives every match. sort_by updated_at, created_at,
   * priority, status, ticket_type; sort_order default desc; without sort_by, "relevance" — here a fixed
   * order that is neither id nor date order, so a client cannot rely on one.
   */
  private search(url: URL): Answer {
    const query = url.searchParams.get('query') ?? '';
    if (query.trim() === '') return badRequest('query is required', 'InvalidValue');
    const { results } = searchRecords(this.searchData(), query);
    const sortBy = url.searchParams.get('sort_by');
    const order = url.searchParams.get('sort_order') ?? 'desc';
    if (order !== 'asc' && order !== 'desc') return badRequest('sort_order must be asc or desc', 'InvalidValue');
    const sorts: Record<string, (record: Json) => SortValue[]> = {
      updated_at: (record) => [time(record.updated_at), Number(record.id)],
      created_at: (record) => [time(record.created_at), Number(record.id)],
      priority: (record) => [String(record.priority ?? ''), Number(record.id)],
      status: (record) => [STATUS_RANK[String(record.status)] ?? -1, Number(record.id)],
      ticket_type: (record) => [String(record.type ?? ''), Number(record.id)],
    };
    if (sortBy !== null && !(sortBy in sorts)) return badRequest(`sort_by must be one of ${Object.keys(sorts).join(', ')}`, 'InvalidValue');
    const sorted = sortBy ? sortList(results, { name: sortBy, key: sorts[sortBy], descending: order === 'desc' }) : sortList(results, { name: 'relevance', key: (record) => [relevanceRank(record, query)], descending: false });
    const withUrls = sorted.map((record) => withUrl(url.origin, `${String(record.result_type)}s` as 'tickets', record));
    return offsetPage(url, 'results', withUrls, { resultLimit: 1000, extra: { facets: null } });
  }

  /** GET /api/v2/search/count — "Returns the number of items matching the query rather than the items". */
  private searchCount(url: URL): Answer {
    const query = url.searchParams.get('query') ?? '';
    if (query.trim() === '') return badRequest('query is required', 'InvalidValue');
    return { status: 200, body: { count: searchRecords(this.searchData(), query).results.length } };
  }

  /**
   * GET /api/v2/search/export — for more than 1,000 results: cursor pagination only, page[size] at most
   * 1,000, the type in `filter[type]` ("Searches with type in the query string will result in an
   * error"), "ordered only by the created_at attribute" (newest first here: UNCONFIRMED), no `count`,
   * links.prev always null.
   */
  private searchExport(url: URL): Answer {
    const query = url.searchParams.get('query') ?? '';
    const type = url.searchParams.get('filter[type]');
    if (query.trim() === '') return badRequest('query is required', 'InvalidValue');
    if (/(^|\s)type:/.test(query)) return badRequest('type must be given in filter[type], not in the query', 'InvalidValue');
    if (!type || !['ticket', 'user', 'organization', 'group'].includes(type)) return badRequest('filter[type] is required: ticket, user, organization or group', 'InvalidValue');
    if (!url.searchParams.has('page[size]')) return badRequest('page[size] is required (cursor pagination only)');
    const { results } = searchRecords(this.searchData(), `type:${type} ${query}`);
    const sort: Sort<Json> = { name: '-created_at', key: (record) => [time(record.created_at), Number(record.id)], descending: true };
    const answer = cursorPage(url, 'results', sortList(results, sort), sort, { maxSize: 1000, noPrevious: true });
    if (answer.status === 200) answer.body.facets = null;
    return answer;
  }

  // ---- organizations, users, tickets ------------------------------------------------------------

  private organization(id: number): Json | undefined {
    return (this.scenario.organizations as Json[]).find((org) => org.id === id);
  }

  /**
   * GET /api/v2/organizations/{id}/users — cursor or offset pagination, at most 100 per page;
   * sort_by id, name, created_at, updated_at, sort_order default asc; default id order (UNCONFIRMED:
   * the reference names no default). Filters role, role[], permission_set, external_id.
   * https://developer.zendesk.com/api-reference/ticketing/users/users/#list-users
   */
  private organizationUsers(url: URL, id: number): Answer {
    if (!this.organization(id)) return notFound;
    const roles = [...url.searchParams.getAll('role'), ...url.searchParams.getAll('role[]')];
    const permissionSet = url.searchParams.get('permission_set');
    const externalId = url.searchParams.get('external_id');
    const users = (this.scenario.users as Json[]).filter(
      (user) =>
        user.organization_id === id &&
        (roles.length === 0 || roles.includes(String(user.role))) &&
        (permissionSet === null || String(user.permission_set ?? '') === permissionSet) &&
        (externalId === null || String(user.external_id ?? '') === externalId),
    );
    const sorts: Record<string, (user: Json) => SortValue[]> = {
      id: byId,
      name: (user) => [foldText(String(user.name)), Number(user.id)],
      created_at: (user) => [time(user.created_at), Number(user.id)],
      updated_at: (user) => [time(user.updated_at), Number(user.id)],
    };
    if (wantsCursor(url)) {
      const sort: Sort<Json> = { name: 'id', key: byId, descending: false };
      return this.page(url, 'users', 'users', sortList(users, sort), sort);
    }
    const sort = offsetSort(url, sorts, 'id');
    if (typeof sort === 'string') return badRequest(sort, 'InvalidValue');
    return this.page(url, 'users', 'users', sortList(users, sort), null);
  }

  private ticketSorts(): Record<string, (ticket: Json) => SortValue[]> {
    const name = (userId: unknown) => foldText(String((this.scenario.users as Json[]).find((user) => user.id === userId)?.name ?? ''));
    return {
      id: byId,
      created_at: (ticket) => [time(ticket.created_at), Number(ticket.id)],
      updated_at: (ticket) => [time(ticket.updated_at), Number(ticket.id)],
      status: (ticket) => [STATUS_RANK[String(ticket.status)] ?? -1, Number(ticket.id)],
      subject: (ticket) => [foldText(String(ticket.subject ?? '')), Number(ticket.id)],
      requester: (ticket) => [name(ticket.requester_id), Number(ticket.id)],
      'requester.name': (ticket) => [name(ticket.requester_id), Number(ticket.id)],
      assignee: (ticket) => [name(ticket.assignee_id), Number(ticket.id)],
      'assignee.name': (ticket) => [name(ticket.assignee_id), Number(ticket.id)],
      group: (ticket) => [Number(ticket.group_id ?? 0), Number(ticket.id)],
    };
  }

  /**
   * GET /api/v2/organizations/{id}/tickets (List Tickets,
   * https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/#list-tickets) — cursor or
   * offset pagination, at most 100 per page. "By default, tickets are sorted by id from smallest to
   * largest" (oldest first). Cursor: `sort` updated_at, id, status or -updated_at, -id, -status.
   * Offset: sort_by assignee, assignee.name, created_at, group, id, requester, requester.name, status,
   * subject, updated_at; sort_order "Defaults to asc". Only the tickets whose organization_id is the
   * organization's (archived tickets, which Zendesk leaves out, are not modelled). `include=users`
   * side-loads the page's users (sideloadUsers).
   */
  private organizationTickets(url: URL, id: number): Answer {
    if (!this.organization(id)) return notFound;
    const tickets = this.allTickets.filter((ticket) => ticket.organization_id === id);
    const sorts = this.ticketSorts();
    if (wantsCursor(url)) {
      const sort = cursorSort(url, { id: sorts.id, updated_at: sorts.updated_at, status: sorts.status }, 'id');
      if (typeof sort === 'string') return badRequest(sort);
      return this.sideloadUsers(url, this.page(url, 'tickets', 'tickets', sortList(tickets, sort), sort));
    }
    const sort = offsetSort(url, sorts, 'id');
    if (typeof sort === 'string') return badRequest(sort, 'InvalidValue');
    return this.sideloadUsers(url, this.page(url, 'tickets', 'tickets', sortList(tickets, sort), null));
  }

  /** GET /api/v2/organizations/{id}/tickets/count — "an approximate count" (exact here) with refreshed_at. */
  private organizationTicketCount(_url: URL, id: number): Answer {
    if (!this.organization(id)) return notFound;
    const value = this.allTickets.filter((ticket) => ticket.organization_id === id).length;
    return { status: 200, body: { count: { value, refreshed_at: iso(this.now()) } } };
  }

  /**
   * GET /api/v2/users/show_many?ids= — "Accepts a comma-separated list of up to 100 user ids"; more is
   * refused with 400 (the exact answer is UNCONFIRMED). Unknown ids are left out.
   * https://developer.zendesk.com/api-reference/ticketing/users/users/#show-many-users
   */
  private usersShowMany(url: URL): Answer {
    const ids = (url.searchParams.get('ids') ?? '').split(',').filter(Boolean).map(Number);
    if (ids.length === 0 || ids.some((id) => !Number.isSafeInteger(id))) return badRequest('ids must be a comma-separated list of user ids', 'InvalidValue');
    if (ids.length > 100) return badRequest('ids accepts up to 100 user ids', 'InvalidValue');
    const users = sortList((this.scenario.users as Json[]).filter((user) => ids.includes(Number(user.id))), { name: 'id', key: byId, descending: false });
    return this.page(url, 'users', 'users', users, null);
  }

  /**
   * GET /api/v2/tickets/{id}/comments — cursor or offset pagination, at most 100 per page. "By default,
   * comments are sorted by creation date in ascending order." Cursor: `sort` created_at or
   * -created_at. Offset: sort_order asc|desc, "Defaults to asc".
   * https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_comments/#list-comments
   */
  private comments(url: URL, ticketId: number): Answer {
    if (!this.allTickets.some((ticket) => ticket.id === ticketId)) return notFound;
    const anchor = this.now();
    const comments = ticketId === this.scenario.ticket.id ? (this.scenario.comments as Json[]).map((comment) => completeComment(comment, () => anchor)) : [];
    const byCreation = { created_at: (comment: Json) => [time(comment.created_at), Number(comment.id)] };
    if (wantsCursor(url)) {
      const sort = cursorSort(url, byCreation, 'created_at');
      if (typeof sort === 'string') return badRequest(sort);
      return this.page(url, 'comments', null, sortList(comments, sort), sort);
    }
    const order = url.searchParams.get('sort_order') ?? 'asc';
    if (order !== 'asc' && order !== 'desc') return badRequest('sort_order must be asc or desc', 'InvalidValue');
    return this.page(url, 'comments', null, sortList(comments, { name: `created_at:${order}`, key: byCreation.created_at, descending: order === 'desc' }), null);
  }

  /**
   * GET /api/v2/ticket_fields — "Cursor pagination (recommended) / No pagination": without page[size]
   * every field, "in the order specified by the position"; with it, at most 100 "in the order specified
   * by their id". https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_fields/
   */
  private ticketFields(url: URL): Answer {
    const fields = this.scenario.ticket_fields as Json[];
    if (wantsCursor(url)) {
      const sort: Sort<Json> = { name: 'id', key: byId, descending: false };
      return cursorPage(url, 'ticket_fields', sortList(fields, sort), sort);
    }
    const byPosition = inPositionOrder(fields);
    return { status: 200, body: { ticket_fields: byPosition, next_page: null, previous_page: null, count: byPosition.length } };
  }

  /**
   * GET /api/v2/organization_fields — "Cursor pagination (recommended) / Offset pagination", at most 100
   * a page; the fields in their position order (a field without one keeps its place in the scenario).
   * https://developer.zendesk.com/api-reference/ticketing/organizations/organization_fields/#list-organization-fields
   */
  private organizationFields(url: URL): Answer {
    const fields = inPositionOrder(this.scenario.organization_fields as Json[]);
    if (wantsCursor(url)) {
      const sort: Sort<Json> = { name: 'position', key: (field) => [fields.indexOf(field)], descending: false };
      return cursorPage(url, 'organization_fields', fields, sort);
    }
    return offsetPage(url, 'organization_fields', fields);
  }

  /** GET /api/v2/ticket_forms — no pagination documented: every form. https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_forms/ */
  private ticketForms(url: URL): Answer {
    const active = url.searchParams.get('active');
    const forms = (this.scenario.ticket_forms as Json[]).filter((form) => active === null || (form.active ?? true) === (active === 'true'));
    return { status: 200, body: { ticket_forms: forms, next_page: null, previous_page: null, count: forms.length } };
  }

  /**
   * GET /api/v2/apps/installations — "Lists all app installations in the account": this app, with its
   * settings as stored now (harness/rest/setup.ts answers GET/PUT of the one installation).
   * https://developer.zendesk.com/api-reference/ticketing/apps/apps/#list-app-installations
   */
  private installations(): Answer {
    const installation = installationBody(this.installation);
    return { status: 200, body: { installations: [{ ...installation, settings: { name: 'Sentinela', ...installation.settings } }] } };
  }

  // ---- changes while the app is open -------------------------------------------------------------

  private collection(name: Collection): Json[] {
    return this.scenario[name] as Json[];
  }

  /**
   * The account changes under the app, as when an admin edits it in another tab: a macro deleted and
   * re-created with a new id, renamed, deactivated; a ticket, user or organization added or edited; a
   * comment added. `create` gives the record the next free id (unless it names one) and the current
   * time; `update` merges the changes and moves `updated_at`. Returns the record as it now is (a
   * copy), or throws when the id does not exist (or already exists, for `create`).
   */
  change(change: AccountChange): Json {
    const stamp = iso(this.now());
    if ('create' in change) {
      const records = this.collection(change.create);
      const record: Json = { ...change.record };
      if (record.id !== undefined && records.some((existing) => existing.id === record.id)) throw new Error(`${change.create}: ${String(record.id)} already exists`);
      record.id ??= Math.max(0, ...records.map((existing) => Number(existing.id)), ...(change.create === 'tickets' ? [this.scenario.ticket.id] : [])) + 1;
      record.created_at ??= stamp;
      record.updated_at ??= stamp;
      if (change.create === 'macros') completeMacro(record, records.length + 1);
      if (change.create === 'users') completeUser(record);
      if (change.create === 'comments') completeComment(record, () => this.now());
      records.push(record);
      return structuredClone(record);
    }
    const name = 'update' in change ? change.update : change.delete;
    const records = name === 'tickets' && change.id === this.scenario.ticket.id ? [this.scenario.ticket as Json] : this.collection(name);
    const index = records.findIndex((record) => record.id === change.id);
    if (index < 0) throw new Error(`${name}: no record ${change.id}`);
    if ('delete' in change) {
      if (records[index] === (this.scenario.ticket as Json)) throw new Error('tickets: the ticket on screen cannot be deleted');
      return structuredClone(records.splice(index, 1)[0]);
    }
    const record = records[index];
    Object.assign(record, change.changes, { updated_at: change.changes.updated_at ?? stamp });
    // The ticket on screen: its stored copy (what REST answers) changes as well.
    if (record === (this.scenario.ticket as Json)) Object.assign(this.stored, change.changes, { updated_at: record.updated_at });
    if (name === 'macros' && 'title' in change.changes && !('raw_title' in change.changes)) record.raw_title = record.title;
    if (name === 'comments' && ('body' in change.changes || 'html_body' in change.changes)) {
      if (!('html_body' in change.changes)) delete record.html_body;
      if (!('plain_body' in change.changes)) delete record.plain_body;
      completeComment(record, () => this.now());
    }
    return structuredClone(record);
  }
}
