import type { Organization, Person } from './ticket';
import { readCnpj } from './cnpj';

export interface OrganizationMatch {
  organization: Organization;
  /** The organization's user who opened the most tickets (procedure "Organização em branco"). */
  topRequester: Person | null;
  ticketCount: number;
}

/** Organizations whose CNPJ field is this CNPJ (punctuation and format aside). */
export function organizationsWithCnpj(organizations: readonly Organization[], cnpjKey: string, cnpjValue: string): Organization[] {
  return organizations.filter((organization) => {
    const reading = readCnpj(organization.fields[cnpjKey]);
    return reading.kind === 'valid' && reading.value === cnpjValue;
  });
}

/** Most tickets first; on a tie, the lower user id, so the answer never depends on list order. */
export function topRequester(
  tickets: readonly { requesterId: number | null }[],
  users: readonly Person[],
): { user: Person; count: number } | null {
  const counts = new Map<number, number>();
  for (const ticket of tickets) {
    if (ticket.requesterId !== null) counts.set(ticket.requesterId, (counts.get(ticket.requesterId) ?? 0) + 1);
  }
  let best: { user: Person; count: number } | null = null;
  for (const user of users) {
    if (user.id === null) continue;
    const count = counts.get(user.id) ?? 0;
    if (count === 0) continue;
    if (!best || count > best.count || (count === best.count && user.id < (best.user.id ?? Infinity))) best = { user, count };
  }
  return best;
}
