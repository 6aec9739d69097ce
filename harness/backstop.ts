import type { TriggerAction, TriggerCondition, TriggerDefinition } from '../scripts/backstop/reference';

/**
 * Zendesk's ticket triggers, played by the stand-ins (harness and protocol host) on every update: a
 * save the hooks let through, and an update that never meets a hook (`apiUpdate`: the API, a bulk edit,
 * the mobile app, an agent whose sidebar did not load). It interprets the trigger JSON that
 * requirements.json ships (scripts/backstop/requirements.ts), not a copy of the rule.
 *
 * Zendesk's behaviour modelled here, and where it is written:
 * - "All your ticket triggers are checked from first to last each time a ticket is created or updated"
 *   and "the actions of one ticket trigger may affect another trigger"
 *   (https://developer.zendesk.com/api-reference/ticketing/business-rules/triggers/).
 * - When one fires, the cycle starts again from the first, and a trigger fires at most once per update:
 *   the behaviour practitioners describe; Zendesk's own text read here does not state it
 *   (docs/zendesk-facts/rest-and-triggers.md §12), so `cycle: 'single-pass'` exists to check that the
 *   backstop holds either way.
 * - "Triggers do not run or fire on tickets after they are closed" (https://support.zendesk.com/hc/en-us/articles/4408822236058).
 * - Conditions: https://developer.zendesk.com/documentation/ticketing/reference-guides/conditions-reference/;
 *   "Changed to" (`value`) and "Changed from" (`value_previous`) compare with the ticket before the update.
 * Anything else (a field or operator this file does not know) throws: a trigger the stand-in cannot
 * play is a test failure, not a trigger that silently never fires.
 */
export interface RuleTicket {
  status: string;
  ticket_form_id: number | null;
  custom_fields: { id: number; value: unknown }[];
  tags: string[];
}

export type TriggerCycle = 'restart' | 'single-pass';

const STATUS_ORDER = ['new', 'open', 'pending', 'hold', 'solved', 'closed'];

export class UnknownRuleError extends Error {
  constructor(what: string) {
    super(`the trigger simulation does not know ${what}`);
    this.name = 'UnknownRuleError';
  }
}

/** The parts of a REST ticket (GET /api/v2/tickets/{id}) that triggers read and write, copied. */
export function ruleTicket(ticket: { status: string; ticket_form_id?: number | null; custom_fields?: { id: number; value: unknown }[]; tags?: string[] }): RuleTicket {
  return {
    status: ticket.status,
    ticket_form_id: ticket.ticket_form_id ?? null,
    custom_fields: (ticket.custom_fields ?? []).map((field) => ({ id: field.id, value: structuredClone(field.value) })),
    tags: [...(ticket.tags ?? [])],
  };
}

const fieldValue = (ticket: RuleTicket, id: number) => ticket.custom_fields.find((field) => field.id === id)?.value ?? null;
/** A custom field is present when Zendesk holds a value for it (not null, not "", not an empty list). */
const present = (value: unknown) => value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0);
const tagsOf = (value: string | null) => (value ?? '').split(' ').filter(Boolean);

function statusHolds(operator: string, value: string | null, before: string | null, now: string): boolean {
  const rank = (status: string | null) => STATUS_ORDER.indexOf(status ?? '');
  switch (operator) {
    case 'is': return now === value;
    case 'is_not': return now !== value;
    case 'less_than': return rank(now) < rank(value);
    case 'greater_than': return rank(now) > rank(value);
    case 'changed': return now !== before;
    case 'not_changed': return now === before;
    case 'value': return now === value && before !== value;
    case 'not_value': return !(now === value && before !== value);
    case 'value_previous': return before === value && now !== value;
    case 'not_value_previous': return !(before === value && now !== value);
    default: throw new UnknownRuleError(`the status operator "${operator}"`);
  }
}

function conditionHolds(condition: TriggerCondition, before: RuleTicket | null, now: RuleTicket): boolean {
  const { field, operator, value } = condition;
  if (field === 'status') return statusHolds(operator, value, before?.status ?? null, now.status);
  if (field === 'ticket_form_id') {
    if (operator === 'is') return String(now.ticket_form_id ?? '') === value;
    if (operator === 'is_not') return String(now.ticket_form_id ?? '') !== value;
    throw new UnknownRuleError(`the ticket_form_id operator "${operator}"`);
  }
  if (field === 'current_tags') {
    const some = tagsOf(value).some((tag) => now.tags.includes(tag));
    if (operator === 'includes') return some;
    if (operator === 'not_includes') return !some;
    throw new UnknownRuleError(`the current_tags operator "${operator}"`);
  }
  const custom = /^custom_fields_(\d+)$/.exec(field);
  if (!custom) throw new UnknownRuleError(`the condition field "${field}"`);
  const current = fieldValue(now, Number(custom[1]));
  const values = Array.isArray(current) ? current.map(String) : present(current) ? [String(current)] : [];
  switch (operator) {
    case 'present': return present(current);
    case 'not_present': return !present(current);
    case 'is': return values.length === 1 && values[0] === value;
    case 'is_not': return !(values.length === 1 && values[0] === value);
    case 'includes': return tagsOf(value).some((tag) => values.includes(tag));
    case 'not_includes': return !tagsOf(value).some((tag) => values.includes(tag));
    default: throw new UnknownRuleError(`the custom field operator "${operator}"`);
  }
}

