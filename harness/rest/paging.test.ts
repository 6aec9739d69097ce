// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { cursorPage, offsetPage, sortList, type Sort } from './paging';

type Item = { id: number; name: string };
const items = (n: number): Item[] => Array.from({ length: n }, (_, index) => ({ id: index + 1, name: `item ${index + 1}` }));
const url = (query: string) => new URL(`https://acme.zendesk.com/api/v2/things.json${query}`);
const byId: Sort<Item> = { name: 'id', key: (item) => [item.id], descending: false };
const ids = (body: Record<string, unknown>) => (body.things as Item[]).map((item) => item.id);

describe('offset pagination (https://developer.zendesk.com/api-reference/introduction/pagination/)', () => {
  it('serves 100 per page by default, with count and absolute next_page/previous_page keeping the other parameters', () => {
    const first = offsetPage(url('?sort_by=id'), 'things', items(250));
    expect(first.status).toBe(200);
    expect(ids(first.body)).toHaveLength(100);
    expect(first.body).toMatchObject({ count: 250, previous_page: null, next_page: 'https://acme.zendesk.com/api/v2/things.json?sort_by=id&page=2' });
    const second = offsetPage(new URL(first.body.next_page as string), 'things', items(250));
    const third = offsetPage(new URL(second.body.next_page as string), 'things', items(250));
    expect(ids(third.body)).toEqual(items(250).slice(200).map((item) => item.id));
    expect(third.body).toMatchObject({ next_page: null, previous_page: 'https://acme.zendesk.com/api/v2/things.json?sort_by=id&page=2', count: 250 });
  });

  it('caps per_page at 100 and follows next_page to the end, every item once', () => {
    expect(ids(offsetPage(url('?per_page=250'), 'things', items(300)).body)).toHaveLength(100);
    const seen: number[] = [];
    let next: string | null = url('?per_page=30').href;
    let pages = 0;
    while (next) {
      const { body } = offsetPage(new URL(next), 'things', items(95));
      seen.push(...ids(body));
      next = body.next_page as string | null;
      pages += 1;
    }
    expect([pages, seen]).toEqual([4, items(95).map((item) => item.id)]);
  });

  it('answers a page past the end with an empty list, and refuses pages that are not whole positive numbers', () => {
    expect(offsetPage(url('?page=9'), 'things', items(10)).body).toMatchObject({ things: [], next_page: null, count: 10 });
    for (const query of ['?page=0', '?page=abc', '?per_page=0', '?per_page=-5', '?per_page=1.5']) expect(offsetPage(url(query), 'things', items(10)).status).toBe(400);
  });

  it('refuses offset requests past page 100 or record 10,000 with 400 InvalidPaginationDepth (HC 5591904358938)', () => {
    expect(offsetPage(url('?page=100'), 'things', items(10)).status).toBe(200);
    const deep = offsetPage(url('?page=101'), 'things', items(10));
    expect(deep.status).toBe(400);
    expect(JSON.stringify(deep.body)).toContain('InvalidPaginationDepth');
    expect(offsetPage(url('?per_page=100&page=101'), 'things', items(10)).status).toBe(400);
  });

  it('Search: 1,000 results at most — page 10 of 100 answers, page 11 is a 422, count still says every match', () => {
    const all = items(1500);
    const tenth = offsetPage(url('?page=10'), 'results', all, { resultLimit: 1000 });
    expect(tenth.status).toBe(200);
    expect(tenth.body).toMatchObject({ count: 1500, next_page: 'https://acme.zendesk.com/api/v2/things.json?page=11' });
    const eleventh = offsetPage(url('?page=11'), 'results', all, { resultLimit: 1000 });
    expect(eleventh).toEqual({ status: 422, body: { error: 'invalid', description: 'Invalid search: Requested response size was greater than Search Response Limits' } });
    expect(offsetPage(url('?per_page=50&page=20'), 'results', all, { resultLimit: 1000 }).status).toBe(200);
    expect(offsetPage(url('?per_page=50&page=21'), 'results', all, { resultLimit: 1000 }).status).toBe(422);
  });
});

describe('cursor pagination', () => {
  const walk = (list: Item[], sort: Sort<Item>, size: number) => {
    const pages: number[][] = [];
    let next: string | null = url(`?page[size]=${size}`).href;
    for (;;) {
      const { status, body } = cursorPage(new URL(next!), 'things', sortList(list, sort), sort);
      expect(status).toBe(200);
      pages.push(ids(body));
      const meta = body.meta as { has_more: boolean; after_cursor: string | null; before_cursor: string | null };
      const links = body.links as { next: string | null; prev: string | null };
      expect(meta.after_cursor).not.toBeNull();
      expect(links.next).toBe(new URL(links.next!).href); // absolute
      expect(new URL(links.next!).searchParams.get('page[after]')).toBe(meta.after_cursor);
      expect(new URL(links.prev!).searchParams.get('page[before]')).toBe(meta.before_cursor);
      if (!meta.has_more) return pages;
      next = links.next;
    }
  };

  it('follows links.next while meta.has_more through the whole list, every item once, in the sort order', () => {
    const pages = walk(items(250), byId, 100);
    expect(pages.map((page) => page.length)).toEqual([100, 100, 50]);
    expect(pages.flat()).toEqual(items(250).map((item) => item.id));
    const descending = walk(items(250), { ...byId, name: '-id', descending: true }, 100);
    expect(descending.flat()).toEqual(items(250).map((item) => item.id).reverse());
    expect(walk(items(100), byId, 100)).toEqual([items(100).map((item) => item.id)]); // exactly one full page: has_more false
  });

  it('links.prev gives the page before; a cursor stays right when the list changes underneath', () => {
    const list = items(30);
    const first = cursorPage(url('?page[size]=10'), 'things', list, byId);
    const second = cursorPage(new URL((first.body.links as { next: string }).next), 'things', list, byId);
    expect(ids(second.body)).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    const back = cursorPage(new URL((second.body.links as { prev: string }).prev), 'things', list, byId);
    expect(ids(back.body)).toEqual(ids(first.body));
    // Item 5 is deleted and item 31 created after page 1 was read: page 2 neither repeats nor skips.
    const changed = [...list.filter((item) => item.id !== 5), { id: 31, name: 'new' }];
    expect(ids(cursorPage(new URL((first.body.links as { next: string }).next), 'things', changed, byId).body)).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
  });

  it('refuses page[size] over 100, both cursors at once, a cursor of another sort or a forged one (400)', () => {
    expect(cursorPage(url('?page[size]=101'), 'things', items(5), byId).status).toBe(400);
    expect(cursorPage(url('?page[size]=0'), 'things', items(5), byId).status).toBe(400);
    const first = cursorPage(url('?page[size]=2'), 'things', items(5), byId);
    const after = (first.body.meta as { after_cursor: string }).after_cursor;
    expect(cursorPage(url(`?page[size]=2&page[after]=${after}&page[before]=${after}`), 'things', items(5), byId).status).toBe(400);
    expect(cursorPage(url(`?page[size]=2&page[after]=${after}`), 'things', items(5), { ...byId, name: '-id', descending: true }).status).toBe(400);
    expect(cursorPage(url('?page[size]=2&page[after]=not-a-cursor'), 'things', items(5), byId).status).toBe(400);
    expect(cursorPage(url('?page[size]=1000'), 'things', items(5), byId, { maxSize: 1000 }).status).toBe(200);
  });
});
