import { plainIdentifier } from './domain/unicode';
import { normalize } from './domain/text';

/**
 * Every setting of the app: one row per manifest.json parameter. The manifest, the README settings
 * table and the parser are checked against this list by tests, so they cannot drift.
 */
export type ParameterKind = 'fieldId' | 'formId' | 'orgField' | 'text' | 'title' | 'list' | 'rules' | 'count' | 'failMode';
export type ManifestType = 'text' | 'multiline' | 'number' | 'checkbox';

export interface ParameterDefinition {
  name: string;
  type: ManifestType;
  kind: ParameterKind;
  default: string | number | boolean;
  /**
   * A check is off without it: Admin Center asks for it before the app can be installed (manifest
   * `required`; Zendesk's validator only asks that it be a boolean, validations/manifest.rb). With a
   * default, the form starts filled in; without one, the admin must enter the ID.
   */
  required: boolean;
}

const DEFAULT_CATALOG_RULES = [
  'posicionamento, previsão, andamento do ticket => Distribuição >> Linha Winthor >> 99 > 007 >> Posicionamento de ticket',
].join('\n');

export const PARAMETERS = [
  { name: 'cnpjFieldId', type: 'text', kind: 'fieldId', default: '', required: true },
  { name: 'sessionTicketIdFieldId', type: 'text', kind: 'fieldId', default: '', required: true },
  { name: 'catalogFieldId', type: 'text', kind: 'fieldId', default: '', required: true },
  { name: 'marcaFieldId', type: 'text', kind: 'fieldId', default: '', required: true },
  { name: 'familiaFieldId', type: 'text', kind: 'fieldId', default: '', required: true },
  { name: 'categoriaFieldId', type: 'text', kind: 'fieldId', default: '', required: true },
  { name: 'motivoFieldId', type: 'text', kind: 'fieldId', default: '', required: true },
  { name: 'osNumberFieldId', type: 'text', kind: 'fieldId', default: '', required: true },
  { name: 'areaResponsavelFieldId', type: 'text', kind: 'fieldId', default: '', required: true },
  { name: 'numeroReferenciaFieldId', type: 'text', kind: 'fieldId', default: '', required: true },
  { name: 'formulario0800FormId', type: 'text', kind: 'formId', default: '', required: true },
  { name: 'orgCnpjField', type: 'text', kind: 'orgField', default: 'cnpj', required: true },
  { name: 'orgRazaoSocialField', type: 'text', kind: 'orgField', default: 'razao_social', required: false },
  { name: 'orgHelpDeskField', type: 'text', kind: 'orgField', default: 'carteira_comum', required: true },
  { name: 'orgPrimeField', type: 'text', kind: 'orgField', default: 'prime', required: true },
  { name: 'orgFinancialPendingField', type: 'text', kind: 'orgField', default: 'pendencia_financeira', required: true },
  { name: 'macroCloseWhatsapp', type: 'text', kind: 'text', default: 'Atendimento Whatsapp (Oficial)', required: true },
  { name: 'macroTransferN2', type: 'text', kind: 'text', default: '1. Atendimento Whatsapp Transferência N2(oficial)', required: true },
  { name: 'macroRegistrationPending', type: 'text', kind: 'text', default: '3. Atendimento Whatsapp - Pendência no Cadastro do Cliente (oficial)', required: true },
  { name: 'titleRegistrationPending', type: 'text', kind: 'text', default: 'Whats - Pendência no Cadastro', required: true },
  { name: 'titlePositionRequest', type: 'text', kind: 'title', default: 'Posicionamento do ticket {n}', required: true },
  { name: 'marcaValue', type: 'text', kind: 'text', default: 'Bematech Hardware', required: true },
  { name: 'familiaValue', type: 'text', kind: 'text', default: 'hardware', required: true },
  { name: 'referenceNumberOrgs', type: 'text', kind: 'list', default: 'SODEXO', required: false },
  { name: 'deviceLimit', type: 'number', kind: 'count', default: 5, required: true },
  { name: 'catalogRules', type: 'multiline', kind: 'rules', default: DEFAULT_CATALOG_RULES, required: true },
  { name: 'failMode', type: 'checkbox', kind: 'failMode', default: false, required: false },
] as const satisfies readonly ParameterDefinition[];

export type ParameterName = (typeof PARAMETERS)[number]['name'];
export type FieldIdParameter = Extract<(typeof PARAMETERS)[number], { kind: 'fieldId' }>['name'];

