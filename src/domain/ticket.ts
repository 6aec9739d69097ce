/** The plain data every rule reads: what one batched ZAF get (and later events) tell about a ticket. */
export interface Person {
  id: number | null;
  name: string;
  email: string | null;
  phone?: string | null;
}

export interface Organization {
  id: number;
  name: string;
  /** organizationFields, keyed by the org field's key. */
  fields: Record<string, unknown>;
}

/** One option of a dropdown field: `label` is the full name (nested levels joined by `::`). */
export interface FieldOption {
  label: string;
  value: string;
}

export interface Ticket {
  id: number | null;
  /**
   * The status in the editor now (what a save would send). What Zendesk has stored is not here: ZAF
   * reads only the editor; the app keeps it apart (SentinelaState.savedStatus), as known or not.
   */
  status: string;
  subject: string;
  /**
   * What Zendesk has stored, as first read (and after a save): a value in the editor that differs
   * from it is an edit of this session. Procedures use it to tell the agent's typing from the
   * ticket's own values (see src/domain/overwrite.ts).
   */
  saved: { subject: string; fields: Record<number, unknown>; formId: number | null };
  /** The first comment. */
  description: string;
  type: string | null;
  formId: number | null;
  requester: Person | null;
  organization: Organization | null;
  /** Configured custom fields, by field ID. */
  fields: Record<number, unknown>;
  /** The comment being composed. */
  draft: { text: string; internal: boolean };
  /** The ticket's tags (ZAF `ticket.tags`): how the server-side backstop marks a ticket it put back. */
  tags: string[];
}

/**
 * The parts of a ticket that ZAF reads (one path each, or two for the draft). A part listed in
 * `TicketContext.unreadable` could not be read: its value in `ticket` is a placeholder (null, '',
 * 'new') and must never be taken as "empty", "absent" or "false" — the rules say it was not checked.
 */
export const TICKET_PARTS = ['id', 'status', 'subject', 'description', 'type', 'form', 'requester', 'organization', 'draft', 'draftType', 'tags'] as const;
export type TicketPart = (typeof TICKET_PARTS)[number];

export interface TicketContext {
  ticket: Ticket;
  /** Parts of the ticket the batched get could not read (see TicketPart). */
  unreadable: TicketPart[];
  /** Options of the configured dropdown fields, by field ID. */
  fieldOptions: Record<number, FieldOption[]>;
  /** ZAF paths the batched get could not read (a field ID that does not exist here, …). */
  unreadablePaths: string[];
  /** Configured custom fields among them: their checks say "not checked", never "missing". */
  unreadableFields: number[];
  locale: string;
  /** ZAF `currentUser.role` ("admin", "agent", or a custom role's name); null when it could not be read. */
  role?: string | null;
  /** ZAF `ticket.updatedAt` (ISO 8601) when the view started, or null/absent when not read. */
  updatedAt?: string | null;
}

/** Whether ZAF could read this part of the ticket (an unreadable part is unknown, not empty). */
export function isKnown(context: Pick<TicketContext, 'unreadable'>, part: TicketPart): boolean {
  return !context.unreadable.includes(part);
}

/**
 * The answer to a yes/no question about the ticket when some inputs may be unknown: 'unknown' is its
 * own answer, never folded into 'no' (an unreadable organization is not "no financial pending").
 */
export type Tri = 'yes' | 'no' | 'unknown';

export interface SavedComment {
  body: string;
  public: boolean;
}

/**
 * Something fetched over REST after first paint: its state is part of what the rules see. `partial` on
 * 'done': the value is only the newest part of a longer list, read until it held what the rule that
 * asked needs (saved comments: the internal note of procedure 002). A rule must never conclude "absent"
 * from a partial value.
 */
export type Lookup<T> =
  | { state: 'idle' }
  | { state: 'loading'; waiting?: Waiting }
  | { state: 'done'; value: T; partial?: true }
  | { state: 'failed'; reason: FailureReason };

/**
 * A look-up waiting before it retries: how long (seconds, Zendesk's own Retry-After for a 429) and why —
 * the rate limit (429) or a server error (5xx), which the agent is told apart.
 */
export interface Waiting {
  seconds: number;
  reason: Extract<FailureReason, 'rateLimited' | 'server'>;
}

/** Why a look-up has no answer. 'incomplete': a list too long to read to its end (never taken as empty). */
export type FailureReason = 'timeout' | 'rateLimited' | 'server' | 'malformed' | 'network' | 'forbidden' | 'notFound' | 'incomplete';
