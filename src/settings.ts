import * as z from 'zod/mini';

/**
 * Every setting of the app: one row per manifest.json parameter. The manifest, the README settings
 * table and the parser are checked against this list by tests, so they cannot drift.
 */
export type ParameterKind = 'fieldId' | 'formId' | 'orgField' | 'text' | 'title' | 'list' | 'rules' | 'count' | 'failMode';
export type ManifestType = 'text' | 'multiline' | 'number';

export interface ParameterDefinition {
  name: string;
  type: ManifestType;
  kind: ParameterKind;
  default: string | number;
}

const DEFAULT_CATALOG_RULES = [
  'posicionamento, previsão, andamento do ticket => Distribuição >> Linha Winthor >> 99 > 007 >> Posicionamento de ticket',
].join('\n');

export const PARAMETERS = [
  { name: 'cnpjFieldId', type: 'text', kind: 'fieldId', default: '' },
  { name: 'sessionTicketIdFieldId', type: 'text', kind: 'fieldId', default: '' },
  { name: 'catalogFieldId', type: 'text', kind: 'fieldId', default: '' },
  { name: 'marcaFieldId', type: 'text', kind: 'fieldId', default: '' },
  { name: 'familiaFieldId', type: 'text', kind: 'fieldId', default: '' },
  { name: 'categoriaFieldId', type: 'text', kind: 'fieldId', default: '' },
  { name: 'motivoFieldId', type: 'text', kind: 'fieldId', default: '' },
  { name: 'osNumberFieldId', type: 'text', kind: 'fieldId', default: '' },
  { name: 'areaResponsavelFieldId', type: 'text', kind: 'fieldId', default: '' },
  { name: 'numeroReferenciaFieldId', type: 'text', kind: 'fieldId', default: '' },
  { name: 'formulario0800FormId', type: 'text', kind: 'formId', default: '' },
  { name: 'orgCnpjField', type: 'text', kind: 'orgField', default: 'cnpj' },
  { name: 'orgRazaoSocialField', type: 'text', kind: 'orgField', default: 'razao_social' },
  { name: 'orgHelpDeskField', type: 'text', kind: 'orgField', default: 'carteira_comum' },
  { name: 'orgPrimeField', type: 'text', kind: 'orgField', default: 'prime' },
  { name: 'orgFinancialPendingField', type: 'text', kind: 'orgField', default: 'pendencia_financeira' },
  { name: 'macroCloseWhatsapp', type: 'text', kind: 'text', default: 'Atendimento Whatsapp (Oficial)' },
  { name: 'macroTransferN2', type: 'text', kind: 'text', default: '1. Atendimento Whatsapp Transferência N2(oficial)' },
  { name: 'macroRegistrationPending', type: 'text', kind: 'text', default: '3. Atendimento Whatsapp - Pendência no Cadastro do Cliente (oficial)' },
  { name: 'titleRegistrationPending', type: 'text', kind: 'text', default: 'Whats - Pendência no Cadastro' },
  { name: 'titlePositionRequest', type: 'text', kind: 'title', default: 'Posicionamento do ticket {n}' },
  { name: 'marcaValue', type: 'text', kind: 'text', default: 'Bematech Hardware' },
  { name: 'familiaValue', type: 'text', kind: 'text', default: 'hardware' },
  { name: 'referenceNumberOrgs', type: 'text', kind: 'list', default: 'SODEXO' },
  { name: 'deviceLimit', type: 'number', kind: 'count', default: 5 },
  { name: 'catalogRules', type: 'multiline', kind: 'rules', default: DEFAULT_CATALOG_RULES },
  { name: 'failMode', type: 'text', kind: 'failMode', default: 'open' },
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
  /** 1-based line of a multiline setting, where the problem is on one line. */
  line?: number;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; problem: SettingsProblem; line?: number };

const idSchema = z.union([z.number().check(z.int(), z.positive()), z.string().check(z.regex(/^\s*\d{0,19}\s*$/))]);
const textSchema = z.union([z.string(), z.number()]);
const countSchema = z.union([z.number().check(z.int(), z.nonnegative()), z.string().check(z.regex(/^\s*\d{1,6}\s*$/))]);
const rulesJsonSchema = z.array(z.object({ keywords: z.array(z.string()), path: z.string() }));

function parseId(raw: unknown): Parsed<number | null> {
  const result = idSchema.safeParse(raw ?? '');
  if (!result.success) return { ok: false, problem: 'notAnId' };
  const text = String(result.data).trim();
  return { ok: true, value: text === '' ? null : Number(text) };
}

function parseText(raw: unknown): Parsed<string | null> {
  const result = textSchema.safeParse(raw ?? '');
  if (!result.success) return { ok: false, problem: 'notText' };
  const text = String(result.data).trim();
  return { ok: true, value: text === '' ? null : text };
}

export function parseCatalogRules(raw: unknown): Parsed<CatalogRule[]> {
  const text = parseText(raw);
  if (!text.ok) return text;
  if (text.value === null) return { ok: true, value: [] };
  if (text.value.startsWith('[')) {
    let json: unknown;
    try {
      json = JSON.parse(text.value);
    } catch {
      return { ok: false, problem: 'badRulesJson' };
    }
    const rules = rulesJsonSchema.safeParse(json);
    if (!rules.success) return { ok: false, problem: 'badRulesJson' };
    return { ok: true, value: rules.data.map((rule) => ({ keywords: rule.keywords.map((k) => k.trim()).filter(Boolean), path: rule.path.trim() })) };
  }
  const rules: CatalogRule[] = [];
  const lines = text.value.split(/\r?\n/);
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index].trim();
    if (line === '' || line.startsWith('#')) continue;
    const arrow = line.indexOf('=>');
    const keywords = arrow < 0 ? [] : line.slice(0, arrow).split(',').map((k) => k.trim()).filter(Boolean);
    const path = arrow < 0 ? '' : line.slice(arrow + 2).trim();
    if (keywords.length === 0 || path === '') return { ok: false, problem: 'badRule', line: index + 1 };
    rules.push({ keywords, path });
  }
  return { ok: true, value: rules };
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
      const result = countSchema.safeParse(raw);
      return result.success ? { ok: true, value: Number(String(result.data).trim()) } : { ok: false, problem: 'notACount' };
    }
    case 'rules':
      return parseCatalogRules(raw);
    case 'failMode': {
      const text = parseText(raw);
      const mode = text.ok ? (text.value ?? 'open').toLowerCase() : '';
      return mode === 'open' || mode === 'closed' ? { ok: true, value: mode } : { ok: false, problem: 'badFailMode' };
    }
  }
}

/**
 * Parses the installation's settings (metadata().settings, or a scenario's) once. A bad value never
 * throws: it becomes an issue naming the parameter, and the parameter's default is used instead.
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
      continue;
    }
    issues.push({ parameter: parameter.name, problem: parsed.problem, ...(parsed.line ? { line: parsed.line } : {}) });
    const fallback = parseOne(parameter.kind, parameter.default);
    settings[parameter.name] = fallback.ok ? fallback.value : null;
  }
  return { settings: settings as Settings, issues };
}

export const DEFAULT_SETTINGS: Settings = parseSettings({}).settings;
