import type { ZafClient } from '../zendesk/client';
import type { KeyValueStore } from '../zendesk/restApi';
import { msg } from '../domain/message';
import { DEFAULT_SETTINGS } from '../settings';
import { capitalize } from '../domain/text';
import type { StateStore } from './state';
import type { Lookups } from './lookups';


/**
 * How long the save hook takes at most before it answers with what it knows, in ms.
 *
 * Zendesk's own limit on a `ticket.save` handler could not be found in its reference (the "Ticket save
 * hook events" section of https://developer.zendesk.com/api-reference/apps/apps-support-api/ticket_sidebar/
 * was not readable here; docs/zendesk-facts/zaf-and-validator.md §1: UNCONFIRMED). What is known: the
 * ZAF SDK puts no timer on the hook's reply (zendesk_app_framework_sdk lib/client.js, postReplyWith),
 * so any limit is the agent UI's; and Zendesk's own sample apps hold a save for 3 s ("Pass after waiting
 * for 3s", zendesk/demo_apps save_hook_sample @107e55e) and 5 s (v1/expert_sample_app @002a71f,
 * TIME_OUT 5000; https://gist.github.com/dpawluk/47e4cfdcbccf23988ca348fc803b5eb1, a v2 example). The
 * SDK gives a get 10 s (zendesk_app_framework_sdk PR #81): a get can be slow, so the hook bounds its own.
 * 2 s stays well under the shortest wait Zendesk shows working, and is the most an agent waits on a save
 * even when ZAF or the API do not answer. The common path takes one get.
 */
export const SAVE_DEADLINE_MS = 2000;

export interface SaveHookOptions {
  /** See SAVE_DEADLINE_MS. */
  deadlineMs?: number;
  /** The session's store: failMode is kept there, for a save that comes before the settings do. */
  store?: KeyValueStore | null;
}

const FAIL_MODE_KEY = 'sentinela:failMode';

/** Keeps the installation's failMode for the agent's next tickets (one app, one session). */
export function rememberFailMode(store: KeyValueStore | null | undefined, failMode: 'open' | 'closed') {
  try {
    store?.setItem(FAIL_MODE_KEY, failMode);
  } catch {
    /* a full or missing store costs only this fallback */
  }
}

function rememberedFailMode(store: KeyValueStore | null | undefined): 'open' | 'closed' | null {
  try {
    const value = store?.getItem(FAIL_MODE_KEY);
    return value === 'open' || value === 'closed' ? value : null;
  } catch {
    return null;
  }
}

/**
 * failMode when a save must be answered: the installation's once its settings are in; before that, the
 * one this installation had on the agent's earlier tickets of the session, else the manifest's default.
 */
export function failModeNow(store: StateStore, options: SaveHookOptions): 'open' | 'closed' {
  const state = store.get();
  return state.settingsKnown ? state.settings.failMode : (rememberedFailMode(options.store) ?? DEFAULT_SETTINGS.failMode);
}

/** The promise's value, or null when it rejects or the deadline (ms since the epoch) comes first. */
export function withinDeadline<T>(promise: Promise<T>, deadline: number): Promise<T | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), Math.max(0, deadline - Date.now()));
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      () => (clearTimeout(timer), resolve(null)),
    );
  });
}

/** Saves whose outcome the app gave up on: their late submit events must not be taken for a newer save's. */
export interface SubmitTracking {
  unseenSaves: number;
}

/**
 * ZAF's `ticket.save` hook and the submit events around it.
 *
 * The hook decides on what is being saved: it waits for the installation settings (failMode), reads the
 * ticket with one batched get, and, only when the decision needs them and they are not known, reads the
 * saved notes or the stored status over REST — all within SAVE_DEADLINE_MS. What it still does not know
 * then goes by failMode: `closed` refuses and names it; `open` lets the save through and says, in a
 * notice that stays until closed, what was not checked. A refusal is a rejected promise (the only
 * asynchronous way to refuse: the SDK lets a resolved promise through, lib/utils.js), whose reason is
 * the one-line text of refusalText. The decision (saveDecision.ts) loads after first paint, while the app
 * starts; a save that comes before it is in waits for it, within the same deadline.
 *
 * What Zendesk stored is learnt from `ticket.submit.done` / `.fail` / `.always`, never from
 * `ticket.saved`, which Zendesk does not send to a sidebar ("this event does not fire in the
 * ticket_sidebar or new_ticket_sidebar locations",
 * https://developer.zendesk.com/api-reference/apps/apps-support-api/background/). Those submit events are
 * used by Zendesk's own ticket_sidebar sample (zendesk/demo_apps v1/expert_sample_app, `ticket.submit.done`),
 * but their section of the reference was not readable: when one is missing or late, the app only knows
 * that it does not know what was stored, and reads it when a decision needs it.
 */
