import { parseSettings, type ParameterName, type Settings } from '../../src/settings';
import { BACKSTOP_CHECKS, BACKSTOP_TAG, type BackstopItem } from '../../src/domain/backstop';
import { isOsTicket } from '../../src/domain/saveGuard';
import type { TicketContext } from '../../src/domain/ticket';
import { customFieldOperators, triggerProblems, type TicketFieldDefinition, type TriggerCondition, type TriggerDefinition } from './reference';

/**
 * The server-side backstop of procedure 002, generated from the installation's settings (the same ones
 * the sidebar reads) and the account's ticket field definitions: requirements.json with ticket triggers
 * that Zendesk creates when the app is installed (https://developer.zendesk.com/documentation/apps/app-developer-guide/apps_requirements/).
 *
 * Why generated rather than written with `{{setting.x}}` placeholders: Zendesk documents no placeholder
 * for requirements (zendesk_apps_support only refuses them in custom_objects_v2, commit 6ed609b), and
 * the triggers' shape depends on the settings (which fields are configured, which Marca options stand
 * for the configured value, whether Marca is a drop-down at all), which a placeholder cannot change.
 *
 * The triggers (conditions as in the Conditions reference, actions as in the Actions reference):
 * - one "put back" trigger per O.S. criterion (form 0800; each Marca option that stands for the
 *   configured value): ALL status changed to hold + the criterion, ANY covered field in the wrong state
 *   → status open + add the tag. Zendesk's conditions are one ALL list and one ANY list, so "form OR
 *   Marca" and "field A OR field B missing" need one trigger per criterion. The action sets the status
 *   to Open, which makes "changed to hold" false: no loop.
 * - one "clear" trigger: ALL status changed to hold + the tag + every covered field right → remove the
 *   tag (its own action makes "tags include" false). A ticket fixed and put On Hold loses the tag.
 */
export const TRIGGER_KEYS = { form: 'sentinela_os_incompleta_formulario_0800', marca: 'sentinela_os_incompleta_marca', clear: 'sentinela_os_completa_remove_tag' } as const;

export interface BackstopRequirements {
  triggers: Record<string, TriggerDefinition>;
}

export interface CoveredCheck {
  item: BackstopItem;
  setting: ParameterName;
  fieldId: number;
  wants: 'filled' | 'empty';
}

export interface BackstopPlan {
  /** The content of requirements.json, or null when no trigger can be generated (see problems). */
  requirements: BackstopRequirements | null;
  /** What makes a ticket an O.S. ticket for the triggers: the form, and the Marca options (tags). */
  criteria: { formId: number | null; marcaTags: string[] };
  /** The checklist items the triggers check, with the field each reads. */
  covered: CoveredCheck[];
  /** Why nothing was generated; each names the setting or field. */
  problems: string[];
  /** What the triggers leave to the sidebar, and why. */
  notes: string[];
}

export interface TicketFormDefinition {
  id: number;
  name: string;
}

const USED_SETTINGS: readonly ParameterName[] = ['formulario0800FormId', 'marcaFieldId', 'marcaValue', ...BACKSTOP_CHECKS.map((check) => check.setting)];

/** A ticket whose only facts are the Marca field's value and options: asks the sidebar's own rule. */
function marcaMakesOs(settings: Settings, field: TicketFieldDefinition, value: string): boolean {
  const options = (field.custom_field_options ?? []).map((option) => ({ label: option.name, value: option.value }));
  const context: TicketContext = {
    ticket: { id: null, status: 'hold', subject: '', saved: { subject: '', fields: { [field.id]: value }, formId: null }, description: '', type: null, formId: null, requester: null, organization: null, fields: { [field.id]: value }, draft: { text: '', internal: false }, tags: [] },
    fieldOptions: { [field.id]: options },
    unreadable: [],
    unreadablePaths: [],
    unreadableFields: [],
    locale: 'pt-BR',
  };
  return isOsTicket(context, { ...settings, formulario0800FormId: null });
}

const condition = (field: string, operator: string, value: string | null = null): TriggerCondition => ({ field, operator, value });
const wrongState = (check: CoveredCheck) => condition(`custom_fields_${check.fieldId}`, check.wants === 'filled' ? 'not_present' : 'present');
const rightState = (check: CoveredCheck) => condition(`custom_fields_${check.fieldId}`, check.wants === 'filled' ? 'present' : 'not_present');

const CRITERION_TEXT = { form: 'formulário 0800', marca: (tag: string) => `Marca = ${tag}` };
/** How the trigger descriptions name what they check (Portuguese: the operation's admins read them in Admin Center). */
const WANTED_TEXT: Record<BackstopItem, string> = { osNumber: 'Número da O.S. preenchido', categoria: 'Categoria preenchida', motivo: 'Motivo preenchido', areaResponsavel: 'Área responsável (0800) vazia' };

function putBack(criterionText: string, criterion: TriggerCondition, covered: readonly CoveredCheck[]): TriggerDefinition {
  return {
    title: `Sentinela: O.S. incompleta em Espera volta para Aberto (${criterionText})`,
    description: `Procedimento 002: uma O.S. (${criterionText}) salva Em Espera sem ${covered.map((check) => WANTED_TEXT[check.item]).join(', ')} volta para Aberto com a tag ${BACKSTOP_TAG}; o app Sentinela diz o que falta. Gerado por npm run requirements.`,
    active: true,
    conditions: { all: [condition('status', 'value', 'hold'), criterion], any: covered.map(wrongState) },
    actions: [
      { field: 'status', value: 'open' },
      { field: 'current_tags', value: BACKSTOP_TAG },
    ],
  };
}

