import type { Settings } from '../settings';
import type { FieldOption, Lookup, SavedComment, TicketContext, Tri } from './ticket';
import { isKnown } from './ticket';
import { organizationCnpj, razaoSocial, sessionCnpj } from './findings';
import { textMentionsCnpj } from './cnpj';
import { optionForValue, optionStandsFor } from './catalog';
import { msg, parameterLabel, type Message } from './message';
import { isFilled, normalize, words } from './text';
import { readText } from './reading';

/**
 * Procedure 002 (seed 002, "ABERTURA DE O.S"): what an O.S. ticket needs before it goes from Open to
 * On Hold (the checklist the sidebar shows; the save's decision on it: saveDecision.ts). Every input is
 * known, unknown (unreadable, not loaded, failed) or absent, and an unknown input is never taken for
 * absent nor for present.
 */
export type ChecklistState = 'ok' | 'missing' | 'unchecked';

/** What the agent does to satisfy an item: the refusal says it as an instruction. */
export type Fix =
  | { kind: 'fill' | 'choose' | 'clear'; what: Message }
  /** `ifMissing`: the saved notes were not read (they could not change that refusal): asked for "if not there yet". */
  | { kind: 'note'; cnpj: string; razaoSocial: string; ifMissing?: boolean }
  | { kind: 'sendOpenFirst' }
  | { kind: 'solvedOnly' };

export interface ChecklistItem {
  id: string;
  state: ChecklistState;
  /** The item as a goal ("Número da O.S. preenchido"), for the live checklist. */
  text: Message;
  /** The item's name ("Número da O.S."), for lists of what was not checked. */
  what: Message;
  fix: Fix;
  /** Why an item could not be checked (a setting not configured, notes not readable). */
  note?: Message;
  /** Unchecked because its setting is empty: the admin turned the check off. Not an unknown. */
  off?: boolean;
  /** Unchecked, and checked last: the saved notes are read once nothing else refuses (issue 16). */
  deferred?: boolean;
}

/** Something that matters to a save and could not be known, with why. */
export interface Unchecked {
  what: Message;
  why: Message;
  /** What the app can read to know it (the save hook reads it within its deadline). */
  readable?: 'savedComments' | 'savedStatus';
}

export interface GuardInput {
  context: TicketContext;
  settings: Settings;
  /** Saved comments with their public flag (REST: ZAF does not tell internal from public). */
  savedComments: Lookup<SavedComment[]>;
  /** The status Zendesk has stored, i.e. before this edit ('done'), or not known. */
  savedStatus: Lookup<string>;
  /** Comments the agent's own saves sent, confirmed stored (ticket.submit.done): known even when REST is not. */
  sentNotes?: readonly SavedComment[];
}


/** A dropdown value (a tag) matches a wanted text by its tag or by its option's label. */
function fieldMatches(value: unknown, wanted: string | null, options: FieldOption[] | undefined): boolean {
  if (!wanted || !isFilled(value)) return false;
  const option = optionForValue(options, value);
  return (option !== null && optionStandsFor(option, wanted)) || [String(value), String(value).replace(/_/g, ' ')].some((text) => normalize(text) === normalize(wanted));
}

/**
 * Whether this is an O.S. ticket: on form 0800, or Marca = the O.S. brand (SPEC §5). 'unknown' when
 * the answer hangs on a form or a Marca that ZAF could not read.
 */
export function osTicket(context: TicketContext, settings: Settings): Tri {
  const { ticket } = context;
  const formId = settings.formulario0800FormId;
  const formKnown = isKnown(context, 'form');
  if (formId !== null && formKnown && ticket.formId === formId) return 'yes';
  const marcaId = settings.marcaFieldId;
  const marcaKnown = marcaId === null || !context.unreadableFields.includes(marcaId);
  if (marcaId !== null && marcaKnown && fieldMatches(ticket.fields[marcaId], settings.marcaValue, context.fieldOptions[marcaId])) return 'yes';
  return (formId !== null && !formKnown) || !marcaKnown ? 'unknown' : 'no';
}

export function isOsTicket(context: TicketContext, settings: Settings): boolean {
  return osTicket(context, settings) === 'yes';
}

/** The status Zendesk has stored, when known. */
export const storedStatus = (input: Pick<GuardInput, 'savedStatus'>): string | null => (input.savedStatus.state === 'done' ? input.savedStatus.value : null);

