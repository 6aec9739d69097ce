import { RestError, type ZafClient } from './client';
import { getJson, type CallOptions, type RestPolicy } from './http';

/**
 * Zendesk's two ways of paging a list (https://developer.zendesk.com/api-reference/introduction/pagination/):
 * - cursor: `page[size]` (at most 100); the answer has `meta.has_more`, `meta.after_cursor` and
 *   `links.next` (an absolute URL with `page[after]`);
 * - offset: `per_page` (at most 100) and `page`; the answer has `next_page` (an absolute URL, null on the
 *   last page) and `count`. Offset paging stops at 100 pages ("400 Bad Request" beyond the first 10,000
 *   records, https://support.zendesk.com/hc/en-us/articles/5591904358938), and Search at 1,000 results
 *   ("422" for page 11, https://developer.zendesk.com/api-reference/ticketing/ticket-management/search/).
 */

/** The path and query of a page link (Zendesk sends absolute URLs on the account), or null. */
export function pageLink(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null;
  try {
    const url = new URL(value, 'https://account.invalid');
    return `${url.pathname}${url.search}`;
  } catch {
    return null;
  }
}

export interface Page {
  items: unknown[];
  /** Where the next page is; null when this is the last one. */
  next: string | null;
  /** Offset paging's `count`: how many items the whole list has (null when not said). */
  count: number | null;
}

/** The items of one answer under `key`, and its next page, in whichever paging the answer uses. */
export function readPage(body: Record<string, unknown>, key: string): Page {
  const list = body[key];
  if (!Array.isArray(list)) throw new RestError('malformed', 200);
  const meta = body.meta as Record<string, unknown> | null | undefined;
  if (meta && typeof meta === 'object' && typeof meta.has_more === 'boolean') {
    if (!meta.has_more) return { items: list, next: null, count: null };
    const links = body.links as Record<string, unknown> | null | undefined;
    const next = pageLink(links?.next);
    // "More" with nowhere to go is an answer the app cannot finish reading: never taken as the end.
    if (!next) throw new RestError('malformed', 200);
    return { items: list, next, count: null };
  }
  return { items: list, next: pageLink(body.next_page), count: typeof body.count === 'number' ? body.count : null };
}

/**
 * Every item of a list, read to its end, page after page (one request each). Never a silent cap:
 * a list longer than `policy.maxPages` pages, one Zendesk refuses to page further (400/422 after the
 * first page), or one that ends with fewer items than its `count` rejects with RestError 'incomplete'
 * — "not read", never "absent" or "empty".
 */
export async function readAll(client: ZafClient, url: string, key: string, policy: RestPolicy, options: CallOptions = {}): Promise<unknown[]> {
  return (await readUntil(client, url, key, policy, options)).items;
}

/**
 * The items of a list, page after page, until `enough(itemsSoFar)` holds after a page or the list ends.
 * `complete` says which: true when every item was read (then `enough` may or may not hold), false when
 * the reading stopped early because `enough` held — the caller knows only what it asked for, and must
 * never read the missing rest as "absent". Without `enough`, the same as readAll. Same errors as readAll.
 */
export async function readUntil(
  client: ZafClient,
  url: string,
  key: string,
  policy: RestPolicy,
  options: CallOptions & { enough?: (items: unknown[]) => boolean } = {},
): Promise<{ items: unknown[]; complete: boolean }> {
  const items: unknown[] = [];
  const seen = new Set<string>();
  let count: number | null = null;
  let next: string | null = url;
  for (let page = 0; next; page += 1) {
    if (page >= policy.maxPages) throw new RestError('incomplete', 0);
    if (seen.has(next)) throw new RestError('malformed', 200);
    seen.add(next);
    let body: Record<string, unknown>;
    try {
      body = await getJson(client, next, policy, options);
    } catch (error) {
      if (page > 0 && error instanceof RestError && (error.status === 400 || error.status === 422)) throw new RestError('incomplete', error.status);
      throw error;
    }
    const answer = readPage(body, key);
    items.push(...answer.items);
    count = answer.count ?? count;
    next = answer.next;
    if (next && options.enough?.(items)) return { items, complete: false };
  }
  if (count !== null && items.length < count) throw new RestError('incomplete', 0);
  return { items, complete: true };
}
