import type { Organization, Person } from '../domain/ticket';
import { isNewestFirst, organizationsWithCnpj, rankRequesters, type OrganizationMatch, type OrganizationSearch, type TicketActivity } from '../domain/organizations';
import { cnpjSearchTerms } from '../domain/cnpj';
import { RestError, type ZafClient } from './client';
import { getJson, type CallOptions, type RestPolicy } from './http';
import { readAll, readPage } from './paging';
import { readOrganization, readPerson } from './ticketContext';

/** The recent tickets counted for a top requester: one page of 100, newest first. */
export const RECENT_TICKETS = 100;
/** At most this many organizations of one CNPJ get a top requester (each costs a request). */
export const MAX_ORGANIZATIONS = 3;
/** Candidates tried when a winner's record cannot be read (deleted user): each may cost a request. */
const MAX_CANDIDATES = 3;

/**
 * Organizations whose CNPJ field holds this CNPJ, by Zendesk Search (`type:organization <key>:<value>`,
 * https://support.zendesk.com/hc/en-us/articles/4408883318554), the formatted value first, then the digits;
 * then, for a numeric CNPJ with leading zeros, the digits without them;
 * each search read to its end (Search pages by offset, 1,000 results at most). The field's value is
 * compared again here: Search matches words, not whole values.
 */
export async function searchOrganizations(client: ZafClient, cnpjKey: string, cnpj: { value: string; formatted: string }, policy: RestPolicy, options: CallOptions = {}): Promise<Organization[]> {
  // The formatted CNPJ, its digits, and the unpadded form an admin may have stored: cnpjSearchTerms (domain/cnpj.ts).
  for (const term of cnpjSearchTerms(cnpj)) {
    const query = encodeURIComponent(`type:organization ${cnpjKey}:${term}`);
    const results = (await readAll(client, `/api/v2/search.json?query=${query}&per_page=100`, 'results', policy, options)).map((item) => {
      const raw = item as Record<string, unknown> | null;
      return readOrganization(raw ? { ...raw, organizationFields: raw.organization_fields } : null);
    });
    const found = organizationsWithCnpj(results.filter((org): org is Organization => org !== null), cnpjKey, cnpj.value);
    if (found.length > 0) return found;
  }
  return [];
}

const activity = (item: unknown): TicketActivity => {
  const ticket = (item ?? {}) as Record<string, unknown>;
  return { requesterId: typeof ticket.requester_id === 'number' ? ticket.requester_id : null, updatedAt: typeof ticket.updated_at === 'string' ? ticket.updated_at : null };
};

const sideloadedUsers = (body: Record<string, unknown>): Map<number, Person> =>
  new Map(
    (Array.isArray(body.users) ? body.users : [])
      .map(readPerson)
      .filter((person): person is Person & { id: number } => person !== null && person.id !== null)
      .map((person) => [person.id, person]),
  );

/**
 * An organization's most recently updated tickets (at most RECENT_TICKETS), newest first, with the
 * records of their users when Zendesk side-loads them. One request:
 * `GET /api/v2/organizations/{id}/tickets?page[size]=100&sort=-updated_at&include=users` (List Tickets:
 * cursor `sort` "-updated_at" is descending; by default tickets come "sorted by id from smallest to
 * largest", i.e. oldest first; side-loading: https://developer.zendesk.com/documentation/ticketing/using-the-zendesk-api/side_loading/).
 * When the answer is not newest first (the sort is documented but unverified on this endpoint) and the
 * organization has more tickets than one page, one more request asks Search, which sorts by
 * `updated_at` desc (`type:ticket organization:<id>`; it counts the tickets of the organization's
 * members and lags a few minutes behind). `complete`: the page holds every ticket; `ordered` false:
 * neither answer was newest first, so no window can be stated.
 */
export async function recentTickets(client: ZafClient, organizationId: number, policy: RestPolicy, options: CallOptions = {}) {
  const body = await getJson(client, `/api/v2/organizations/${organizationId}/tickets.json?page[size]=${RECENT_TICKETS}&sort=-updated_at&include=users`, policy, options);
  const page = readPage(body, 'tickets');
  const tickets = page.items.slice(0, RECENT_TICKETS).map(activity);
  const users = sideloadedUsers(body);
  if (page.next === null && page.items.length <= RECENT_TICKETS) return { tickets, users, complete: true, ordered: true };
  if (isNewestFirst(tickets)) return { tickets, users, complete: false, ordered: true };
  const query = encodeURIComponent(`type:ticket organization:${organizationId}`);
  const search = await getJson(client, `/api/v2/search.json?query=${query}&sort_by=updated_at&sort_order=desc&per_page=${RECENT_TICKETS}`, policy, options);
  const found = readPage(search, 'results');
  const recent = found.items.slice(0, RECENT_TICKETS).map(activity);
  return { tickets: recent, users, complete: found.next === null, ordered: found.next === null || isNewestFirst(recent) };
}

/**
 * The top requester of one organization among its recent tickets (procedure "Organização em branco"):
 * the tickets' requesters ranked, and only the winner's record used — from the side-load, else
 * `GET /api/v2/users/{id}`; a winner whose record is gone (404) gives way to the next, up to 3.
 * Bounded whatever the organization's size: 1 request (side-load), 2–3 otherwise.
 */
export async function topRequesterOf(client: ZafClient, organization: Organization, policy: RestPolicy, options: CallOptions = {}): Promise<OrganizationMatch> {
  const recent = await recentTickets(client, organization.id, policy, options);
  if (!recent.ordered) return { organization, topRequester: null, ticketCount: 0, window: null };
  const window = { counted: recent.tickets.length, complete: recent.complete };
  for (const candidate of rankRequesters(recent.tickets).slice(0, MAX_CANDIDATES)) {
    let person = recent.users.get(candidate.requesterId) ?? null;
    if (!person) {
      try {
        person = readPerson((await getJson(client, `/api/v2/users/${candidate.requesterId}.json`, policy, options)).user);
      } catch (error) {
        if (error instanceof RestError && error.reason === 'notFound') continue;
        throw error;
      }
    }
    if (person) return { organization, topRequester: person, ticketCount: candidate.count, window };
  }
  return { organization, topRequester: null, ticketCount: 0, window };
}

/** The organizations of a CNPJ, the first MAX_ORGANIZATIONS of them with their top requester. */
export async function organizationsByCnpj(client: ZafClient, cnpjKey: string, cnpj: { value: string; formatted: string }, policy: RestPolicy, options: CallOptions = {}): Promise<OrganizationSearch> {
  const found = await searchOrganizations(client, cnpjKey, cnpj, policy, options);
  const matches = await Promise.all(found.slice(0, MAX_ORGANIZATIONS).map((organization) => topRequesterOf(client, organization, policy, options)));
  return { matches, total: found.length };
}
