import { FIELD_ID_PARAMETERS, type FieldIdParameter, type Settings } from '../settings';
import type { FieldOption, Organization, Person, Ticket, TicketContext, TicketPart } from '../domain/ticket';
import { TICKET_PARTS } from '../domain/ticket';
import type { EffectTarget } from '../domain/effects';
import type { Snapshot } from '../domain/overwrite';
import type { ZafClient } from './client';

/** The ZAF path each part of the ticket is read from (ZAF Support API, Ticket object). */
export const PART_PATHS: Record<TicketPart, string> = {
  id: 'ticket.id',
  status: 'ticket.status',
  subject: 'ticket.subject',
  description: 'ticket.description',
  type: 'ticket.type',
  form: 'ticket.form',
  requester: 'ticket.requester',
  organization: 'ticket.organization',
  draft: 'ticket.comment.text',
  draftType: 'ticket.comment.type',
  tags: 'ticket.tags',
};

/**
 * `currentUser.role` is "admin" for an admin (docs/zendesk-facts/zaf-and-validator.md §6): admins get the setup
 * assistant, and the configuration check of every macro title. `ticket.updatedAt`: what a ticket's saved
 * comments are cached by (app/restLookups.ts); unreadable, it costs a request, never a wrong verdict.
 */
const BASE_PATHS = [...Object.values(PART_PATHS), 'currentUser.locale', 'currentUser.role', 'ticket.updatedAt'];


/** Dropdowns whose options the rules read (catalog paths, Marca and Família labels). */
export const OPTION_SETTINGS = ['catalogFieldId', 'marcaFieldId', 'familiaFieldId'] as const;

export const fieldPath = (id: number) => `ticket.customField:custom_field_${id}`;
export const optionsPath = (id: number) => `ticketFields:custom_field_${id}`;

export function configuredIds(settings: Settings, names: readonly FieldIdParameter[]): number[] {
  return [...new Set(names.map((name) => settings[name]).filter((id): id is number => id !== null))];
}

/** Every path first render needs, for one batched get. */
export function contextPaths(settings: Settings): string[] {
  return [...BASE_PATHS, ...configuredIds(settings, FIELD_ID_PARAMETERS).map(fieldPath), ...configuredIds(settings, OPTION_SETTINGS).map(optionsPath)];
}

/** A JSON object as a record; null for anything else (arrays included). */
export const asRecord = (value: unknown): Record<string, unknown> | null =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
const asText = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');
const asId = (value: unknown): number | null => {
  const id = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(id) && id > 0 ? id : null;
};

export function readPerson(value: unknown): Person | null {
  const person = asRecord(value);
  if (!person) return null;
  const email = asText(person.email);
  return { id: asId(person.id), name: asText(person.name), email: email === '' ? null : email, phone: asText(person.phone) || null };
}

export function readOrganization(value: unknown): Organization | null {
  const organization = asRecord(value);
  const id = organization ? asId(organization.id) : null;
  if (!organization || id === null) return null;
  return { id, name: asText(organization.name), fields: asRecord(organization.organizationFields) ?? {} };
}

/** ZAF `ticket.tags`: an array of tag strings (anything else reads as no tags). */
export function readTags(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((tag): tag is string => typeof tag === 'string' && tag !== '') : [];
}

/** ZAF ticketField.optionValues ({name|label, value}) → options; nested names use `::`. */
export function readOptions(value: unknown): FieldOption[] | null {
  const field = asRecord(value);
  const list = field ? field.optionValues ?? field.options : value;
  if (!Array.isArray(list)) return null;
  return list.flatMap((item) => {
    const option = asRecord(item);
    if (!option) return [];
    const label = asText(option.name) || asText(option.label);
    const optionValue = asText(option.value);
    return label && optionValue ? [{ label, value: optionValue }] : [];
  });
}

/** Each part of the ticket from its ZAF value (a placeholder when unreadable: see TicketPart). */
function readPart(ticket: Ticket, part: TicketPart, values: Record<string, unknown>) {
  const value = values[PART_PATHS[part]];
  switch (part) {
    case 'id':
      return void (ticket.id = asId(value));
    case 'status':
      return void (ticket.status = asText(value) || 'new');
    case 'subject':
      return void (ticket.subject = asText(value));
    case 'description':
      return void (ticket.description = asText(value));
    case 'type':
      return void (ticket.type = asText(value) || null);
    case 'form':
      return void (ticket.formId = asId(asRecord(value)?.id ?? value));
    case 'requester':
      return void (ticket.requester = readPerson(value));
    case 'organization':
      return void (ticket.organization = readOrganization(value));
    case 'draft':
      return void (ticket.draft = { ...ticket.draft, text: asText(value) });
    case 'draftType':
      return void (ticket.draft = { ...ticket.draft, internal: value === 'internalNote' });
    case 'tags':
      return void (ticket.tags = readTags(value));
  }
}

const EMPTY_TICKET: Ticket = { id: null, status: 'new', subject: '', saved: { subject: '', fields: {}, formId: null }, description: '', type: null, formId: null, requester: null, organization: null, fields: {}, draft: { text: '', internal: false }, tags: [] };

