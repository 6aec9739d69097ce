import type { AccountMacro, AccountObjects, AccountOrganizationField, AccountTicketField, AccountTicketForm } from '../domain/setupAccount';
import type { FailureReason } from '../domain/ticket';
import { RestError, type ZafClient } from './client';
import type { RestPolicy } from './http';
import { readAll } from './paging';
import { asRecord } from './ticketContext';

/**
 * The setup assistant's reads of the account: every ticket field, ticket form, organization field and
 * active macro, each list read to its end with the paging Zendesk gives it. Runs only when an admin
 * opens the assistant, never for an agent's ticket view; nothing is cached (the admin wants the
 * account as it is now).
 */

/** Why a list could not be read: a REST failure, or more pages than Zendesk serves (offset paging stops at 100). */
export type ListFailure = FailureReason | 'tooManyPages';
export type ListRead<T> = { ok: true; items: T[] } | { ok: false; reason: ListFailure };

export interface AccountRead {
  ticketFields: ListRead<AccountTicketField>;
  ticketForms: ListRead<AccountTicketForm>;
  organizationFields: ListRead<AccountOrganizationField>;
  macros: ListRead<AccountMacro>;
}

/**
 * Offset paging past the first 10,000 records (100 pages) answers 400 (Zendesk, "New limits for
 * offset-based pagination", support.zendesk.com/hc/en-us/articles/5591904358938); cursor lists are
 * read up to the same 100 pages. A list still going on after that is reported, not cut silently.
 */
const MAX_PAGES = 100;


/** Every item of a list, read to its end by the app's one pager (paging.ts); one it could not finish is 'tooManyPages'. */
async function readList<T>(client: ZafClient, url: string, key: string, read: (item: Record<string, unknown>) => T | null, policy: RestPolicy): Promise<ListRead<T>> {
  try {
    const items = await readAll(client, url, key, { ...policy, maxPages: MAX_PAGES });
    return { ok: true, items: items.flatMap((raw) => (asRecord(raw) && read(raw as Record<string, unknown>)) || []) };
  } catch (error) {
    if (error instanceof RestError && error.reason === 'incomplete') return { ok: false, reason: 'tooManyPages' };
    return { ok: false, reason: error instanceof RestError ? error.reason : 'network' };
  }
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const positiveId = (value: unknown) => (typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : null);

function ticketField(raw: Record<string, unknown>): AccountTicketField | null {
  const id = positiveId(raw.id);
  if (id === null) return null;
  const options = Array.isArray(raw.custom_field_options) ? raw.custom_field_options : [];
  return {
    id,
    title: text(raw.title),
    type: text(raw.type),
    active: raw.active !== false,
    options: options.flatMap((option) => {
      const entry = asRecord(option);
      return entry && text(entry.name) && text(entry.value) ? [{ name: text(entry.name), value: text(entry.value) }] : [];
    }),
  };
}

function ticketForm(raw: Record<string, unknown>): AccountTicketForm | null {
  const id = positiveId(raw.id);
  return id === null ? null : { id, name: text(raw.name), active: raw.active !== false };
}

function organizationField(raw: Record<string, unknown>): AccountOrganizationField | null {
  const key = text(raw.key);
  return key === '' ? null : { key, title: text(raw.title), type: text(raw.type), active: raw.active !== false };
}

/** `restriction`: null (or `{}`) shared, `{type: "User"}` personal, `{type: "Group"}` a group's (DZ Macros, JSON format). */
function macro(raw: Record<string, unknown>): AccountMacro | null {
  const id = positiveId(raw.id);
  if (id === null || text(raw.title) === '') return null;
  const type = asRecord(raw.restriction)?.type;
  return { id, title: text(raw.title), active: raw.active !== false, restriction: type === 'User' ? 'personal' : type === 'Group' ? 'group' : 'shared' };
}

/** Reads the four lists at once; each says for itself whether it was read to its end. */
export async function readAccount(client: ZafClient, policy: RestPolicy): Promise<AccountRead> {
  const [ticketFields, ticketForms, organizationFields, macros] = await Promise.all([
    // Cursor paging, 100 per page, in id order: https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_fields/#list-ticket-fields
    readList(client, '/api/v2/ticket_fields.json?page[size]=100', 'ticket_fields', ticketField, policy),
    // No paging documented (offset if any): https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_forms/#list-ticket-forms
    readList(client, '/api/v2/ticket_forms.json', 'ticket_forms', ticketForm, policy),
    // Cursor paging, 100 per page: https://developer.zendesk.com/api-reference/ticketing/organizations/organization_fields/#list-organization-fields
    readList(client, '/api/v2/organization_fields.json?page[size]=100', 'organization_fields', organizationField, policy),
    // Shared and the current user's personal active macros, offset paging: https://developer.zendesk.com/api-reference/ticketing/business-rules/macros/#list-active-macros
    readList(client, '/api/v2/macros/active.json?per_page=100', 'macros', macro, policy),
  ]);
  return { ticketFields, ticketForms, organizationFields, macros };
}

/** The lists as the pure proposal reads them: a list not read to its end is unknown (null), never empty. */
export function accountObjects(read: AccountRead): AccountObjects {
  const items = <T>(list: ListRead<T>) => (list.ok ? list.items : null);
  return { ticketFields: items(read.ticketFields), ticketForms: items(read.ticketForms), organizationFields: items(read.organizationFields), macros: items(read.macros) };
}
