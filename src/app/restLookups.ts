import type { Lookup, SavedComment, Waiting } from '../domain/ticket';
import { isKnown } from '../domain/ticket';
import { browserStores, createZendeskApi, type ZendeskApi } from '../zendesk/restApi';
import type { ZafClient } from '../zendesk/client';
import { RestError } from '../zendesk/client';
import { financialPending, sessionCnpj } from '../domain/findings';
import { MACRO_SETTINGS, type MacroAnswer, type MacroSetting } from '../domain/macros';
import { guardCanApply, savedNoteFound } from '../domain/saveGuard';
import { notesCanDecide, notesMayMatter } from '../domain/saveDecision';
import type { StateStore } from './state';
import type { LookupOptions } from './lookups';
// Look-up failures and waits are said with texts first paint never shows: they load with this chunk.
import '../laterTexts';

type Slot = 'organizationSearch' | 'savedComments' | 'savedStatus' | MacroSetting;

function failureOf(error: unknown): Lookup<never> {
  return { state: 'failed', reason: error instanceof RestError ? error.reason : 'network' };
}

/**
 * The REST look-ups ZAF cannot answer, run after first paint, each with its state kept (loading,
 * waiting, done, failed). An answer to a look-up that a newer one replaced is dropped.
 *
 * When each runs, to stay inside the REST budget (README, Benchmark):
 * - the organizations of the session CNPJ: on a ticket without organization;
 * - a macro (by its title setting): only when it is needed — the financial-pending block, whose action
 *   applies the registration-pending macro; a procedure the agent applies; the configuration check,
 *   for admins (`currentUser.role` = admin) — each once per agent session (cached 4 h, shared by tabs);
 * - the saved comments: only where they can change the verdict of a save to On Hold, or once the agent
 *   sets it On Hold (`comments()`; `readNotes()` for the save guard).
 */
