import { FIELD_ID_PARAMETERS, type FieldIdParameter, type Settings } from '../settings';
import type { FieldOption, Organization, Person, TicketContext, TicketPart } from '../domain/ticket';
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
const OPTION_SETTINGS = ['catalogFieldId', 'marcaFieldId', 'familiaFieldId'] as const;

export const fieldPath = (id: number) => `ticket.customField:custom_field_${id}`;
export const optionsPath = (id: number) => `ticketFields:custom_field_${id}`;

function configuredIds(settings: Settings, names: readonly FieldIdParameter[]): number[] {
  return [...new Set(names.map((name) => settings[name]).filter((id): id is number => id !== null))];
}

/** Every path first render needs, for one batched get. */
export function contextPaths(settings: Settings): string[] {
  return [...BASE_PATHS, ...configuredIds(settings, FIELD_ID_PARAMETERS).map(fieldPath), ...configuredIds(settings, OPTION_SETTINGS).map(optionsPath)];
}

const asRecord = (value: unknown): Record<string, unknown> | null =>
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

/** The plain ticket context from one batched get's answer. */
export function toTicketContext(values: Record<string, unknown>, errors: Record<string, string>, settings: Settings): TicketContext {
  const fields: Record<number, unknown> = {};
  for (const id of configuredIds(settings, FIELD_ID_PARAMETERS)) {
    if (!(fieldPath(id) in errors)) fields[id] = values[fieldPath(id)] ?? null;
  }
  const fieldOptions: Record<number, FieldOption[]> = {};
  for (const id of configuredIds(settings, OPTION_SETTINGS)) {
    const options = readOptions(values[optionsPath(id)]);
    if (options) fieldOptions[id] = options;
  }
  const status = asText(values['ticket.status']) || 'new';
  const subject = asText(values['ticket.subject']);
  const formId = asId(asRecord(values['ticket.form'])?.id ?? values['ticket.form']);
  return {
    ticket: {
      id: asId(values['ticket.id']),
      status,
      savedStatus: status,
      subject,
      saved: { subject, fields: { ...fields }, formId },
      description: asText(values['ticket.description']),
      type: asText(values['ticket.type']) || null,
      formId,
      requester: readPerson(values['ticket.requester']),
      organization: readOrganization(values['ticket.organization']),
      fields,
      draft: { text: asText(values['ticket.comment.text']), internal: values['ticket.comment.type'] === 'internalNote' },
      tags: readTags(values['ticket.tags']),
    },
    fieldOptions,
    unreadable: (Object.keys(PART_PATHS) as TicketPart[]).filter((part) => PART_PATHS[part] in errors),
    unreadablePaths: Object.keys(errors),
    unreadableFields: configuredIds(settings, FIELD_ID_PARAMETERS).filter((id) => fieldPath(id) in errors),
    locale: asText(values['currentUser.locale']) || 'pt-BR',
    role: 'currentUser.role' in errors ? null : asText(values['currentUser.role']) || null,
    updatedAt: asText(values['ticket.updatedAt']) || null,
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
