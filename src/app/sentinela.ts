import type { ZafClient } from '../zendesk/client';
import { readTicketContext } from '../zendesk/ticketContext';
import { parseSettings, type Settings } from '../settings';
import { msg } from '../domain/message';
import { createTranslate, loadDictionary, resolveLocale, DEFAULT_DICTIONARY } from '../i18n';
import { isKnown } from '../domain/ticket';
import { createStateStore } from './state';
import { createLookups, type LookupOptions } from './lookups';
import { listenToTicket } from './events';
import { registerSaveHook, rememberFailMode, type SaveHookOptions } from './saveHook';
import type { Actions } from './actions';
import type { MacroSetting } from '../domain/macros';

export type { Notice, SentinelaState } from './state';
export type { ApplyOutcome } from './actions';
export type SentinelaOptions = LookupOptions & SaveHookOptions;

/**
 * The app over a ZafClient, with no React in it. Startup: the save hook (and the submit events) first,
 * then the installation settings (metadata), the ticket events, one batched get, the agent's language,
 * and the look-ups.
 */
export function createSentinela(client: ZafClient, options: SentinelaOptions = {}) {
  const store = createStateStore();
  const lookups = createLookups(client, store, options);
  const saveHook = registerSaveHook(client, store, lookups, options);
  // What a click does is not needed for first paint: it loads right after it (and a click waits for it).
  let actionsLoading: Promise<Actions> | null = null;
  const actions = () => (actionsLoading ??= import('./actions').then(({ createActions }) => createActions(client, store, lookups)));
  /** What the installation handed the app at start (metadata), and the events of its configured fields. */
  let installation: { settings: Record<string, unknown>; id: number | null } = { settings: {}, id: null };
  let listenToFields: (settings?: Settings) => void = () => undefined;

  async function start() {
    try {
      const metadata = await client.metadata();
      installation = { settings: metadata.settings, id: metadata.installationId ?? null };
      const { settings, issues } = parseSettings(metadata.settings);
      store.update({ settings, settingsIssues: issues, settingsKnown: true });
      rememberFailMode(options.store, settings.failMode);
      listenToFields = listenToTicket(client, store, lookups).listenToFields;
      const context = await readTicketContext(client, settings);
      const locale = resolveLocale(context.locale);
      const translate = locale === 'pt-BR' ? store.get().translate : createTranslate(await loadDictionary(locale).catch(() => DEFAULT_DICTIONARY));
      // When the app opens, the editor shows what Zendesk stored: that is the status before any edit.
      const savedStatus = store.get().savedStatus.state === 'idle' && isKnown(context, 'status') ? { state: 'done' as const, value: context.ticket.status } : store.get().savedStatus;
      store.update({ context: store.get().context ?? context, savedStatus, translate, phase: 'ready' });
      lookups.all();
      void actions();
    } catch (error) {
      store.update({ phase: 'failed' });
      store.notify('error', msg('app.startFailed'), [msg('notice.errorText', { error: error instanceof Error ? error.message : String(error) })]);
    }
  }

  /** The setup assistant (admins only; it checks the role itself), loaded on demand: not in first paint. */
  async function openSetup() {
    const [{ createSetup }, { applySettings }] = await Promise.all([import('./setup'), import('./setupApply')]);
    const apply = async (raw: Record<string, unknown>) => {
      installation = { ...installation, settings: raw };
      await applySettings({ client, store, lookups, listenToFields }, raw);
    };
    return createSetup({ client, policy: options.policy, installationId: installation.id, startupSettings: installation.settings, applySettings: apply });
  }

  return {
    start,
    openSetup,
    handleSave: saveHook.handleSave,
    /** The save check (its own chunk, after first paint) is in: true, or false when it could not load. */
    guardLoaded: saveHook.loaded,
    getState: store.get,
    subscribe: store.subscribe,
    dismissNotice: store.dismissNotice,
    /** Reads every look-up of this view from Zendesk again, past the caches. */
    retryLookups: lookups.retry,
    applyProcedure: (...args: Parameters<Actions['applyProcedure']>) => actions().then((loaded) => loaded.applyProcedure(...args)),
    adoptRequester: (...args: Parameters<Actions['adoptRequester']>) => actions().then((loaded) => loaded.adoptRequester(...args)),
    setField: (...args: Parameters<Actions['setField']>) => actions().then((loaded) => loaded.setField(...args)),
    /** The session CNPJ's organization, looked up on the agent's request (CNPJ of another company). */
    searchSessionOrganization: () => lookups.organization({ evenWithOrganization: true }),
    /** The macro a title setting names, looked up now if not yet (a procedure's preview needs it). */
    lookUpMacro: (setting: MacroSetting) => void lookups.macro(setting),
  };
}

export type Sentinela = ReturnType<typeof createSentinela>;
