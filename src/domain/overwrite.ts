import type { Ticket } from './ticket';
import type { Effect, EffectTarget } from './effects';
import { fieldIdOf } from './effects';
import type { ReadyPlan } from './procedures';
import { draftIsWritten, draftText, planEffects } from './procedures';
import { isFilled } from './text';

/**
 * What applying a plan would do to something the agent typed — decided right before applying, on
 * values read again at that moment.
 *
 * What counts as typed by the agent:
 * 1. The comment being composed, whatever it shows: drafts are never saved, so every character in the
 *    composer is the agent's (typed, pasted — 001 step 9 pastes the chat history there — or put
 *    there by a macro the agent chose).
 * 2. A subject, status, form or custom field whose value in the editor differs from what Zendesk has
 *    stored for it (an edit made in this session), unless the app itself put that value there.
 * 3. Anything ZAF could not read — now, or when the stored value was first read: it may be either,
 *    so it is treated as typed.
 * Not typed: a stored value (the chat's subject, the saved status, a saved field). Replacing it is
 * what a procedure is for — closing a WhatsApp service sets the customer's question as the title —
 * and the preview shows that change before Apply; it is no question.
 */
export type LossKind =
  /** A typed value is replaced. */
  | 'replaced'
  /** Text is added after the draft; the draft's text stays. */
  | 'appended'
  /** The public draft becomes an internal note: its text stays, the customer will not see it. */
  | 'madeInternal'
  /** The internal draft becomes a public reply: the customer will see it. */
  | 'madePublic'
  /** ZAF could not read the value: it may hold typing, and a value is set or text added. */
  | 'unreadable'
  /** The macro's actions are not known: it may change this. */
  | 'macroUnknown';

export interface Loss {
  target: EffectTarget;
  kind: LossKind;
  /** What is there now (the draft's visible text); null when ZAF could not read it. */
  current: string | null;
  /** What it becomes (replaced, unreadable): the value set. */
  next?: string | number;
  /** Who adds or sets it: the macro, or the app. */
  by: Effect['by'];
}

/** Destructive losses are the ones that take something away: they get a danger button. */
export const isDestructive = (loss: Loss) => loss.kind === 'replaced' || loss.kind === 'unreadable' || loss.kind === 'madePublic' || loss.kind === 'macroUnknown';

/** The values of the parts a plan touches, read again right before applying (one batched get). */
export interface Snapshot {
  subject?: string;
  status?: string;
  draft?: string;
  draftInternal?: boolean;
  formId?: number | null;
  fields: Record<number, unknown>;
  /** Targets ZAF could not read now. */
  unreadable: EffectTarget[];
}

export interface OverwriteInput {
  plan: ReadyPlan;
  snapshot: Snapshot;
  /**
   * The ticket as the app holds it: `saved` (what Zendesk has stored) is the baseline; the stored status
   * is kept apart (SentinelaState.savedStatus, issue 17), null while it is not known.
   */
  ticket: { saved: Ticket['saved']; savedStatus: string | null };
  /** Targets whose stored value could not be read when the ticket was first read. */
  baselineUnknown: EffectTarget[];
  /** The last value the app itself set on each target. */
  appWrote: Partial<Record<EffectTarget, unknown>>;
}

/** Every target a plan reads back before applying (a draft effect needs the draft and its type). */
export function targetsOf(plan: ReadyPlan): EffectTarget[] {
  const targets = new Set<EffectTarget>();
  for (const effect of planEffects(plan)) {
    targets.add(effect.target);
    if (effect.target === 'draft' || effect.target === 'draftType') {
      targets.add('draft');
      targets.add('draftType');
    }
  }
  if (plan.macro?.unknown) ['draft', 'draftType', 'subject'].forEach((target) => targets.add(target as EffectTarget));
  return [...targets];
}

const same = (a: unknown, b: unknown) => String(a ?? '').trim() === String(b ?? '').trim();

function currentOf(target: EffectTarget, snapshot: Snapshot): unknown {
  if (target === 'subject') return snapshot.subject;
  if (target === 'status') return snapshot.status;
  if (target === 'form') return snapshot.formId;
  const fieldId = fieldIdOf(target);
  return fieldId === null ? undefined : snapshot.fields[fieldId];
}