/**
 * Whether a save of this ticket could be refused by procedure 002: an O.S. ticket (or maybe one) that
 * is not stored On Hold (hold → hold is no transition) nor closed. Only then does the app read its
 * saved notes and show the checklist.
 */
export function guardCanApply(input: Pick<GuardInput, 'context' | 'settings' | 'savedStatus'>): boolean {
  const stored = storedStatus(input);
  return osTicket(input.context, input.settings) !== 'no' && stored !== 'hold' && stored !== 'closed';
}

/** Organizations whose name (or Razão Social) names an entry of the list, as a whole word. */
export function needsReferenceNumber(context: TicketContext, settings: Settings): boolean {
  const names = ` ${words(`${context.ticket.organization?.name ?? ''} ${razaoSocial(context, settings) ?? ''}`).join(' ')} `;
  return settings.referenceNumberOrgs.some((entry) => {
    const phrase = words(entry).join(' ');
    return phrase !== '' && names.includes(` ${phrase} `);
  });
}

/** The CNPJ and Razão Social procedure 002's internal note must name (the organization's CNPJ, else the session's). */
function noteNeeds(context: TicketContext, settings: Settings) {
  const own = organizationCnpj(context, settings);
  return { cnpj: own.kind === 'valid' ? own : sessionCnpj(context, settings), name: razaoSocial(context, settings) };
}

/**
 * Whether one of these notes (texts of internal notes) names the ticket's CNPJ and Razão Social, as
 * procedure 002 asks. False when the ticket has no valid CNPJ or no Razão Social.
 */
function notesNameCustomer(context: TicketContext, settings: Settings, notes: readonly string[]): boolean {
  const { cnpj, name } = noteNeeds(context, settings);
  if (cnpj.kind !== 'valid' || !name) return false;
  // Notes are read as text (rich-text HTML converted) once per note: reading.ts.
  return notes.some((note) => textMentionsCnpj(note, cnpj.value) && readText(note).hasPhrase(name));
}

/**
 * Whether these saved comments already hold the internal note procedure 002 needs: reading older
 * comments cannot change that item's verdict, so the comments are read newest first until this holds
 * (zendesk/commentsApi.ts). Only saved internal notes count (not the draft: it may still change).
 */
export function savedNoteFound(context: TicketContext, settings: Settings, comments: readonly SavedComment[]): boolean {
  return notesNameCustomer(context, settings, comments.filter((comment) => !comment.public).map((comment) => comment.body));
}

export function savedStatusNote(savedStatus: Lookup<string>): Message {
  if (savedStatus.state === 'loading') return msg('guard.note.savedStatusLoading');
  if (savedStatus.state === 'failed') return msg('guard.note.savedStatusUnreadable');
  return msg('guard.note.savedStatusUnconfirmed');
}

function savedNotesNote(savedComments: Lookup<SavedComment[]>): Message {
  if (savedComments.state === 'loading') return msg('guard.note.notesLoading');
  if (savedComments.state === 'failed') return msg('guard.note.notesUnreadable');
  return msg('guard.note.notesNotRead');
}

function wasOpenItem(input: GuardInput): ChecklistItem {
  const base = { id: 'wasOpen', text: msg('guard.item.wasOpen'), what: msg('guard.what.wasOpen'), fix: { kind: 'sendOpenFirst' } as const };
  const stored = storedStatus(input);
  if (stored === null) return { ...base, state: 'unchecked', note: savedStatusNote(input.savedStatus) };
  return { ...base, state: stored === 'open' || stored === 'hold' ? 'ok' : 'missing' };
}

/**
 * The internal note of 002: "incluir o CNPJ e RAZÃO SOCIAL na aba OBSERVAÇÃO INTERNA". `othersMissing`:
 * another item refuses the save already, so the saved notes are not read yet (saveDecision.ts notesCanDecide).
 */
