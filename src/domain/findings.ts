import type { Settings, SettingsIssue } from '../settings';
import type { MacroLookups } from './macros';
import type { OrganizationMatch, OrganizationSearch } from './organizations';
import type { Lookup, Person, TicketContext, Tri, Waiting } from './ticket';
import { isKnown } from './ticket';
import { compareCnpj, readCnpj } from './cnpj';
import { msg, type Message } from './message';
import { isFilled, isYes } from './text';
import { readWallet } from './wallet';
import { configurationFindings, lookupFailure, macrosUnavailable, setupLine } from './configuration';

export type Severity = 'block' | 'warn' | 'info';

export type FindingAction =
  | { kind: 'procedure'; procedure: 'registrationPending' }
  | { kind: 'adoptRequester'; organizationId: number; user: Person }
  /** Reads the look-ups that failed from Zendesk again, past every cache. */
  | { kind: 'retry' }
  /** Look the session CNPJ's organization up (the no-organization search, on request). */
  | { kind: 'searchOrganization' }
  /** Copy a customer-facing text to paste in the chat. */
  | { kind: 'copyText'; label: Message; text: Message };

export interface Finding {
  id: string;
  severity: Severity;
  text: Message;
  details?: Message[];
  actions?: FindingAction[];
  /** Configuration findings speak to admins: the UI groups them apart. */
  audience?: 'admin';
}

export interface FindingsInput {
  context: TicketContext;
  settings: Settings;
  settingsIssues: readonly SettingsIssue[];
  /** Organizations found by the session CNPJ, when the ticket has none. */
  organizationSearch: Lookup<OrganizationSearch>;
  /** The macros looked up so far, by title setting (a setting not looked up is not checked). */
  macros: MacroLookups;
}

const ORDER: Record<Severity, number> = { block: 0, warn: 1, info: 2 };

/**
 * Financial pending ("Pendência Financeira", SPEC §2.1) in three states. 'no': the setting is empty (the
 * check is off), the ticket has no organization, or the field says Não/false. 'unknown': ZAF could not
 * read the organization, or the organization has no field with the configured key (its value was never
 * read: not "Não").
 */
export function financialPending(context: TicketContext, settings: Settings): Tri {
  const key = settings.orgFinancialPendingField;
  if (!key) return 'no';
  if (!isKnown(context, 'organization')) return 'unknown';
  const organization = context.ticket.organization;
  if (!organization) return 'no';
  if (!Object.prototype.hasOwnProperty.call(organization.fields, key)) return 'unknown';
  return isYes(organization.fields[key]) ? 'yes' : 'no';
}

/** Why financialPending is 'unknown' (for "não verificado" texts). */
export function financialPendingUnknownWhy(context: TicketContext, settings: Settings): Message {
  return isKnown(context, 'organization') ? msg('guard.note.orgFieldMissing', { key: settings.orgFinancialPendingField ?? '' }) : msg('guard.note.organizationUnreadable');
}

/** The CNPJ from the session ("Informações de Sessão"), read from its ticket field. */
export function sessionCnpj(context: TicketContext, settings: Settings) {
  return settings.cnpjFieldId === null ? readCnpj(null) : readCnpj(context.ticket.fields[settings.cnpjFieldId]);
}

export function organizationCnpj(context: TicketContext, settings: Settings) {
  const organization = context.ticket.organization;
  return organization && settings.orgCnpjField ? readCnpj(organization.fields[settings.orgCnpjField]) : readCnpj(null);
}

/** Razão Social: the org field when configured and filled, else the organization's name. */
export function razaoSocial(context: TicketContext, settings: Settings): string | null {
  const organization = context.ticket.organization;
  if (!organization) return null;
  const value = settings.orgRazaoSocialField ? organization.fields[settings.orgRazaoSocialField] : null;
  return isFilled(value) ? String(value).trim() : organization.name;
}

/**
 * 001 step 3.1/3.2: who does what. The customer calls the CST (and, without access to Administrativo e
 * Financeiro, the Assessoria ao Portal); the agent sends them that message, applies the pending macro
 * and closes the ticket with its title.
 */
function financialFinding(context: TicketContext, settings: Settings): Finding[] {
  const pending = financialPending(context, settings);
  // Unknown is said once, where it comes from: an unreadable organization by organizationFinding, for
  // every check it holds; an organization without the configured field by the setup line (checksOff,
  // configuration.ts: Zendesk lists every organization field of the account, so the key names no field).
  // The save guard still counts it as not checked (failMode).
  if (pending !== 'yes') return [];
  return [
    {
      id: 'financialPending',
      severity: 'block',
      text: msg('finding.financialPending.title'),
      details: [msg('finding.financialPending.script'), msg('finding.financialPending.portal'), msg('finding.financialPending.then')],
      actions: [
        { kind: 'copyText', label: msg('action.copyCustomerMessage'), text: msg('customer.financialPending') },
        { kind: 'procedure', procedure: 'registrationPending' },
      ],
    },
  ];
}

