import type { ZafClient } from '../zendesk/client';
import type { Person } from '../domain/ticket';
import type { InputName, PlanStep, ProcedureId, Values } from '../domain/procedures';
import type { EffectTarget } from '../domain/effects';
import type { Loss } from '../domain/overwrite';
import { storedStatus } from '../domain/saveGuard';
import { fieldPath, readTargets } from '../zendesk/ticketContext';
import { msg, type Message } from '../domain/message';
import { adoptKey, procedureKey, type DoneRecord, type StateStore } from './state';
import '../laterTexts';
import type { Lookups } from './lookups';

export type ApplyOutcome =
  | { status: 'applied'; done: Message[] }
  | { status: 'confirm'; losses: Loss[] }
  /** Already applied on this ticket view (what was done, and when): applied again only with `again` set to that `at`. */
  | { status: 'repeat'; applied: DoneRecord }
  | { status: 'invalid'; problems: Message[]; invalid?: Partial<Record<InputName, Message>> }
  | { status: 'nothing' }
  | { status: 'failed' }
  | { status: 'busy' };

/** When each action last succeeded: the second click of a double click repeats nothing. */
const REPEAT_GUARD_MS = 1500;


/**
 * What the agent's clicks do: procedures, the adopt-requester action, setting a field. One action at
 * a time, each once; every ZAF call of a plan in order, stopping at the first that fails; every notice
 * says what was done, from the calls that succeeded.
 */
