import type { SentinelaState } from './state';

/**
 * Who may use the setup assistant: admins only. ZAF's `currentUser.role` is "admin" for an admin
 * (docs/zendesk-facts/zaf-and-validator.md §6); any other value, or a role that could not be read, is
 * not an admin. Zendesk itself refuses the installation update to anyone else ("Allowed For: Admins",
 * https://developer.zendesk.com/api-reference/ticketing/apps/apps/#update-app-installation).
 */
export const ADMIN_ROLE = 'admin';

/** From the batched get of first render: whether to offer the assistant at all. */
export function isAdmin(state: Pick<SentinelaState, 'context'>): boolean {
  return state.context?.role === ADMIN_ROLE;
}
