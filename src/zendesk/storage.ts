/**
 * Where look-up answers are kept between ticket views. The browser's Storage fits (`storageStore`);
 * tests use `memoryStore`. Every method may throw (storage disabled, quota): the cache survives it.
 */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  /** Every key the store holds now. */
  keys(): string[];
}

/** A Web Storage (localStorage, sessionStorage) as a KeyValueStore. */
export function storageStore(storage: Storage): KeyValueStore {
  return {
    getItem: (key) => storage.getItem(key),
    setItem: (key, value) => storage.setItem(key, value),
    removeItem: (key) => storage.removeItem(key),
    keys: () => Array.from({ length: storage.length }, (_, index) => storage.key(index)).filter((key): key is string => key !== null),
  };
}

export function memoryStore(): KeyValueStore & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    getItem: (key) => entries.get(key) ?? null,
    setItem: (key, value) => void entries.set(key, value),
    removeItem: (key) => void entries.delete(key),
    keys: () => [...entries.keys()],
  };
}

/**
 * The two places answers go. `shared`: what names no person and quotes no ticket (macros, failed
 * look-ups), shared by the agent's tabs — localStorage on the app's origin. `personal`: anything naming
 * a person or quoting a ticket (organizations found with their top requester, saved comments) —
 * sessionStorage, gone when the browser tab closes. Null: that kind is kept in this app instance's
 * memory only.
 */
export interface CacheStores {
  shared: KeyValueStore | null;
  personal: KeyValueStore | null;
}

/** The browser's stores, each falling back as the browser allows: localStorage → sessionStorage → memory. */
export function browserStores(): CacheStores {
  const open = (name: 'localStorage' | 'sessionStorage'): KeyValueStore | null => {
    try {
      const storage = window[name];
      const probe = 'sentinela:probe';
      storage.setItem(probe, '1');
      storage.removeItem(probe);
      return storageStore(storage);
    } catch {
      return null; // disabled, blocked for third-party frames, or full
    }
  };
  const session = open('sessionStorage');
  return { shared: open('localStorage') ?? session, personal: session };
}