/** Who opened the most tickets, saying among which: "the 100 most recent" or "all its 12". */
function topRequesterText(match: OrganizationMatch): Message {
  const name = match.organization.name;
  if (!match.window) return msg('finding.noOrganization.orderUnknown', { name });
  const counted = match.window.counted;
  if (!match.topRequester) return msg(match.window.complete ? 'finding.noOrganization.noRequesterAll' : 'finding.noOrganization.noRequesterRecent', { name, counted });
  const params = { name, user: match.topRequester.name, email: match.topRequester.email ?? '', count: match.ticketCount, counted };
  return msg(match.window.complete ? 'finding.noOrganization.foundAll' : 'finding.noOrganization.foundRecent', params);
}

/**
 * A look-up waiting to retry, with its reason: Zendesk's rate limit (429: `lookup.waiting.rateLimited`)
 * is not an error of Zendesk's servers (5xx: `lookup.waiting.server`), and the agent is told which.
 */
export function waitingMessage(waiting: Waiting): Message {
  return msg(`lookup.waiting.${waiting.reason}`, { seconds: waiting.seconds });
}

/**
 * The search by the session CNPJ, said as a finding's details and actions: searching, failed (with "try
 * again"), none (with where to look next), or each organization found with its top requester and the
 * action that makes them the requester.
 */
function organizationSearchView(search: Lookup<OrganizationSearch>, cnpj: string): Pick<Finding, 'details' | 'actions'> {
  switch (search.state) {
    case 'idle':
    case 'loading':
      return { details: [search.state === 'loading' && search.waiting ? waitingMessage(search.waiting) : msg('finding.noOrganization.searching', { cnpj })] };
    case 'failed':
      return { details: [msg('finding.noOrganization.searchFailed', { cnpj }), lookupFailure(search.reason)], actions: [{ kind: 'retry' }] };
    case 'done': {
      const { matches, total } = search.value;
      if (total === 0) return { details: [msg('finding.noOrganization.noneFound', { cnpj }), msg('finding.noOrganization.noneFoundNext')] };
      const details = matches.map(topRequesterText);
      if (total > 1) details.unshift(msg('finding.noOrganization.several', { count: total }));
      if (total > matches.length) details.push(msg('finding.noOrganization.notLooked', { count: total - matches.length }));
      const actions = matches.flatMap((match) => (match.topRequester ? [{ kind: 'adoptRequester' as const, organizationId: match.organization.id, user: match.topRequester }] : []));
      return { details, actions };
    }
  }
}

function organizationFinding(input: FindingsInput): Finding[] {
  const { context, settings, organizationSearch } = input;
  // Unreadable is not "Nenhuma Organização": say what could not be checked, and search nothing.
  if (!isKnown(context, 'organization')) {
    return [{ id: 'organizationUnknown', severity: 'warn', text: msg('finding.organization.unreadable'), details: [msg('finding.organization.unreadableChecks')] }];
  }
  if (context.ticket.organization) return [];
  const session = sessionCnpj(context, settings);
  const finding: Finding = { id: 'noOrganization', severity: 'block', text: msg('finding.noOrganization.title') };
  if (session.kind !== 'valid') {
    finding.details = [msg('finding.noOrganization.noCnpj')];
    return [finding];
  }
  return [{ ...finding, ...organizationSearchView(organizationSearch, session.formatted) }];
}

/**
 * SPEC §2.3, each with its next step: an invalid session CNPJ is checked with the customer (the app
 * checks again when the field changes); a CNPJ of another company offers the search by the session
 * CNPJ — the no-organization search — and its action, making that organization's user the requester.
 */