export function registerSaveHook(client: ZafClient, store: StateStore, lookups: Lookups, options: SaveHookOptions = {}) {
  const deadlineMs = options.deadlineMs ?? SAVE_DEADLINE_MS;
  const tracking: SubmitTracking = { unseenSaves: 0 };
  const decider = import('./saveDecision').then(({ createSaveDecider }) => createSaveDecider({ client, store, lookups, tracking, failMode: () => failModeNow(store, options), withinDeadline }));

  /** The decision could not load in time (or at all): the app cannot check; failMode says what happens. */
  function undecided(): Promise<void> {
    const t = store.get().translate;
    const unchecked = { what: msg('guard.what.guard'), why: msg('guard.note.checkNotLoaded') };
    if (failModeNow(store, options) === 'closed') {
      store.update({ refusedSave: { at: Date.now() } });
      return Promise.reject(t('guard.refuse.lead', { actions: capitalize(t('guard.do.recheck', { items: t(unchecked.what) })) }));
    }
    store.update({ refusedSave: null, pendingSave: { status: null, draft: null } });
    store.notify('warning', msg('notice.saveUnchecked'), [msg('guard.uncheckedItem', unchecked)], { sticky: true });
    return Promise.resolve();
  }

  /** Resolves to let the save through; rejects with the text the agent reads to refuse it. */
  async function handleSave(): Promise<void> {
    const deadline = Date.now() + deadlineMs;
    const decide = await withinDeadline(decider, deadline);
    return decide ? decide(deadline) : undecided();
  }

  /** ticket.submit.done: Zendesk stored the save the app let through. */
  function submitDone() {
    const { pendingSave, sentNotes, context } = store.get();
    if (tracking.unseenSaves > 0 || !pendingSave) return;
    const draft = pendingSave.draft;
    const note = draft && draft.text.trim() !== '' ? { body: draft.text, public: !draft.internal } : null;
    // After a save the editor shows what was stored, with what Zendesk's triggers changed (their events
    // come first); failing that, the status the save sent.
    const stored = context && context.unreadable.every((part) => part !== 'status') ? context.ticket.status : pendingSave.status;
    store.update({
      pendingSave: null,
      savedStatus: stored !== null ? { state: 'done', value: stored } : { state: 'idle' },
      sentNotes: note ? [...sentNotes, note] : sentNotes,
      // The comment sent is no longer in the composer (comment.text.changed says so as well); what the
      // editor shows now is what Zendesk stored (issue 18's overwrite rule tells typing from it).
      context: context ? { ...context, ticket: { ...context.ticket, saved: { subject: context.ticket.subject, fields: { ...context.ticket.fields }, formId: context.ticket.formId }, ...(draft ? { draft: { text: '', internal: context.ticket.draft.internal } } : {}) } } : context,
    });
    // A comment sent that the app could not read makes what it read of the notes stale. A ticket taken off hold
    // can be refused again: its notes are read now (if they can decide), not at its next save.
    if (draft === null) lookups.notesOutdated();
    lookups.comments();
  }

  /** ticket.submit.fail: nothing was stored. */
  function submitFail() {
    if (tracking.unseenSaves > 0) return;
    store.update({ pendingSave: null });
  }

  /** ticket.submit.always closes one submit: a late one ends the wait for an unseen save's events. */
  function submitAlways() {
    if (tracking.unseenSaves > 0) tracking.unseenSaves -= 1;
  }

  // Registered before anything else, so that no save passes unanswered.
  client.on('ticket.save', () => handleSave());
  client.on('ticket.submit.done', submitDone);
  client.on('ticket.submit.fail', submitFail);
  client.on('ticket.submit.always', submitAlways);
  /** Resolves once the decision is in (true), or could not load (false): a save is then judged, never "not loaded yet". */
  const loaded = decider.then(
    () => true,
    () => false,
  );
  return { handleSave, loaded };
}