export function createRestLookups(client: ZafClient, store: StateStore, options: LookupOptions = {}) {
  const stores = options.stores ?? browserStores();
  const rest = createZendeskApi(client, { shared: stores.shared ?? null, personal: stores.personal ?? null }, options.policy);

  const started = new Map<Slot, number>();
  /**
   * Starts a new run of a slot's look-up; returns whether a given answer still belongs to the latest run
   * (an answer to a look-up that a newer one replaced, or that was dropped, is not put in the state).
   */
  function nextRun(slot: Slot): () => boolean {
    const run = (started.get(slot) ?? 0) + 1;
    started.set(slot, run);
    return () => started.get(slot) === run;
  }

  function put(slot: Slot, lookup: Lookup<unknown>) {
    if (slot === 'organizationSearch' || slot === 'savedComments' || slot === 'savedStatus') store.update({ [slot]: lookup });
    else store.update({ macros: { ...store.get().macros, [slot]: lookup as Lookup<MacroAnswer> } });
  }

  /** Runs a look-up into its slot; resolves to its value, or null when it failed (the slot says why). */
  function track<T>(slot: Slot, load: (rest: ZendeskApi, onWaiting: (waiting: Waiting) => void) => Promise<T>): Promise<T | null> {
    const current = nextRun(slot);
    put(slot, { state: 'loading' });
    return load(rest, (waiting) => current() && put(slot, { state: 'loading', waiting })).then(
      (value) => {
        if (current()) put(slot, { state: 'done', value });
        return value;
      },
      (error: unknown) => {
        if (current()) put(slot, failureOf(error));
        return null;
      },
    );
  }

  /** Whether the agent asked for the session CNPJ's organization on a ticket that has another one. */
  let evenWithOrganization = false;

  /**
   * The organizations of the session CNPJ: by itself for a ticket without organization (001 "Organização
   * em branco"); on the agent's request (`evenWithOrganization`) when the ticket's organization has another CNPJ.
   * An organization ZAF could not read is not "no organization" (the finding says so): nothing is searched.
   */
  function organization(call: { refresh?: boolean; evenWithOrganization?: boolean } = {}) {
    if (call.evenWithOrganization) evenWithOrganization = true;
    const { context, settings } = store.get();
    const cnpjKey = settings.orgCnpjField;
    const cnpj = context ? sessionCnpj(context, settings) : null;
    if (!context || !isKnown(context, 'organization') || (context.ticket.organization && !evenWithOrganization) || !cnpjKey || cnpj?.kind !== 'valid') {
      nextRun('organizationSearch');
      store.update({ organizationSearch: { state: 'idle' } });
      return;
    }
    void track('organizationSearch', (rest, onWaiting) => rest.organizationsByCnpj(cnpjKey, cnpj, { refresh: call.refresh, onWaiting }));
  }

  const macroRequests = new Map<MacroSetting, Promise<MacroAnswer | null>>();

  /**
   * The macro a title setting names, looked up now if not yet (a look-up under way is awaited): resolves
   * to what was found, or null when the look-up failed (the state says why) or the setting is empty.
   */
  function macro(setting: MacroSetting, call: { refresh?: boolean } = {}): Promise<MacroAnswer | null> {
    const title = store.get().settings[setting];
    if (!title) return Promise.resolve(null);
    const lookup = store.get().macros[setting];
    // Asked again after this view saw it fail (a procedure applied anyway): Zendesk is asked, not the failure cache.
    if (lookup?.state === 'failed') call = { ...call, refresh: true };
    if (!call.refresh) {
      if (lookup?.state === 'done') return Promise.resolve(lookup.value);
      const running = macroRequests.get(setting);
      if (running && lookup?.state === 'loading') return running;
    }
    const request = track(setting, (rest, onWaiting) => rest.macroByTitle(title, { refresh: call.refresh, onWaiting }));
    macroRequests.set(setting, request);
    return request;
  }

  /**
   * After `invoke('macro', id)` failed: if that id is the one a title setting found, the look-up is read
   * again from Zendesk once (an admin may have re-created the macro, which gives it a new id, or renamed
   * it). Resolves to the id to try instead, or null (not one of ours, the same id again, or no macro with
   * that title any more).
   */
  async function recoverMacro(failedId: number): Promise<number | null> {
    for (const setting of MACRO_SETTINGS) {
      const lookup = store.get().macros[setting];
      if (lookup?.state !== 'done' || lookup.value.match.kind !== 'found' || lookup.value.match.id !== failedId) continue;
      const after = (await macro(setting, { refresh: true }))?.match;
      return after?.kind === 'found' && after.id !== failedId ? after.id : null;
    }
    return null;
  }

  /** The macros this view needs now: the pending block's, and every configured one for an admin's configuration check. */
  function neededMacros(call: { refresh?: boolean } = {}) {
    const { context, settings } = store.get();
    if (!context) return;
    if (financialPending(context, settings) === 'yes') void macro('macroRegistrationPending', call);
    // An admin (ZAF currentUser.role; unreadable: not known to be one) sees every title checked.
    if (context.role === 'admin') for (const setting of MACRO_SETTINGS) void macro(setting, call);
  }

  /** Whether these comments (newest first) already hold the internal note the guard needs, for the ticket as it is now. */
  function noteFound(newestFirst: SavedComment[]): boolean {
    const { context, settings } = store.get();
    return context !== null && savedNoteFound(context, settings, newestFirst);
  }

  /**
   * Reads the ticket's saved comments (with their public flag) into `savedComments`, newest first, until
   * they hold the internal note procedure 002 needs (then the state is 'done' with `partial`: older
   * comments cannot change that verdict, and are not read) or to the end (`all`: always to the end).
   * From the cache when another view read them and the ticket has not changed since (same ticket id and
   * `updated_at` as this view started with); `refresh` reads Zendesk again, past any cache. For the save
   * guard (issue 17): call it when a save could be refused; `deadlineMs` bounds the wait (then 'timeout':
   * not read, never absent). Resolves to the comments read, oldest first, or null when they could not
   * be read (the state says why).
   */
  function readNotes(call: { deadlineMs?: number; refresh?: boolean; all?: boolean } = {}): Promise<SavedComment[] | null> {
    const context = store.get().context;
    const ticketId = context?.ticket.id;
    if (ticketId === null || ticketId === undefined) return Promise.resolve(null);
    const updatedAt = context?.updatedAt ?? null;
    const current = nextRun('savedComments');
    put('savedComments', { state: 'loading' });
    const onWaiting = (waiting: Waiting) => current() && put('savedComments', { state: 'loading', waiting });
    return rest.savedComments(ticketId, { updatedAt, deadlineMs: call.deadlineMs, refresh: call.refresh, onWaiting, enough: call.all ? undefined : noteFound }).then(
      ({ comments: value, complete }) => {
        if (current()) put('savedComments', complete ? { state: 'done', value } : { state: 'done', value, partial: true });
        return value;
      },
      (error: unknown) => {
        if (current()) put('savedComments', failureOf(error));
        return null;
      },
    );
  }

  /** The notes held predate a stored change (see notesOutdated): the next read goes to Zendesk, past the cache. */
  let notesStale = false;

  /**
   * What this view read of the saved notes, or is reading, predates a change stored since — by someone else
   * (ticket.updated) or by a save whose comment the app could not read: it is dropped (a read under way
   * answers for the ticket as it was), and the next read goes to Zendesk, past the cache (keyed by the
   * `updated_at` the view started with). Reads nothing itself.
   */
  function notesOutdated() {
    notesStale = true;
    const { state } = store.get().savedComments;
    if (state === 'loading') nextRun('savedComments');
    if (state === 'loading' || state === 'done') put('savedComments', { state: 'idle' });
  }

  /**
   * Saved comments are read only where they can change the verdict of a save to On Hold
   * (`notesCanDecide`: an O.S. ticket stored Open with every other item of 002 in place, and no note
   * sent or being written in this view naming the customer), or, with `onHold` (the agent set the
   * status On Hold), wherever they may still matter (`notesMayMatter`): ahead of that save, newest
   * first until the internal note is found (one request when it is among the newest 100). Called again
   * at every change that can make them matter (a field, the form, the Type, the draft, the organization,
   * a save done). A read that failed is asked again only by the agent's moves — `askAgain` (On Hold, the
   * save) or `refresh` ("Tentar de novo") —: not at every keystroke.
   * Read again when what is held no longer answers (a partial read and the ticket's CNPJ or organization changed).
   */
  function comments(call: { refresh?: boolean; onHold?: boolean; askAgain?: boolean } = {}) {
    const { context, settings, savedComments, savedStatus, sentNotes } = store.get();
    if (!context || context.ticket.id === null) return;
    // A failure is kept a while for the views (failureTtlMs): read past it.
    const again = call.refresh || (call.askAgain === true && savedComments.state === 'failed');
    if (!again && (savedComments.state === 'loading' || savedComments.state === 'failed')) return;
    if (!again && savedComments.state === 'done' && (!savedComments.partial || noteFound([...savedComments.value].reverse()))) return;
    const input = { context, settings, savedComments, savedStatus, sentNotes };
    if (!(call.onHold ? notesMayMatter(input) : notesCanDecide(input))) return;
    const refresh = again || notesStale;
    notesStale = false;
    void readNotes({ refresh });
  }

  /**
   * The status Zendesk has stored, over REST, for when the app lost track of it: a save whose
   * ticket.submit.done / .fail it never saw (issue 17). Not on the common path.
   */
  function savedStatus() {
    const { context, savedStatus: known } = store.get();
    if (!context || context.ticket.id === null || known.state === 'loading' || known.state === 'done') return;
    const ticketId = context.ticket.id;
    void track('savedStatus', (api, onWaiting) => api.ticketStatus(ticketId, { onWaiting }));
  }

  return {
    organization,
    macro,
    recoverMacro,
    comments,
    notesOutdated,
    readNotes,
    savedStatus,
    /** The ticket is set On Hold: read what the guard will need and does not know yet (issue 17). */
    forHold() {
      // The move itself is when issue 16's budget allows the read, even while another item is missing:
      // the refusal then, or the next save, knows the note; a read that failed is asked again.
      comments({ onHold: true, askAgain: true });
      savedStatus();
    },
    /** ticket.updated: someone else stored a change. Re-read what the guard holds about what is stored. */
    storedChanged() {
      const { context, settings, savedStatus: known } = store.get();
      if (!context || !guardCanApply({ context, settings, savedStatus: known })) return;
      if (known.state !== 'loading') store.update({ savedStatus: { state: 'idle' } });
      // What was read is stale: read again from Zendesk once it can change a verdict.
      notesOutdated();
      savedStatus();
      comments();
    },
    all() {
      organization();
      neededMacros();
      comments();
    },
    /** "Try again": every look-up this view has made is read from Zendesk again, past any cache. */
    retry() {
      const state = store.get();
      if (state.organizationSearch.state !== 'idle') organization({ refresh: true });
      for (const setting of MACRO_SETTINGS) if (state.macros[setting]) void macro(setting, { refresh: true });
      if (state.savedComments.state !== 'idle') comments({ refresh: true });
    },
  };
}

export type RestLookups = ReturnType<typeof createRestLookups>;
