import type { ZafClient } from '../zendesk/client';
import type { TicketContext } from '../domain/ticket';
import { isKnown } from '../domain/ticket';
import { readSaveContext, unreadSaveContext } from '../zendesk/saveContext';
import type { GuardInput, Unchecked } from '../domain/saveGuard';
import { decideSave, verdict, type SaveDecision } from '../domain/saveDecision';
import { refusalText } from '../domain/refusal';
import { msg } from '../domain/message';
import type { SubmitTracking } from './saveHook';
import type { SentinelaState, StateStore } from './state';
import type { Lookups } from './lookups';
import '../laterTexts'; // the refusal's and the notices' texts (translations `later`)

/** The parts of the state a save may wait for, and that a REST read can bring. */
type Readable = NonNullable<Unchecked['readable']>;

export interface DeciderDeps {
  client: ZafClient;
  store: StateStore;
  lookups: Lookups;
  tracking: SubmitTracking;
  /** failMode now (saveHook.ts failModeNow). */
  failMode: () => 'open' | 'closed';
  /** saveHook.ts withinDeadline (passed in: this chunk imports nothing of first paint's own modules but types). */
  withinDeadline: <T>(promise: Promise<T>, deadline: number) => Promise<T | null>;
}

/**
 * How the save hook decides one save (see registerSaveHook, saveHook.ts): settings, one batched get,
 * the REST reads the decision needs and lacks, failMode — within the deadline. Loaded after first
 * paint (its own chunk). Returns `decide(deadline)`: resolves to let the save through, rejects with
 * the one-line refusal.
 */
