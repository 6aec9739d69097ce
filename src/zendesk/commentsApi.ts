import type { SavedComment } from '../domain/ticket';
import { htmlToText } from '../domain/html';
import type { ZafClient } from './client';
import type { CallOptions, RestPolicy } from './http';
import { readUntil } from './paging';

/*
 * Why REST at all: no ZAF source read for this app says which saved comments are internal. The facts
 * file (docs/zendesk-facts/zaf-and-validator.md §4) found no public/internal flag on the items of ZAF's
 * `ticket.comments` or `ticket.conversation`; a new search (docs and code corpora, 'ticket.comments'
 * isPublic / nonPublic, 'ticket.conversation') found apps reading `author.role`, `message.content` and
 * `timestamp` from them, and none reading a visibility flag. Unconfirmed, so the app keeps reading
 * `public` from GET /api/v2/tickets/{id}/comments until a live `client.get('ticket.conversation')`
 * shows one.
 */

/**
 * A saved comment's text for the rules: `plain_body` ("presented as plain text", the most sanitized of
 * the three), else `body`, else `html_body` as text (domain/html.ts). Its `public` flag: "true if a public comment; false
 * if an internal note" (https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_comments/).
 */
export function readComment(raw: unknown): SavedComment | null {
  if (raw === null || typeof raw !== 'object') return null;
  const comment = raw as Record<string, unknown>;
  const text = typeof comment.plain_body === 'string' ? comment.plain_body : typeof comment.body === 'string' ? comment.body : typeof comment.html_body === 'string' ? htmlToText(comment.html_body) : '';
  return { body: text, public: comment.public !== false };
}

/** Saved comments as read: oldest first; `complete` false when only the newest part was read (see readSavedComments). */
export interface SavedComments {
  comments: SavedComment[];
  complete: boolean;
}

/**
 * A ticket's saved comments, read newest first with cursor paging
 * (`GET /api/v2/tickets/{id}/comments?page[size]=100&sort=-created_at`: cursor `sort` "created_at" or
 * "-created_at", 100 a page, at most 5,000 comments — so at most 50 requests;
 * https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_comments/#list-comments), until
 * `enough(newestFirst)` holds or the list ends; returned oldest first. `complete` false: the older rest
 * was not read because `enough` already held — never "absent". Not cached here (see
 * ZendeskApi.savedComments). Rejects with a RestError; with `deadlineAt`, 'timeout' once it passes —
 * the notes are then "not read", never "absent".
 */
export async function readSavedComments(
  client: ZafClient,
  ticketId: number,
  policy: RestPolicy,
  options: CallOptions & { enough?: (newestFirst: SavedComment[]) => boolean } = {},
): Promise<SavedComments> {
  const read = (items: unknown[]) => items.map(readComment).filter((comment): comment is SavedComment => comment !== null);
  const { enough, ...call } = options;
  const { items, complete } = await readUntil(client, `/api/v2/tickets/${ticketId}/comments.json?page[size]=100&sort=-created_at`, 'comments', policy, {
    ...call,
    enough: enough ? (newestFirst) => enough(read(newestFirst)) : undefined,
  });
  return { comments: read(items).reverse(), complete };
}