/** The settings that name a ticket custom field, in manifest order. */
export const FIELD_ID_PARAMETERS = PARAMETERS.filter((parameter): parameter is Extract<(typeof PARAMETERS)[number], { kind: 'fieldId' }> => parameter.kind === 'fieldId').map((parameter) => parameter.name);
type KindOf<N extends ParameterName> = Extract<(typeof PARAMETERS)[number], { name: N }>['kind'];

export interface CatalogRule {
  keywords: string[];
  path: string;
}

interface ValueOfKind {
  fieldId: number | null;
  formId: number | null;
  orgField: string | null;
  text: string | null;
  title: string | null;
  list: string[];
  rules: CatalogRule[];
  count: number;
  failMode: 'open' | 'closed';
}

export type Settings = { [N in ParameterName]: ValueOfKind[KindOf<N>] };

export type SettingsProblem =
  | 'notAnId'
  | 'notACount'
  | 'notText'
  | 'placeholderMissing'
  | 'badRule'
  | 'badRulesJson'
  | 'badFailMode';

export interface SettingsIssue {
  parameter: ParameterName;
  problem: SettingsProblem;
  /** 1-based line of a multiline setting (or entry of a JSON list), where the problem is on one line. */
  line?: number;
  /** That line as the admin wrote it (at most 80 characters). */
  text?: string;
}

/** A line-level problem: the rest of the value is used. */
type LineIssue = { problem: SettingsProblem; line: number; text: string };
type Parsed<T> = { ok: true; value: T; skipped?: LineIssue[] } | { ok: false; problem: SettingsProblem };

/**
 * The four shapes a parameter value can take, checked by hand: zod/mini cost 7 KB gzip of the sidebar's
 * first paint (the budget is 100 KB) for these checks alone (issue 19 note). Each returns the value or null.
 */
const isWhole = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value);
const idValue = (raw: unknown) => (isWhole(raw) && raw > 0) || (typeof raw === 'string' && /^\d{0,19}$/.test(raw)) ? raw : null;
const textValue = (raw: unknown) => (typeof raw === 'string' || (typeof raw === 'number' && Number.isFinite(raw)) ? raw : null);
const countValue = (raw: unknown) => (isWhole(raw) && raw >= 0) || (typeof raw === 'string' && /^\d{1,6}$/.test(raw)) ? raw : null;
function ruleValue(entry: unknown): { keywords: string[]; path: string } | null {
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return null;
  const { keywords, path } = entry as Record<string, unknown>;
  return Array.isArray(keywords) && keywords.every((keyword) => typeof keyword === 'string') && typeof path === 'string' ? { keywords, path } : null;
}

/** A number pasted with NBSP, zero-width characters or full-width digits reads as typed (unicode.ts). */
const asTyped = (raw: unknown) => (typeof raw === 'string' ? plainIdentifier(raw) : raw);

function parseId(raw: unknown): Parsed<number | null> {
  const value = idValue(asTyped(raw ?? ''));
  if (value === null) return { ok: false, problem: 'notAnId' };
  const text = String(value).trim();
  return { ok: true, value: text === '' ? null : Number(text) };
}

function parseText(raw: unknown): Parsed<string | null> {
  const value = textValue(raw ?? '');
  if (value === null) return { ok: false, problem: 'notText' };
  const text = String(value).trim();
  return { ok: true, value: text === '' ? null : text };
}

const excerpt = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);

function rule(keywords: readonly string[], path: string): CatalogRule | null {
  const cleaned = { keywords: keywords.map((keyword) => keyword.trim()).filter(Boolean), path: path.trim() };
  return cleaned.keywords.length > 0 && cleaned.path !== '' ? cleaned : null;
}

/**
 * Catalog rules, one per line (`keywords, separated by commas => path`; `#` starts a comment), or a JSON
 * list `[{"keywords": [...], "path": "..."}]`. A bad line (or entry) is skipped and named; the other rules
 * stay. Only a value that is not text, or JSON that does not parse at all, fails as a whole.
 */
