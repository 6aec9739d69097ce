// @vitest-environment node
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldsIn, parseArgs, runRequirements } from './cli';
import { startStandIn } from '../../harness/capture/standIn';
import { readScenario } from '../../harness/testing';
import { validateRequirements } from '../validate-app.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'sentinela-requirements-'));
const SCENARIO = join(ROOT, 'harness/scenarios/07-os-missing-fields.json');
const EMAIL = 'admin@example.com';
const TOKEN = 'token-1';
const AUTH = `Basic ${Buffer.from(`${EMAIL}/token:${TOKEN}`).toString('base64')}`;

async function run(args: string[], env: Record<string, string> = {}) {
  const said: string[] = [];
  const warned: string[] = [];
  const code = await runRequirements(args, env, { say: (line) => said.push(line), warn: (line) => warned.push(line) }, { sleep: async () => undefined });
  return { code, said, warned };
}

describe('npm run requirements', () => {
  it('from a scenario file (settings, ticket fields and forms): writes requirements.json the validator accepts', async () => {
    const out = join(dir, 'from-scenario.json');
    const result = await run(['--settings', SCENARIO, '--out', out]);
    expect(result.code).toBe(0);
    expect(result.said).toContain('O.S. tickets: form 12 or Marca = bematech_hardware');
    expect(result.said.at(-1)).toBe(`${out}: 3 triggers (sentinela_os_incompleta_formulario_0800, sentinela_os_incompleta_marca, sentinela_os_completa_remove_tag)`);
    const appDir = mkdtempSync(join(tmpdir(), 'sentinela-app-'));
    writeFileSync(join(appDir, 'requirements.json'), readFileSync(out));
    expect(validateRequirements(appDir, { location: { support: {} } })).toEqual([]);
  });

  it('from a parameters file and the fields as the API lists them', async () => {
    const scenario = readScenario('07-os-missing-fields');
    const settings = join(dir, 'settings.json');
    const fields = join(dir, 'fields.json');
    writeFileSync(settings, JSON.stringify(scenario.settings));
    writeFileSync(fields, JSON.stringify({ ticket_fields: scenario.ticket_fields, next_page: null }));
    const out = join(dir, 'from-files.json');
    expect((await run(['--settings', settings, '--fields', fields, '--out', out])).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(JSON.parse(readFileSync(join(dir, 'from-scenario.json'), 'utf8')));
  });

  it('without the field definitions: refuses, naming each field it would need', async () => {
    const settings = join(dir, 'settings-only.json');
    writeFileSync(settings, JSON.stringify(readScenario('07-os-missing-fields').settings));
    const result = await run(['--settings', settings, '--out', join(dir, 'never.json')]);
    expect(result.code).toBe(1);
    expect(result.warned[0]).toContain("setting osNumberFieldId: ticket field 360008 is not among the account's ticket fields");
    expect(result.warned[0]).toContain('setting marcaFieldId: ticket field 360004');
  });

  it('--from-account: the installation settings, the configured fields and the forms, from Zendesk', async () => {
    const standIn = await startStandIn(readScenario('07-os-missing-fields'), { authorization: AUTH });
    try {
      const out = join(dir, 'from-account.json');
      const result = await run(['--from-account', '--out', out], { ZENDESK_BASE_URL: standIn.baseUrl, ZENDESK_EMAIL: EMAIL, ZENDESK_API_TOKEN: TOKEN });
      expect(result).toMatchObject({ code: 0, warned: [] });
      expect(standIn.requests).toEqual(expect.arrayContaining(['/api/v2/apps/installations.json', '/api/v2/ticket_fields/360004.json', '/api/v2/ticket_fields/360009.json', '/api/v2/ticket_forms.json?page%5Bsize%5D=100']));
      expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(JSON.parse(readFileSync(join(dir, 'from-scenario.json'), 'utf8')));
    } finally {
      await standIn.close();
    }
  });

  it('says what is wrong with the command line', async () => {
    expect(() => parseArgs([])).toThrow(/give either --settings <file> or --from-account/);
    expect(() => parseArgs(['--settings', 'a', '--from-account'])).toThrow(/give either/);
    expect(() => parseArgs(['--settings'])).toThrow(/Option '--settings <value>' argument missing/);
    expect(() => parseArgs(['--nope'])).toThrow(/Unknown option '--nope'/);
    expect(parseArgs(['--settings', 's.json', '--fields', 'a.json', '--fields', 'b.json', '--out', 'r.json'])).toEqual({ settings: 's.json', fields: ['a.json', 'b.json'], fromAccount: false, out: 'r.json' });
    expect((await run(['--settings', join(dir, 'missing.json')])).warned).toEqual([`${join(dir, 'missing.json')}: cannot be read`]);
  });

  it('reads ticket fields in each shape the API answers with, and nothing else', () => {
    const field = { id: 1, type: 'text', title: 'T' };
    expect(fieldsIn({ ticket_fields: [field] })).toEqual([field]);
    expect(fieldsIn({ ticket_field: field })).toEqual([field]);
    expect(fieldsIn([field, { id: 'x' }, null])).toEqual([field]);
    expect(fieldsIn('nope')).toEqual([]);
  });
});
