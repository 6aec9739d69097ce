import type { ZafClient } from '../zendesk/client';
import { readTicketContext } from '../zendesk/ticketContext';
import { parseSettings } from '../settings';
import { msg } from '../domain/message';
import { createTranslate, loadDictionary, resolveLocale, DEFAULT_DICTIONARY } from '../i18n';
import { createStateStore } from './state';
import { createLookups, type LookupOptions } from './lookups';
import { listenToTicket } from './events';
import { registerSaveHook } from './saveHook';
import { createActions } from './actions';

export type { Notice, SentinelaState } from './state';
export type { ApplyOutcome } from './actions';
export type SentinelaOptions = LookupOptions;

/**
 * The app over a ZafClient, with no React in it. Startup: the save hook first, then the installation
 * settings (metadata), the ticket events, one batched get, the agent's language, and the look-ups.
 */
export function createSentinela(client: ZafClient, options: SentinelaOptions = {}) {
  const store = createStateStore();
  const lookups = createLookups(client, store, options);
  const saveHook = registerSaveHook(client, store, lookups);
  const actions = createActions(client, store, lookups);

  async function start() {
    try {
      const { settings: raw } = await client.metadata();
      const { settings, issues } = parseSettings(raw);
      store.update({ settings, settingsIssues: issues, settingsKnown: true });
      listenToTicket(client, store, lookups);
      saveHook.listenForSaved();
      const context = await readTicketContext(client, settings);
      const locale = resolveLocale(context.locale);
      const translate = locale === 'pt-BR' ? store.get().translate : createTranslate(await loadDictionary(locale).catch(() => DEFAULT_DICTIONARY));
      store.update({ context, translate, phase: 'ready' });
      lookups.all();
    } catch (error) {
      store.update({ phase: 'failed' });
      store.notify('error', msg('app.startFailed'), [msg('notice.errorText', { error: error instanceof Error ? error.message : String(error) })]);
    }
  }

  return {
    start,
    handleSave: saveHook.handleSave,
    getState: store.get,
    subscribe: store.subscribe,
    dismissNotice: store.dismissNotice,
    retryLookups: lookups.all,
    ...actions,
  };
}

export type Sentinela = ReturnType<typeof createSentinela>;
