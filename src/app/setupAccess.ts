import type { ZafClient } from '../zendesk/client';
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

/**
 * A fresh read of the role, right before the assistant reads the account or writes the settings: the
 * code path itself refuses a non-admin, whatever the UI shows. Never rejects; false when unreadable.
 */
export async function confirmAdmin(client: ZafClient): Promise<boolean> {
  try {
    const { values, errors } = await client.get(['currentUser.role']);
    return !('currentUser.role' in errors) && values['currentUser.role'] === ADMIN_ROLE;
  } catch {
    return false;
  }
}