function clearTag(covered: readonly CoveredCheck[]): TriggerDefinition {
  return {
    title: `Sentinela: O.S. completa em Espera perde a tag ${BACKSTOP_TAG}`,
    description: `Procedimento 002: quando a O.S. devolvida pela Sentinela vai para Em Espera com os campos completos, a tag ${BACKSTOP_TAG} sai. Gerado por npm run requirements.`,
    active: true,
    conditions: { all: [condition('status', 'value', 'hold'), condition('current_tags', 'includes', BACKSTOP_TAG), ...covered.map(rightState)], any: [] },
    actions: [{ field: 'remove_tags', value: BACKSTOP_TAG }],
  };
}

/**
 * The backstop for one installation. `rawSettings`: the parameters as the installation stores them
 * (metadata().settings, a scenario's `settings`); `fields`: the account's ticket fields (at least the
 * configured ones); `forms`: the account's ticket forms, when known (checked, not required).
 * Never throws: what cannot be generated is in `problems`, what is left to the sidebar in `notes`.
 */
export function planBackstop(rawSettings: unknown, fields: readonly TicketFieldDefinition[], forms: readonly TicketFormDefinition[] | null = null): BackstopPlan {
  const { settings, issues } = parseSettings(rawSettings);
  const problems: string[] = issues.filter((issue) => USED_SETTINGS.includes(issue.parameter)).map((issue) => `setting ${issue.parameter}: ${issue.problem} (the sidebar would use its default instead)`);
  const notes: string[] = [];
  const fieldOf = (setting: string, id: number) => {
    const field = fields.find((candidate) => candidate.id === id) ?? null;
    if (!field) problems.push(`setting ${setting}: ticket field ${id} is not among the account's ticket fields (Zendesk would refuse a trigger naming it)`);
    return field;
  };

  const covered: CoveredCheck[] = [];
  for (const check of BACKSTOP_CHECKS) {
    const fieldId = settings[check.setting];
    if (fieldId === null) {
      notes.push(`${check.item}: setting ${check.setting} is empty, so neither the sidebar nor the trigger checks it`);
      continue;
    }
    const field = fieldOf(check.setting, fieldId);
    if (!field) continue;
    const wanted = check.wants === 'filled' ? 'not_present' : 'present';
    if (!customFieldOperators(field.type)?.[wanted]) {
      notes.push(`${check.item}: field ${fieldId} is a "${field.type}" field, for which no "${wanted}" trigger condition is documented here: only the sidebar checks it`);
      continue;
    }
    covered.push({ item: check.item, setting: check.setting, fieldId, wants: check.wants });
  }

  const formId = settings.formulario0800FormId;
  if (formId !== null && forms && !forms.some((form) => form.id === formId)) problems.push(`setting formulario0800FormId: ticket form ${formId} is not among the account's forms`);
  let marcaTags: string[] = [];
  if (settings.marcaFieldId !== null && settings.marcaValue !== null) {
    const field = fieldOf('marcaFieldId', settings.marcaFieldId);
    if (field && !customFieldOperators(field.type)?.is) {
      notes.push(`Marca: field ${field.id} is a "${field.type}" field; a trigger can compare only a drop-down's value, so O.S. tickets are recognized by their form alone`);
    } else if (field) {
      marcaTags = (field.custom_field_options ?? []).map((option) => option.value).filter((tag) => marcaMakesOs(settings, field, tag));
      if (marcaTags.length === 0) notes.push(`Marca: no option of field ${field.id} stands for "${settings.marcaValue}", so O.S. tickets are recognized by their form alone`);
    }
  }
  if (formId === null && marcaTags.length === 0) problems.push('no O.S. criterion a trigger can see: set formulario0800FormId, or marcaFieldId (a drop-down) and marcaValue');
  if (covered.length === 0) problems.push('no field a trigger can check is configured (osNumberFieldId, categoriaFieldId, motivoFieldId, areaResponsavelFieldId)');
  notes.push('only the sidebar checks: the internal note with CNPJ and Razão Social, New → On Hold (send as Open first), Marca and Família values, Tipo, and Número Referência for the listed organizations');

  const criteria = { formId, marcaTags };
  if (problems.length > 0) return { requirements: null, criteria, covered, problems, notes };
  const triggers: Record<string, TriggerDefinition> = {};
  if (formId !== null) triggers[TRIGGER_KEYS.form] = putBack(CRITERION_TEXT.form, condition('ticket_form_id', 'is', String(formId)), covered);
  for (const tag of marcaTags) {
    const key = marcaTags.length === 1 ? TRIGGER_KEYS.marca : `${TRIGGER_KEYS.marca}_${tag.replace(/[^a-z0-9_]/gi, '_')}`;
    triggers[key] = putBack(CRITERION_TEXT.marca(tag), condition(`custom_fields_${settings.marcaFieldId}`, 'is', tag), covered);
  }
  triggers[TRIGGER_KEYS.clear] = clearTag(covered);
  for (const [key, trigger] of Object.entries(triggers)) {
    for (const problem of triggerProblems(trigger, fields)) problems.push(`trigger ${key}: ${problem}`);
  }
  return { requirements: problems.length > 0 ? null : { triggers }, criteria, covered, problems, notes };
}
