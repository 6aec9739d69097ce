import type { Lookup } from '../domain/ticket';
import type { KeyValueStore, RestPolicy, ZendeskApi } from '../zendesk/restApi';
import type { ZafClient } from '../zendesk/client';
import { RestError } from '../zendesk/client';
import { sessionCnpj } from '../domain/findings';
import { guardCanApply } from '../domain/saveGuard';
import type { SentinelaState, StateStore } from './state';

export interface LookupOptions {
  store?: KeyValueStore | null;
  policy?: RestPolicy;
}

type LookupKey = 'organizationSearch' | 'macros' | 'savedComments';
type LookupValue<K extends LookupKey> = SentinelaState[K] extends Lookup<infer T> ? T : never;

function failureOf(error: unknown): Lookup<never> {
  return { state: 'failed', reason: error instanceof RestError ? error.reason : 'network' };
}

/**
 * The REST look-ups ZAF cannot answer, run after first paint, each with its state kept (loading,
 * waiting, done, failed). An answer to a look-up that a newer one replaced is dropped.
 */
export function createLookups(client: ZafClient, store: StateStore, options: LookupOptions = {}) {
  /** The REST layer is used only after first paint: it loads then, outside the first-paint bundle. */
  let apiLoading: Promise<ZendeskApi> | null = null;
  const api = () => (apiLoading ??= import('../zendesk/restApi').then(({ createZendeskApi }) => createZendeskApi(client, options.store ?? null, options.policy)));

  const started: Record<LookupKey, number> = { organizationSearch: 0, macros: 0, savedComments: 0 };

  function track<K extends LookupKey>(key: K, load: (rest: ZendeskApi, onWaiting: (seconds: number) => void) => Promise<LookupValue<K>>): Promise<void> {
    const run = ++started[key];
    const set = (lookup: Lookup<LookupValue<K>>) => run === started[key] && store.update({ [key]: lookup } as Partial<SentinelaState>);
    set({ state: 'loading' });
    return api()
      .then((rest) => load(rest, (seconds) => set({ state: 'loading', waitingSeconds: seconds })))
      .then(
        (value) => void set({ state: 'done', value }),
        (error) => void set(failureOf(error)),
      );
  }

  /** The organizations of the session CNPJ, for a ticket without organization (001 "Organização em branco"). */
  function organization() {
    const { context, settings } = store.get();
    const cnpjKey = settings.orgCnpjField;
    const cnpj = context ? sessionCnpj(context, settings) : null;
    if (!context || context.ticket.organization || !cnpjKey || cnpj?.kind !== 'valid') {
      started.organizationSearch += 1;
      store.update({ organizationSearch: { state: 'idle' } });
      return;
    }
    void track('organizationSearch', (rest, onWaiting) => rest.organizationsByCnpj(cnpjKey, cnpj, onWaiting));
  }

  /** The macros look-up under way: a procedure clicked meanwhile waits for it instead of failing. */
  let macrosRequest: Promise<void> | null = null;
  function macros() {
    macrosRequest = track('macros', (rest, onWaiting) => rest.activeMacros(onWaiting));
  }

  /** Saved comments (with their public flag) matter only where the O.S. guard can refuse: fetched ahead of any save. */
  function comments() {
    const { context, settings, savedComments } = store.get();
    if (!context || context.ticket.id === null || !guardCanApply(context, settings)) return;
    if (savedComments.state === 'loading' || savedComments.state === 'done') return;
    const ticketId = context.ticket.id;
    void track('savedComments', (rest, onWaiting) => rest.savedComments(ticketId, onWaiting));
  }

  return {
    organization,
    macros,
    comments,
    /** Resolves when the macros look-up under way (if any) has settled. */
    macrosSettled: () => (store.get().macros.state === 'loading' && macrosRequest ? macrosRequest : Promise.resolve()),
    all() {
      macros();
      organization();
      comments();
    },
  };
}

export type Lookups = ReturnType<typeof createLookups>;