function storedOf(target: EffectTarget, ticket: OverwriteInput['ticket']): unknown {
  if (target === 'subject') return ticket.saved.subject;
  if (target === 'status') return ticket.savedStatus;
  if (target === 'form') return ticket.saved.formId;
  const fieldId = fieldIdOf(target);
  return fieldId === null ? undefined : ticket.saved.fields[fieldId];
}

/** Whether a value now in the editor was typed by the agent (rule 2 and 3 above). */
function typed(target: EffectTarget, input: OverwriteInput): boolean {
  const current = currentOf(target, input.snapshot);
  if (!isFilled(current)) return false;
  if (target in input.appWrote && same(current, input.appWrote[target])) return false;
  if (input.baselineUnknown.includes(target)) return true;
  if (target === 'status' && input.ticket.savedStatus === null) return true;
  const fieldId = fieldIdOf(target);
  if (fieldId !== null && !(fieldId in input.ticket.saved.fields)) return true;
  return !same(current, storedOf(target, input.ticket));
}

/**
 * What applying the plan would take from the agent or change in what they typed, in plan order;
 * empty when nothing the agent typed is at stake (then the app applies without asking).
 */
export function overwrites(input: OverwriteInput): Loss[] {
  const { plan, snapshot } = input;
  const unreadable = (target: EffectTarget) => snapshot.unreadable.includes(target);
  const losses: Loss[] = [];
  const add = (loss: Loss) => {
    if (!losses.some((known) => known.target === loss.target && known.kind === loss.kind)) losses.push(loss);
  };
  const draft = snapshot.draft ?? '';
  const draftUnknown = unreadable('draft');
  const written = !draftUnknown && draftIsWritten(draft);

  if (plan.macro?.unknown) {
    if (draftUnknown || written) add({ target: 'draft', kind: 'macroUnknown', current: draftUnknown ? null : draftText(draft), by: 'macro' });
    if (unreadable('subject') || typed('subject', input)) add({ target: 'subject', kind: 'macroUnknown', current: unreadable('subject') ? null : (snapshot.subject ?? null), by: 'macro' });
  }

  // The last set of each target is what it ends as; earlier sets by the same plan are not the agent's.
  const finalSet = new Map<EffectTarget, Effect>();
  for (const effect of planEffects(plan)) if (effect.change === 'set') finalSet.set(effect.target, effect);

  for (const effect of planEffects(plan)) {
    if (effect.target === 'draft') {
      if (draftUnknown) add({ target: 'draft', kind: 'unreadable', current: null, by: effect.by });
      else if (written) add({ target: 'draft', kind: 'appended', current: draftText(draft), by: effect.by });
      continue;
    }
    if (effect.target === 'draftType') {
      if (finalSet.get('draftType') !== effect) continue;
      if (draftUnknown || unreadable('draftType')) {
        if (draftUnknown || written) add({ target: 'draftType', kind: 'unreadable', current: draftUnknown ? null : draftText(draft), next: effect.value, by: effect.by });
        continue;
      }
      const internalNow = snapshot.draftInternal === true;
      const internalNext = effect.value === 'internalNote';
      if (written && internalNow !== internalNext) add({ target: 'draftType', kind: internalNext ? 'madeInternal' : 'madePublic', current: draftText(draft), by: effect.by });
      continue;
    }
    if (finalSet.get(effect.target) !== effect) continue;
    if (unreadable(effect.target)) {
      add({ target: effect.target, kind: 'unreadable', current: null, next: effect.value, by: effect.by });
      continue;
    }
    const current = currentOf(effect.target, snapshot);
    if (same(current, effect.value)) continue;
    if (typed(effect.target, input)) add({ target: effect.target, kind: 'replaced', current: String(current), next: effect.value, by: effect.by });
  }
  return losses;
}

/** Whether the agent already answered this exact question (same targets, kinds and current values). */
export function acknowledged(asked: readonly Loss[] | null, now: readonly Loss[]): boolean {
  if (now.length === 0) return true;
  if (!asked) return false;
  return now.every((loss) => asked.some((known) => known.target === loss.target && known.kind === loss.kind && known.current === loss.current && same(known.next, loss.next)));
}