/**
 * The plain ticket context from one batched get's answer. `read.parts`: the parts that get asked for
 * (all of them by default); the others come from `read.base` (an earlier read) or, without one, are
 * unreadable — never silently empty.
 */
export function toTicketContext(
  values: Record<string, unknown>,
  errors: Record<string, string>,
  settings: Settings,
  read: { parts?: readonly TicketPart[]; base?: TicketContext | null } = {},
): TicketContext {
  const parts = read.parts ?? TICKET_PARTS;
  const base = read.base ?? null;
  const ticket: Ticket = structuredClone(base?.ticket ?? EMPTY_TICKET);
  for (const part of parts) readPart(ticket, part, values);
  const fields: Record<number, unknown> = {};
  for (const id of configuredIds(settings, FIELD_ID_PARAMETERS)) {
    if (!(fieldPath(id) in errors)) fields[id] = values[fieldPath(id)] ?? null;
  }
  ticket.fields = fields;
  const fieldOptions: Record<number, FieldOption[]> = {};
  for (const id of configuredIds(settings, OPTION_SETTINGS)) {
    const options = optionsPath(id) in values ? readOptions(values[optionsPath(id)]) : (base?.fieldOptions[id] ?? null);
    if (options) fieldOptions[id] = options;
  }
  // What Zendesk has stored (issue 18's overwrite rule): as first read; a later read (the save's get, a
  // re-read) keeps the base's — only ticket.submit.done says what a save stored (src/app/saveHook.ts).
  if (!base) ticket.saved = { subject: ticket.subject, fields: { ...fields }, formId: ticket.formId };
  const notRead = TICKET_PARTS.filter((part) => !parts.includes(part));
  const requested = new Set([...parts.map((part) => PART_PATHS[part]), ...Object.keys(values), ...Object.keys(errors)]);
  return {
    ticket,
    fieldOptions,
    unreadable: [
      ...parts.filter((part) => PART_PATHS[part] in errors),
      ...notRead.filter((part) => (base ? base.unreadable.includes(part) : true)),
    ],
    unreadablePaths: [...Object.keys(errors), ...(base?.unreadablePaths.filter((path) => !requested.has(path)) ?? [])],
    unreadableFields: configuredIds(settings, FIELD_ID_PARAMETERS).filter((id) => fieldPath(id) in errors),
    locale: asText(values['currentUser.locale']) || base?.locale || 'pt-BR',
    role: 'currentUser.role' in values || 'currentUser.role' in errors ? ('currentUser.role' in errors ? null : asText(values['currentUser.role']) || null) : (base?.role ?? null),
    updatedAt: 'ticket.updatedAt' in values || 'ticket.updatedAt' in errors ? asText(values['ticket.updatedAt']) || null : (base?.updatedAt ?? null),
  };
}

export async function readTicketContext(client: ZafClient, settings: Settings): Promise<TicketContext> {
  const { values, errors } = await client.get(contextPaths(settings));
  return toTicketContext(values, errors, settings);
}

/** The ZAF path of each target a plan touches (ZAF Support API, Ticket object and comment). */
export function targetPath(target: EffectTarget): string {
  if (target.startsWith('field:')) return fieldPath(Number(target.slice('field:'.length)));
  const parts: Record<Exclude<EffectTarget, `field:${number}`>, string> = {
    subject: PART_PATHS.subject,
    status: PART_PATHS.status,
    draft: PART_PATHS.draft,
    draftType: PART_PATHS.draftType,
    form: PART_PATHS.form,
  };
  return parts[target as Exclude<EffectTarget, `field:${number}`>];
}

/**
 * Reads again, with one batched get, the values a plan would touch, right before it is applied. A path
 * the get could not read (an `errors` entry), or a get that failed altogether, is unreadable: never
 * taken as empty.
 */
export async function readTargets(client: ZafClient, targets: readonly EffectTarget[]): Promise<Snapshot> {
  const snapshot: Snapshot = { fields: {}, unreadable: [] };
  if (targets.length === 0) return snapshot;
  let values: Record<string, unknown> = {};
  let errors: Record<string, string> = {};
  try {
    ({ values, errors } = await client.get(targets.map(targetPath)));
  } catch {
    return { fields: {}, unreadable: [...targets] };
  }
  for (const target of targets) {
    const path = targetPath(target);
    if (path in errors || !(path in values)) {
      snapshot.unreadable.push(target);
      continue;
    }
    const value = values[path];
    if (target === 'subject') snapshot.subject = asText(value);
    else if (target === 'status') snapshot.status = asText(value);
    else if (target === 'draft') snapshot.draft = asText(value);
    else if (target === 'draftType') snapshot.draftInternal = value === 'internalNote';
    else if (target === 'form') snapshot.formId = asId(asRecord(value)?.id ?? value);
    else snapshot.fields[Number(target.slice('field:'.length))] = value ?? null;
  }
  return snapshot;
}
