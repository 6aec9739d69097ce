// @vitest-environment node
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_POLICY, type RestPolicy } from './http';
import { pageLink, readAll } from './paging';
import { fakeZendesk, generatedMacros } from './fixtures';
import { listMacros, searchMacros } from './macrosApi';
import { readSavedComments } from './commentsApi';
import { searchOrganizations } from './organizationsApi';

const policy: RestPolicy = { ...DEFAULT_POLICY, timeoutMs: 200, sleep: async () => undefined };

describe('readAll', () => {
  it('follows cursor paging (links.next while meta.has_more) and offset paging (next_page) to the end', async () => {
    const items = Array.from({ length: 250 }, (_, id) => ({ id }));
    const cursor = fakeZendesk({ comments: { 1: items } });
    expect(await readAll(cursor.client, '/api/v2/tickets/1/comments.json?page[size]=100', 'comments', policy)).toHaveLength(250);
    expect(cursor.urls).toEqual([
      '/api/v2/tickets/1/comments.json?page[size]=100',
      '/api/v2/tickets/1/comments.json?page%5Bsize%5D=100&page%5Bafter%5D=100',
      '/api/v2/tickets/1/comments.json?page%5Bsize%5D=100&page%5Bafter%5D=200',
    ]);
    const offset = fakeZendesk({ macros: generatedMacros(250) });
    expect(await readAll(offset.client, '/api/v2/macros/search.json?query=suporte&per_page=100', 'macros', policy)).toHaveLength(250);
    expect(offset.urls).toHaveLength(3);
  });
  it('a list longer than the safety bound is "incomplete", never a shorter list', async () => {
    const long = fakeZendesk({ comments: { 1: Array.from({ length: 500 }, (_, id) => ({ id })) } });
    await expect(readAll(long.client, '/api/v2/tickets/1/comments.json?page[size]=100', 'comments', { ...policy, maxPages: 4 })).rejects.toMatchObject({ reason: 'incomplete' });
    expect(long.urls).toHaveLength(4);
  });
  it("past Search's 1,000 results Zendesk answers 422: the list is incomplete, not what was read so far", async () => {
    const organizations = Array.from({ length: 1200 }, (_, id) => ({ id: id + 1, name: `Org ${id}`, organization_fields: { cnpj: '11.222.333/0001-81' } }));
    const { client } = fakeZendesk({ organizations });
    await expect(readAll(client, `/api/v2/search.json?query=${encodeURIComponent('type:organization cnpj:"11.222.333/0001-81"')}&per_page=100`, 'results', policy)).rejects.toMatchObject({ reason: 'incomplete' });
  });
  it('an answer that says "more" with no next page, a page that links to itself, a list that is not one: never taken as the end', async () => {
    const noNext = fakeZendesk({}, { override: () => ({ status: 200, body: { comments: [], meta: { has_more: true }, links: { next: null } }, headers: {} }) });
    await expect(readAll(noNext.client, '/x', 'comments', policy)).rejects.toMatchObject({ reason: 'malformed' });
    const loop = fakeZendesk({}, { override: () => ({ status: 200, body: { macros: [], next_page: 'https://a.zendesk.com/x' }, headers: {} }) });
    await expect(readAll(loop.client, '/x', 'macros', policy)).rejects.toMatchObject({ reason: 'malformed' });
    const notAList = fakeZendesk({}, { override: () => ({ status: 200, body: { macros: null }, headers: {} }) });
    await expect(readAll(notAList.client, '/x', 'macros', policy)).rejects.toMatchObject({ reason: 'malformed' });
  });
  it('keeps only the path and query of an absolute page link', () => {
    expect(pageLink('https://acme.zendesk.com/api/v2/macros.json?page=2')).toBe('/api/v2/macros.json?page=2');
    expect([pageLink(null), pageLink('')]).toEqual([null, null]);
  });
});

describe('no silent caps', () => {
  // Every reader of a list, with what it looks for placed anywhere in a list of up to 59 pages: found.
  const macroAt = (position: number, size: number) =>
    generatedMacros(size, { [position]: { id: 1, title: '3. Atendimento Whatsapp - Pendência no Cadastro do Cliente (oficial) Suporte', active: true, restriction: null, actions: [] } });
  it('finds the item wherever it is in the list, however long (property, every list reader)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 5900 }), fc.double({ min: 0, max: 0.9999, noNaN: true }), async (size, where) => {
        const position = Math.floor(where * size);
        const title = '3. Atendimento Whatsapp - Pendência no Cadastro do Cliente (oficial) Suporte';
        const macros = fakeZendesk({ macros: macroAt(position, size) }).client;
        expect((await searchMacros(macros, title, policy)).map((m) => m.id)).toEqual([1]);
        expect((await listMacros(macros, policy)).find((m) => m.id === 1)).toBeDefined();
        const comments = Array.from({ length: size }, (_, id) => ({ id, public: id !== position, plain_body: id === position ? 'a nota' : 'público' }));
        const read = await readSavedComments(fakeZendesk({ comments: { 7: comments } }).client, 7, policy);
        expect(read.complete).toBe(true);
        expect(read.comments.filter((c) => !c.public)).toEqual([{ body: 'a nota', public: false }]);
      }),
      { numRuns: 25 },
    );
  });
  it('the organizations of a CNPJ: every page of the search is read', async () => {
    // 229 branches of the same company (the search finds them all), and the one with this CNPJ last.
    const organizations = Array.from({ length: 230 }, (_, id) => ({ id: id + 1, name: `Org ${id}`, organization_fields: { cnpj: id === 229 ? '11.222.333/0001-81' : '11.222.333/0002-62' } }));
    const { client, urls } = fakeZendesk({ organizations });
    const found = await searchOrganizations(client, 'cnpj', { value: '11222333000181', formatted: '11.222.333/0001-81' }, policy);
    expect(found.map((o) => o.id)).toEqual([230]);
    expect(urls).toHaveLength(3);
  });
  it('no module of src reads "the first N pages": one pager, whose only bound says "incomplete"', () => {
    const sources = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? sources(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) && !/\.test\.|fixtures/.test(entry.name) ? [join(dir, entry.name)] : []));
    const files = sources(join(import.meta.dirname, '..')).map((file) => ({ name: file.replace(/.*\/src\//, 'src/'), text: readFileSync(file, 'utf8') }));
    // Only paging.ts follows next pages (`next_page`, `meta.has_more`): every list goes through readAll.
    expect(files.filter((file) => /next_page|has_more/.test(file.text)).map((file) => file.name)).toEqual(['src/zendesk/paging.ts']);
    // A bound on pages is only ever given to readAll, whose bound rejects with 'incomplete'.
    for (const file of files.filter((f) => /MAX_PAGES|maxPages/.test(f.text) && !['src/zendesk/http.ts', 'src/zendesk/paging.ts'].includes(f.name))) {
      expect([file.name, /readAll\(/.test(file.text)]).toEqual([file.name, true]);
    }
    expect(readFileSync(join(import.meta.dirname, 'paging.ts'), 'utf8')).toMatch(/if \(page >= policy\.maxPages\) throw new RestError\('incomplete'/);
  });
});
