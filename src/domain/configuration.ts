import type { FieldIdParameter, ParameterName, Settings, SettingsIssue } from '../settings';
import type { MacroLookups } from './macros';
import type { FailureReason, TicketContext } from './ticket';
import { FIELD_ID_PARAMETERS } from '../settings';
import { MACRO_SETTINGS } from './macros';
import { msg, parameterLabel, type Message } from './message';
import { unknownCatalogPaths } from './catalog';

/**
 * What the app's configuration lets it check on this ticket, and what an admin must fix: configuration
 * findings name each setting by its translated label (as Admin Center shows it), never by its code name.
 * Admins (ZAF `currentUser.role` = `admin`) see them listed; agents see one line saying which checks are
 * off and to ask their administrator. An API outage is not configuration: it is said where it matters.
 */
export type Check = 'cnpj' | 'sessionTicketId' | 'catalog' | 'os' | 'financialPending' | 'wallet';

export interface ConfigurationInput {
  context: TicketContext;
  settings: Settings;
  settingsIssues: readonly SettingsIssue[];
  /** The macros looked up so far, by title setting: a title not looked up is not checked (issue 16). */
  macros: MacroLookups;
}

export interface ConfigurationFinding {
  id: string;
  text: Message;
  details?: Message[];
}

/** The ticket field and form settings each check cannot do without. */
const CHECK_SETTINGS: Record<'cnpj' | 'sessionTicketId' | 'catalog' | 'os', readonly (FieldIdParameter | 'formulario0800FormId')[]> = {
  cnpj: ['cnpjFieldId'],
  sessionTicketId: ['sessionTicketIdFieldId'],
  catalog: ['catalogFieldId'],
  os: ['formulario0800FormId', 'marcaFieldId', 'familiaFieldId', 'categoriaFieldId', 'motivoFieldId', 'osNumberFieldId', 'areaResponsavelFieldId', 'numeroReferenciaFieldId'],
};
const ORG_FIELD_SETTINGS = ['orgCnpjField', 'orgHelpDeskField', 'orgPrimeField', 'orgFinancialPendingField'] as const;

/**
 * ZAF's `currentUser.role` of an admin (docs/zendesk-facts/zaf-and-validator.md §6): the configuration list and
 * the setup assistant are for admins only; any other value, or a role that could not be read, is not an admin.
 * Zendesk itself refuses the installation update to anyone else ("Allowed For: Admins",
 * https://developer.zendesk.com/api-reference/ticketing/apps/apps/#update-app-installation).
 */
export const ADMIN_ROLE = 'admin';

/** Whether the batched get of first render says the current user is an admin. */
export function isAdmin(context: Pick<TicketContext, 'role'> | null): boolean {
  return context?.role === ADMIN_ROLE;
}

/** An organization field key that is set and that this ticket's organization has (unknown without organization). */
function orgFieldUsable(context: TicketContext, key: string | null): boolean {
  if (key === null) return false;
  const organization = context.ticket.organization;
  return !organization || Object.prototype.hasOwnProperty.call(organization.fields, key);
}

/**
 * The checks that are off on this ticket because a setting is empty, names a field this ticket does not
 * have, or names an organization field the organization does not have. Never "nothing blocks" while any is off.
 */
export function checksOff(context: TicketContext, settings: Settings): Check[] {
  const off: Check[] = [];
  const fieldOff = (name: FieldIdParameter | 'formulario0800FormId') => {
    const id = settings[name];
    return id === null || (name !== 'formulario0800FormId' && context.unreadableFields.includes(id));
  };
  for (const check of ['cnpj', 'sessionTicketId', 'catalog', 'os'] as const) {
    if (CHECK_SETTINGS[check].some(fieldOff)) off.push(check);
  }
  if (!off.includes('cnpj') && !orgFieldUsable(context, settings.orgCnpjField)) off.push('cnpj');
  if (!off.includes('catalog') && settings.catalogRules.length === 0) off.push('catalog');
  if (!orgFieldUsable(context, settings.orgFinancialPendingField)) off.push('financialPending');
  if (!orgFieldUsable(context, settings.orgPrimeField) && !orgFieldUsable(context, settings.orgHelpDeskField)) off.push('wallet');
  const order: Check[] = ['cnpj', 'financialPending', 'os', 'sessionTicketId', 'wallet', 'catalog'];
  return order.filter((check) => off.includes(check));
}

