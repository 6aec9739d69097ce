import { FIELD_ID_PARAMETERS, parseSettings, type Settings } from '../settings';
import type { ZafClient } from '../zendesk/client';
import { readTicketContext } from '../zendesk/ticketContext';
import type { StateStore } from './state';
import type { Lookups } from './lookups';

export interface ApplyDependencies {
  client: ZafClient;
  store: StateStore;
  lookups: Lookups;
  /** Subscribes the change events of the fields these settings name (app/events). */
  listenToFields(settings: Settings): void;
}

/**
 * New installation settings (the setup assistant wrote them) put to work in this sidebar: parsed as at
 * start, their fields' change events listened to, the ticket read again with the fields they name (one
 * batched get), then settings and ticket replaced together, and the look-ups run. The stored status
 * (SentinelaState.savedStatus) is kept: nothing was saved meanwhile. When the ticket cannot be read again, the fields it did not read
 * are unreadable ("not checked"), never empty. Loaded with the assistant, not in first paint. Never rejects.
 */
export async function applySettings({ client, store, lookups, listenToFields }: ApplyDependencies, raw: Record<string, unknown>): Promise<void> {
  const { settings, issues } = parseSettings(raw);
  listenToFields(settings);
  const before = store.get().context;
  let context = before;
  try {
    const read = await readTicketContext(client, settings);
    context = read;
  } catch {
    const ids = FIELD_ID_PARAMETERS.map((name) => settings[name]).filter((id): id is number => id !== null && !(before && id in before.ticket.fields));
    context = before ? { ...before, unreadableFields: [...new Set([...before.unreadableFields, ...ids])] } : null;
  }
  store.update({ settings, settingsIssues: issues, context });
  lookups.all();
}
