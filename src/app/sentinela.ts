import type { Macro } from '../domain/macros';
import type { OrganizationMatch } from '../domain/organizations';
import type { Lookup, Person, SavedComment, TicketContext } from '../domain/ticket';
import type { KeyValueStore, RestPolicy, ZendeskApi } from '../zendesk/restApi';
import type { ZafClient } from '../zendesk/client';
import { RestError } from '../zendesk/client';
import { fieldPath, readOrganization, readPerson, readTicketContext } from '../zendesk/ticketContext';
import { parseSettings, DEFAULT_SETTINGS, FIELD_ID_PARAMETERS, type Settings, type SettingsIssue } from '../settings';
import { sessionCnpj } from '../domain/findings';
import { decideSave, guardCanApply } from '../domain/saveGuard';
import type { InputName, ProcedureId, ZafAction, Replacement } from '../domain/procedures';
import { msg, type Message } from '../domain/message';
import { createTranslate, loadDictionary, resolveLocale, DEFAULT_DICTIONARY, type Translate } from '../i18n';

export interface Notice {
  id: number;
  tone: 'success' | 'warning' | 'error';
  text: Message;
  details?: Message[];
}

export interface SentinelaState {
  phase: 'starting' | 'ready' | 'failed';
  settings: Settings;
  settingsIssues: SettingsIssue[];
  context: TicketContext | null;
  organizationSearch: Lookup<OrganizationMatch[]>;
  macros: Lookup<Macro[]>;
  savedComments: Lookup<SavedComment[]>;
  notices: Notice[];
  /** The action under way: a second click while it runs does nothing. */
  busy: string | null;
  translate: Translate;
}

export type ApplyOutcome =
  | { status: 'applied'; summary: Message[] }
  | { status: 'confirm'; replaces: Replacement[] }
  | { status: 'invalid'; problems: Message[]; invalid?: Partial<Record<InputName, Message>> }
  | { status: 'failed' }
  | { status: 'busy' };

export interface SentinelaOptions {
  store?: KeyValueStore | null;
  policy?: RestPolicy;
}

const idle = { state: 'idle' } as const;

function failureOf(error: unknown): Lookup<never> {
  return { state: 'failed', reason: error instanceof RestError ? error.reason : 'network' };
}

/**
 * The app's behaviour over a ZafClient, with no React in it: reads the ticket in one batched get,
 * keeps it current from ZAF events, fetches what ZAF cannot give, runs actions once, and answers
 * ticket.save from data it already holds.
 */