function cnpjFindings(input: FindingsInput): Finding[] {
  const { context, settings } = input;
  if (settings.cnpjFieldId === null || context.unreadableFields.includes(settings.cnpjFieldId)) return [];
  const session = sessionCnpj(context, settings);
  if (session.kind === 'missing') return [{ id: 'cnpj', severity: 'warn', text: msg('finding.cnpj.missing') }];
  if (session.kind === 'invalid') return [{ id: 'cnpj', severity: 'block', text: msg('finding.cnpj.invalid', { value: session.raw }), details: [msg('finding.cnpj.invalidNext')] }];
  if (!isKnown(context, 'organization') || !context.ticket.organization) return [];
  const own = organizationCnpj(context, settings);
  if (own.kind === 'missing') return [{ id: 'cnpj', severity: 'warn', text: msg('finding.cnpj.organizationMissing', { cnpj: session.formatted }) }];
  if (own.kind === 'invalid') return [{ id: 'cnpj', severity: 'warn', text: msg('finding.cnpj.organizationInvalid', { value: own.raw }) }];
  switch (compareCnpj(session.value, own.value)) {
    case 'same':
      return [];
    case 'branch':
      return [{ id: 'cnpj', severity: 'warn', text: msg('finding.cnpj.branch', { session: session.formatted, organization: own.formatted }) }];
    case 'different': {
      const finding: Finding = { id: 'cnpj', severity: 'block', text: msg('finding.cnpj.different', { session: session.formatted, organization: own.formatted }), details: [msg('finding.cnpj.differentNext')] };
      if (input.organizationSearch.state === 'idle') return [{ ...finding, actions: [{ kind: 'searchOrganization' }] }];
      const search = organizationSearchView(input.organizationSearch, session.formatted);
      return [{ ...finding, details: [...(finding.details ?? []), ...(search.details ?? [])], ...(search.actions ? { actions: search.actions } : {}) }];
    }
  }
}

function sessionTicketFinding(context: TicketContext, settings: Settings): Finding[] {
  if (settings.sessionTicketIdFieldId === null || context.ticket.id === null || context.unreadableFields.includes(settings.sessionTicketIdFieldId)) return [];
  const value = context.ticket.fields[settings.sessionTicketIdFieldId];
  if (!isFilled(value)) return [];
  const digits = String(value).replace(/\D/g, '');
  if (digits !== '' && Number(digits) === context.ticket.id) return [];
  return [{ id: 'sessionTicketId', severity: 'warn', text: msg('finding.sessionTicketId.differs', { session: String(value).trim(), ticket: context.ticket.id }) }];
}

function walletFindings(context: TicketContext, settings: Settings): Finding[] {
  const organization = context.ticket.organization;
  if (!organization) return [];
  const wallet = readWallet(settings.orgPrimeField ? organization.fields[settings.orgPrimeField] : null, settings.orgHelpDeskField ? organization.fields[settings.orgHelpDeskField] : null);
  const findings: Finding[] = [];
  if (wallet.prime) findings.push({ id: 'wallet.prime', severity: 'info', text: msg('finding.wallet.prime', { carteira: wallet.prime.carteira, tier: wallet.prime.tier }) });
  if (wallet.helpDesk) findings.push({ id: 'wallet.helpDesk', severity: 'info', text: msg('finding.wallet.helpDesk', { type: wallet.helpDesk }) });
  for (const value of wallet.unrecognized) findings.push({ id: `wallet.unrecognized.${value}`, severity: 'warn', text: msg('finding.wallet.unrecognized', { value }) });
  if (!wallet.prime && !wallet.helpDesk && wallet.unrecognized.length === 0) findings.push({ id: 'wallet.none', severity: 'warn', text: msg('finding.wallet.none') });
  return findings;
}


/**
 * Configuration findings (audience admin: listed for admins only), the one setup line everyone sees while
 * checks are off, and the macros outage (not configuration): configuration.ts.
 */
function configurationPart(input: FindingsInput): Finding[] {
  const { context, settings } = input;
  const config = configurationFindings(input).map((finding): Finding => ({ id: `config.${finding.id}`, severity: 'warn', text: finding.text, audience: 'admin' }));
  const findings: Finding[] = [];
  const setup = setupLine(context, settings, config.length);
  if (setup) findings.push({ id: 'setup', severity: 'warn', text: setup });
  const outage = macrosUnavailable(input.macros);
  if (outage) findings.push({ id: 'macrosUnavailable', severity: 'warn', ...outage });
  return [...findings, ...config];
}

/** Every check of SPEC §2, blocks first, then warnings, then information. */
export function computeFindings(input: FindingsInput): Finding[] {
  const { context, settings } = input;
  const findings = [
    ...financialFinding(context, settings),
    ...organizationFinding(input),
    ...cnpjFindings(input),
    ...sessionTicketFinding(context, settings),
    ...walletFindings(context, settings),
    ...configurationPart(input),
  ];
  return bySeverity(findings);
}

/** Blocks first, then warnings, then information; the order within a severity is kept. */
export function bySeverity(findings: readonly Finding[]): Finding[] {
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => ORDER[a.finding.severity] - ORDER[b.finding.severity] || a.index - b.index)
    .map(({ finding }) => finding);
}
