import type { Settings } from '../settings';
import type { FieldOption, Lookup, SavedComment, TicketContext } from './ticket';
import { financialPending, organizationCnpj, razaoSocial, sessionCnpj } from './findings';
import { textMentionsCnpj } from './cnpj';
import { optionForValue, optionStandsFor } from './catalog';
import { msg, parameterLabel, type Message } from './message';
import { isFilled, normalize, words } from './text';
import { readText } from './reading';

/** Procedure 002: what an O.S. ticket needs before it goes from Open to On Hold. */
export type ChecklistState = 'ok' | 'missing' | 'unchecked';

export interface ChecklistItem {
  id: string;
  state: ChecklistState;
  text: Message;
  /** Why an item could not be checked (a setting not configured, notes not readable). */
  note?: Message;
}

export interface GuardInput {
  context: TicketContext;
  settings: Settings;
  /** Saved comments with their public flag, fetched ahead of any save. */
  savedComments: Lookup<SavedComment[]>;
}

export interface SaveDecision {
  allow: boolean;
  reasons: Message[];
  warnings: Message[];
}

/** A dropdown value (a tag) matches a wanted text by its tag or by its option's label. */
function fieldMatches(value: unknown, wanted: string | null, options: FieldOption[] | undefined): boolean {
  if (!wanted || !isFilled(value)) return false;
  const option = optionForValue(options, value);
  return (option !== null && optionStandsFor(option, wanted)) || [String(value), String(value).replace(/_/g, ' ')].some((text) => normalize(text) === normalize(wanted));
}

/**
 * Whether a save of this ticket could be refused by procedure 002: an O.S. ticket that is not already On
 * Hold (hold → hold is no transition) nor closed. Only then does the app read its saved notes.
 */
export function guardCanApply(context: TicketContext, settings: Settings): boolean {
  return isOsTicket(context, settings) && context.ticket.savedStatus !== 'hold' && context.ticket.savedStatus !== 'closed';
}