export function createSentinela(client: ZafClient, options: SentinelaOptions = {}) {
  let state: SentinelaState = {
    phase: 'starting',
    settings: DEFAULT_SETTINGS,
    settingsIssues: [],
    context: null,
    organizationSearch: idle,
    macros: idle,
    savedComments: idle,
    notices: [],
    busy: null,
    translate: createTranslate(DEFAULT_DICTIONARY),
  };
  let settingsKnown = false;
  /** The comment being composed when a save was let through: it becomes a saved comment. */
  let draftAtSave: TicketContext['ticket']['draft'] | null = null;
  let noticeId = 0;
  const listeners = new Set<() => void>();
  /** The REST layer is used only after first paint: it loads then, outside the first-paint bundle. */
  let apiLoading: Promise<ZendeskApi> | null = null;
  const api = () =>
    (apiLoading ??= import('../zendesk/restApi').then(({ createZendeskApi }) => createZendeskApi(client, options.store ?? null, options.policy)));

  const update = (patch: Partial<SentinelaState>) => {
    state = { ...state, ...patch };
    for (const listener of listeners) listener();
  };
  const updateTicket = (patch: Partial<TicketContext['ticket']>) => {
    if (state.context) update({ context: { ...state.context, ticket: { ...state.context.ticket, ...patch } } });
  };
  const notify = (tone: Notice['tone'], text: Message, details?: Message[]) => {
    noticeId += 1;
    update({ notices: [...state.notices.slice(-3), { id: noticeId, tone, text, ...(details ? { details } : {}) }] });
  };

  type LookupKey = 'organizationSearch' | 'macros' | 'savedComments';
  type LookupValue<K extends LookupKey> = SentinelaState[K] extends Lookup<infer T> ? T : never;
  /** Look-ups started per key: an answer to an older one (the CNPJ changed since) is dropped. */
  const started: Record<LookupKey, number> = { organizationSearch: 0, macros: 0, savedComments: 0 };

  /** Runs one REST look-up after first paint and keeps its state (loading, waiting, done, failed). */
  function track<K extends LookupKey>(key: K, load: (rest: ZendeskApi, onWaiting: (seconds: number) => void) => Promise<LookupValue<K>>): Promise<void> {
    const run = ++started[key];
    const set = (lookup: Lookup<LookupValue<K>>) => run === started[key] && update({ [key]: lookup } as Partial<SentinelaState>);
    set({ state: 'loading' });
    return api()
      .then((rest) => load(rest, (seconds) => set({ state: 'loading', waitingSeconds: seconds })))
      .then(
        (value) => void set({ state: 'done', value }),
        (error) => void set(failureOf(error)),
      );
  }

  function lookupOrganization() {
    const context = state.context;
    const cnpjKey = state.settings.orgCnpjKey;
    const cnpj = context ? sessionCnpj(context, state.settings) : null;
    if (!context || context.ticket.organization || !cnpjKey || cnpj?.kind !== 'valid') {
      started.organizationSearch += 1;
      return update({ organizationSearch: idle });
    }
    void track('organizationSearch', (rest, onWaiting) => rest.organizationsByCnpj(cnpjKey, cnpj, onWaiting));
  }

  /** The macros look-up under way: a procedure clicked meanwhile waits for it instead of failing. */
  let macrosRequest: Promise<void> | null = null;
  function lookupMacros() {
    macrosRequest = track('macros', (rest, onWaiting) => rest.activeMacros(onWaiting));
  }

  /** Saved comments (with their public flag) matter only where the O.S. guard can refuse: fetched ahead of any save. */
  function lookupComments() {
    const context = state.context;
    if (!context || context.ticket.id === null || !guardCanApply(context, state.settings)) return;
    if (state.savedComments.state === 'loading' || state.savedComments.state === 'done') return;
    const ticketId = context.ticket.id;
    void track('savedComments', (rest, onWaiting) => rest.savedComments(ticketId, onWaiting));
  }

  /** Requester and organization change together: the events of one change are read back with one get. */
  let peopleRefresh: ReturnType<typeof setTimeout> | null = null;
  function schedulePeopleRefresh() {
    peopleRefresh ??= setTimeout(() => {
      peopleRefresh = null;
      void refreshPeople();
    }, 30);
  }

  async function refreshPeople() {
    try {
      const { values } = await client.get(['ticket.requester', 'ticket.organization']);
      updateTicket({ requester: readPerson(values['ticket.requester']), organization: readOrganization(values['ticket.organization']) });
      lookupOrganization();
    } catch {
      notify('error', msg('notice.refreshFailed'));
    }
  }

  function listen() {
    const settings = state.settings;
    const text = (data: unknown) => (typeof data === 'string' ? data : data === null || data === undefined ? '' : String(data));
    client.on('ticket.status.changed', (data) => updateTicket({ status: text(data) || state.context?.ticket.status || 'new' }));
    client.on('ticket.subject.changed', (data) => updateTicket({ subject: text(data) }));
    client.on('ticket.type.changed', (data) => updateTicket({ type: text(data) || null }));
    client.on('ticket.form.id.changed', (data) => {
      updateTicket({ formId: Number(data) || null });
      lookupComments();
    });
    client.on('comment.text.changed', (data) => state.context && updateTicket({ draft: { ...state.context.ticket.draft, text: text(data) } }));
    client.on('comment.type.changed', (data) => state.context && updateTicket({ draft: { ...state.context.ticket.draft, internal: data === 'internalNote' } }));
    client.on('ticket.requester.id.changed', schedulePeopleRefresh);
    client.on('ticket.organization.changed', schedulePeopleRefresh);
    for (const name of FIELD_ID_PARAMETERS) {
      const id = settings[name];
      if (id === null) continue;
      client.on(`ticket.custom_field_${id}.changed`, (data) => {
        if (!state.context) return;
        updateTicket({ fields: { ...state.context.ticket.fields, [id]: data ?? null } });
        if (name === 'cnpjFieldId') lookupOrganization();
        if (name === 'marcaFieldId') lookupComments();
      });
    }
    client.on('ticket.saved', () => {
      const context = state.context;
      if (!context) return;
      // The comment that went with the save is a saved comment now, whatever the composer shows.
      const sent = draftAtSave;
      draftAtSave = null;
      if (sent && state.savedComments.state === 'done' && sent.text.trim() !== '') {
        update({ savedComments: { state: 'done', value: [...state.savedComments.value, { body: sent.text, public: !sent.internal }] } });
      }
      updateTicket({ savedStatus: context.ticket.status, draft: { text: '', internal: context.ticket.draft.internal } });
      lookupComments(); // a ticket taken off hold can be refused again: read its notes now
    });
  }

  function failModeVerdict(reason: Message): true | string {
    if (state.settings.failMode === 'closed') return `${state.translate('guard.refuse.header')}\n• ${state.translate(reason)}`;
    notify('warning', msg('notice.saveAllowedUnchecked'), [reason]);
    return true;
  }

  /** ticket.save: a string refuses with that message; true lets the save through. */
  function handleSave(): true | string {
    try {
      if (!state.context) return failModeVerdict(msg(settingsKnown ? 'guard.fault.notLoaded' : 'guard.fault.noSettings'));
      const decision = decideSave({ context: state.context, settings: state.settings, savedComments: state.savedComments });
      if (decision.warnings.length > 0) notify('warning', msg('guard.warn.header'), decision.warnings);
      if (decision.allow) {
        draftAtSave = state.context.ticket.draft;
        return true;
      }
      const t = state.translate;
      return [t('guard.refuse.header'), ...decision.reasons.map((reason) => `• ${t(reason)}`)].join('\n');
    } catch (error) {
      return failModeVerdict(msg('guard.fault.error', { error: error instanceof Error ? error.message : String(error) }));
    }
  }

  /** When each action last succeeded: the second click of a double click repeats nothing. */
  const lastDone = new Map<string, number>();
  const REPEAT_GUARD_MS = 1500;

  /** Takes the in-flight slot synchronously, so a second click in the same instant finds it taken. */
  function claim(key: string): boolean {
    if (state.busy || Date.now() - (lastDone.get(key) ?? -Infinity) < REPEAT_GUARD_MS) return false;
    update({ busy: key });
    return true;
  }

  async function execute(key: string, actions: ZafAction[]): Promise<boolean> {
    for (const action of actions) {
      try {
        if (action.op === 'set') await client.set(action.path, action.value);
        else await client.invoke(action.name, ...action.args);
      } catch (error) {
        const what = action.op === 'set' ? action.path : action.name;
        notify('error', msg('notice.actionFailed', { action: what }), [msg('notice.errorText', { error: error instanceof Error ? error.message : String(error) })]);
        return false;
      }
    }
    lastDone.set(key, Date.now());
    return true;
  }

  /** One action at a time, each once. */
  async function exclusive<T>(key: string, busyValue: T, work: () => Promise<T>): Promise<T> {
    if (!claim(key)) return busyValue;
    try {
      return await work();
    } finally {
      update({ busy: null });
    }
  }

  async function start() {
    client.on('ticket.save', handleSave);
    try {
      const { settings: raw } = await client.metadata();
      const { settings, issues } = parseSettings(raw);
      settingsKnown = true;
      update({ settings, settingsIssues: issues });
      listen();
      const context = await readTicketContext(client, settings);
      const locale = resolveLocale(context.locale);
      const translate = locale === 'pt-BR' ? state.translate : createTranslate(await loadDictionary(locale).catch(() => DEFAULT_DICTIONARY));
      update({ context, translate, phase: 'ready' });
      lookupMacros();
      lookupOrganization();
      lookupComments();
    } catch (error) {
      update({ phase: 'failed' });
      notify('error', msg('app.startFailed'), [msg('notice.errorText', { error: error instanceof Error ? error.message : String(error) })]);
    }
  }

  return {
    start,
    handleSave,
    getState: () => state,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dismissNotice: (id: number) => update({ notices: state.notices.filter((notice) => notice.id !== id) }),
    retryLookups() {
      lookupMacros();
      lookupOrganization();
      lookupComments();
    },

    /** Plans, asks first when the plan replaces what the agent typed, then applies once. */
    applyProcedure(id: ProcedureId, values: Partial<Record<InputName, string>>, confirmed: boolean, options: { announce?: boolean } = {}): Promise<ApplyOutcome> {
      const key = `procedure:${id}`;
      return exclusive<ApplyOutcome>(key, { status: 'busy' }, async () => {
        if (!state.context) return { status: 'failed' };
        if (state.macros.state === 'loading' && macrosRequest) await macrosRequest;
        // Planning is not needed for first paint: it loads with the procedures panel.
        const { planProcedure } = await import('../domain/procedures');
        const plan = planProcedure(id, values, state.context, state.settings, state.macros.state === 'done' ? state.macros.value : null);
        if (!plan.ok) {
          // A one-click action has no form to show problems in: say them.
          if (options.announce) notify('error', msg('notice.notApplied'), plan.problems);
          return { status: 'invalid', problems: plan.problems, invalid: plan.invalid };
        }
        if (plan.replaces.length > 0 && !confirmed) return { status: 'confirm', replaces: plan.replaces };
        if (!(await execute(key, plan.actions))) return { status: 'failed' };
        notify('success', msg('notice.applied'), plan.summary);
        return { status: 'applied', summary: plan.summary };
      });
    },

    /** "Organização em branco": the org's top requester becomes the requester; the chat requester stays in CC. */
    adoptRequester(user: Person): Promise<boolean> {
      return exclusive('adoptRequester', false, async () => {
        const current = state.context?.ticket.requester;
        const actions: ZafAction[] = [];
        if (current?.email && current.email !== user.email) actions.push({ op: 'invoke', name: 'ticket.collaborators.add', args: [{ email: current.email }] });
        actions.push({ op: 'set', path: 'ticket.requester', value: user.email ? { email: user.email } : { id: user.id } });
        const done = await execute('adoptRequester', actions);
        if (done) notify('success', msg('notice.requesterChanged', { name: user.name }));
        return done;
      });
    },

    setField(fieldId: number, value: string, label: string): Promise<boolean> {
      return exclusive(`field:${fieldId}`, false, async () => {
        const done = await execute(`field:${fieldId}`, [{ op: 'set', path: fieldPath(fieldId), value }]);
        if (done && state.context) {
          updateTicket({ fields: { ...state.context.ticket.fields, [fieldId]: value } });
          notify('success', msg('notice.catalogSet', { path: label }));
        }
        return done;
      });
    },
  };
}

export type Sentinela = ReturnType<typeof createSentinela>;
