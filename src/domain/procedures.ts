import type { Settings } from '../settings';
import type { Macro, MacroSetting } from './macros';
import type { TicketContext } from './ticket';
import { findMacro } from './macroTitles';
import { optionForValue, optionStandsFor } from './catalog';
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

/** Something the agent typed that applying would replace: said before anything is applied. */
export interface Replacement {
  what: Message;
  current: string;
}

export type Plan =
  | { ok: true; actions: ZafAction[]; replaces: Replacement[]; summary: Message[] }
  | { ok: false; problems: Message[]; invalid?: Partial<Record<InputName, Message>> };

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
      return [{ name: 'ticketNumber', required: true, initial: '' }];
    case 'registrationPending':
    case 'openOsBematech':
      return [];
  }
}

export function validateInputs(id: ProcedureId, context: TicketContext, values: Partial<Record<InputName, string>>) {
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

/** The option (tag) for a wanted label in a dropdown's options, or the text itself when unknown. */
function valueForLabel(context: TicketContext, fieldId: number, wanted: string): string {
  const options = context.fieldOptions[fieldId] ?? [];
  return options.find((option) => optionStandsFor(option, wanted))?.value ?? wanted;
}

/** The draft as the agent sees it: an empty rich-text composer (`<p><br></p>`) is empty (reading.ts). */
const draftText = (context: TicketContext) => readText(context.ticket.draft.text).text.trim();

function subjectPlan(context: TicketContext, title: string, plan: { actions: ZafAction[]; replaces: Replacement[]; summary: Message[] }) {
  const current = context.ticket.subject.trim();
  if (current === title) return;
  if (current !== '') plan.replaces.push({ what: msg('replace.subject'), current });
  plan.actions.push({ op: 'set', path: 'ticket.subject', value: title });
  plan.summary.push(msg('summary.subject', { title }));
}

/**
 * The ZAF calls one procedure makes, and what they would replace; nothing is applied here.
 * `macros`: the macros that could stand for this procedure's macro title (the look-up of its setting,
 * complete), or null when they are not known (the look-up failed).
 */
export function planProcedure(
  id: ProcedureId,
  values: Partial<Record<InputName, string>>,
  context: TicketContext,
  settings: Settings,
  macros: readonly Macro[] | null,
): Plan {
  const invalid = validateInputs(id, context, values);
  if (Object.keys(invalid).length > 0) return { ok: false, problems: [msg('procedure.fixInputs')], invalid };
  const plan = { actions: [] as ZafAction[], replaces: [] as Replacement[], summary: [] as Message[] };
  const { ticket } = context;

  const macroSetting = MACRO_OF[id];
  if (macroSetting) {
    const title = settings[macroSetting];
    if (!title) return { ok: false, problems: [msg('config.notSet', { parameter: parameterLabel(macroSetting) })] };
    if (!macros) return { ok: false, problems: [msg('procedure.macrosUnknown')] };
    const match = findMacro(macros, title);
    if (match.kind !== 'found') return { ok: false, problems: [msg(`config.macro.${match.kind}`, { parameter: parameterLabel(macroSetting), title, count: match.kind === 'ambiguous' ? match.count : 0 })] };
    if (isFilled(draftText(context))) plan.replaces.push({ what: msg('replace.draft'), current: draftText(context) });
    plan.actions.push({ op: 'invoke', name: 'macro', args: [match.id] });
    plan.summary.push(msg('summary.macro', { title }));
  }

  switch (id) {
    case 'closeWhatsapp':
      subjectPlan(context, (values.question ?? '').trim(), plan);
      break;
    case 'transferN2': {
      const labels = { contato: 'Contato', telefone: 'Telefone', resumo: 'Resumo' } as const;
      const text = (Object.keys(labels) as (keyof typeof labels)[]).map((name) => `${labels[name]}: ${(values[name] ?? '').trim()}`).join('\n');
      plan.actions.push({ op: 'invoke', name: 'ticket.comment.appendText', args: [`\n${text}`] });
      plan.summary.push(msg('summary.n2'));
      break;
    }
    case 'registrationPending':
      if (!settings.titleRegistrationPending) return { ok: false, problems: [msg('config.notSet', { parameter: parameterLabel('titleRegistrationPending') })] };
      subjectPlan(context, settings.titleRegistrationPending, plan);
      plan.actions.push({ op: 'set', path: 'ticket.status', value: 'solved' });
      plan.summary.push(msg('summary.solved'));
      break;
    case 'positionRequest': {
      if (!settings.titlePositionRequest) return { ok: false, problems: [msg('config.notSet', { parameter: parameterLabel('titlePositionRequest') })] };
      const number = (values.ticketNumber ?? '').trim().replace(/^#/, '');
      subjectPlan(context, settings.titlePositionRequest.replace('{n}', number), plan);
      break;
    }
    case 'openOsBematech': {
      const missing = (['marcaFieldId', 'familiaFieldId', 'formulario0800FormId'] as const).filter((name) => settings[name] === null);
      if (missing.length > 0) return { ok: false, problems: missing.map((parameter) => msg('config.notSet', { parameter: parameterLabel(parameter) })) };
      for (const [setting, wanted, label] of [
        ['marcaFieldId', settings.marcaValue, 'replace.marca'],
        ['familiaFieldId', settings.familiaValue, 'replace.familia'],
      ] as const) {
        const fieldId = settings[setting] as number;
        if (!wanted) continue;
        const value = valueForLabel(context, fieldId, wanted);
        const current = ticket.fields[fieldId];
        if (isFilled(current) && String(current) !== value) {
          plan.replaces.push({ what: msg(label), current: optionForValue(context.fieldOptions[fieldId], current)?.label ?? String(current) });
        }
        if (String(current ?? '') !== value) plan.actions.push({ op: 'set', path: `ticket.customField:custom_field_${fieldId}`, value });
      }
      if (ticket.formId !== settings.formulario0800FormId) plan.actions.push({ op: 'set', path: 'ticket.form', value: { id: settings.formulario0800FormId } });
      const own = organizationCnpj(context, settings);
      const cnpj = own.kind === 'valid' ? own : sessionCnpj(context, settings);
      const note = `CNPJ: ${cnpj.kind === 'valid' ? cnpj.formatted : ''}\nRazão Social: ${razaoSocial(context, settings) ?? ''}\n`;
      if (!ticket.draft.internal) {
        if (isFilled(draftText(context))) plan.replaces.push({ what: msg('replace.commentType'), current: draftText(context) });
        plan.actions.push({ op: 'set', path: 'ticket.comment.type', value: 'internalNote' });
      }
      plan.actions.push({ op: 'invoke', name: 'ticket.comment.appendText', args: [note] });
      plan.summary.push(msg('summary.os', { marca: settings.marcaValue ?? '', familia: settings.familiaValue ?? '' }));
      break;
    }
  }
  return { ok: true, ...plan };
}
