/**
 * The account's objects the setup assistant maps settings to, as plain data read from Zendesk's REST
 * API (the app's REST layer turns each JSON object into one of these; nothing else is kept).
 *
 * - Ticket fields: https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_fields/
 *   (`type` is Zendesk's: `text`, `textarea`, `regexp`, `integer`, `decimal`, `checkbox`, `date`,
 *   `tagger` = single-select dropdown, nested when its option names use `::`, `multiselect`, `lookup`;
 *   system fields carry their own types: `subject`, `status`, …).
 * - Ticket forms: https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_forms/
 * - Organization fields: https://developer.zendesk.com/api-reference/ticketing/organizations/organization_fields/
 *   (`key` is what `organization_fields` on an organization is keyed by; `type` among `text`,
 *   `textarea`, `regexp`, `integer`, `decimal`, `checkbox`, `date`, `dropdown`, `multiselect`, `lookup`).
 * - Macros: https://developer.zendesk.com/api-reference/ticketing/business-rules/macros/ (`restriction`
 *   null or `{}` for a shared macro, `{type: "User"}` for a personal one, `{type: "Group"}` for a group's).
 */
export interface AccountOption {
  /** The option's title; nested levels joined by `::`. */
  name: string;
  /** Its tag. */
  value: string;
}

export interface AccountTicketField {
  id: number;
  title: string;
  type: string;
  active: boolean;
  options: AccountOption[];
}

export interface AccountTicketForm {
  id: number;
  name: string;
  active: boolean;
}

export interface AccountOrganizationField {
  key: string;
  title: string;
  type: string;
  active: boolean;
}

export interface AccountMacro {
  id: number;
  title: string;
  active: boolean;
  /** Who may apply it: everyone (shared), a group, or one user (personal). */
  restriction: 'shared' | 'group' | 'personal';
}

/**
 * What the setup read of the account. A list that could not be read to its end is `null`: unknown,
 * never taken as "the account has none".
 */
export interface AccountObjects {
  ticketFields: AccountTicketField[] | null;
  ticketForms: AccountTicketForm[] | null;
  organizationFields: AccountOrganizationField[] | null;
  macros: AccountMacro[] | null;
}
