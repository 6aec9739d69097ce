import { foldText } from './paging';

/**
 * The Search API's query language over the account's tickets, users and organizations, as far as the
 * app and the capture command use it:
 * - `type:ticket|user|organization` limits the result types;
 * - organizations: `<organization field key>:<value>` and `name:<value>`
 *   (https://support.zendesk.com/hc/en-us/articles/4408883318554: "search… by using the key that
 *   identifies the custom field");
 * - tickets: `organization:<id or name>` — tickets by requesters who are MEMBERS of the organization,
 *   not `ticket.organization_id` (https://support.zendesk.com/hc/en-us/articles/4408886879258),
 *   `requester:<id or email>`, `status:<status>` (also `<`/`>` in status order), `created`/`updated`
 *   with `:`, `<`, `>`, `<=`, `>=` and an ISO date, date-time or a relative `4hours`/`2days`/`3weeks`/`1months`/`1years`;
 * - users: `organization:<id or name>`, `role:`, `email:`, `name:`;
 * - a word without a key matches the start of a word of a ticket's subject/description, a user's or
 *   an organization's name ("the prefix of a longer word", but not the middle of one);
 * - a leading `-` negates a term. An unknown key matches nothing (strict rather than kind).
 * Property values match whole words: `tier` finds "tier 1", not "tiered"; punctuation separates words.
 */
export interface SearchTerm {
  key: string | null;
  operator: ':' | '<' | '>' | '<=' | '>=';
  value: string;
  negated: boolean;
}

export function parseQuery(query: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  const pattern = /(-?)(?:([\w.]+)(<=|>=|:|<|>))?(?:"([^"]*)"|(\S+))/g;
  for (const match of query.matchAll(pattern)) {
    const value = match[4] ?? match[5] ?? '';
    terms.push({ negated: match[1] === '-', key: match[2] ? match[2].toLowerCase() : null, operator: (match[3] as SearchTerm['operator']) ?? ':', value });
  }
  return terms;
}

const words = (text: unknown) => foldText(String(text ?? '')).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** The term's words appear in the value as a run of whole words. */
export function propertyMatches(stored: unknown, term: string): boolean {
  const have = words(stored);
  const want = words(term);
  if (want.length === 0) return false;
  for (let start = 0; start + want.length <= have.length; start += 1) if (want.every((word, offset) => have[start + offset] === word)) return true;
  return false;
}

/** A free word matches the start of a word of the text. */
function textMatches(texts: unknown[], term: string): boolean {
  const want = words(term);
  const have = texts.flatMap(words);
  return want.length > 0 && want.every((word) => have.some((candidate) => candidate.startsWith(word)));
}

const STATUS_ORDER = ['new', 'open', 'pending', 'hold', 'solved', 'closed'];
const UNITS: Record<string, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000, week: 604_800_000, month: 2_592_000_000, year: 31_536_000_000 };

/** [from, to) in ms for a date value: a day, a date-time (to the second), or `now - n units` for a relative one. */
function dateRange(value: string, now: number): [number, number] | null {
  const relative = /^(\d+)(minute|hour|day|week|month|year)s?$/.exec(value);
  if (relative) {
    const at = now - Number(relative[1]) * UNITS[relative[2]];
    return [at, at + 1];
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const start = Date.parse(`${value}T00:00:00Z`);
    return Number.isNaN(start) ? null : [start, start + 86_400_000];
  }
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : [at, at + 1000];
}

function compareDate(stored: unknown, term: SearchTerm, now: number): boolean {
  const at = typeof stored === 'string' ? Date.parse(stored) : Number.NaN;
  const range = dateRange(term.value, now);
  if (Number.isNaN(at) || !range) return false;
  switch (term.operator) {
    case ':':
      return at >= range[0] && at < range[1];
    case '>':
      return at >= range[1];
    case '>=':
      return at >= range[0];
    case '<':
      return at < range[0];
    case '<=':
      return at < range[1];
  }
}

type Json = Record<string, unknown>;

export interface SearchData {
  tickets: Json[];
  users: Json[];
  organizations: Json[];
  now: number;
}

function organizationIds(data: SearchData, value: string): number[] {
  if (/^\d+$/.test(value)) return [Number(value)];
  return data.organizations.filter((org) => propertyMatches(org.name, value)).map((org) => Number(org.id));
}

