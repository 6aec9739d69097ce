import type { Settings } from '../settings';
import type { Tri } from './ticket';
import { isKnown } from './ticket';
import { financialPending, financialPendingUnknownWhy } from './findings';
import { msg, type Message } from './message';
import { guardCanApply, osChecklist, osTicket, osWarnings, savedStatusNote, storedStatus, type Fix, type GuardInput, type Unchecked } from './saveGuard';

/**
 * The save guard's decision (SPEC §5, issue 17) on what is being saved: what refuses it, what could not
 * be known, and failMode applied. Loaded with the save hook, after first paint.
 */
export interface SaveDecision {
  /** Known problems: each one refuses the save, and says what to do. */
  fixes: Fix[];
  /** What matters to this save and could not be known: failMode decides. */
  unchecked: Unchecked[];
  warnings: Message[];
}

/**
 * Whether procedure 002 applies to this save: an O.S. ticket saved as On Hold from a status other than
 * On Hold/closed. 'unknown' when that hangs on what could not be read; then `why` says what.
 */
function osRuleApplies(input: GuardInput): { applies: Tri; why: Unchecked[] } {
  const { context, settings } = input;
  const os = osTicket(context, settings);
  const stored = storedStatus(input);
  if (os === 'no' || stored === 'hold' || stored === 'closed') return { applies: 'no', why: [] };
  if (!isKnown(context, 'status')) return { applies: 'unknown', why: [{ what: msg('guard.what.status'), why: msg('guard.note.statusUnreadable') }] };
  if (context.ticket.status !== 'hold') return { applies: 'no', why: [] };
  const why: Unchecked[] = [];
  if (os === 'unknown') why.push({ what: msg('guard.what.osTicket'), why: msg(isKnown(context, 'form') ? 'guard.note.marcaUnreadable' : 'guard.note.formUnreadable') });
  if (stored === null) why.push({ what: msg('guard.what.wasOpen'), why: savedStatusNote(input.savedStatus), readable: 'savedStatus' });
  return { applies: why.length === 0 ? 'yes' : 'unknown', why };
}

/**
 * The save guard's decision on what is being saved (SPEC §5), with no request of its own. Refuses
 * (a fix): financial pending with any status but Solved/Closed; an O.S. ticket going to On Hold
 * without every item of procedure 002. Unknown inputs that matter to this save are listed apart
 * (`unchecked`); the caller applies failMode to them (see `verdict`).
 */
export function decideSave(input: GuardInput): SaveDecision {
  const { context, settings } = input;
  const fixes: Fix[] = [];
  const unchecked: Unchecked[] = [];
  let warnings: Message[] = [];

  const pending = financialPending(context, settings);
  const statusKnown = isKnown(context, 'status');
  const solved = statusKnown && (context.ticket.status === 'solved' || context.ticket.status === 'closed');
  if (pending !== 'no' && !solved) {
    if (pending === 'yes' && statusKnown) fixes.push({ kind: 'solvedOnly' });
    else if (pending === 'yes') unchecked.push({ what: msg('guard.what.status'), why: msg('guard.note.statusUnreadable') });
    else unchecked.push({ what: msg('guard.what.financialPending'), why: financialPendingUnknownWhy(context, settings) });
  }

  const rule = osRuleApplies(input);
  /** The internal note's fix, when only the saved notes (not read) could tell whether it is there. */
  let unreadNote: Extract<Fix, { kind: 'note' }> | null = null;
  if (rule.applies === 'yes') {
    for (const item of osChecklist(input)) {
      if (item.state === 'missing') fixes.push(item.fix);
      else if (item.state === 'unchecked' && !item.off) {
        const readable = item.id === 'internalNote' && input.savedComments.state !== 'done' && notesMayMatter(input) ? 'savedComments' : undefined;
        // Readable: the item is unchecked for the notes alone, so its CNPJ and Razão Social are known.
        if (readable && item.fix.kind === 'note') unreadNote = item.fix;
        unchecked.push({ what: item.what, why: item.note ?? msg('ui.check.unchecked'), ...(readable ? { readable } : {}) });
      }
    }
  } else if (rule.applies === 'unknown') {
    unchecked.push(...rule.why);
  }
  if (rule.applies !== 'no') warnings = osWarnings(input);
  if (fixes.length === 0) return { fixes, unchecked, warnings };
  // A known problem refuses the save whatever a read would tell: nothing is read on this save's path
  // (issue 16), and the internal note the saved notes might hold is asked for "if not there yet".
  const rest = unchecked.filter((item) => !(unreadNote && item.readable === 'savedComments')).map(({ readable: _, ...item }) => item);
  return { fixes: unreadNote ? [...fixes, { ...unreadNote, ifMissing: true }] : fixes, unchecked: rest, warnings };
}

/**
 * The checklist's internal-note item as it would be with the saved notes not read: the one rule for whether
 * they matter. Its note is "not read" only when nothing else decides the item — a note sent or being written
 * that names the customer (ok), a CNPJ or Razão Social unknown to the ticket (missing), the organization or
 * the CNPJ field unreadable (not checked, whatever the notes hold).
 */
function noteItemUnread(input: GuardInput) {
  return osChecklist({ ...input, savedComments: { state: 'idle' } }).find((item) => item.id === 'internalNote');
}

/**
 * Whether the ticket's saved notes could still matter to a save to On Hold: procedure 002 applies
 * (`guardCanApply`) and, were they read, they could decide the internal-note item (`noteItemUnread`;
 * if the agent changes the note being written, the caller asks again: comment.text.changed /
 * comment.type.changed). Pure.
 */
export function notesMayMatter(input: GuardInput): boolean {
  return unreadItemIfNotesMatter(input) !== null;
}

/** The note item with the notes unread (`noteItemUnread`) when the notes may matter (`notesMayMatter`), else null. */
function unreadItemIfNotesMatter(input: GuardInput) {
  if (!guardCanApply(input)) return null;
  const item = noteItemUnread(input);
  return item?.state === 'unchecked' && item.note?.key === 'guard.note.notesNotRead' ? item : null;
}

/**
 * Whether the saved notes can change the verdict of a save to On Hold, i.e. whether they are worth a
 * REST read now (issue 16: "read only where they can change a verdict"): they may matter
 * (`notesMayMatter`) and no other checklist item is 'missing' (the item is not `deferred`) — in
 * particular the ticket is stored Open, since from New (or Pending, Solved) the save is refused whatever
 * the notes hold (seed 002: "enviar como Aberto e em seguida alterar para Em Espera"). An item not known
 * ('unchecked') may turn out fine, so it does not stop the read. Pure; no request.
 */
export function notesCanDecide(input: GuardInput): boolean {
  const item = unreadItemIfNotesMatter(input);
  return item !== null && !item.deferred;
}

export interface SaveVerdict {
  allow: boolean;
  /** What the refusal tells the agent to do. */
  fixes: Fix[];
  /** What could not be checked: named in a failMode-closed refusal, or in the notice of an open save. */
  unchecked: Unchecked[];
}

/**
 * failMode (SPEC §5) applied to a decision: a known problem always refuses; what could not be
 * checked refuses with `closed` and is let through with `open` (the caller then says so).
 */
export function verdict(decision: Pick<SaveDecision, 'fixes' | 'unchecked'>, failMode: Settings['failMode']): SaveVerdict {
  const { fixes, unchecked } = decision;
  return { allow: fixes.length === 0 && (unchecked.length === 0 || failMode === 'open'), fixes, unchecked };
}