export function isOsTicket(context: TicketContext, settings: Settings): boolean {
  const { ticket } = context;
  if (settings.formulario0800FormId !== null && ticket.formId === settings.formulario0800FormId) return true;
  return settings.marcaFieldId !== null && fieldMatches(ticket.fields[settings.marcaFieldId], settings.marcaValue, context.fieldOptions[settings.marcaFieldId]);
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

function internalNoteItem(input: GuardInput): ChecklistItem {
  const { context, settings } = input;
  const { cnpj, name } = noteNeeds(context, settings);
  const text = msg('guard.item.internalNote', { cnpj: cnpj.kind === 'valid' ? cnpj.formatted : '—', razaoSocial: name ?? '—' });
  if (cnpj.kind !== 'valid' || !name) return { id: 'internalNote', state: 'missing', text, note: msg('guard.note.noCnpjOrName') };
  const notes = [
    ...(context.ticket.draft.internal ? [context.ticket.draft.text] : []),
    ...(input.savedComments.state === 'done' ? input.savedComments.value.filter((comment) => !comment.public).map((comment) => comment.body) : []),
  ];
  if (notesNameCustomer(context, settings, notes)) return { id: 'internalNote', state: 'ok', text };
  // The saved notes are not read yet, or could not be, or only their newest part (read for another CNPJ or
  // Razão Social): the app cannot know, and refuses nothing for it.
  if (input.savedComments.state === 'failed') return { id: 'internalNote', state: 'unchecked', text, note: msg('guard.note.notesUnreadable') };
  if (input.savedComments.state !== 'done' || input.savedComments.partial) return { id: 'internalNote', state: 'unchecked', text, note: msg('guard.note.notesLoading') };
  return { id: 'internalNote', state: 'missing', text };
}

function fieldItem(
  input: GuardInput,
  id: string,
  setting: keyof Settings & `${string}FieldId`,
  test: (value: unknown, options: FieldOption[] | undefined) => boolean,
  text: Message,
): ChecklistItem {
  const fieldId = input.settings[setting] as number | null;
  if (fieldId === null) return { id, state: 'unchecked', text, note: msg('guard.note.notConfigured', { parameter: parameterLabel(setting) }) };
  if (input.context.unreadableFields.includes(fieldId)) return { id, state: 'unchecked', text, note: msg('guard.note.unreadable', { parameter: parameterLabel(setting), id: fieldId }) };
  const ok = test(input.context.ticket.fields[fieldId], input.context.fieldOptions[fieldId]);
  return { id, state: ok ? 'ok' : 'missing', text };
}

/** The checklist of procedure 002, live in the sidebar and decisive on save. */
export function osChecklist(input: GuardInput): ChecklistItem[] {
  const { context, settings } = input;
  const { ticket } = context;
  const filled = (value: unknown) => isFilled(value);
  const items: ChecklistItem[] = [
    { id: 'wasOpen', state: ticket.savedStatus === 'open' || ticket.savedStatus === 'hold' ? 'ok' : 'missing', text: msg('guard.item.wasOpen') },
    internalNoteItem(input),
    fieldItem(input, 'osNumber', 'osNumberFieldId', filled, msg('guard.item.osNumber')),
    fieldItem(input, 'marca', 'marcaFieldId', (value, options) => fieldMatches(value, settings.marcaValue, options), msg('guard.item.marca', { value: settings.marcaValue ?? '' })),
    settings.formulario0800FormId === null
      ? { id: 'form', state: 'unchecked', text: msg('guard.item.form'), note: msg('guard.note.notConfigured', { parameter: parameterLabel('formulario0800FormId') }) }
      : { id: 'form', state: ticket.formId === settings.formulario0800FormId ? 'ok' : 'missing', text: msg('guard.item.form') },
    fieldItem(input, 'familia', 'familiaFieldId', (value, options) => fieldMatches(value, settings.familiaValue, options), msg('guard.item.familia', { value: settings.familiaValue ?? '' })),
    { id: 'type', state: isFilled(ticket.type) ? 'ok' : 'missing', text: msg('guard.item.type') },
    fieldItem(input, 'categoria', 'categoriaFieldId', filled, msg('guard.item.categoria')),
    fieldItem(input, 'motivo', 'motivoFieldId', filled, msg('guard.item.motivo')),
    fieldItem(input, 'areaResponsavel', 'areaResponsavelFieldId', (value) => !isFilled(value), msg('guard.item.areaResponsavel')),
  ];
  if (needsReferenceNumber(context, settings)) {
    items.push(fieldItem(input, 'numeroReferencia', 'numeroReferenciaFieldId', filled, msg('guard.item.numeroReferencia', { organization: ticket.organization?.name ?? '' })));
  }
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
export function osWarnings(input: GuardInput): Message[] {
  const { ticket } = input.context;
  const texts = [ticket.subject, ticket.description, ticket.draft.text, ...(input.savedComments.state === 'done' ? input.savedComments.value.map((c) => c.body) : [])];
  const warnings: Message[] = [];
  const devices = mentionedDeviceCount(texts);
  if (devices > input.settings.deviceLimit) warnings.push(msg('guard.warn.devices', { count: devices, limit: input.settings.deviceLimit }));
  if (mentionsQuote(texts)) warnings.push(msg('guard.warn.warranty'));
  return warnings;
}

/**
 * The verdict of ZAF's ticket.save hook, from data already held (no request on this path).
 * Refuses: financial pending with any status but Solved/Closed; an O.S. ticket going to On Hold
 * without every item of procedure 002. Never refuses other transitions or other tickets.
 */
export function decideSave(input: GuardInput): SaveDecision {
  const { context, settings } = input;
  const { ticket } = context;
  const reasons: Message[] = [];
  let warnings: Message[] = [];
  if (financialPending(context, settings) && ticket.status !== 'solved' && ticket.status !== 'closed') {
    reasons.push(msg('guard.refuse.financialPending'));
  }
  const goingToHold = ticket.status === 'hold' && ticket.savedStatus !== 'hold';
  if (goingToHold && isOsTicket(context, settings)) {
    const missing = osChecklist(input).filter((item) => item.state === 'missing');
    if (missing.some((item) => item.id === 'wasOpen')) reasons.push(msg('guard.refuse.sendOpenFirst'));
    reasons.push(...missing.filter((item) => item.id !== 'wasOpen').map((item) => item.text));
    warnings = osWarnings(input);
  }
  return { allow: reasons.length === 0, reasons, warnings };
}
