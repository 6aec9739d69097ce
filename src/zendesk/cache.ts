import type { FailureReason } from '../domain/ticket';
import type { CacheStores, KeyValueStore } from './storage';

export type { CacheStores, KeyValueStore } from './storage';

export interface CachedFailure {
  reason: FailureReason;
  status: number;
  retryAfterSeconds: number | null;
}

/** One cached answer: a value or a failure, written at `at`, good until `until` (ms since the epoch). */
export type CacheEntry<T> = { at: number; until: number; value: T } | { at: number; until: number; failure: CachedFailure };

export type CacheKind = keyof CacheStores;

export interface CacheLimits {
  /** Bytes (UTF-16, as browsers count them) Sentinela keeps in one store at most; oldest entries go first. */
  maxBytes: number;
  /** An entry larger than this is kept in memory only (one ticket's 600 comments must not evict everything). */
  maxEntryBytes: number;
  /** Entries kept in this app instance's memory at most (oldest first out). */
  maxMemoryEntries: number;
}

export const DEFAULT_LIMITS: CacheLimits = { maxBytes: 512 * 1024, maxEntryBytes: 64 * 1024, maxMemoryEntries: 200 };

/** Every key this app writes starts so; a new entry format gets a new prefix and the sweep drops the old. */
export const PREFIX = 'sentinela:v2:';

const bytes = (key: string, value: string) => 2 * (key.length + value.length);

function parse<T>(text: string | null): CacheEntry<T> | null {
  if (!text) return null;
  try {
    const entry = JSON.parse(text) as CacheEntry<T>;
    return typeof entry?.at === 'number' && typeof entry.until === 'number' && ('value' in entry || 'failure' in entry) ? entry : null;
  } catch {
    return null;
  }
}

/**
 * A cache over the two stores and this instance's memory: entries expire at `until`; each store holds at
 * most `maxBytes` of Sentinela's entries, the oldest evicted first (by write time); a write the store
 * refuses (quota) evicts and tries once more, then leaves the entry in memory only.
 */
export function createCache(stores: CacheStores, now: () => number, limits: CacheLimits = DEFAULT_LIMITS) {
  const memory = new Map<string, CacheEntry<unknown>>();

  function remember(key: string, entry: CacheEntry<unknown>) {
    memory.delete(key);
    memory.set(key, entry);
    while (memory.size > limits.maxMemoryEntries) memory.delete(memory.keys().next().value as string);
  }

  /** Sentinela's entries in a store: key, size and write time; unreadable or expired ones removed. */
  function entriesOf(store: KeyValueStore): { key: string; size: number; at: number }[] {
    const found: { key: string; size: number; at: number }[] = [];
    for (const key of store.keys()) {
      if (!key.startsWith('sentinela:')) continue;
      const text = store.getItem(key);
      const entry = key.startsWith(PREFIX) ? parse(text) : null;
      if (!entry || entry.until <= now()) {
        store.removeItem(key);
        continue;
      }
      found.push({ key, size: bytes(key, text ?? ''), at: entry.at });
    }
    return found;
  }

  /** Removes the oldest entries until the store holds at most `budget` bytes of Sentinela's. */
  function evict(store: KeyValueStore, budget: number) {
    const entries = entriesOf(store).sort((a, b) => a.at - b.at);
    let total = entries.reduce((sum, entry) => sum + entry.size, 0);
    for (const entry of entries) {
      if (total <= budget) break;
      store.removeItem(entry.key);
      total -= entry.size;
    }
  }

  function write(store: KeyValueStore, key: string, text: string) {
    try {
      store.setItem(key, text);
    } catch {
      evict(store, limits.maxBytes / 2); // the quota is shared with what else the origin keeps
      store.setItem(key, text);
    }
    evict(store, limits.maxBytes);
  }

  return {
    get<T>(key: string, kind: CacheKind): CacheEntry<T> | null {
      const full = PREFIX + key;
      let entry = memory.get(full) as CacheEntry<T> | undefined;
      if (!entry) {
        try {
          const stored = parse<T>(stores[kind]?.getItem(full) ?? null);
          if (stored) entry = stored;
        } catch {
          /* an unreadable store is a miss */
        }
      }
      if (!entry) return null;
      if (entry.until <= now()) {
        memory.delete(full);
        try {
          stores[kind]?.removeItem(full);
        } catch {
          /* nothing to do */
        }
        return null;
      }
      return entry;
    },

    set<T>(key: string, kind: CacheKind, entry: CacheEntry<T>) {
      const full = PREFIX + key;
      remember(full, entry);
      const store = stores[kind];
      if (!store) return;
      const text = JSON.stringify(entry);
      try {
        if (bytes(full, text) > limits.maxEntryBytes) store.removeItem(full);
        else write(store, full, text);
      } catch {
        /* a full or disabled store only costs a request later: the entry stays in memory */
      }
    },

    delete(key: string, kind: CacheKind) {
      const full = PREFIX + key;
      memory.delete(full);
      try {
        stores[kind]?.removeItem(full);
      } catch {
        /* nothing to do */
      }
    },

    /** Drops expired, unreadable and old-format entries from both stores (run once per app start). */
    sweep() {
      for (const store of new Set([stores.shared, stores.personal])) {
        try {
          if (store) entriesOf(store);
        } catch {
          /* nothing to do */
        }
      }
    },
  };
}

export type Cache = ReturnType<typeof createCache>;
