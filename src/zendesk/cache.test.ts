// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createCache, PREFIX, type CacheEntry } from './cache';
import { memoryStore, type KeyValueStore } from './storage';

/** A store with a quota, as browsers have (about 5 MB of UTF-16 per origin): a write past it throws. */
function quotaStore(quotaBytes: number): KeyValueStore & { bytes(): number } {
  const inner = memoryStore();
  const bytes = () => [...inner.entries].reduce((sum, [key, value]) => sum + 2 * (key.length + value.length), 0);
  return {
    ...inner,
    bytes,
    setItem(key, value) {
      const before = inner.getItem(key);
      inner.setItem(key, value);
      if (bytes() > quotaBytes) {
        if (before === null) inner.removeItem(key);
        else inner.setItem(key, before);
        throw new DOMException('quota', 'QuotaExceededError');
      }
    },
  };
}

const value = <T>(at: number, ttl: number, v: T): CacheEntry<T> => ({ at, until: at + ttl, value: v });

describe('createCache', () => {
  it('keeps an entry until it expires, in memory and in its store; an expired one is a miss and is removed', () => {
    let now = 0;
    const shared = memoryStore();
    const cache = createCache({ shared, personal: null }, () => now);
    cache.set('macro:x', 'shared', value(0, 1000, [1]));
    expect(createCache({ shared, personal: null }, () => now).get('macro:x', 'shared')).toMatchObject({ value: [1] });
    now = 1000;
    expect(cache.get('macro:x', 'shared')).toBeNull();
    expect(shared.entries.size).toBe(0);
  });
  it('personal answers never reach the shared store; with no personal store they stay in memory', () => {
    const shared = memoryStore();
    const cache = createCache({ shared, personal: null }, () => 0);
    cache.set('orgs:cnpj:1', 'personal', value(0, 1000, { name: 'Beatriz' }));
    expect(cache.get('orgs:cnpj:1', 'personal')).toMatchObject({ value: { name: 'Beatriz' } });
    expect(shared.entries.size).toBe(0);
  });
  it('many large organizations never fill the store: the oldest go first, the newest stay, no write fails', () => {
    let now = 0;
    const personal = quotaStore(5 * 1024 * 1024);
    personal.setItem('another-app-key', 'x'.repeat(1000)); // what else the origin keeps is never touched
    const cache = createCache({ shared: null, personal }, () => now, { maxBytes: 256 * 1024, maxEntryBytes: 64 * 1024, maxMemoryEntries: 10 });
    const big = { organization: { name: 'Org', fields: { notes: 'n'.repeat(20_000) } } };
    for (let index = 0; index < 2000; index += 1) {
      now += 1;
      cache.set(`orgs:cnpj:${index}`, 'personal', value(now, 600_000, { ...big, index }));
      expect(personal.bytes()).toBeLessThanOrEqual(256 * 1024 + 2 * 1000 + 100);
    }
    const fresh = createCache({ shared: null, personal }, () => now);
    expect(fresh.get('orgs:cnpj:1999', 'personal')).toMatchObject({ value: { index: 1999 } });
    expect(fresh.get('orgs:cnpj:0', 'personal')).toBeNull();
    expect(personal.getItem('another-app-key')).not.toBeNull();
  });
  it('an entry larger than the entry bound (a ticket of 600 comments) is kept in memory only', () => {
    const personal = memoryStore();
    const cache = createCache({ shared: null, personal }, () => 0);
    cache.set('comments:1:t', 'personal', value(0, 1000, 'c'.repeat(100_000)));
    expect(personal.entries.size).toBe(0);
    expect(cache.get('comments:1:t', 'personal')).not.toBeNull();
  });
  it('a store that refuses every write (quota, disabled) costs requests, never an error', () => {
    const broken: KeyValueStore = { getItem: () => null, setItem: () => { throw new Error('full'); }, removeItem: () => undefined, keys: () => [] };
    const cache = createCache({ shared: broken, personal: broken }, () => 0);
    expect(() => cache.set('macro:x', 'shared', value(0, 10, 1))).not.toThrow();
    expect(cache.get('macro:x', 'shared')).toMatchObject({ value: 1 });
  });
  it('the sweep drops expired, unreadable and old-format entries of Sentinela only', () => {
    const shared = memoryStore();
    shared.setItem('sentinela:macros', JSON.stringify({ at: 0, value: [] })); // the format before this one
    shared.setItem(`${PREFIX}broken`, '{not json');
    shared.setItem(`${PREFIX}old`, JSON.stringify(value(0, 10, 1)));
    shared.setItem(`${PREFIX}fresh`, JSON.stringify(value(0, 1000, 1)));
    shared.setItem('other', 'kept');
    createCache({ shared, personal: null }, () => 500).sweep();
    expect([...shared.entries.keys()].sort()).toEqual(['other', `${PREFIX}fresh`]);
  });
});
