/**
 * Scenario objects completed to what Zendesk's REST API returns for them: timestamps on every record,
 * a comment's `html_body`/`plain_body` derived from its `body` (or the reverse), a macro's `restriction`,
 * `position`, `raw_title`, and each record's `url`. A scenario exported from Zendesk already has these;
 * a hand-written one gets them the way Zendesk would have produced them.
 */

type Json = Record<string, unknown>;

const HOUR = 3_600_000;

/** Start of the day (UTC) of `now`: generated and completed timestamps are counted back from it. */
export function anchorOf(now: number, given?: string): number {
  if (given) return Date.parse(given);
  const day = new Date(now);
  return Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
}

export const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * A plain-text comment body as Zendesk renders it in `html_body`: one `<p dir="auto">` per paragraph
 * (blank line), `<br>` for a single line break, inside `<div class="zd-comment" dir="auto">`
 * (the shape of the `html_body` examples of https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_comments/).
 */
export function htmlOfBody(body: string): string {
  const paragraphs = body
    .trim()
    .split(/\n\s*\n/)
    .filter((paragraph) => paragraph.trim() !== '')
    .map((paragraph) => `<p dir="auto">${escapeHtml(paragraph.trim()).replace(/\n/g, '<br>')}</p>`);
  return `<div class="zd-comment" dir="auto">${paragraphs.join('')}</div>`;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };

/** The text of an HTML fragment, as `plain_body` gives it: tags dropped, paragraphs and line breaks kept, entities decoded. */
export function textOfHtml(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (entity, name: string) => {
      if (ENTITIES[name.toLowerCase()] !== undefined) return ENTITIES[name.toLowerCase()];
      if (/^#x/i.test(name)) return String.fromCodePoint(parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
      return entity;
    })
    .trim();
}

/** Fills what a comment lacks, in place: body ↔ html_body, plain_body, type, attachments, created_at. */
export function completeComment(comment: Json, createdAt: () => number): Json {
  if (typeof comment.body !== 'string' && typeof comment.html_body === 'string') comment.body = textOfHtml(comment.html_body);
  const body = typeof comment.body === 'string' ? comment.body : '';
  comment.body = body;
  if (typeof comment.html_body !== 'string') comment.html_body = htmlOfBody(body);
  if (typeof comment.plain_body !== 'string') comment.plain_body = textOfHtml(comment.html_body as string);
  comment.type ??= 'Comment';
  comment.public ??= true;
  comment.attachments ??= [];
  comment.created_at ??= iso(createdAt());
  // What Zendesk records of where a comment came from (masked out by the capture command).
  comment.via ??= { channel: 'web', source: { from: {}, to: {}, rel: null } };
  comment.metadata ??= { system: { client: 'Mozilla/5.0 (X11; Linux x86_64)', ip_address: '203.0.113.9', location: 'São Paulo, SP, Brazil' }, custom: {} };
  return comment;
}

/** Timestamps for records that have none, in id order: one every `spacingMs`, the newest at the anchor. */
export function completeTimestamps(records: Json[], anchor: number, spacingMs: number) {
  const missing = records.filter((record) => typeof record.created_at !== 'string').sort((a, b) => Number(a.id) - Number(b.id));
  missing.forEach((record, index) => (record.created_at = iso(anchor - (missing.length - index) * spacingMs)));
  for (const record of records) record.updated_at ??= record.created_at;
}

/** A macro as the Macros API returns it (https://developer.zendesk.com/api-reference/ticketing/business-rules/macros/#json-format). */
export function completeMacro(macro: Json, position: number) {
  macro.restriction ??= null;
  macro.raw_title ??= macro.title;
  macro.position ??= position;
  macro.description ??= null;
  macro.default ??= false;
  macro.active ??= true;
  macro.actions ??= [];
}

/**
 * A macro the user can apply: shared (`restriction` null — or `{}`, as the List Macros example shows),
 * personal to them (`{type: "User", id}`), or restricted to one of their groups (`{type: "Group", ids}`).
 */
export function macroAvailableTo(macro: Json, user: { id: number; group_ids: readonly number[] }): boolean {
  const restriction = macro.restriction as { type?: string; id?: number; ids?: number[] } | null | undefined;
  if (!restriction || !restriction.type) return true;
  const ids = restriction.ids ?? (restriction.id !== undefined ? [restriction.id] : []);
  if (restriction.type === 'User') return ids.includes(user.id);
  if (restriction.type === 'Group') return ids.some((group) => user.group_ids.includes(group));
  return false;
}

/** A user as the Users API returns one: role end-user unless said, active. */
export function completeUser(user: Json) {
  user.role ??= 'end-user';
  user.active ??= true;
  user.email ??= null;
  user.phone ??= null;
  user.organization_id ??= null;
}

export const SPACING = { tickets: 6 * HOUR, users: 12 * HOUR, organizations: 24 * HOUR, macros: 24 * HOUR, comments: HOUR / 4 } as const;

const COLLECTION_PATHS: Record<string, string> = { tickets: 'tickets', users: 'users', organizations: 'organizations', macros: 'macros', ticket_fields: 'ticket_fields', ticket_forms: 'ticket_forms' };

/** The record with its `url` on the origin it was asked from (Zendesk gives every record its API URL). */
export function withUrl(origin: string, collection: keyof typeof COLLECTION_PATHS, record: Json): Json {
  return { url: `${origin}/api/v2/${COLLECTION_PATHS[collection]}/${String(record.id)}.json`, ...record };
}