export function createSaveDecider(deps: DeciderDeps) {
  const { client, store, lookups, tracking, failMode: failModeNow, withinDeadline } = deps;

  /** Resolves at the next change of state, or at the deadline. */
  function changeOrDeadline(deadline: number): Promise<void> {
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        unsubscribe();
        resolve();
      };
      const timer = setTimeout(finish, Math.max(0, deadline - Date.now()));
      const unsubscribe = store.subscribe(finish);
    });
  }

  async function waitUntil(ready: () => boolean, deadline: number): Promise<boolean> {
    while (!ready()) {
      if (Date.now() >= deadline) return false;
      await changeOrDeadline(deadline);
    }
    return true;
  }

  /**
   * A save the app let through earlier, whose ticket.submit.done / .fail never came: Zendesk may or may
   * not have stored it. The stored status is then unknown, and so are the saved notes if it sent one.
   */
  function settleUnseenSave() {
    const { pendingSave } = store.get();
    if (!pendingSave) return;
    tracking.unseenSaves += 1;
    const sentNote = pendingSave.draft === null || (pendingSave.draft.internal && pendingSave.draft.text.trim() !== '');
    store.update({ pendingSave: null, savedStatus: { state: 'idle' } });
    // What a cache holds of the notes predates that save: the next read, this save's or a later one's, goes to Zendesk.
    if (sentNote) lookups.notesOutdated();
  }

  const guardInput = (context: TicketContext, settings: SentinelaState['settings']): GuardInput => {
    const { savedComments, savedStatus, sentNotes } = store.get();
    return { context, settings, savedComments, savedStatus, sentNotes };
  };

  /**
   * Asks, once per save, for the REST reads that would tell what the decision does not know (a read that
   * failed is asked again); resolves to whether it asked anything, once those asks have run (within the
   * deadline; the look-ups load lazily): a read they started is then 'loading' — never mistaken for the old
   * failure or for nothing coming (review 9, R9-1: a save refused for notes whose new read was on its way).
   */
  async function askWhatMatters(decision: SaveDecision, started: Set<Readable>, deadline: number): Promise<boolean> {
    const asks: Promise<void>[] = [];
    for (const item of decision.unchecked) {
      if (!item.readable || started.has(item.readable)) continue;
      if (store.get().phase === 'starting') continue; // the first get is under way: it may tell
      started.add(item.readable);
      asks.push(item.readable === 'savedComments' ? lookups.comments({ askAgain: true }) : lookups.savedStatus());
    }
    if (asks.length > 0) await withinDeadline(Promise.all(asks), deadline);
    return asks.length > 0;
  }

  /** A read the decision waits for: under way, or the first get still is (it may tell). */
  const stillComing = (decision: SaveDecision) =>
    decision.unchecked.some((item) => item.readable !== undefined && (store.get().phase === 'starting' || store.get()[item.readable].state === 'loading'));

  async function judge(deadline: number) {
    // failMode must be known before a save is answered: the settings come with ZAF's handshake.
    const settingsKnown = await waitUntil(() => store.get().settingsKnown || store.get().phase === 'failed', deadline) && store.get().settingsKnown;
    // Before the installation's settings arrive, the state holds the defaults (src/settings.ts).
    const settings = store.get().settings;
    const base = store.get().context;
    const fresh = await withinDeadline(readSaveContext(client, settings, base), deadline);
    // After one round trip: the events Zendesk sent before this save (a ticket.submit.done) are in.
    settleUnseenSave();
    const context = fresh ?? unreadSaveContext(settings, base, 'timeout');
    // The sidebar shows what the guard judged (an event may have been missed).
    if (fresh && base && store.get().context === base) store.update({ context: fresh });

    const started = new Set<Readable>();
    /** The decision on what is known now, once the reads it lacks have been asked for (each once per save). */
    const decideAsking = async () => {
      let decision = decideSave(guardInput(context, settings));
      while (await askWhatMatters(decision, started, deadline)) decision = decideSave(guardInput(context, settings));
      return decision;
    };
    let decision = await decideAsking();
    while (stillComing(decision) && Date.now() < deadline) {
      await changeOrDeadline(deadline);
      decision = await decideAsking();
    }
    const unchecked = settingsKnown ? decision.unchecked : [...decision.unchecked, { what: msg('guard.what.settings'), why: msg('guard.note.settingsMissing') }];
    return { context, failMode: failModeNow(), decision: { ...decision, unchecked } };
  }

  function allow(context: TicketContext | null, unchecked: Unchecked[]) {
    const known = context && isKnown(context, 'draft') && isKnown(context, 'draftType');
    store.update({
      refusedSave: null,
      pendingSave: { status: context && isKnown(context, 'status') ? context.ticket.status : null, draft: known ? context.ticket.draft : null },
    });
    if (unchecked.length > 0) {
      store.notify('warning', msg('notice.saveUnchecked'), unchecked.map((item) => msg('guard.uncheckedItem', { what: item.what, why: item.why })), { sticky: true });
    }
  }

  function refuse(reason: string): Promise<never> {
    store.update({ refusedSave: { at: Date.now() } });
    return Promise.reject(reason);
  }

  /** Resolves to let the save through; rejects with the text the agent reads to refuse it. */
  return async function decide(deadline: number): Promise<void> {
    let judged: Awaited<ReturnType<typeof judge>>;
    try {
      judged = await judge(deadline);
    } catch (error) {
      // The app itself failed while deciding: failMode says what happens to the save.
      const unchecked = [{ what: msg('guard.what.guard'), why: msg('guard.fault.error', { error: error instanceof Error ? error.message : String(error) }) }];
      const failMode = failModeNow();
      if (failMode === 'open') return allow(store.get().context, unchecked);
      return refuse(refusalText({ fixes: [], unchecked }, failMode, store.get().translate));
    }
    const { context, failMode, decision } = judged;
    const result = verdict(decision, failMode);
    if (decision.warnings.length > 0) store.notify('warning', msg('guard.warn.header'), decision.warnings);
    if (result.allow) return allow(context, result.unchecked);
    return refuse(refusalText(result, failMode, store.get().translate));
  };
}