export function createActions(client: ZafClient, store: StateStore, lookups: Lookups) {
  const lastDone = new Map<string, number>();
  /** The last value the app set on each part of the ticket: such a value is not the agent's typing. */
  const appWrote: Partial<Record<EffectTarget, unknown>> = {};

  /** Takes the in-flight slot synchronously, so a second click in the same instant finds it taken. */
  function claim(key: string): boolean {
    if (store.get().busy || Date.now() - (lastDone.get(key) ?? -Infinity) < REPEAT_GUARD_MS) return false;
    store.update({ busy: key });
    return true;
  }

  /** One ZAF call; a macro that fails because it is gone (re-created, renamed) is looked up again once and retried. */
  async function run(action: PlanStep['action']): Promise<void> {
    if (action.op === 'set') return client.set(action.path, action.value);
    try {
      await client.invoke(action.name, ...action.args);
    } catch (error) {
      const replacement = action.name === 'macro' ? await lookups.recoverMacro(Number(action.args[0])) : null;
      if (replacement === null) throw error;
      await client.invoke('macro', replacement);
    }
  }

  /**
   * Runs the steps in order; stops at the first that fails and says what was and was not done.
   * `onPartial` gets the steps that ran before a failure (none ran: not called).
   */
  async function execute(key: string, steps: PlanStep[], onPartial?: (done: Message[]) => void): Promise<Message[] | null> {
    const done: Message[] = [];
    for (const [index, step] of steps.entries()) {
      const { action } = step;
      try {
        await run(action);
      } catch (error) {
        const what = action.op === 'set' ? action.path : action.name;
        store.notify('error', msg('notice.actionFailed', { action: what }), [
          msg('notice.errorText', { error: error instanceof Error ? error.message : String(error) }),
          ...done.map((message) => msg('notice.doneStep', { what: message })),
          ...steps.slice(index).map((skipped) => msg('notice.notDoneStep', { what: skipped.done })),
        ]);
        if (done.length > 0) onPartial?.(done);
        return null;
      }
      for (const effect of step.effects) if (effect.change === 'set') appWrote[effect.target] = effect.value;
      done.push(step.done);
    }
    lastDone.set(key, Date.now());
    return done;
  }

  async function exclusive<T>(key: string, busyValue: T, work: () => Promise<T>): Promise<T> {
    if (!claim(key)) return busyValue;
    try {
      return await work();
    } finally {
      store.update({ busy: null });
    }
  }

  function markDone(key: string, done: Message[]) {
    store.update({ done: { ...store.get().done, [key]: { done, at: Date.now() } } });
  }

  return {
    /**
     * Plans, reads again (one batched get) what the plan would touch, asks first when something the
     * agent typed is at stake (`asked`: the question the agent answered), then applies once.
     * A procedure whose macro or appended text this view has already applied (the block's one click,
     * or the procedures panel) is not applied again: the outcome is `repeat`, with what was done and
     * when, until the agent answers "apply again" — `options.again`: the `at` of the application the
     * agent was told about (a newer one asks again).
     */
    applyProcedure(id: ProcedureId, values: Values, asked: Loss[] | null, options: { announce?: boolean; again?: number } = {}): Promise<ApplyOutcome> {
      const key = procedureKey(id);
      return exclusive<ApplyOutcome>(key, { status: 'busy' }, async () => {
        if (!store.get().context) return { status: 'failed' };
        // Planning is not needed for first paint: it loads with the procedures panel.
        const [{ planProcedure, validateInputs, planAddsAgain, MACRO_OF }, { overwrites, acknowledged, targetsOf }] = await Promise.all([import('../domain/procedures'), import('../domain/overwrite')]);
        const setting = MACRO_OF[id];
        // The macro is looked up when first needed (once per agent session), a look-up under way awaited.
        const answer = setting ? await lookups.macro(setting) : null;
        const before = store.get();
        if (!before.context) return { status: 'failed' };
        // No setting or no title: nothing to look up ([]); a look-up that failed: not known (null).
        const macros = !setting || !before.settings[setting] ? [] : (answer?.candidates ?? null);
        const invalid = validateInputs(id, before.context, values);
        const say = (problems: Message[]) => {
          // A one-click action has no form to show problems in: say them.
          if (options.announce) store.notify('error', msg('notice.notApplied'), problems);
        };
        if (Object.keys(invalid).length > 0) {
          say([msg('procedure.fixInputs')]);
          return { status: 'invalid', problems: [msg('procedure.fixInputs')], invalid };
        }
        const first = planProcedure(id, values, before.context, before.settings, macros);
        if (!first.ok) {
          say(first.problems);
          return { status: 'invalid', problems: first.problems };
        }
        // Never twice without the agent's informed "apply again" (REPEAT_GUARD_MS only absorbs a double click).
        const earlier = before.done[key];
        if (earlier && earlier.done.length > 0 && planAddsAgain(first) && options.again !== earlier.at) return { status: 'repeat', applied: earlier };
        // Right before applying: what the ticket holds now, not what the app last heard.
        const snapshot = await readTargets(client, targetsOf(first));
        const { context, settings } = store.get();
        if (!context) return { status: 'failed' };
        const fresh = {
          ...context,
          ticket: {
            ...context.ticket,
            ...(snapshot.subject !== undefined ? { subject: snapshot.subject } : {}),
            ...(snapshot.status !== undefined ? { status: snapshot.status } : {}),
            ...(snapshot.formId !== undefined ? { formId: snapshot.formId } : {}),
            fields: { ...context.ticket.fields, ...snapshot.fields },
            draft: { text: snapshot.draft ?? context.ticket.draft.text, internal: snapshot.draftInternal ?? context.ticket.draft.internal },
          },
        };
        const plan = planProcedure(id, values, fresh, settings, macros);
        if (!plan.ok) return { status: 'invalid', problems: plan.problems };
        if (plan.steps.length === 0) {
          store.notify('success', msg('notice.nothingToDo'));
          markDone(key, []);
          return { status: 'nothing' };
        }
        const baselineUnknown: EffectTarget[] = [
          ...(context.unreadable.includes('subject') ? (['subject'] as const) : []),
          ...(context.unreadable.includes('status') ? (['status'] as const) : []),
          ...(context.unreadable.includes('form') ? (['form'] as const) : []),
          ...context.unreadableFields.map((fieldId) => `field:${fieldId}` as const),
        ];
        const losses = overwrites({ plan, snapshot, ticket: { saved: fresh.ticket.saved, savedStatus: storedStatus(store.get()) }, baselineUnknown, appWrote });
        if (!acknowledged(asked, losses)) return { status: 'confirm', losses };
        // A failure part-way still applied what ran before it (the macro, say): recorded, so that applying again
        // says what was applied instead of running the macro a second time (review, 2026-11-29).
        const done = await execute(key, plan.steps, (partial) => markDone(key, partial));
        if (!done) return { status: 'failed' };
        markDone(key, done);
        store.notify('success', msg('notice.applied'), done);
        return { status: 'applied', done };
      });
    },

    /**
     * "Organização em branco" (001): the organization's top requester becomes the requester, and the
     * chat requester stays in CC so they can still follow the ticket — by e-mail, or by user id for a
     * requester without e-mail (WhatsApp contacts often have none). `ticket.collaborators.add` with
     * `{ id }` is how Zendesk-built and other sidebar apps call it; docs/zendesk-facts §7 could not
     * confirm it from the ZAF reference, so a rejection stops here and the agent is told.
     */
    adoptRequester(user: Person, organizationId: number): Promise<boolean> {
      const key = adoptKey(organizationId);
      return exclusive(key, false, async () => {
        const current = store.get().context?.ticket.requester ?? null;
        const steps: PlanStep[] = [];
        const notes: Message[] = [];
        const sameUser = current !== null && ((current.id !== null && current.id === user.id) || (current.email !== null && current.email === user.email));
        if (current && !sameUser) {
          const who = current.name || current.email || String(current.id ?? '');
          if (current.email) steps.push({ action: { op: 'invoke', name: 'ticket.collaborators.add', args: [{ email: current.email }] }, effects: [], done: msg('done.cc', { name: who }) });
          else if (current.id !== null) steps.push({ action: { op: 'invoke', name: 'ticket.collaborators.add', args: [{ id: current.id }] }, effects: [], done: msg('done.cc', { name: who }) });
          else notes.push(msg('notice.ccNotKept', { name: who }));
        }
        steps.push({ action: { op: 'set', path: 'ticket.requester', value: user.email ? { email: user.email } : { id: user.id } }, effects: [], done: msg('done.requester', { name: user.name }) });
        const done = await execute(key, steps);
        if (!done) return false;
        markDone(key, done);
        store.notify(notes.length > 0 ? 'warning' : 'success', msg('notice.applied'), [...done, ...notes]);
        return true;
      });
    },

    setField(fieldId: number, value: string, label: string): Promise<boolean> {
      return exclusive(`field:${fieldId}`, false, async () => {
        const done = await execute(`field:${fieldId}`, [{ action: { op: 'set', path: fieldPath(fieldId), value }, effects: [{ target: `field:${fieldId}`, change: 'set', value, by: 'app' }], done: msg('done.catalog', { path: label }) }]);
        const context = store.get().context;
        if (done && context) {
          store.updateTicket({ fields: { ...context.ticket.fields, [fieldId]: value } });
          store.notify('success', msg('notice.applied'), done);
        }
        return done !== null;
      });
    },
  };
}

export type Actions = ReturnType<typeof createActions>;