function ticketMatches(ticket: Json, term: SearchTerm, data: SearchData): boolean {
  switch (term.key) {
    case null:
      return textMatches([ticket.subject, ticket.description], term.value);
    case 'organization': {
      const requester = data.users.find((user) => user.id === ticket.requester_id);
      return requester !== undefined && organizationIds(data, term.value).includes(Number(requester.organization_id));
    }
    case 'requester': {
      const requester = data.users.find((user) => user.id === ticket.requester_id);
      return requester !== undefined && (String(requester.id) === term.value || foldText(String(requester.email ?? '')) === foldText(term.value));
    }
    case 'status': {
      const [have, want] = [STATUS_ORDER.indexOf(String(ticket.status)), STATUS_ORDER.indexOf(term.value.toLowerCase())];
      if (want < 0) return false;
      return { ':': have === want, '<': have < want, '>': have > want, '<=': have <= want, '>=': have >= want }[term.operator];
    }
    case 'created':
      return compareDate(ticket.created_at, term, data.now);
    case 'updated':
      return compareDate(ticket.updated_at, term, data.now);
    default:
      return false;
  }
}

function userMatches(user: Json, term: SearchTerm, data: SearchData): boolean {
  switch (term.key) {
    case null:
      return textMatches([user.name, user.email], term.value);
    case 'organization':
      return organizationIds(data, term.value).includes(Number(user.organization_id));
    case 'role':
      return foldText(String(user.role ?? '')) === foldText(term.value);
    case 'email':
      return foldText(String(user.email ?? '')) === foldText(term.value);
    case 'name':
      return propertyMatches(user.name, term.value);
    case 'created':
      return compareDate(user.created_at, term, data.now);
    case 'updated':
      return compareDate(user.updated_at, term, data.now);
    default:
      return false;
  }
}

function organizationMatches(organization: Json, term: SearchTerm, data: SearchData): boolean {
  if (term.key === null) return textMatches([organization.name], term.value);
  if (term.key === 'name') return propertyMatches(organization.name, term.value);
  if (term.key === 'created') return compareDate(organization.created_at, term, data.now);
  if (term.key === 'updated') return compareDate(organization.updated_at, term, data.now);
  const fields = (organization.organization_fields ?? {}) as Json;
  if (!(term.key in fields)) return false;
  if (term.value.toLowerCase() === 'none') return fields[term.key] === null || fields[term.key] === '' || fields[term.key] === undefined;
  return propertyMatches(fields[term.key], term.value);
}

export type ResultType = 'ticket' | 'user' | 'organization';

/** Every record of the account that matches the query, with its `result_type`, in no particular order. */
export function searchRecords(data: SearchData, query: string): { results: Json[]; types: ResultType[] } {
  const terms = parseQuery(query);
  const typeTerms = terms.filter((term) => term.key === 'type' && !term.negated).map((term) => term.value.toLowerCase());
  const types = (typeTerms.length > 0 ? typeTerms : ['ticket', 'user', 'organization']).filter((type): type is ResultType => type === 'ticket' || type === 'user' || type === 'organization');
  const filters = terms.filter((term) => term.key !== 'type');
  const all = (record: Json, matches: (record: Json, term: SearchTerm, data: SearchData) => boolean) => filters.every((term) => matches(record, term, data) !== term.negated);
  const results: Json[] = [];
  if (filters.length === 0) return { results, types };
  if (types.includes('ticket')) results.push(...data.tickets.filter((ticket) => all(ticket, ticketMatches)).map((ticket) => ({ ...ticket, result_type: 'ticket' })));
  if (types.includes('user')) results.push(...data.users.filter((user) => all(user, userMatches)).map((user) => ({ ...user, result_type: 'user' })));
  if (types.includes('organization')) results.push(...data.organizations.filter((org) => all(org, organizationMatches)).map((org) => ({ ...org, result_type: 'organization' })));
  return { results, types };
}

/** "Relevance" without a sort_by: a fixed order that is neither id nor creation order, so no client can rely on one. */
export function relevanceRank(record: Json, query: string): number {
  const text = `${String(record.result_type)}:${String(record.id)}:${query}`;
  let hash = 2166136261;
  for (let index = 0; index < text.length; index += 1) hash = Math.imul(hash ^ text.charCodeAt(index), 16777619);
  return hash >>> 0;
}
