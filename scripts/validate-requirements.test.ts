// @vitest-environment node
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { REQUIREMENT_TYPES, validateApp, validateRequirements } from './validate-app.mjs';
import { BACKSTOP_TAG } from '../src/domain/backstop';

const ROOT = resolve(import.meta.dirname, '..');
const MANIFEST = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8'));

/** An app folder laid out as the build does, with this requirements.json (raw text, or JSON). */
function folder(requirements?: unknown, manifest: Record<string, unknown> = MANIFEST): string {
  const dir = mkdtempSync(join(tmpdir(), 'sentinela-req-'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  cpSync(join(ROOT, 'translations'), join(dir, 'translations'), { recursive: true });
  cpSync(join(ROOT, 'assets'), join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'assets', 'iframe.html'), '<!doctype html><title>Sentinela</title>');
  if (requirements !== undefined) writeFileSync(join(dir, 'requirements.json'), typeof requirements === 'string' ? requirements : JSON.stringify(requirements));
  return dir;
}
const check = (requirements: unknown, manifest: Record<string, unknown> = MANIFEST) => validateRequirements(folder(requirements, manifest), manifest);
const trigger = { title: 'T', conditions: { all: [{ field: 'status', operator: 'is', value: 'hold' }] }, actions: [{ field: 'status', value: 'open' }] };

describe("requirements.json against the rules of Zendesk's validator (zendesk_apps_support validations/requirements.rb)", () => {
  it('passes the triggers the backstop generates, and an app without requirements', () => {
    expect(check({ triggers: { a: trigger, b: { ...trigger, title: 'U' } } })).toEqual([]);
    expect(validateRequirements(folder(), MANIFEST)).toEqual([]);
  });

  it('knows the twelve resource types of app_requirement.rb', () => {
    expect(REQUIREMENT_TYPES).toEqual(['automations', 'channel_integrations', 'custom_objects', 'macros', 'targets', 'views', 'ticket_fields', 'triggers', 'user_fields', 'organization_fields', 'webhooks', 'custom_objects_v2']);
  });

  it.each([
    ['a type Zendesk has no requirement for', { tags: { x: { title: 'x' } } }, 'requirements.json: requirements.json contains an invalid type: tags'],
    ['several such types', { tags: {}, ticket_forms: {} }, 'requirements.json: requirements.json contains invalid types: tags, ticket_forms'],
    ['a trigger without title', { triggers: { no_title: { conditions: {}, actions: [] } } }, 'requirements.json: Missing required fields in requirements.json: "title" is required in "no_title"'],
    ['a user field without key', { user_fields: { f: { title: 'F', type: 'text' } } }, 'requirements.json: Missing required fields in requirements.json: "key" is required in "f"'],
    ['an organization field without key', { organization_fields: { f: { title: 'F', type: 'text' } } }, 'requirements.json: Missing required fields in requirements.json: "key" is required in "f"'],
    ['a webhook without endpoint', { webhooks: { w: { name: 'w', status: 'active', http_method: 'POST', request_format: 'json' } } }, 'requirements.json: Missing required fields in requirements.json: "endpoint" is required in "w"'],
    ['an HTTP target', { targets: { t: { title: 'T', type: 'http_target' } } }, 'requirements.json: requirements.json contains an invalid type: targets -> http_target'],
    ['a URL target v2', { targets: { t: { title: 'T', type: 'url_target_v2' } } }, 'requirements.json: requirements.json contains an invalid type: targets -> url_target_v2'],
    ['two channel integrations', { channel_integrations: { a: { manifest_url: 'https://a' }, b: { manifest_url: 'https://b' } } }, 'requirements.json: Specifying multiple channel integrations in requirements.json is not supported.'],
    ['a channel integration without manifest_url', { channel_integrations: { a: {} } }, 'requirements.json: Missing required fields in requirements.json: "manifest_url" is required in "a"'],
    ['custom objects without types', { custom_objects: { custom_object_relationship_types: [] } }, 'requirements.json: Missing required fields in requirements.json: "custom_object_types" is required in "custom_objects"'],
    ['a custom object type without schema', { custom_objects: { custom_object_types: [{ key: 'k' }] } }, 'requirements.json: Missing required fields in requirements.json: "schema" is required in "custom_object_types"'],
    ['more than 50 custom objects', { custom_objects: { custom_object_types: Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, schema: {} })) } }, 'requirements.json: The requirements.json file contains too many custom objects requirements. The current limit is 50 requirements. This app has 51 requirements.'],
    ['more than 5,000 requirements', { ticket_fields: Object.fromEntries(Array.from({ length: 5001 }, (_, i) => [`f${i}`, { title: `F${i}`, type: 'text' }])) }, 'requirements.json: The requirements.json file contains too many requirements. The current limit is 5000 requirements. This app has 5001 requirements.'],
    ['a setting placeholder in custom_objects_v2', { custom_objects_v2: { objects: [{ key: 'o', title: '{{ setting.objectTitle }}', title_pluralized: 'Os', include_in_list_view: true }], object_fields: [], object_triggers: [] } }, 'requirements.json: The requirements.json file contains a setting placeholder in the custom_objects_v2 requirements. Setting placeholders are not allowed in custom_objects_v2 requirements.'],
    ['a custom_objects_v2 field of an unknown object', { custom_objects_v2: { objects: [], object_fields: [{ key: 'f', title: 'F', type: 'text', object_key: 'nope' }] } }, 'requirements.json: Field "f" references an object that is not defined: nope.'],
    ['a custom_objects_v2 trigger without actions', { custom_objects_v2: { objects: [{ key: 'o', title: 'O', title_pluralized: 'Os', include_in_list_view: true }], object_triggers: [{ key: 't', object_key: 'o', title: 'T', conditions: { all: [{ field: 'x', operator: 'is', value: 'y' }] }, actions: [] }] } }, 'requirements.json: trigger t has no actions.'],
    ['empty custom_objects_v2', { custom_objects_v2: { objects: [], object_fields: [], object_triggers: [] } }, 'requirements.json: The requirements.json file contains empty custom objects v2 requirements.'],
    ['a JSON list', [trigger], 'requirements.json: must be a JSON object whose properties are resource types'],
    ['broken JSON', '{"triggers": {', /^requirements\.json: requirements\.json is not proper JSON\./],
    ['a duplicate key (JSON.parse would keep the last)', '{"triggers": {"a": {"title": "A"}, "a": {"title": "B"}}}', 'requirements.json: requirements.json contains a duplicate key: a'],
  ])('refuses %s', (_name, requirements, message) => {
    const errors = check(requirements);
    if (typeof message === 'string') expect(errors).toContain(message);
    else expect(errors.join('\n')).toMatch(message);
  });

  it('follows the manifest: a requirements-only app must have the file; a marketing-only or Chat-only app may not', () => {
    expect(validateRequirements(folder(undefined, { ...MANIFEST, requirementsOnly: true }), { ...MANIFEST, requirementsOnly: true })).toEqual(['requirements.json: Could not find requirements.json (the manifest says requirementsOnly)']);
    expect(check({ triggers: { a: trigger } }, { ...MANIFEST, marketingOnly: true })).toEqual(['requirements.json: App requirements are not supported for marketing-only or Chat-only apps']);
    expect(check({ triggers: { a: trigger } }, { ...MANIFEST, location: { chat: { chat_sidebar: 'https://x.example' } } })).toEqual(['requirements.json: App requirements are not supported for marketing-only or Chat-only apps']);
  });

  it('is part of the whole app check', () => {
    expect(validateApp(folder({ tags: {} }))).toEqual(['requirements.json: requirements.json contains an invalid type: tags']);
  });
});