/** The message for a look-up that failed, by reason (`failure.<reason>`); findings and configuration share it. */
export function lookupFailure(reason: FailureReason): Message {
  return msg(`failure.${reason}`);
}

/** Every configuration problem on this ticket, each naming its setting by label (for admins). */
export function configurationFindings(input: ConfigurationInput): ConfigurationFinding[] {
  const { context, settings } = input;
  const findings: ConfigurationFinding[] = input.settingsIssues.map((issue) => ({
    id: issue.line ? `${issue.parameter}.${issue.line}` : issue.parameter,
    text: msg(`config.${issue.problem}`, { parameter: parameterLabel(issue.parameter), line: issue.line ?? 0, text: issue.text ?? '' }),
  }));
  const named = (name: ParameterName, key: string, params: Record<string, string | number> = {}) => ({ id: name, text: msg(key, { parameter: parameterLabel(name), ...params }) });
  for (const name of [...FIELD_ID_PARAMETERS, 'formulario0800FormId'] as const) {
    const id = settings[name];
    if (id === null) {
      if (!input.settingsIssues.some((issue) => issue.parameter === name)) findings.push(named(name, 'config.notSet'));
    } else if (context.unreadableFields.includes(id)) {
      findings.push(named(name, 'config.fieldMissing', { id }));
    }
  }
  const organization = context.ticket.organization;
  for (const name of ORG_FIELD_SETTINGS) {
    const key = settings[name];
    if (key === null) findings.push(named(name, 'config.notSet'));
    else if (organization && !Object.prototype.hasOwnProperty.call(organization.fields, key)) findings.push(named(name, 'config.orgKeyMissing', { key }));
  }
  for (const name of MACRO_SETTINGS) {
    const title = settings[name];
    const lookup = input.macros[name];
    if (!title || lookup?.state !== 'done') continue;
    const match = lookup.value.match;
    if (match.kind !== 'found') findings.push(named(name, `config.macro.${match.kind}`, { title, count: match.kind === 'ambiguous' ? match.count : 0 }));
  }
  const catalogOptions = settings.catalogFieldId === null ? undefined : context.fieldOptions[settings.catalogFieldId];
  if (catalogOptions) {
    for (const path of unknownCatalogPaths(settings.catalogRules, catalogOptions)) findings.push({ id: `catalog.${path}`, text: msg('config.catalogPathMissing', { path }) });
  }
  return findings;
}

/**
 * The one line everyone sees when the configuration has problems: which checks are off (or how many
 * problems there are), and whom to ask. Admins are pointed to the list; agents to their administrator.
 */
export function setupLine(context: TicketContext, settings: Settings, problems: number): Message | null {
  const off = checksOff(context, settings);
  const admin = isAdmin(context);
  if (off.length > 0) return msg(admin ? 'finding.setup.checksOffAdmin' : 'finding.setup.checksOff', { checks: off.map((check) => msg(`check.${check}`)) });
  if (problems > 0) return msg(admin ? 'finding.setup.problemsAdmin' : 'finding.setup.problems', { count: problems });
  return null;
}

/** A macro look-up failed: said to everyone (procedures with a macro cannot apply), not as configuration; each reason once. */
export function macrosUnavailable(macros: MacroLookups): { text: Message; details: Message[] } | null {
  const reasons = new Set(Object.values(macros).flatMap((lookup) => (lookup?.state === 'failed' ? [lookup.reason] : [])));
  return reasons.size > 0 ? { text: msg('finding.macrosUnavailable'), details: [...reasons].map(lookupFailure) } : null;
}
