import type { ZafClient } from '../zendesk/client';
import type { Person } from '../domain/ticket';
import type { InputName, ProcedureId, Replacement, ZafAction } from '../domain/procedures';
import { fieldPath } from '../zendesk/ticketContext';
import { msg, type Message } from '../domain/message';
import type { StateStore } from './state';
import type { Lookups } from './lookups';

export type ApplyOutcome =
  | { status: 'applied'; summary: Message[] }
  | { status: 'confirm'; replaces: Replacement[] }
  | { status: 'invalid'; problems: Message[]; invalid?: Partial<Record<InputName, Message>> }
  | { status: 'failed' }
  | { status: 'busy' };

/** When each action last succeeded: the second click of a double click repeats nothing. */
const REPEAT_GUARD_MS = 1500;

/**
 * What the agent's clicks do: procedures, the adopt-requester action, setting a field. One action at
 * a time, each once; every ZAF call of a plan in order, stopping at the first that fails.
 */
export function createActions(client: ZafClient, store: StateStore, lookups: Lookups) {
  const lastDone = new Map<string, number>();

  /** Takes the in-flight slot synchronously, so a second click in the same instant finds it taken. */
  function claim(key: string): boolean {
    if (store.get().busy || Date.now() - (lastDone.get(key) ?? -Infinity) < REPEAT_GUARD_MS) return false;
    store.update({ busy: key });
    return true;
  }

  /** One ZAF call; a macro that fails because it is gone (re-created, renamed) is looked up again once and retried. */
  async function run(action: ZafAction): Promise<void> {
    if (action.op === 'set') return client.set(action.path, action.value);
    try {
      await client.invoke(action.name, ...action.args);
    } catch (error) {
      const replacement = action.name === 'macro' ? await lookups.recoverMacro(Number(action.args[0])) : null;
      if (replacement === null) throw error;
      await client.invoke('macro', replacement);
    }
  }

  async function execute(key: string, actions: ZafAction[]): Promise<boolean> {
    for (const action of actions) {
      try {
        await run(action);
      } catch (error) {
        const what = action.op === 'set' ? action.path : action.name;
        store.notify('error', msg('notice.actionFailed', { action: what }), [msg('notice.errorText', { error: error instanceof Error ? error.message : String(error) })]);
        return false;
      }
    }
    lastDone.set(key, Date.now());
    return true;
  }

  async function exclusive<T>(key: string, busyValue: T, work: () => Promise<T>): Promise<T> {
    if (!claim(key)) return busyValue;
    try {
      return await work();
    } finally {
      store.update({ busy: null });
    }
  }

  return {
    /** Plans, asks first when the plan replaces what the agent typed, then applies once. */
    applyProcedure(id: ProcedureId, values: Partial<Record<InputName, string>>, confirmed: boolean, options: { announce?: boolean } = {}): Promise<ApplyOutcome> {
      const key = `procedure:${id}`;
      return exclusive<ApplyOutcome>(key, { status: 'busy' }, async () => {
        if (!store.get().context) return { status: 'failed' };
        // Planning is not needed for first paint: it loads with the procedures panel.
        const { planProcedure, MACRO_OF } = await import('../domain/procedures');
        const setting = MACRO_OF[id];
        // The macro is looked up when first needed (once per agent session), a look-up under way awaited.
        const answer = setting ? await lookups.macro(setting) : null;
        // No setting or no title: nothing to look up ([]); a look-up that failed: not known (null).
        const macros = !setting || !store.get().settings[setting] ? [] : (answer?.candidates ?? null);
        const { context, settings } = store.get();
        if (!context) return { status: 'failed' };
        const plan = planProcedure(id, values, context, settings, macros);
        if (!plan.ok) {
          // A one-click action has no form to show problems in: say them.
          if (options.announce) store.notify('error', msg('notice.notApplied'), plan.problems);
          return { status: 'invalid', problems: plan.problems, invalid: plan.invalid };
        }
        if (plan.replaces.length > 0 && !confirmed) return { status: 'confirm', replaces: plan.replaces };
        if (!(await execute(key, plan.actions))) return { status: 'failed' };
        store.notify('success', msg('notice.applied'), plan.summary);
        return { status: 'applied', summary: plan.summary };
      });
    },

    /** "Organização em branco": the org's top requester becomes the requester; the chat requester stays in CC. */
    adoptRequester(user: Person): Promise<boolean> {
      return exclusive('adoptRequester', false, async () => {
        const current = store.get().context?.ticket.requester;
        const actions: ZafAction[] = [];
        if (current?.email && current.email !== user.email) actions.push({ op: 'invoke', name: 'ticket.collaborators.add', args: [{ email: current.email }] });
        actions.push({ op: 'set', path: 'ticket.requester', value: user.email ? { email: user.email } : { id: user.id } });
        const done = await execute('adoptRequester', actions);
        if (done) store.notify('success', msg('notice.requesterChanged', { name: user.name }));
        return done;
      });
    },

    setField(fieldId: number, value: string, label: string): Promise<boolean> {
      return exclusive(`field:${fieldId}`, false, async () => {
        const done = await execute(`field:${fieldId}`, [{ op: 'set', path: fieldPath(fieldId), value }]);
        const context = store.get().context;
        if (done && context) {
          store.updateTicket({ fields: { ...context.ticket.fields, [fieldId]: value } });
          store.notify('success', msg('notice.catalogSet', { path: label }));
        }
        return done;
      });
    },
  };
}