/** ALL conditions hold, and at least one ANY condition when there are any (Conditions reference). */
export function triggerMatches(trigger: TriggerDefinition, before: RuleTicket | null, now: RuleTicket): boolean {
  const all = trigger.conditions.all ?? [];
  const any = trigger.conditions.any ?? [];
  return all.every((condition) => conditionHolds(condition, before, now)) && (any.length === 0 || any.some((condition) => conditionHolds(condition, before, now)));
}

function apply(action: TriggerAction, ticket: RuleTicket): void {
  const custom = /^custom_fields_(\d+)$/.exec(action.field);
  if (custom) {
    const id = Number(custom[1]);
    const field = ticket.custom_fields.find((candidate) => candidate.id === id);
    if (field) field.value = action.value;
    else ticket.custom_fields.push({ id, value: action.value });
    return;
  }
  switch (action.field) {
    case 'status':
      ticket.status = action.value;
      return;
    case 'ticket_form_id':
      ticket.ticket_form_id = Number(action.value);
      return;
    case 'current_tags':
      ticket.tags = [...new Set([...ticket.tags, ...tagsOf(action.value)])];
      return;
    case 'remove_tags':
      ticket.tags = ticket.tags.filter((tag) => !tagsOf(action.value).includes(tag));
      return;
    case 'set_tags':
      ticket.tags = [...new Set(tagsOf(action.value))];
      return;
    default:
      throw new UnknownRuleError(`the action "${action.field}"`);
  }
}

/**
 * Runs the triggers on one update: `before` is the ticket as stored before it (null for a ticket being
 * created), `after` as the update left it. Returns the ticket once the triggers are done and the titles
 * of those that fired, in order. Inactive triggers (`active: false`) never run.
 */
export function runTriggers(triggers: readonly TriggerDefinition[], before: RuleTicket | null, after: RuleTicket, cycle: TriggerCycle = 'restart'): { ticket: RuleTicket; fired: string[] } {
  const ticket = ruleTicket(after);
  const fired: string[] = [];
  if (before?.status === 'closed') return { ticket, fired };
  const active = triggers.filter((trigger) => trigger.active !== false);
  const done = new Set<TriggerDefinition>();
  let again = true;
  while (again) {
    again = false;
    for (const trigger of active) {
      if (done.has(trigger) || !triggerMatches(trigger, before, ticket)) continue;
      for (const action of trigger.actions) apply(action, ticket);
      done.add(trigger);
      fired.push(trigger.title);
      if (cycle === 'restart') {
        again = true;
        break;
      }
    }
  }
  return { ticket, fired };
}

/**
 * A REST ticket update (`PUT /api/v2/tickets/{id}` → `ticket`: https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/#update-ticket)
 * as far as the stand-ins play it: status, ticket_form_id, custom_fields, tags / additional_tags /
 * remove_tags, type, subject and a comment. Anything else is refused by name.
 */
export interface RestTicketUpdate {
  status?: string;
  ticket_form_id?: number | null;
  custom_fields?: { id: number; value: unknown }[];
  tags?: string[];
  additional_tags?: string[];
  remove_tags?: string[];
  type?: string | null;
  subject?: string;
  comment?: { body: string; public?: boolean };
}

const UPDATE_KEYS = ['status', 'ticket_form_id', 'custom_fields', 'tags', 'additional_tags', 'remove_tags', 'type', 'subject', 'comment'];

/** Why Zendesk would refuse this update (422), or null. */
export function updateProblem(stored: RuleTicket, update: RestTicketUpdate): string | null {
  const unknown = Object.keys(update).filter((key) => !UPDATE_KEYS.includes(key));
  if (unknown.length > 0) return `the stand-in does not play ticket updates of ${unknown.join(', ')}`;
  if (stored.status === 'closed') return 'a closed ticket cannot be updated';
  if (update.status !== undefined && !['open', 'pending', 'hold', 'solved', 'closed'].includes(update.status)) return `status "${update.status}" cannot be set on an existing ticket`;
  return null;
}