function internalNoteItem(input: GuardInput, othersMissing: boolean): ChecklistItem {
  const { context, settings } = input;
  const organizationKnown = isKnown(context, 'organization');
  const own = organizationCnpj(context, settings);
  const session = sessionCnpj(context, settings);
  const sessionKnown = settings.cnpjFieldId === null || !context.unreadableFields.includes(settings.cnpjFieldId);
  const cnpj = own.kind === 'valid' ? own : session.kind === 'valid' && sessionKnown ? session : null;
  const name = organizationKnown ? razaoSocial(context, settings) : null;
  const text = msg('guard.item.internalNote', { cnpj: cnpj?.formatted ?? '—', razaoSocial: name ?? '—' });
  const base = { id: 'internalNote', text, what: msg('guard.what.internalNote'), fix: { kind: 'note', cnpj: cnpj?.formatted ?? '', razaoSocial: name ?? '' } as Fix };
  if (!organizationKnown) return { ...base, state: 'unchecked', note: msg('guard.note.organizationUnreadable') };
  if (!cnpj && !sessionKnown) return { ...base, state: 'unchecked', note: msg('guard.note.unreadable', { parameter: parameterLabel('cnpjFieldId'), id: settings.cnpjFieldId ?? 0 }) };
  if (!cnpj || !name) return { ...base, state: 'missing', note: msg('guard.note.noCnpjOrName') };

  const draftKnown = isKnown(context, 'draft') && isKnown(context, 'draftType');
  const notes = [
    ...(draftKnown && context.ticket.draft.internal ? [context.ticket.draft.text] : []),
    ...[...(input.savedComments.state === 'done' ? input.savedComments.value : []), ...(input.sentNotes ?? [])].filter((comment) => !comment.public).map((comment) => comment.body),
  ];
  // Notes are read as text (rich-text HTML converted) once per note: reading.ts.
  if (notes.some((note) => textMentionsCnpj(note, cnpj.value) && readText(note).hasPhrase(name))) return { ...base, state: 'ok' };
  // The note may be in what could not be read (not loaded, failed, or only the newest part read): not
  // known, never "missing".
  // Not read while another item refuses the save: checked last (`deferred`).
  if (input.savedComments.state !== 'done') return { ...base, state: 'unchecked', note: savedNotesNote(input.savedComments), ...(input.savedComments.state === 'idle' && othersMissing ? { deferred: true } : {}) };
  if (input.savedComments.partial) return { ...base, state: 'unchecked', note: msg('guard.note.notesLoading') };
  if (!draftKnown) return { ...base, state: 'unchecked', note: msg('guard.note.draftUnreadable') };
  return { ...base, state: 'missing' };
}

function fieldItem(
  input: GuardInput,
  id: string,
  setting: keyof Settings & `${string}FieldId`,
  test: (value: unknown, options: FieldOption[] | undefined) => boolean,
  text: Message,
  fix: Fix & { what: Message },
): ChecklistItem {
  const base = { id, text, what: fix.what, fix };
  const fieldId = input.settings[setting] as number | null;
  if (fieldId === null) return { ...base, state: 'unchecked', off: true, note: msg('guard.note.notConfigured', { parameter: parameterLabel(setting) }) };
  if (input.context.unreadableFields.includes(fieldId)) return { ...base, state: 'unchecked', note: msg('guard.note.unreadable', { parameter: parameterLabel(setting), id: fieldId }) };
  const ok = test(input.context.ticket.fields[fieldId], input.context.fieldOptions[fieldId]);
  return { ...base, state: ok ? 'ok' : 'missing' };
}

function formItem(input: GuardInput): ChecklistItem {
  const { context, settings } = input;
  const what = msg('guard.what.form');
  const base = { id: 'form', text: msg('guard.item.form'), what, fix: { kind: 'choose', what } as Fix };
  if (settings.formulario0800FormId === null) return { ...base, state: 'unchecked', off: true, note: msg('guard.note.notConfigured', { parameter: parameterLabel('formulario0800FormId') }) };
  if (!isKnown(context, 'form')) return { ...base, state: 'unchecked', note: msg('guard.note.formUnreadable') };
  return { ...base, state: context.ticket.formId === settings.formulario0800FormId ? 'ok' : 'missing' };
}

function typeItem(input: GuardInput): ChecklistItem {
  const what = msg('guard.what.type');
  const base = { id: 'type', text: msg('guard.item.type'), what, fix: { kind: 'fill', what } as Fix };
  if (!isKnown(input.context, 'type')) return { ...base, state: 'unchecked', note: msg('guard.note.typeUnreadable') };
  return { ...base, state: isFilled(input.context.ticket.type) ? 'ok' : 'missing' };
}

