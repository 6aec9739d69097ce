import type { MacroLookups } from '../domain/macros';
import type { OrganizationSearch } from '../domain/organizations';
import type { Lookup, SavedComment, TicketContext } from '../domain/ticket';
import type { Message } from '../domain/message';
import { DEFAULT_SETTINGS, type Settings, type SettingsIssue } from '../settings';
import { createTranslate, DEFAULT_DICTIONARY, type Translate } from '../i18n';

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
  organizationSearch: Lookup<OrganizationSearch>;
  /** Each title setting's macro candidates, looked up only once needed. */
  macros: MacroLookups;
  savedComments: Lookup<SavedComment[]>;
  notices: Notice[];
  /** The action under way: a second click while it runs does nothing. */
  busy: string | null;
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
  /** Adds a notice (the last four are kept). */
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
    organizationSearch: { state: 'idle' },
    macros: {},
    savedComments: { state: 'idle' },
    notices: [],
    busy: null,
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
      update({ notices: [...state.notices.slice(-3), { id: noticeId, tone, text, ...(details ? { details } : {}) }] });
    },
    dismissNotice: (id) => update({ notices: state.notices.filter((notice) => notice.id !== id) }),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
