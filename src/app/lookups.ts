import type { MacroAnswer, MacroSetting } from '../domain/macros';
import type { SavedComment } from '../domain/ticket';
import type { CacheStores, RestPolicy } from '../zendesk/restApi';
import type { ZafClient } from '../zendesk/client';
import type { RestLookups } from './restLookups';
import type { StateStore } from './state';

export interface LookupOptions {
  /**
   * Where answers are kept between ticket views (see zendesk/cache.ts): `shared` by the agent's tabs,
   * `personal` for the tab's session. Omitted: the browser's (localStorage and sessionStorage, as the
   * browser allows; memory only where it has neither), opened with the REST layer after first paint.
   */
  stores?: Partial<CacheStores>;
  policy?: RestPolicy;
}

/**
 * The REST look-ups as the rest of the app calls them. Every look-up needs the REST layer, which loads
 * after first paint: so do the look-ups themselves (restLookups.ts, one chunk with the REST layer);
 * calls made before it has loaded run once it has, in the order they were made.
 */
export function createLookups(client: ZafClient, store: StateStore, options: LookupOptions = {}) {
  let loading: Promise<RestLookups> | null = null;
  const loaded = () => (loading ??= import('./restLookups').then(({ createRestLookups }) => createRestLookups(client, store, options)));
  return {
    /** The organizations of the session CNPJ, for a ticket without organization (001 "Organização em branco"). */
    organization: (call?: { refresh?: boolean; evenWithOrganization?: boolean }) => void loaded().then((lookups) => lookups.organization(call)),
    /**
     * The macro a title setting names, looked up now if not yet (a look-up under way is awaited): resolves
     * to what was found, or null when the look-up failed (the state says why) or the setting is empty.
     */
    macro: (setting: MacroSetting, call?: { refresh?: boolean }): Promise<MacroAnswer | null> => loaded().then((lookups) => lookups.macro(setting, call)),
    /** After `invoke('macro', id)` failed: the id to try instead, the title looked up again once (see restLookups). */
    recoverMacro: (failedId: number): Promise<number | null> => loaded().then((lookups) => lookups.recoverMacro(failedId)),
    /**
     * Saved comments, read ahead where they can change the verdict of a save to On Hold (see restLookups.comments).
     * Resolves once the call has run: a read it started is 'loading' by then; one it declined left the state as it was.
     */
    comments: (call?: { refresh?: boolean; askAgain?: boolean }): Promise<void> => loaded().then((lookups) => lookups.comments(call)),
    /**
     * What was read (or is being read) of the saved notes predates a change stored since: dropped; the next read
     * goes to Zendesk. What was read is dropped at once (a save decided right after must not use it); a read
     * under way, once the look-ups' chunk runs (see restLookups.notesOutdated).
     */
    notesOutdated: () => {
      if (store.get().savedComments.state === 'done') store.update({ savedComments: { state: 'idle' } });
      void loaded().then((lookups) => lookups.notesOutdated());
    },
    /**
     * For the save guard (issue 17): the ticket's saved comments (with their public flag), oldest first,
     * read into `savedComments` now — newest first until they hold procedure 002's internal note (state
     * 'done' with `partial`: older ones not read, never "absent"), or every one with `all`. Cached by ticket
     * id + `updated_at`; `refresh` reads Zendesk past any cache; `deadlineMs` bounds the wait (ms; then
     * 'timeout': not read, never absent). Resolves to the comments read, or null when they could not be
     * read (the state says why).
     */
    readNotes: (call?: { deadlineMs?: number; refresh?: boolean; all?: boolean }): Promise<SavedComment[] | null> => loaded().then((lookups) => lookups.readNotes(call)),
    /** The status Zendesk has stored, read over REST when the app lost track of it (issue 17). Resolves as `comments` does. */
    savedStatus: (): Promise<void> => loaded().then((lookups) => lookups.savedStatus()),
    /** The ticket is set On Hold: read what the save guard will need and does not know yet. */
    forHold: () => void loaded().then((lookups) => lookups.forHold()),
    /** ticket.updated: someone else stored a change; re-read what the guard holds about what is stored. */
    storedChanged: () => void loaded().then((lookups) => lookups.storedChanged()),
    /** Every look-up this view needs at startup. */
    all: () =>
      void loaded().then((lookups) => {
        lookups.all();
        store.update({ lookupsStarted: true });
      }),
    /** "Try again": every look-up this view has made is read from Zendesk again, past any cache. */
    retry: () => void loaded().then((lookups) => lookups.retry()),
  };
}

export type Lookups = ReturnType<typeof createLookups>;
