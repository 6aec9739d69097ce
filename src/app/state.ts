import type { MacroLookups } from '../domain/macros';
import type { OrganizationSearch } from '../domain/organizations';
import type { Lookup, SavedComment, TicketContext, TicketPart } from '../domain/ticket';
import type { Message } from '../domain/message';
import { DEFAULT_SETTINGS, type Settings, type SettingsIssue } from '../settings';
import { createTranslate, DEFAULT_DICTIONARY, type Translate } from '../i18n';

/** What a one-click action or a procedure did (the notice's lines) and when (ms since the epoch). */
export interface DoneRecord {
  done: Message[];
  at: number;
}

/** The done state of a one-click action (see SentinelaState.done). */
export const procedureKey = (id: string) => `procedure:${id}`;
export const adoptKey = (organizationId: number) => `adoptRequester:${organizationId}`;

/** How long a success notice stays (what the app did; errors and warnings stay until dismissed). */
export const SUCCESS_NOTICE_MS = 6000;

export interface Notice {
  id: number;
  tone: 'success' | 'warning' | 'error';
  text: Message;
  details?: Message[];
  /** Stays until the agent closes it (never pushed out by newer notices). */
  sticky?: boolean;
}

/** A save the app let through, whose outcome (ticket.submit.done / .fail) it has not seen yet. */
export interface PendingSave {
  /** The status sent, when the save's get could read it. */
  status: string | null;
  /** The comment sent with it, when readable: an internal note becomes a saved note. */
  draft: TicketContext['ticket']['draft'] | null;
}

export interface SentinelaState {
  phase: 'starting' | 'ready' | 'failed';
  /** The installation's settings have arrived (before that, `settings` holds the defaults). */
  settingsKnown: boolean;
  settings: Settings;
  settingsIssues: SettingsIssue[];
  context: TicketContext | null;
  /** The REST look-ups of this view have been started (their chunk loads after first paint; until then each is 'idle'). */
  lookupsStarted: boolean;
  organizationSearch: Lookup<OrganizationSearch>;
  /** Each title setting's macro candidates, looked up only once needed. */
  macros: MacroLookups;
  savedComments: Lookup<SavedComment[]>;
  /** Comments this agent's saves sent, confirmed stored by ticket.submit.done (known whatever REST says). */
  sentNotes: SavedComment[];
  /**
   * The status Zendesk has stored (before the agent's edit). 'done' when known: read at startup, or
   * learnt from ticket.submit.done; 'idle' when a save's outcome was not seen (it may or may not have
   * been stored); 'loading' / 'failed' while / after reading it over REST.
   */
  savedStatus: Lookup<string>;
  pendingSave: PendingSave | null;
  /** The last save the guard refused (the sidebar then shows what is missing at the top), until one passes. */
  refusedSave: { at: number } | null;
  notices: Notice[];
  /** The action under way: a second click while it runs does nothing. */
  busy: string | null;
  /**
   * One-click actions already applied to this ticket, by key (procedure:<id>, adoptRequester:<org>),
   * with what was done: the finding shows it instead of the button, so nothing is applied twice.
   */
  done: Record<string, DoneRecord>;
  translate: Translate;
}

/**
 * The app's state and its listeners: one immutable snapshot, replaced on every change, so React's
 * useSyncExternalStore (and tests) read a consistent picture.
 */
export interface StateStore {
  get(): SentinelaState;
  update(patch: Partial<SentinelaState>): void;
  /** Patches the ticket of the context, when there is one; `learnt`: parts now known (an event told them). */
  updateTicket(patch: Partial<TicketContext['ticket']>, learnt?: readonly TicketPart[]): void;
  /**
   * Adds a notice. Sticky ones (what a save let through unchecked, issue 17) stay until closed; of the
   * others the last three are kept. A success replaces the previous success and closes by itself after
   * `SUCCESS_NOTICE_MS`; warnings and errors stay until dismissed.
   */
  notify(tone: Notice['tone'], text: Message, details?: Message[], options?: { sticky?: boolean }): void;
  dismissNotice(id: number): void;
  subscribe(listener: () => void): () => void;
}

export function createStateStore(): StateStore {
  let state: SentinelaState = {
    phase: 'starting',
    settingsKnown: false,
    settings: DEFAULT_SETTINGS,
    settingsIssues: [],
    context: null,
    lookupsStarted: false,
    organizationSearch: { state: 'idle' },
    macros: {},
    savedComments: { state: 'idle' },
    sentNotes: [],
    savedStatus: { state: 'idle' },
    pendingSave: null,
    refusedSave: null,
    notices: [],
    busy: null,
    done: {},
    translate: createTranslate(DEFAULT_DICTIONARY),
  };
  let noticeId = 0;
  const listeners = new Set<() => void>();
  const update = (patch: Partial<SentinelaState>) => {
    state = { ...state, ...patch };
    for (const listener of listeners) listener();
  };
  return {
    get: () => state,
    update,
    updateTicket(patch, learnt = []) {
      const context = state.context;
      if (!context) return;
      update({ context: { ...context, ticket: { ...context.ticket, ...patch }, unreadable: context.unreadable.filter((part) => !learnt.includes(part)) } });
    },
    notify(tone, text, details, options) {
      noticeId += 1;
      const id = noticeId;
      const sticky = state.notices.filter((notice) => notice.sticky);
      const passing = state.notices.filter((notice) => !notice.sticky && !(tone === 'success' && notice.tone === 'success')).slice(-2);
      const notice: Notice = { id, tone, text, ...(details ? { details } : {}), ...(options?.sticky ? { sticky: true } : {}) };
      update({ notices: [...state.notices.filter((kept) => sticky.includes(kept) || passing.includes(kept)), notice] });
      if (tone === 'success') setTimeout(() => update({ notices: state.notices.filter((kept) => kept.id !== id) }), SUCCESS_NOTICE_MS);
    },
    dismissNotice: (id) => update({ notices: state.notices.filter((notice) => notice.id !== id) }),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
