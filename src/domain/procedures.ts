import type { Settings } from '../settings';
import type { Macro, MacroSetting } from './macros';
import type { TicketContext } from './ticket';
import type { Effect, EffectTarget, OtherTarget } from './effects';
import { fieldTarget, macroEffects } from './effects';
import { macroById } from './macros';
import { findMacro } from './macroTitles';
import { catalogSuggestions, optionForValue, optionStandsFor } from './catalog';
import { organizationCnpj, razaoSocial, sessionCnpj } from './findings';
import { msg, parameterLabel, type Message } from './message';
import { isFilled } from './text';
import { readText } from './reading';

/** The procedures of 001/002 that apply a macro and a title in one click (SPEC §3). */
export const PROCEDURES = ['closeWhatsapp', 'transferN2', 'registrationPending', 'positionRequest', 'openOsBematech'] as const;
export type ProcedureId = (typeof PROCEDURES)[number];

export type InputName = 'question' | 'contato' | 'telefone' | 'resumo' | 'ticketNumber';
export interface ProcedureInput {
  name: InputName;
  required: boolean;
  initial: string;
  multiline?: boolean;
}

/** One ZAF call of a plan, in order. */
export type ZafAction = { op: 'set'; path: string; value: unknown } | { op: 'invoke'; name: string; args: unknown[] };

/** One call of a plan, what it does to the ticket, and what the notice says once it succeeded. */
export interface PlanStep {
  action: ZafAction;
  effects: Effect[];
  done: Message;
}

export interface ReadyPlan {
  ok: true;
  id: ProcedureId;
  steps: PlanStep[];
  /** The macro the plan applies, with what it does beyond the targets the app reads. */
  macro: { title: string; others: OtherTarget[]; unknown: boolean } | null;
}

export type Plan = ReadyPlan | { ok: false; problems: Message[] };

export type Values = Partial<Record<InputName, string>>;

/**
 * A ticket number the customer wrote ("posicionamento do ticket 4410", "chamado nº 4410", "#4410"),
 * in the subject first, then the first comment; never this ticket's own number.
 */
