import type { CacheStores, KeyValueStore } from '../src/zendesk/storage';
import type { Scenario } from './scenario';

/** One Web Storage seen through a key prefix: only this "account's" keys, without the prefix. */
function prefixed(storage: Storage, prefix: string): KeyValueStore {
  return {
    getItem: (key) => storage.getItem(prefix + key),
    setItem: (key, value) => storage.setItem(prefix + key, value),
    removeItem: (key) => storage.removeItem(prefix + key),
    keys: () =>
      Array.from({ length: storage.length }, (_, index) => storage.key(index)).flatMap((key) => (key !== null && key.startsWith(prefix) ? [key.slice(prefix.length)] : [])),
  };
}

/**
 * The app's caches as one Zendesk account would have them: scenarios with the same macros share them
 * (as the tickets of one account do), a scenario from another "account" does not see them. Shared
 * answers in localStorage (the agent's tabs), personal ones in sessionStorage (this tab), as in Zendesk.
 */
export function accountStores(scenario: Scenario): CacheStores {
  const account = JSON.stringify(scenario.macros.map((macro) => [macro.id, macro.title, macro.active]));
  let hash = 0;
  for (let index = 0; index < account.length; index += 1) hash = (hash * 31 + account.charCodeAt(index)) | 0;
  const prefix = `account-${(hash >>> 0).toString(36)}:`;
  const open = (name: 'localStorage' | 'sessionStorage') => {
    try {
      return prefixed(window[name], prefix);
    } catch {
      return null;
    }
  };
  return { shared: open('localStorage'), personal: open('sessionStorage') };
}
