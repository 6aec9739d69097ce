import type { Organization, Person } from './ticket';
import { readCnpj } from './cnpj';

/**
 * The tickets the top requester was counted among: the organization's `counted` most recently updated
 * tickets. `complete`: they are all its tickets (the list ended there), so nothing was left uncounted.
 */
export interface CountWindow {
  counted: number;
  complete: boolean;
}

export interface OrganizationMatch {
  organization: Organization;
  /**
   * The user who opened the most of the organization's recent tickets (procedure "Organização em branco",
   * 001 step 3), or null when none of those tickets has a requester whose record could be read.
   */
  topRequester: Person | null;
  /** How many of the counted tickets that user requested. */
  ticketCount: number;
  /** What was counted; null when the organization's recent tickets could not be told apart (see RecentTickets). */
  window: CountWindow | null;
}

/**
 * What the search by the session CNPJ found: every organization with that CNPJ (`total`), the first
 * few of them with their top requester (`matches`); the others were not looked at, and say so.
 */
export interface OrganizationSearch {
  matches: OrganizationMatch[];
  total: number;
}

/** Organizations whose CNPJ field is this CNPJ (punctuation and format aside). */
export function organizationsWithCnpj(organizations: readonly Organization[], cnpjKey: string, cnpjValue: string): Organization[] {
  return organizations.filter((organization) => {
    const reading = readCnpj(organization.fields[cnpjKey]);
    return reading.kind === 'valid' && reading.value === cnpjValue;
  });
}

export interface TicketActivity {
  requesterId: number | null;
  /** ISO 8601 `updated_at`, or null when the ticket did not say. */
  updatedAt: string | null;
}

/**
 * Whether a page of tickets is newest first by `updated_at` (each at or before the one above it). Zendesk
 * documents `sort=-updated_at` on List Tickets, but the facts file found it unverified on the
 * organization endpoint: the app checks the answer rather than trust the parameter. A ticket without a
 * readable date makes the order unknown (false).
 */
export function isNewestFirst(tickets: readonly TicketActivity[]): boolean {
  let previous = Infinity;
  for (const ticket of tickets) {
    const at = ticket.updatedAt === null ? NaN : Date.parse(ticket.updatedAt);
    if (Number.isNaN(at) || at > previous) return false;
    previous = at;
  }
  return true;
}

/**
 * The requesters of a set of tickets, most tickets first; on a tie, the one with the most recent ticket,
 * then the lower user id, so the answer never depends on list order. Tickets without a requester are
 * not counted for anyone.
 */
export function rankRequesters(tickets: readonly TicketActivity[]): { requesterId: number; count: number }[] {
  const tally = new Map<number, { count: number; latest: number }>();
  for (const ticket of tickets) {
    if (ticket.requesterId === null) continue;
    const at = ticket.updatedAt === null ? -Infinity : Date.parse(ticket.updatedAt) || -Infinity;
    const entry = tally.get(ticket.requesterId) ?? { count: 0, latest: -Infinity };
    tally.set(ticket.requesterId, { count: entry.count + 1, latest: Math.max(entry.latest, at) });
  }
  return [...tally.entries()]
    .sort(([idA, a], [idB, b]) => b.count - a.count || b.latest - a.latest || idA - idB)
    .map(([requesterId, { count }]) => ({ requesterId, count }));
}
