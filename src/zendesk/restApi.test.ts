// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createZendeskApi, DEFAULT_POLICY, getJson, type RestPolicy } from './restApi';
import { RestError, retryAfterSeconds, type RestResponse, type ZafClient } from './client';
import { memoryStore } from '../../harness/testing';

/** A client whose REST answers are scripted in order; every other ZAF call is unused here. */
function scripted(answers: (RestResponse | 'hang' | 'throw')[]) {
  const urls: string[] = [];
  const client: ZafClient = {
    metadata: async () => ({ settings: {} }),
    get: async () => ({ values: {}, errors: {} }),
    set: async () => undefined,
    invoke: async () => undefined,
    on: () => undefined,
    request: async ({ url }) => {
      urls.push(url);
      const answer = answers.shift() ?? { status: 500, body: {}, headers: {} };
      if (answer === 'hang') return new Promise<RestResponse>(() => undefined);
      if (answer === 'throw') throw new RestError('network', 0);
      return answer;
    },
  };
  return { client, urls };
}
const ok = (body: unknown): RestResponse => ({ status: 200, body, headers: {} });
const sleeps: number[] = [];
const policy: RestPolicy = { ...DEFAULT_POLICY, timeoutMs: 50, sleep: async (ms) => void sleeps.push(ms) };

describe('getJson', () => {
  it('waits Retry-After on 429, then answers', async () => {
    sleeps.length = 0;
    const { client, urls } = scripted([{ status: 429, body: {}, headers: { 'Retry-After': '3' } }, ok({ a: 1 })]);
    const waited: number[] = [];
    expect(await getJson(client, '/x', policy, (s) => waited.push(s))).toEqual({ a: 1 });
    expect([urls.length, sleeps, waited]).toEqual([2, [3000], [3]]);
  });
  it('gives up after the bounded retries, and on a Retry-After longer than it waits', async () => {
    const { client, urls } = scripted([{ status: 503, body: {}, headers: {} }, { status: 503, body: {}, headers: {} }, { status: 503, body: {}, headers: {} }]);
    await expect(getJson(client, '/x', policy)).rejects.toMatchObject({ reason: 'server', status: 503 });
    expect(urls).toHaveLength(3);
    const long = scripted([{ status: 429, body: {}, headers: { 'retry-after': '120' } }]);
    await expect(getJson(long.client, '/x', policy)).rejects.toMatchObject({ reason: 'rateLimited', retryAfterSeconds: 120 });
    expect(long.urls).toHaveLength(1);
  });
  it('times out a request that never answers, says malformed for bad JSON, does not retry a 404', async () => {
    await expect(getJson(scripted(['hang']).client, '/x', policy)).rejects.toMatchObject({ reason: 'timeout' });
    await expect(getJson(scripted([ok('{"macros": [')]).client, '/x', policy)).rejects.toMatchObject({ reason: 'malformed' });
    await expect(getJson(scripted([ok([1, 2])]).client, '/x', policy)).rejects.toMatchObject({ reason: 'malformed' });
    const missing = scripted([{ status: 404, body: {}, headers: {} }, ok({})]);
    await expect(getJson(missing.client, '/x', policy)).rejects.toMatchObject({ reason: 'notFound' });
    expect(missing.urls).toHaveLength(1);
  });
  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterSeconds({ 'retry-after': '7' })).toBe(7);
    expect(retryAfterSeconds({ 'Retry-After': new Date(10_000).toUTCString() }, 4_000)).toBe(6);
    expect(retryAfterSeconds({ 'retry-after': 'soon' })).toBeNull();
    expect(retryAfterSeconds(undefined)).toBeNull();
  });
});

describe('createZendeskApi', () => {
  it('shares the macros list across tickets of the session, and shares a look-up under way', async () => {
    const store = memoryStore();
    const first = scripted([ok({ macros: [{ id: 1, title: 'A', active: true }], next_page: null })]);
    const api = createZendeskApi(first.client, store, policy);
    const [a, b] = await Promise.all([api.activeMacros(), api.activeMacros()]);
    expect(a).toEqual([{ id: 1, title: 'A', active: true }]);
    expect(b).toEqual(a);
    const second = scripted([]);
    expect(await createZendeskApi(second.client, store, policy).activeMacros()).toEqual(a);
    expect([first.urls.length, second.urls.length]).toEqual([1, 0]);
  });
  it('fetches the macros again when the session cache is older than its TTL or unreadable', async () => {
    const store = memoryStore();
    store.setItem('sentinela:macros', JSON.stringify({ at: 0, value: [] }));
    const later = scripted([ok({ macros: [], next_page: null })]);
    await createZendeskApi(later.client, store, { ...policy, now: () => DEFAULT_POLICY.macrosTtlMs + 1 }).activeMacros();
    store.setItem('sentinela:macros', '{not json');
    const broken = scripted([ok({ macros: [], next_page: null })]);
    await createZendeskApi(broken.client, store, policy).activeMacros();
    expect([later.urls.length, broken.urls.length]).toEqual([1, 1]);
  });
  it('follows next_page, bounded, and never caches failures or saved comments', async () => {
    const paged = scripted([ok({ comments: [{ body: 'a', public: false }], next_page: 'https://x.zendesk.com/api/v2/tickets/1/comments.json?page=2' }), ok({ comments: [{ body: 'b' }], next_page: null })]);
    const store = memoryStore();
    expect(await createZendeskApi(paged.client, store, policy).savedComments(1)).toEqual([{ body: 'a', public: false }, { body: 'b', public: true }]);
    expect(paged.urls).toEqual(['/api/v2/tickets/1/comments.json?per_page=100', '/api/v2/tickets/1/comments.json?page=2']);
    expect([...store.entries.keys()]).toEqual([]);
    const endless = scripted(Array.from({ length: 20 }, () => ok({ macros: [], next_page: 'https://x.zendesk.com/api/v2/macros/active.json?page=n' })));
    await createZendeskApi(endless.client, null, policy).activeMacros();
    expect(endless.urls).toHaveLength(5);
    const failing = scripted(['throw', ok({ macros: [], next_page: null })]);
    const api = createZendeskApi(failing.client, store, policy);
    await expect(api.activeMacros()).rejects.toBeInstanceOf(RestError);
    expect(await api.activeMacros()).toEqual([]);
  });
});
