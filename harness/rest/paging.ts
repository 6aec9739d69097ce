/**
 * Zendesk's two ways of paging a list, as the stand-in answers them: offset pagination (`page`,
 * `per_page`, `next_page`/`previous_page` as absolute URLs, `count`) and cursor pagination
 * (`page[size]`, `page[after]`/`page[before]`, `meta.has_more`/`after_cursor`/`before_cursor`,
 * `links.next`/`links.prev`). Pure functions over an already filtered list.
 *
 * Sources (docs/zendesk-facts/rest-and-triggers.md §1):
 * - https://developer.zendesk.com/api-reference/introduction/pagination/ — "Most endpoints limit
 *   [page[size]] to a maximum of 100. If you omit the page[size] parameter, offset pagination is used."
 * - https://developer.zendesk.com/documentation/api-basics/pagination/paginating-through-lists-using-offset-pagination/
 *   — next_page is the absolute URL of the next page; "a maximum of 100 records per page".
 * - https://support.zendesk.com/hc/en-us/articles/5591904358938 — offset requests past the first
 *   10,000 records (100 pages) get "400 Bad Request" (body code InvalidPaginationDepth).
 */
export type SortValue = string | number | null;

/** One order of a list: a key tuple per item (its last element should be the id, to break ties). */
export interface Sort<T> {
  /** As the request named it, e.g. "alphabetical", "-updated_at"; cursors remember it. */
  name: string;
  key: (item: T) => readonly SortValue[];
  descending: boolean;
}

export interface PageAnswer {
  status: number;
  body: Record<string, unknown>;
}

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PER_PAGE = 100;
/** Offset pagination stops at page 100 / record 10,000 (HC 5591904358938). */
export const OFFSET_RECORD_LIMIT = 10_000;
export const OFFSET_PAGE_LIMIT = 100;

/** Text keys compare case- and accent-insensitively, then by code point (Zendesk's collation is UNCONFIRMED). */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

function compareValue(a: SortValue, b: SortValue): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const [x, y] = [String(a), String(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

export function compareKeys(a: readonly SortValue[], b: readonly SortValue[]): number {
  for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
    const order = compareValue(a[index] ?? null, b[index] ?? null);
    if (order !== 0) return order;
  }
  return 0;
}

/** The list in the sort's order (a new array). */
export function sortList<T>(items: readonly T[], sort: Sort<T>): T[] {
  const keyed = items.map((item) => ({ item, key: sort.key(item) }));
  keyed.sort((a, b) => (sort.descending ? -1 : 1) * compareKeys(a.key, b.key));
  return keyed.map((entry) => entry.item);
}

export function badRequest(description: string, error = 'InvalidPaginationParameter'): PageAnswer {
  return { status: 400, body: { error, description } };
}

/** A whole positive number from a query parameter, or null when absent; NaN when it is not one. */
function positiveInteger(value: string | null): number | null {
  if (value === null || value === '') return null;
  return /^\d+$/.test(value) && Number(value) > 0 ? Number(value) : Number.NaN;
}

function withParams(url: URL, changes: Record<string, string | null>): string {
  const next = new URL(url.href);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) next.searchParams.delete(name);
    else next.searchParams.set(name, value);
  }
  return next.href;
}

export interface OffsetOptions {
  /** The Search API's cap: results past it are refused with 422 (its own rule, not the 10,000 one). */
  resultLimit?: number;
  /** What the list answer carries besides the page (Search: `facets: null`). */
  extra?: Record<string, unknown>;
}

/**
 * Offset pagination: `per_page` above 100 is served as 100, absent as 100; `page` from 1. A page past
 * the end is an empty list. `next_page`/`previous_page` are absolute URLs on the request's origin with
 * every other parameter kept. A `per_page` or `page` that is not a positive whole number is refused
 * with 400 (what Zendesk does with one is UNCONFIRMED; strict rather than kind).
 */
