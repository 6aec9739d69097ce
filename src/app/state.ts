import type { MacroLookups } from '../domain/macros';
import type { OrganizationSearch } from '../domain/organizations';
import type { Lookup, SavedComment, TicketContext } from '../domain/ticket';
import type { Message } from '../domain/message';
import { DEFAULT_SETTINGS, type Settings, type SettingsIssue } from '../settings';
import { createTranslate, DEFAULT_DICTIONARY, type Translate } from '../i18n';

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
  notices: Notice[];
  /** The action under way: a second click while it runs does nothing. */
  busy: string | null;
  /**
   * One-click actions already applied to this ticket, by key (procedure:<id>, adoptRequester:<org>),
   * with what was done: the finding shows it instead of the button, so nothing is applied twice.
   */
  done: Record<string, { done: Message[]; at: number }>;
  translate: Translate;
}

/**
 * The app's state and its listeners: one immutable snapshot, replaced on every change, so React's
 * useSyncExternalStore (and tests) read a consistent picture.
 */
export interface StateStore {
  get(): SentinelaState;
  update(patch: Partial<SentinelaState>): void;
  /** Patches the ticket of the context, when there is one. */
  updateTicket(patch: Partial<TicketContext['ticket']>): void;
  /**
   * Adds a notice (the last three are kept). A success replaces the previous success and closes by
   * itself after `SUCCESS_NOTICE_MS`; warnings and errors stay until dismissed.
   */
  notify(tone: Notice['tone'], text: Message, details?: Message[]): void;
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
    updateTicket(patch) {
      if (state.context) update({ context: { ...state.context, ticket: { ...state.context.ticket, ...patch } } });
    },
    notify(tone, text, details) {
      noticeId += 1;
      const id = noticeId;
      const kept = tone === 'success' ? state.notices.filter((notice) => notice.tone !== 'success') : state.notices;
      update({ notices: [...kept.slice(-2), { id, tone, text, ...(details ? { details } : {}) }] });
      if (tone === 'success') setTimeout(() => update({ notices: state.notices.filter((notice) => notice.id !== id) }), SUCCESS_NOTICE_MS);
    },
    dismissNotice: (id) => update({ notices: state.notices.filter((notice) => notice.id !== id) }),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