/** The checklist of procedure 002, live in the sidebar and decisive on save. */
export function osChecklist(input: GuardInput): ChecklistItem[] {
  const { context, settings } = input;
  const filled = (value: unknown) => isFilled(value);
  const fill = (key: string, params?: Record<string, string>): Fix & { what: Message } => ({ kind: 'fill', what: msg(key, params) });
  const items: ChecklistItem[] = [
    wasOpenItem(input),
    fieldItem(input, 'osNumber', 'osNumberFieldId', filled, msg('guard.item.osNumber'), fill('guard.what.osNumber')),
    fieldItem(input, 'marca', 'marcaFieldId', (value, options) => fieldMatches(value, settings.marcaValue, options), msg('guard.item.marca', { value: settings.marcaValue ?? '' }), {
      kind: 'choose',
      what: msg('guard.what.marca', { value: settings.marcaValue ?? '' }),
    }),
    formItem(input),
    fieldItem(input, 'familia', 'familiaFieldId', (value, options) => fieldMatches(value, settings.familiaValue, options), msg('guard.item.familia', { value: settings.familiaValue ?? '' }), {
      kind: 'choose',
      what: msg('guard.what.familia', { value: settings.familiaValue ?? '' }),
    }),
    typeItem(input),
    fieldItem(input, 'categoria', 'categoriaFieldId', filled, msg('guard.item.categoria'), fill('guard.what.categoria')),
    fieldItem(input, 'motivo', 'motivoFieldId', filled, msg('guard.item.motivo'), fill('guard.what.motivo')),
    // Empty means no value at all: spaces are a value to Zendesk's trigger condition "present" (the
    // backstop, issue 20), so the agent is asked to clear them too.
    fieldItem(input, 'areaResponsavel', 'areaResponsavelFieldId', (value) => value === null || value === undefined || value === '', msg('guard.item.areaResponsavel'), { kind: 'clear', what: msg('guard.what.areaResponsavel') }),
  ];
  const organization = context.ticket.organization?.name ?? '';
  const numeroReferencia = () => fieldItem(input, 'numeroReferencia', 'numeroReferenciaFieldId', filled, msg('guard.item.numeroReferencia', { organization }), fill('guard.what.numeroReferencia'));
  if (!isKnown(context, 'organization')) {
    // Whether this organization needs Número Referência is not known: unless it is filled anyway.
    const item = numeroReferencia();
    items.push(item.state === 'missing' ? { ...item, state: 'unchecked', note: msg('guard.note.organizationUnreadable') } : item);
  } else if (needsReferenceNumber(context, settings)) {
    items.push(numeroReferencia());
  }
  items.splice(1, 0, internalNoteItem(input, items.some((item) => item.state === 'missing')));
  return items;
}

const DEVICE_WORDS = 'equipamentos?|impressoras?|dispositivos?|maquinas?|terminais?|pdvs?|ecfs?|devices?|balancas?|computadores?';

const DEVICE_PATTERN = new RegExp(`(\\d{1,4})\\s+(?:[\\p{L}]+\\s+)?(?:${DEVICE_WORDS})\\b`, 'gu');

/** The largest device count the texts mention ("8 impressoras", "12 equipamentos"); once per text (reading.ts). */
export function mentionedDeviceCount(texts: readonly string[]): number {
  let most = 0;
  for (const text of texts) {
    const count = readText(text).memo('saveGuard.devices', (reading) => {
      let inText = 0;
      for (const match of reading.normalized.matchAll(DEVICE_PATTERN)) inText = Math.max(inText, Number(match[1]));
      return inText;
    });
    most = Math.max(most, count);
  }
  return most;
}

export function mentionsQuote(texts: readonly string[]): boolean {
  return texts.some((text) => readText(text).memo('saveGuard.quote', (reading) => /\b(orcamento|orcamentos|cotacao|quote)\b/.test(reading.normalized)));
}

/**
 * Warnings of procedure 002 that never refuse a save, from the texts held: with a partial read of the
 * saved comments (newest first, stopped at the internal note), older comments are not among them.
 */
export function osWarnings(input: Pick<GuardInput, 'context' | 'settings' | 'savedComments'>): Message[] {
  const { ticket } = input.context;
  const texts = [ticket.subject, ticket.description, ticket.draft.text, ...(input.savedComments.state === 'done' ? input.savedComments.value.map((c) => c.body) : [])];
  const warnings: Message[] = [];
  const devices = mentionedDeviceCount(texts);
  if (devices > input.settings.deviceLimit) warnings.push(msg('guard.warn.devices', { count: devices, limit: input.settings.deviceLimit }));
  if (mentionsQuote(texts)) warnings.push(msg('guard.warn.warranty'));
  return warnings;
}
