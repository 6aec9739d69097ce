import type { KeyValueStore } from '../src/zendesk/restApi';
import type { Scenario } from './scenario';

/**
 * The session cache as one Zendesk account would have it: scenarios with the same macros share it
 * (as the tickets of one account do), a scenario from another "account" does not see it.
 */
export function accountStore(storage: Storage | null, scenario: Scenario): KeyValueStore | null {
  if (!storage) return null;
  const account = JSON.stringify(scenario.macros.map((macro) => [macro.id, macro.title, macro.active]));
  let hash = 0;
  for (let index = 0; index < account.length; index += 1) hash = (hash * 31 + account.charCodeAt(index)) | 0;
  const prefix = `account-${(hash >>> 0).toString(36)}:`;
  return {
    getItem: (key) => storage.getItem(prefix + key),
    setItem: (key, value) => storage.setItem(prefix + key, value),
  };
}
