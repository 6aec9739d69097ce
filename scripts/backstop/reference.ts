import reference from './triggerReference.json';

/**
 * Zendesk ticket triggers as the REST API and requirements.json write them
 * (https://developer.zendesk.com/api-reference/ticketing/business-rules/triggers/), and a check of one
 * against what Zendesk documents (triggerReference.json, with its sources).
 */
export interface TriggerCondition {
  field: string;
  operator: string;
  value: string | null;
}

export interface TriggerAction {
  field: string;
  value: string;
}

export interface TriggerDefinition {
  title: string;
  description?: string;
  active?: boolean;
  conditions: { all: TriggerCondition[]; any: TriggerCondition[] };
  actions: TriggerAction[];
}

/** A ticket field as GET /api/v2/ticket_fields/{id} returns it (the parts the backstop reads). */
export interface TicketFieldDefinition {
  id: number;
  type: string;
  title: string;
  active?: boolean;
  custom_field_options?: { name: string; value: string }[];
}

type ValueKind = keyof typeof reference.valueKinds;
type Operators = Record<string, ValueKind>;

export const CUSTOM_FIELD = /^custom_fields_(\d+)$/;

/** The operators a trigger condition on this custom field type may use (none for a type not read). */
export function customFieldOperators(fieldType: string): Operators | null {
  const entry = (reference.customFieldConditions.byFieldType as Record<string, { operators: Operators }>)[fieldType];
  return entry ? entry.operators : null;
}

function valueProblem(kind: ValueKind, value: unknown, allowed: readonly string[]): string | null {
  switch (kind) {
    case 'none':
      return value === null || value === undefined ? null : 'takes no value';
    case 'id':
      return typeof value === 'string' && /^[1-9]\d*$/.test(value) ? null : 'wants an id as a string of digits';
    case 'tags':
      return typeof value === 'string' && /^\S+( \S+)*$/.test(value) ? null : 'wants tags separated by single spaces';
    case 'status':
    case 'option':
      return typeof value === 'string' && allowed.includes(value) ? null : `wants one of ${allowed.join(', ') || '(no option)'}`;
  }
}

function conditionProblem(condition: TriggerCondition, fields: readonly TicketFieldDefinition[]): string | null {
  const where = `condition ${JSON.stringify(condition)}`;
  if (!condition || typeof condition.field !== 'string' || typeof condition.operator !== 'string') return `${where}: needs a field and an operator`;
  const custom = CUSTOM_FIELD.exec(condition.field);
  let operators: Operators | null;
  let allowed: readonly string[] = [];
  if (custom) {
    const field = fields.find((candidate) => candidate.id === Number(custom[1]));
    if (!field) return `${where}: ticket field ${custom[1]} is not among the account's fields`;
    operators = customFieldOperators(field.type);
    if (!operators) return `${where}: no trigger condition is documented here for a "${field.type}" field`;
    allowed = (field.custom_field_options ?? []).map((option) => option.value);
  } else {
    const entry = (reference.conditions as Record<string, { operators: Operators; values?: string[] }>)[condition.field];
    if (!entry) return `${where}: "${condition.field}" is not a condition field in the reference`;
    operators = entry.operators;
    allowed = entry.values ?? [];
  }
  const kind = operators[condition.operator];
  if (!kind) return `${where}: operator "${condition.operator}" is not allowed (${Object.keys(operators).join(', ')})`;
  const problem = valueProblem(kind, condition.value, allowed);
  return problem ? `${where}: "${condition.operator}" ${problem}` : null;
}

function actionProblem(action: TriggerAction): string | null {
  const where = `action ${JSON.stringify(action)}`;
  if (!action || typeof action.field !== 'string') return `${where}: needs a field`;
  const refused = (reference.refusedActions as Record<string, string>)[action.field];
  if (refused) return `${where}: ${refused}`;
  const entry = (reference.triggerActions.actions as Record<string, { kind: ValueKind; values?: string[] }>)[action.field];
  if (!entry) return `${where}: "${action.field}" is not a trigger action in the reference`;
  const problem = valueProblem(entry.kind, action.value, entry.values ?? []);
  return problem ? `${where}: ${problem}` : null;
}

/** Every way this trigger departs from Zendesk's documented conditions and actions; [] when none. */
export function triggerProblems(trigger: TriggerDefinition, fields: readonly TicketFieldDefinition[]): string[] {
  const problems: string[] = [];
  if (typeof trigger.title !== 'string' || trigger.title.trim() === '') problems.push('title: required');
  const conditions = trigger.conditions ?? {};
  const extra = Object.keys(conditions).filter((key) => key !== 'all' && key !== 'any');
  if (extra.length > 0) problems.push(`conditions: only "all" and "any" (found ${extra.join(', ')})`);
  const all = Array.isArray(conditions.all) ? conditions.all : [];
  const any = Array.isArray(conditions.any) ? conditions.any : [];
  if (all.length + any.length === 0) problems.push('conditions: at least one is needed (a trigger without conditions fires on every update)');
  for (const condition of [...all, ...any]) {
    const problem = conditionProblem(condition, fields);
    if (problem) problems.push(problem);
  }
  if (!Array.isArray(trigger.actions) || trigger.actions.length === 0) problems.push('actions: at least one is needed');
  for (const action of trigger.actions ?? []) {
    const problem = actionProblem(action);
    if (problem) problems.push(problem);
  }
  return problems;
}