export function ticketNumberIn(context: TicketContext): string | null {
  const own = context.ticket.id === null ? null : String(context.ticket.id);
  const patterns = [/\b(?:ticket|chamado|protocolo|solicitacao|caso|pedido)s?\s*(?:n[o.º°]?\s*|numero\s*|de numero\s*|#\s*)?(\d{3,12})\b/gu, /#\s?(\d{3,12})\b/gu];
  for (const text of [context.ticket.subject, context.ticket.description]) {
    // The numbers a text names, found once per text (reading.ts): this runs on every keystroke.
    const numbers = readText(text).memo('procedures.ticketNumbers', (reading) => {
      const plain = reading.normalized.replace(/nº/g, 'no ');
      return patterns.flatMap((pattern) => [...plain.matchAll(pattern)].map((match) => match[1]));
    });
    const found = numbers.find((number) => number !== own);
    if (found !== undefined) return found;
  }
  return null;
}

export function procedureInputs(id: ProcedureId, context: TicketContext): ProcedureInput[] {
  const requester = context.ticket.requester;
  switch (id) {
    case 'closeWhatsapp':
      return [{ name: 'question', required: true, initial: '' }];
    case 'transferN2':
      return [
        { name: 'contato', required: true, initial: requester?.name ?? '' },
        { name: 'telefone', required: true, initial: requester?.phone ?? '' },
        { name: 'resumo', required: true, initial: '', multiline: true },
      ];
    case 'positionRequest':
      return [{ name: 'ticketNumber', required: true, initial: ticketNumberIn(context) ?? '' }];
    case 'registrationPending':
    case 'openOsBematech':
      return [];
  }
}

export function validateInputs(id: ProcedureId, context: TicketContext, values: Values) {
  const invalid: Partial<Record<InputName, Message>> = {};
  for (const input of procedureInputs(id, context)) {
    const value = (values[input.name] ?? '').trim();
    if (input.required && value === '') invalid[input.name] = msg('procedure.input.required');
    else if (input.name === 'ticketNumber' && !/^\d{1,12}$/.test(value.replace(/^#/, ''))) invalid[input.name] = msg('procedure.input.digits');
    else if (input.name === 'telefone' && value.replace(/\D/g, '').length < 8) invalid[input.name] = msg('procedure.input.phone');
  }
  return invalid;
}

/** The title setting of the macro each procedure applies (looked up only when the procedure is applied). */
export const MACRO_OF: Partial<Record<ProcedureId, MacroSetting>> = {
  closeWhatsapp: 'macroCloseWhatsapp',
  transferN2: 'macroTransferN2',
  registrationPending: 'macroRegistrationPending',
};

/** The setting holding the title of the macro a procedure applies, or null (the O.S. and position procedures apply none). */
export const procedureMacro = (id: ProcedureId) => MACRO_OF[id] ?? null;


/** The option (tag) for a wanted label in a dropdown's options, or the text itself when unknown. */
function valueForLabel(context: TicketContext, fieldId: number, wanted: string): string {
  const options = context.fieldOptions[fieldId] ?? [];
  return options.find((option) => optionStandsFor(option, wanted))?.value ?? wanted;
}

const setStep = (target: EffectTarget, path: string, value: string | number, done: Message, zafValue: unknown = value): PlanStep => ({
  action: { op: 'set', path, value: zafValue },
  effects: [{ target, change: 'set', value, by: 'app' }],
  done,
});

const appendStep = (text: string, done: Message): PlanStep => ({
  action: { op: 'invoke', name: 'ticket.comment.appendText', args: [text] },
  effects: [{ target: 'draft', change: 'append', value: text, by: 'app' }],
  done,
});

/** The path of a custom field for ZAF's set/get (ZAF Support API, `ticket.customField:custom_field_<id>`). */
const customFieldPath = (id: number) => `ticket.customField:custom_field_${id}`;

/**
 * The ZAF calls one procedure makes, in order, each with its effects on the ticket (the macro's own
 * actions included); nothing is applied here, and inputs are not validated (see validateInputs): an
 * empty question plans an empty title, which the preview shows as "the customer's question".
 * `macros`: the macros that could stand for this procedure's macro title (the look-up of its setting,
 * complete), or null when they are not known (not looked up yet, or the look-up failed).
 */
export function planProcedure(id: ProcedureId, values: Values, context: TicketContext, settings: Settings, macros: readonly Macro[] | null): Plan {
  const steps: PlanStep[] = [];
  const { ticket } = context;
  let macro: ReadyPlan['macro'] = null;

  const macroSetting = MACRO_OF[id];
  if (macroSetting) {
    const title = settings[macroSetting];
    if (!title) return { ok: false, problems: [msg('config.notSet', { parameter: parameterLabel(macroSetting) })] };
    if (!macros) return { ok: false, problems: [msg('procedure.macrosUnknown')] };
    const match = findMacro(macros, title);
    if (match.kind !== 'found') return { ok: false, problems: [msg(`config.macro.${match.kind}`, { parameter: parameterLabel(macroSetting), title, count: match.kind === 'ambiguous' ? match.count : 0 })] };
    const found = macroById(macros, match.id) ?? { actions: undefined };
    const effects = macroEffects(found);
    macro = { title, others: effects.others, unknown: effects.unknown };
    steps.push({ action: { op: 'invoke', name: 'macro', args: [match.id] }, effects: effects.effects, done: msg('done.macro', { title }) });
  }

  const subject = (title: string) => {
    if (title !== '' && ticket.subject.trim() === title) return;
    steps.push(setStep('subject', 'ticket.subject', title, msg('done.subject', { title })));
  };

  switch (id) {
    case 'closeWhatsapp':
      subject((values.question ?? '').trim());
      break;
    case 'transferN2': {
      const labels = { contato: 'Contato', telefone: 'Telefone', resumo: 'Resumo' } as const;
      const text = (Object.keys(labels) as (keyof typeof labels)[]).map((name) => `${labels[name]}: ${(values[name] ?? '').trim()}`).join('\n');
      steps.push(appendStep(`\n${text}`, msg('done.n2')));
      break;
    }
    case 'registrationPending':
      if (!settings.titleRegistrationPending) return { ok: false, problems: [msg('config.notSet', { parameter: parameterLabel('titleRegistrationPending') })] };
      subject(settings.titleRegistrationPending);
      if (ticket.status !== 'solved') steps.push(setStep('status', 'ticket.status', 'solved', msg('done.status', { status: msg('status.solved') })));
      break;
    case 'positionRequest': {
      if (!settings.titlePositionRequest) return { ok: false, problems: [msg('config.notSet', { parameter: parameterLabel('titlePositionRequest') })] };
      const number = (values.ticketNumber ?? '').trim().replace(/^#/, '');
      const title = settings.titlePositionRequest.replace('{n}', number);
      subject(title);
      // 001 "Posicionamento de ticket" pairs the title with the catalog path: the path the catalog rules
      // give that title (the default rules send "posicionamento" to 99 > 007 >> Posicionamento de ticket).
      const catalogId = settings.catalogFieldId;
      const options = catalogId === null ? undefined : context.fieldOptions[catalogId];
      const option = options ? catalogSuggestions({ subject: title, description: '' }, settings.catalogRules, options).find((suggestion) => suggestion.option)?.option : null;
      if (catalogId !== null && option && String(ticket.fields[catalogId] ?? '') !== option.value) {
        steps.push(setStep(fieldTarget(catalogId), customFieldPath(catalogId), option.value, msg('done.catalog', { path: option.label.split('::').pop()?.trim() ?? option.label })));
      }
      break;
    }
    case 'openOsBematech': {
      const missing = (['marcaFieldId', 'familiaFieldId', 'formulario0800FormId'] as const).filter((name) => settings[name] === null);
      if (missing.length > 0) return { ok: false, problems: missing.map((parameter) => msg('config.notSet', { parameter: parameterLabel(parameter) })) };
      for (const [setting, wanted, label] of [
        ['marcaFieldId', settings.marcaValue, 'field.marcaFieldId'],
        ['familiaFieldId', settings.familiaValue, 'field.familiaFieldId'],
      ] as const) {
        const fieldId = settings[setting] as number;
        if (!wanted) continue;
        const value = valueForLabel(context, fieldId, wanted);
        if (String(ticket.fields[fieldId] ?? '') === value) continue;
        const shown = optionForValue(context.fieldOptions[fieldId], value)?.label ?? wanted;
        steps.push(setStep(fieldTarget(fieldId), customFieldPath(fieldId), value, msg('done.field', { field: msg(label), value: shown })));
      }
      const formId = settings.formulario0800FormId as number;
      if (ticket.formId !== formId) steps.push(setStep('form', 'ticket.form', formId, msg('done.form'), { id: formId }));
      const own = organizationCnpj(context, settings);
      const cnpj = own.kind === 'valid' ? own : sessionCnpj(context, settings);
      const note = `CNPJ: ${cnpj.kind === 'valid' ? cnpj.formatted : ''}\nRazão Social: ${razaoSocial(context, settings) ?? ''}\n`;
      if (!ticket.draft.internal) steps.push(setStep('draftType', 'ticket.comment.type', 'internalNote', msg('done.internal')));
      steps.push(appendStep(note, msg('done.osNote')));
      break;
    }
  }
  return { ok: true, id, steps, macro };
}

/** Every effect of a plan, in order. */
export function planEffects(plan: ReadyPlan): Effect[] {
  return plan.steps.flatMap((step) => step.effects);
}

/**
 * Whether applying the plan a second time would do its work twice: a macro (its comment text and
 * actions) and appended text add to the ticket each time they run, where setting a title, a status or
 * a field to the same value changes nothing. Such a plan already applied on this ticket view is not
 * applied again without the agent's explicit "apply again" (issue 18: never twice, never blindly).
 */
export function planAddsAgain(plan: ReadyPlan): boolean {
  return plan.steps.some(({ action }) => action.op === 'invoke' && (action.name === 'macro' || action.name === 'ticket.comment.appendText'));
}

/** Whether anything in the plan would change the ticket (a plan can be empty: all already done). */
export function planDoesSomething(plan: ReadyPlan): boolean {
  return plan.steps.length > 0;
}

/**
 * The draft as the agent sees it (reading.ts: HTML → visible text, entities, invisible characters), so a
 * rich-text composer that shows nothing (`<p><br></p>`) is empty.
 */
export function draftText(draft: string): string {
  return readText(draft).text.trim();
}

export const draftIsWritten = (draft: string) => isFilled(draftText(draft));