export function offsetPage<T>(url: URL, key: string, items: readonly T[], options: OffsetOptions = {}): PageAnswer {
  const perPageAsked = positiveInteger(url.searchParams.get('per_page'));
  const page = positiveInteger(url.searchParams.get('page')) ?? 1;
  if (Number.isNaN(perPageAsked)) return badRequest('per_page must be a whole number from 1 to 100');
  if (Number.isNaN(page)) return badRequest('page must be a whole number from 1');
  const perPage = Math.min(perPageAsked ?? DEFAULT_PER_PAGE, MAX_PAGE_SIZE);
  if (options.resultLimit !== undefined) {
    // https://developer.zendesk.com/api-reference/ticketing/ticket-management/search/#results-limit
    if (page * perPage > options.resultLimit) return { status: 422, body: { error: 'invalid', description: 'Invalid search: Requested response size was greater than Search Response Limits' } };
  } else if (page > OFFSET_PAGE_LIMIT || page * perPage > OFFSET_RECORD_LIMIT) {
    return {
      status: 400,
      body: { errors: [{ code: 'InvalidPaginationDepth', title: 'Pagination requests using Offset Pagination are limited to page 100 or up to 10000 records (page * per_page)', detail: 'Use cursor pagination to read further.' }] },
    };
  }
  const start = (page - 1) * perPage;
  const slice = items.slice(start, start + perPage);
  return {
    status: 200,
    body: {
      [key]: slice,
      ...options.extra,
      next_page: start + perPage < items.length ? withParams(url, { page: String(page + 1) }) : null,
      previous_page: page > 1 ? withParams(url, { page: String(page - 1) }) : null,
      count: items.length,
    },
  };
}

function encodeCursor(sortName: string, key: readonly SortValue[]): string {
  const bytes = new TextEncoder().encode(JSON.stringify([sortName, key]));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function decodeCursor(cursor: string): [string, SortValue[]] | null {
  try {
    const binary = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
    const decoded = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)))) as unknown;
    if (!Array.isArray(decoded) || typeof decoded[0] !== 'string' || !Array.isArray(decoded[1])) return null;
    return [decoded[0], decoded[1] as SortValue[]];
  } catch {
    return null;
  }
}

export interface CursorOptions {
  /** Largest page[size]; most endpoints 100, Search Export 1,000. */
  maxSize?: number;
  /** Search Export: "links.prev is always null". */
  noPrevious?: boolean;
}

/**
 * Cursor pagination over a list already in `sort`'s order. A cursor is opaque: it names the sort and the
 * key of the item it stands after/before, so paging stays right while the list changes underneath.
 * `page[size]` above the endpoint's maximum, both `page[after]` and `page[before]`, or a cursor of
 * another order are refused with 400 (Zendesk's exact answer to each is UNCONFIRMED; strict rather
 * than kind). The cursors of the page's first and last items are given even on the last page; only
 * `meta.has_more` says whether to go on (UNCONFIRMED detail; a client must read has_more).
 */
export function cursorPage<T>(url: URL, key: string, sorted: readonly T[], sort: Sort<T>, options: CursorOptions = {}): PageAnswer {
  const maxSize = options.maxSize ?? MAX_PAGE_SIZE;
  const size = positiveInteger(url.searchParams.get('page[size]'));
  if (size === null || Number.isNaN(size) || size > maxSize) return badRequest(`page[size] must be a whole number from 1 to ${maxSize}`);
  const after = url.searchParams.get('page[after]');
  const before = url.searchParams.get('page[before]');
  if (after !== null && before !== null) return badRequest('page[after] and page[before] cannot be used together');
  const direction = sort.descending ? -1 : 1;
  let slice: T[];
  let hasMore: boolean;
  if (after !== null || before !== null) {
    const cursor = decodeCursor((after ?? before)!);
    if (!cursor || cursor[0] !== sort.name) return badRequest('the cursor is not valid for this list and sort');
    const position = (item: T) => direction * compareKeys(sort.key(item), cursor[1]);
    if (after !== null) {
      const rest = sorted.filter((item) => position(item) > 0);
      slice = rest.slice(0, size);
      hasMore = rest.length > size;
    } else {
      const earlier = sorted.filter((item) => position(item) < 0);
      slice = earlier.slice(Math.max(0, earlier.length - size));
      hasMore = earlier.length > size;
    }
  } else {
    slice = sorted.slice(0, size);
    hasMore = sorted.length > size;
  }
  const afterCursor = slice.length > 0 ? encodeCursor(sort.name, sort.key(slice[slice.length - 1])) : null;
  const beforeCursor = slice.length > 0 && !options.noPrevious ? encodeCursor(sort.name, sort.key(slice[0])) : null;
  return {
    status: 200,
    body: {
      [key]: slice,
      meta: { has_more: hasMore, after_cursor: afterCursor, before_cursor: beforeCursor },
      links: {
        next: afterCursor ? withParams(url, { 'page[after]': afterCursor, 'page[before]': null }) : null,
        prev: beforeCursor ? withParams(url, { 'page[before]': beforeCursor, 'page[after]': null }) : null,
      },
    },
  };
}

/** Cursor pagination is asked for by `page[size]` (or a cursor); without it, offset pagination is used. */
export function wantsCursor(url: URL): boolean {
  return url.searchParams.has('page[size]') || url.searchParams.has('page[after]') || url.searchParams.has('page[before]');
}
