// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, getJson, retryDelaySeconds, type RestPolicy } from './http';
import { RestError, retryAfterSeconds, type RestResponse } from './client';
import { restClient } from './fixtures';
import type { Waiting } from '../domain/ticket';

/** A client whose REST answers are scripted in order; every other ZAF call is unused here. */
function scripted(answers: (RestResponse | 'hang' | 'throw')[]) {
  const urls: string[] = [];
  const client = restClient(async (url) => {
    urls.push(url);
    const answer = answers.shift() ?? { status: 500, body: {}, headers: {} };
    if (answer === 'hang') return new Promise<RestResponse>(() => undefined);
    if (answer === 'throw') throw new RestError('network', 0);
    return answer;
  });
  return { client, urls };
}
const ok = (body: unknown): RestResponse => ({ status: 200, body, headers: {} });

function testPolicy(random = 0.5) {
  const sleeps: number[] = [];
  const policy: RestPolicy = { ...DEFAULT_POLICY, timeoutMs: 50, sleep: async (ms) => void sleeps.push(ms), random: () => random };
  return { policy, sleeps };
}

describe('getJson', () => {
  it('waits Retry-After on 429 (plus jitter, never less), then answers', async () => {
    const { policy, sleeps } = testPolicy(0.25);
    const { client, urls } = scripted([{ status: 429, body: {}, headers: { 'Retry-After': '3' } }, ok({ a: 1 })]);
    const waited: Waiting[] = [];
    expect(await getJson(client, '/x', policy, { onWaiting: (w) => waited.push(w) })).toEqual({ a: 1 });
    expect([urls.length, sleeps, waited]).toEqual([2, [3250], [{ seconds: 3, reason: 'rateLimited' }]]);
  });
  it('says why it waits: a 5xx backs off as a server error, never as the rate limit', async () => {
    const { policy, sleeps } = testPolicy(0.5);
    const { client, urls } = scripted([{ status: 503, body: {}, headers: {} }, { status: 500, body: {}, headers: {} }, ok({ a: 1 })]);
    const waited: Waiting[] = [];
    expect(await getJson(client, '/x', policy, { onWaiting: (w) => waited.push(w) })).toEqual({ a: 1 });
    expect([urls.length, sleeps, waited]).toEqual([3, [1000, 2000], [{ seconds: 1, reason: 'server' }, { seconds: 2, reason: 'server' }]]);
  });
  it('spreads retries: two tabs hit by the same 429 or 503 do not retry at the same instant', () => {
    const rateLimited = new RestError('rateLimited', 429, 2);
    const server = new RestError('server', 503);
    const early = { maxWaitSeconds: 30, random: () => 0.1 };
    const late = { maxWaitSeconds: 30, random: () => 0.9 };
    expect([retryDelaySeconds(rateLimited, 0, early), retryDelaySeconds(rateLimited, 0, late)]).toEqual([2.1, 2.9]);
    expect([retryDelaySeconds(server, 0, early), retryDelaySeconds(server, 0, late), retryDelaySeconds(server, 1, late)]).toEqual([0.6, 1.4, 2.8]);
    expect(retryDelaySeconds(new RestError('rateLimited', 429, 31), 0, early)).toBeNull();
  });
  it('gives up after the bounded retries, and on a Retry-After longer than it waits', async () => {
    const { policy } = testPolicy();
    const { client, urls } = scripted([{ status: 503, body: {}, headers: {} }, { status: 503, body: {}, headers: {} }, { status: 503, body: {}, headers: {} }]);
    await expect(getJson(client, '/x', policy)).rejects.toMatchObject({ reason: 'server', status: 503 });
    expect(urls).toHaveLength(3);
    const long = scripted([{ status: 429, body: {}, headers: { 'retry-after': '120' } }]);
    await expect(getJson(long.client, '/x', policy)).rejects.toMatchObject({ reason: 'rateLimited', retryAfterSeconds: 120 });
    expect(long.urls).toHaveLength(1);
  });
  it('does not repeat a 4xx that is not a 429 (a bad request, Search past its 1,000 results)', async () => {
    const { policy } = testPolicy();
    const refused = scripted([{ status: 422, body: {}, headers: {} }, ok({})]);
    await expect(getJson(refused.client, '/x', policy)).rejects.toMatchObject({ status: 422 });
    expect(refused.urls).toHaveLength(1);
  });
  it('times out a request that never answers, says malformed for bad JSON, does not retry a 404', async () => {
    const { policy } = testPolicy();
    await expect(getJson(scripted(['hang']).client, '/x', policy)).rejects.toMatchObject({ reason: 'timeout' });
    await expect(getJson(scripted([ok('{"macros": [')]).client, '/x', policy)).rejects.toMatchObject({ reason: 'malformed' });
    await expect(getJson(scripted([ok([1, 2])]).client, '/x', policy)).rejects.toMatchObject({ reason: 'malformed' });
    const missing = scripted([{ status: 404, body: {}, headers: {} }, ok({})]);
    await expect(getJson(missing.client, '/x', policy)).rejects.toMatchObject({ reason: 'notFound' });
    expect(missing.urls).toHaveLength(1);
  });
  it('stops at a deadline: no request after it, no retry that would end past it', async () => {
    let now = 1000;
    const policy: RestPolicy = { ...DEFAULT_POLICY, now: () => now, sleep: async (ms) => void (now += ms), random: () => 0 };
    const late = scripted([ok({})]);
    await expect(getJson(late.client, '/x', policy, { deadlineAt: 1000 })).rejects.toMatchObject({ reason: 'timeout' });
    expect(late.urls).toEqual([]);
    const busy = scripted([{ status: 429, body: {}, headers: { 'retry-after': '5' } }, ok({})]);
    await expect(getJson(busy.client, '/x', policy, { deadlineAt: 3000 })).rejects.toMatchObject({ reason: 'rateLimited' });
    expect(busy.urls).toHaveLength(1);
  });
  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterSeconds({ 'retry-after': '7' })).toBe(7);
    expect(retryAfterSeconds({ 'Retry-After': new Date(10_000).toUTCString() }, 4_000)).toBe(6);
    expect(retryAfterSeconds({ 'retry-after': 'soon' })).toBeNull();
    expect(retryAfterSeconds(undefined)).toBeNull();
  });
});