export function parseCatalogRules(raw: unknown): Parsed<CatalogRule[]> {
  const text = parseText(raw);
  if (!text.ok) return text;
  if (text.value === null) return { ok: true, value: [] };
  const rules: CatalogRule[] = [];
  const skipped: LineIssue[] = [];
  if (text.value.startsWith('[')) {
    let json: unknown;
    try {
      json = JSON.parse(text.value);
    } catch {
      return { ok: false, problem: 'badRulesJson' };
    }
    if (!Array.isArray(json)) return { ok: false, problem: 'badRulesJson' };
    json.forEach((entry, index) => {
      const parsed = ruleValue(entry);
      const valid = parsed ? rule(parsed.keywords, parsed.path) : null;
      if (valid) rules.push(valid);
      else skipped.push({ problem: 'badRule', line: index + 1, text: excerpt(JSON.stringify(entry) ?? String(entry)) });
    });
  } else {
    text.value.split(/\r?\n/).forEach((raw, index) => {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) return;
      const arrow = line.indexOf('=>');
      const valid = arrow < 0 ? null : rule(line.slice(0, arrow).split(','), line.slice(arrow + 2));
      if (valid) rules.push(valid);
      else skipped.push({ problem: 'badRule', line: index + 1, text: excerpt(line) });
    });
  }
  return skipped.length > 0 ? { ok: true, value: rules, skipped } : { ok: true, value: rules };
}

/** The checkbox (true: refuse), and the text values of installations made before it was one. */
const FAIL_CLOSED = new Set(['true', '1', 'closed', 'close', 'fechado', 'fechada', 'cerrado', 'sim', 'yes', 'si', 'on']);
const FAIL_OPEN = new Set(['', 'false', '0', 'open', 'aberto', 'aberta', 'abierto', 'nao', 'no', 'off']);

function parseFailMode(raw: unknown): Parsed<'open' | 'closed'> {
  if (raw === true) return { ok: true, value: 'closed' };
  if (raw === false || raw === null || raw === undefined) return { ok: true, value: 'open' };
  const text = parseText(raw);
  const word = text.ok ? normalize(text.value) : null;
  if (word !== null && FAIL_CLOSED.has(word)) return { ok: true, value: 'closed' };
  if (word !== null && FAIL_OPEN.has(word)) return { ok: true, value: 'open' };
  return { ok: false, problem: 'badFailMode' };
}

function parseOne(kind: ParameterKind, raw: unknown): Parsed<ValueOfKind[ParameterKind]> {
  switch (kind) {
    case 'fieldId':
    case 'formId':
      return parseId(raw);
    case 'orgField':
    case 'text':
      return parseText(raw);
    case 'title': {
      const text = parseText(raw);
      if (text.ok && text.value !== null && !text.value.includes('{n}')) return { ok: false, problem: 'placeholderMissing' };
      return text;
    }
    case 'list': {
      const text = parseText(raw);
      if (!text.ok) return text;
      return { ok: true, value: (text.value ?? '').split(/[,;\n]/).map((item) => item.trim()).filter(Boolean) };
    }
    case 'count': {
      const value = countValue(asTyped(raw));
      return value !== null ? { ok: true, value: Number(String(value).trim()) } : { ok: false, problem: 'notACount' };
    }
    case 'rules':
      return parseCatalogRules(raw);
    case 'failMode':
      return parseFailMode(raw);
  }
}

/**
 * Parses the installation's settings (metadata().settings, or a scenario's) once. A bad value never
 * throws: it becomes an issue naming the parameter, and the parameter's default is used instead; a bad
 * line of the catalog rules is skipped alone (its issue names the line).
 */
export function parseSettings(raw: unknown): { settings: Settings; issues: SettingsIssue[] } {
  const source: Record<string, unknown> = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const settings: Record<string, unknown> = {};
  const issues: SettingsIssue[] = [];
  for (const parameter of PARAMETERS) {
    const given = Object.prototype.hasOwnProperty.call(source, parameter.name) ? source[parameter.name] : undefined;
    const parsed = parseOne(parameter.kind, given === undefined || given === null ? parameter.default : given);
    if (parsed.ok) {
      settings[parameter.name] = parsed.value;
      for (const line of parsed.skipped ?? []) issues.push({ parameter: parameter.name, ...line });
      continue;
    }
    issues.push({ parameter: parameter.name, problem: parsed.problem });
    const fallback = parseOne(parameter.kind, parameter.default);
    settings[parameter.name] = fallback.ok ? fallback.value : null;
  }
  return { settings: settings as Settings, issues };
}

export const DEFAULT_SETTINGS: Settings = parseSettings({}).settings;
