import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs as parseCommandLine } from 'node:util';
import { planBackstop, type BackstopPlan, type TicketFormDefinition } from './requirements';
import type { TicketFieldDefinition } from './reference';
import { FIELD_ID_PARAMETERS, parseSettings } from '../../src/settings';
import { installationSettings } from '../../harness/capture/capture';
import { CaptureError, createRestClient, credentialsFromEnv, type RestOptions } from '../../harness/capture/zendeskRest';

export const USAGE = `npm run requirements -- (--settings <file> [--fields <file>] | --from-account) [--out <file>]
npm run package -- (--settings <file> [--fields <file>] | --from-account)

Writes requirements.json: the Zendesk triggers of Sentinela's server-side O.S. backstop, from the
app's settings and your account's ticket fields (README: "The server-side backstop").
  --settings <file>  the app's parameters as JSON ({"formulario0800FormId": "360…", …}), or a
                     scenario file (its "settings", "ticket_fields" and "ticket_forms" are used)
  --fields <file>    the account's ticket fields as GET /api/v2/ticket_fields returns them
                     ({"ticket_fields": […]}, {"ticket_field": {…}} or a list)
  --from-account     read both from your Zendesk: the app's installation settings, the configured
                     ticket fields and the forms (ZENDESK_SUBDOMAIN and ZENDESK_EMAIL +
                     ZENDESK_API_TOKEN, or ZENDESK_OAUTH_TOKEN, as zcli)
  --out <file>       where to write it (default: requirements.json)`;

const OPTIONS = {
  settings: { type: 'string' },
  fields: { type: 'string', multiple: true },
  'from-account': { type: 'boolean' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface RequirementsArgs {
  settings: string | null;
  fields: string[];
  fromAccount: boolean;
  out: string;
}

export function parseArgs(argv: readonly string[]): RequirementsArgs {
  let parsed: ReturnType<typeof parseCommandLine<{ options: typeof OPTIONS }>>;
  try {
    parsed = parseCommandLine({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false });
  } catch (error) {
    throw new CaptureError(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  }
  const { values } = parsed;
  if (values.help) throw new CaptureError(USAGE);
  const args: RequirementsArgs = { settings: values.settings ?? null, fields: values.fields ?? [], fromAccount: values['from-account'] ?? false, out: values.out ?? 'requirements.json' };
  if (args.fromAccount === (args.settings !== null)) throw new CaptureError(`give either --settings <file> or --from-account\n\n${USAGE}`);
  return args;
}

type Json = Record<string, unknown>;

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new CaptureError(`${path}: cannot be read`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CaptureError(`${path}: not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** Ticket fields from any of the shapes Zendesk's API answers with. */
export function fieldsIn(data: unknown): TicketFieldDefinition[] {
  const body = (data ?? {}) as Json;
  const list = Array.isArray(data) ? data : Array.isArray(body.ticket_fields) ? body.ticket_fields : body.ticket_field ? [body.ticket_field] : [];
  return (list as Json[]).filter((field) => typeof field?.id === 'number' && typeof field.type === 'string') as unknown as TicketFieldDefinition[];
}

/** Settings, fields and forms from the files given: a scenario carries all three, a parameters file only settings. */
export function readInputs(args: RequirementsArgs): { settings: Json; fields: TicketFieldDefinition[]; forms: TicketFormDefinition[] | null } {
  const data = readJson(args.settings!) as Json;
  const isScenario = data !== null && typeof data === 'object' && typeof data.settings === 'object' && data.settings !== null;
  const settings = (isScenario ? data.settings : data) as Json;
  const fields = [...(isScenario ? fieldsIn(data.ticket_fields) : []), ...args.fields.flatMap((path) => fieldsIn(readJson(path)))];
  const forms = isScenario && Array.isArray(data.ticket_forms) && data.ticket_forms.length > 0 ? (data.ticket_forms as TicketFormDefinition[]) : null;
  return { settings, fields, forms };
}

/** The installation's settings, the configured ticket fields and the forms, read from the account. */
export async function readAccount(env: Record<string, string | undefined>, say: (line: string) => void, options: RestOptions = {}) {
  const rest = createRestClient(credentialsFromEnv(env), { ...options, progress: say });
  say('reading the app installation settings');
  const settings = await installationSettings(rest);
  const parsed = parseSettings(settings).settings;
  const ids = [...new Set(FIELD_ID_PARAMETERS.map((name) => parsed[name]).filter((id): id is number => id !== null))];
  const fields: TicketFieldDefinition[] = [];
  for (const id of ids) {
    say(`reading ticket field ${id}`);
    try {
      fields.push(...fieldsIn(await rest.get(`/api/v2/ticket_fields/${id}.json`, `ticket field ${id}`)));
    } catch (error) {
      // A configured field the account lacks: the plan names it as a problem.
      if (!(error instanceof CaptureError && /404/.test(error.message))) throw error;
    }
  }
  say('reading the ticket forms');
  const forms = (await rest.pages('/api/v2/ticket_forms.json', 'ticket_forms', 'ticket forms')) as unknown as TicketFormDefinition[];
  return { settings, fields, forms };
}

export function describePlan(plan: BackstopPlan): string[] {
  const lines: string[] = [];
  const { formId, marcaTags } = plan.criteria;
  const criteria = [...(formId !== null ? [`form ${formId}`] : []), ...marcaTags.map((tag) => `Marca = ${tag}`)];
  if (criteria.length > 0) lines.push(`O.S. tickets: ${criteria.join(' or ')}`);
  if (plan.covered.length > 0) lines.push(`checked by the triggers: ${plan.covered.map((check) => `${check.item} (field ${check.fieldId}, ${check.wants})`).join(', ')}`);
  for (const note of plan.notes) lines.push(`note: ${note}`);
  return lines;
}

/** The whole command; returns the exit code (1 when no requirements.json can be generated). */
export async function runRequirements(argv: readonly string[], env: Record<string, string | undefined>, io: { say(line: string): void; warn(line: string): void }, options: RestOptions = {}): Promise<number> {
  try {
    const args = parseArgs(argv);
    const { settings, fields, forms } = args.fromAccount ? await readAccount(env, io.say, options) : readInputs(args);
    const plan = planBackstop(settings, fields, forms);
    for (const line of describePlan(plan)) io.say(line);
    if (!plan.requirements) {
      io.warn(`No requirements.json written: ${plan.problems.length} problem(s):\n${plan.problems.map((problem) => `  - ${problem}`).join('\n')}`);
      return 1;
    }
    writeFileSync(args.out, `${JSON.stringify(plan.requirements, null, 2)}\n`);
    io.say(`${args.out}: ${Object.keys(plan.requirements.triggers).length} triggers (${Object.keys(plan.requirements.triggers).join(', ')})`);
    return 0;
  } catch (error) {
    io.warn(error instanceof Error ? error.message : String(error));
    return 1;
  }
}