describe('npm run package with the backstop', () => {
  const packageApp = (dir: string, ...args: string[]) => {
    const zip = join(dir, '..', `${dir.split('/').pop()}.zip`);
    const output = execFileSync(process.execPath, [join(ROOT, 'scripts/package.mjs'), dir, zip, ...args], { encoding: 'utf8', stdio: 'pipe' });
    return { output, files: unzipSync(readFileSync(zip)) };
  };

  it('generates requirements.json from the settings given, validates it and puts it in the zip', () => {
    const { output, files } = packageApp(folder(), '--settings', join(ROOT, 'harness/scenarios/07-os-missing-fields.json'));
    expect(Object.keys(files)).toContain('requirements.json');
    const requirements = JSON.parse(new TextDecoder().decode(files['requirements.json']));
    expect(Object.keys(requirements.triggers)).toEqual(['sentinela_os_incompleta_formulario_0800', 'sentinela_os_incompleta_marca', 'sentinela_os_completa_remove_tag']);
    expect(requirements.triggers.sentinela_os_incompleta_formulario_0800.actions).toEqual([{ field: 'status', value: 'open' }, { field: 'current_tags', value: BACKSTOP_TAG }]);
    expect(output).toContain('3 triggers');
  }, 60_000);

  it('without settings: packages the app alone and says the backstop is not in it', () => {
    const { output, files } = packageApp(folder());
    expect(Object.keys(files)).not.toContain('requirements.json');
    expect(output).toContain('No requirements.json: this package has no server-side O.S. backstop');
  });

  it('refuses to package when the backstop cannot be generated from the settings given', () => {
    const dir = folder();
    const settings = join(dir, '..', `${dir.split('/').pop()}-settings.json`);
    writeFileSync(settings, JSON.stringify({ formulario0800FormId: '12' }));
    expect(() => packageApp(dir, '--settings', settings)).toThrow(/no field a trigger can check is configured/);
  }, 60_000);
});

describe('README: the backstop', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## The server-side backstop'), readme.indexOf('## QA: scenarios and the harness'));

  it('says how an admin turns it on, regenerates it and turns it off, with commands that exist', () => {
    for (const part of ['**Turning it on.**', '**After changing the settings**', '**Turning it off.**', 'npm run package -- --from-account', 'npm run package -- --settings my-settings.json --fields my-fields.json']) expect(section).toContain(part);
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.requirements).toBe('node scripts/requirements.mjs');
    const packageScript = readFileSync(join(ROOT, 'scripts/package.mjs'), 'utf8');
    for (const option of ['--from-account', '--settings', '--fields']) expect(packageScript).toContain(`'${option}'`);
  });

  it('says what only the sidebar checks, and why a trigger cannot comment', () => {
    for (const part of ['internal note with CNPJ and Razão Social', 'New → On Hold', 'Marca and Família *values*', 'macro-only', BACKSTOP_TAG]) expect(section).toContain(part);
  });
});
