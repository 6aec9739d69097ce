import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { captureTicket, installationSettings } from './capture';
import { maskScenario, type MaskReport } from './mask';
import { CaptureError, createRestClient, credentialsFromEnv, type RestOptions } from './zendeskRest';
import { parseScenario, ScenarioError } from '../scenario';

/** The scenario JSON Schema (harness/scenario.schema.json) as a path from where the file is written, for editors. */
export function schemaReference(out: string): string {
  const path = relative(dirname(resolve(out)), fileURLToPath(new URL('../scenario.schema.json', import.meta.url))).split('\\').join('/');
  return path.startsWith('.') ? path : `./${path}`;
}

export const USAGE = `npm run scenario:capture -- --ticket <id> [--out <file>] [--settings <file>] [--mask-companies] [--no-mask]

Captures one ticket of your Zendesk into a scenario file the harness replays (README: QA).
Credentials, as zcli: ZENDESK_SUBDOMAIN and ZENDESK_EMAIL + ZENDESK_API_TOKEN, or ZENDESK_OAUTH_TOKEN.
Settings: --settings <file> (the parameters as JSON), else the app's installation on the account.
Masking (on by default): people's names, e-mails, phones and CPFs become consistent fakes.
  --mask-companies  also replace CNPJs (valid fakes, same root/branch relations) and organization names
  --no-mask         keep personal data: for private use only, never commit the file`;

export interface CliArgs {
  ticket: number;
  out: string;
  settings: string | null;
  maskCompanies: boolean;
  mask: boolean;
}

export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = { ticket: 0, out: '', settings: null, maskCompanies: false, mask: true };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    const value = () => {
      const next = argv[index + 1];
      if (next === undefined || next.startsWith('--')) throw new CaptureError(`${arg} needs a value\n\n${USAGE}`);
      index += 1;
      return next;
    };
    if (arg === '--ticket') args.ticket = Number(value());
    else if (arg === '--out') args.out = value();
    else if (arg === '--settings') args.settings = value();
    else if (arg === '--mask-companies') args.maskCompanies = true;
    else if (arg === '--no-mask') args.mask = false;
    else if (arg === '--help' || arg === '-h') throw new CaptureError(USAGE);
    else throw new CaptureError(`unknown argument ${arg}\n\n${USAGE}`);
  }
  if (!Number.isSafeInteger(args.ticket) || args.ticket <= 0) throw new CaptureError(`--ticket <id> is required (a ticket number)\n\n${USAGE}`);
  if (args.mask === false && args.maskCompanies) throw new CaptureError('--no-mask and --mask-companies contradict each other');
  args.out ||= `scenario-ticket-${args.ticket}.json`;
  return args;
}

export function describeReport(report: MaskReport): string[] {
  const label: Record<keyof MaskReport, string> = { names: "people's names", emails: 'e-mails', phones: 'phones', cpfs: 'CPFs', companies: 'organization names', cnpjs: 'CNPJ roots' };
  return (Object.keys(report) as (keyof MaskReport)[]).map((kind) => `  ${label[kind]}: ${report[kind].distinct} distinct, ${report[kind].occurrences} replaced`);
}

/** The whole command; returns the exit code. `say` prints progress, `warn` the loud lines. */
export async function runCapture(argv: readonly string[], env: Record<string, string | undefined>, io: { say(line: string): void; warn(line: string): void }, options: RestOptions = {}): Promise<number> {
  try {
    const args = parseArgs(argv);
    const rest = createRestClient(credentialsFromEnv(env), { ...options, progress: io.say });
    const settings = args.settings ? (JSON.parse(readFileSync(args.settings, 'utf8')) as Record<string, unknown>) : await installationSettings(rest);
    const captured = await captureTicket(rest, args.ticket, settings, (line) => io.say(`fetching ${line}`));
    let scenario: Record<string, unknown> = captured;
    if (args.mask) {
      const masked = maskScenario(captured, { companies: args.maskCompanies });
      scenario = masked.scenario;
      io.say(`masked${args.maskCompanies ? ' (companies too)' : ' (CNPJs and organization names kept: company registry data)'}:`);
      for (const line of describeReport(masked.report)) io.say(line);
    } else {
      io.warn('!!! --no-mask: this file holds REAL PERSONAL DATA (names, e-mails, phones, CPFs). Private use only: never commit it, never share it. (LGPD)');
    }
    parseScenario(scenario);
    writeFileSync(args.out, `${JSON.stringify({ $schema: schemaReference(args.out), ...scenario }, null, 2)}\n`);
    io.say(`written: ${args.out} — replay it with npm start, then ?scenario=<path to it>`);
    return 0;
  } catch (error) {
    if (error instanceof CaptureError) io.warn(error.message);
    else if (error instanceof ScenarioError) io.warn(`the capture does not make a valid scenario:\n${error.problems.join('\n')}`);
    else io.warn(`capture failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
