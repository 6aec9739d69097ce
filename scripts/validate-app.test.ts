// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { duplicateKeys, escapeForValidator, validateApp, validatorWarnings } from './validate-app.mjs';
import { PARAMETERS } from '../src/settings';

const ROOT = resolve(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8'));

/** The app folder as the build lays it out (manifest, translations, assets with the iframe page). */
function appFolder(edit?: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'sentinela-app-'));
  cpSync(join(ROOT, 'manifest.json'), join(dir, 'manifest.json'));
  cpSync(join(ROOT, 'translations'), join(dir, 'translations'), { recursive: true });
  cpSync(join(ROOT, 'assets'), join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'assets', 'iframe.html'), '<!doctype html><title>Sentinela</title>');
  edit?.(dir);
  return dir;
}
const editManifest = (change: (m: Record<string, any>) => void) => (dir: string) => {
  const m = structuredClone(manifest);
  change(m);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(m));
};

describe('the app against the rules of Zendesk\'s validator', () => {
  it('passes', () => expect(validateApp(appFolder())).toEqual([]));

  it('declares every setting as a parameter with its default, of the type the parser expects', () => {
    expect(manifest.parameters.map((p: { name: string }) => p.name)).toEqual(PARAMETERS.map((p) => p.name));
    for (const parameter of PARAMETERS) {
      const declared = manifest.parameters.find((p: { name: string }) => p.name === parameter.name);
      expect([parameter.name, declared.type, declared.default ?? '', declared.required]).toEqual([parameter.name, parameter.type, parameter.default, parameter.required]);
    }
  });

  it.each([
    ['no author e-mail', editManifest((m) => delete m.author.email), 'manifest.json: author.email must be an e-mail address'],
    ['framework 1.0', editManifest((m) => (m.frameworkVersion = '1.0')), 'manifest.json: frameworkVersion must be "2.0"'],
    ['no location', editManifest((m) => (m.location = {})), 'manifest.json: location must name at least one location'],
    ['unknown location', editManifest((m) => (m.location.support.sidebar = { url: 'assets/iframe.html' })), 'manifest.json: location.support.sidebar is not a known location'],
    ['missing iframe file', editManifest((m) => (m.location.support.ticket_sidebar.url = 'assets/nope.html')), 'manifest.json: location.support.ticket_sidebar.url must be https:// or an existing file under assets/ (assets/nope.html)'],
    ['a parameter called name', editManifest((m) => m.parameters.push({ name: 'name', type: 'text' })), 'manifest.json: parameters[27] (name): a parameter cannot be called "name"'],
    ['a duplicate parameter', editManifest((m) => m.parameters.push({ name: 'failMode', type: 'text' })), 'manifest.json: parameters[27] (failMode): duplicate parameter name'],
    ['an unknown type', editManifest((m) => (m.parameters[0].type = 'dropdown')), 'manifest.json: parameters[0] (cnpjFieldId): type must be one of text, checkbox, url, number, multiline, hidden, oauth'],
    ['a required hidden parameter', editManifest((m) => m.parameters.push({ name: 'h', type: 'hidden', required: true })), 'manifest.json: parameters[27] (h): a hidden parameter cannot be required'],
    ['a zip in assets', (dir: string) => writeFileSync(join(dir, 'assets', 'old.zip'), 'PK'), 'assets/old.zip: file type not allowed in an app package'],
    ['a wrong banner', (dir: string) => cpSync(join(ROOT, 'assets', 'logo.png'), join(dir, 'assets', 'banner.png')), 'assets/banner.png: must be an 830×200 PNG'],
    ['a public app without descriptions', editManifest((m) => (m.private = false)), null],
    ['required as text', editManifest((m) => (m.parameters[0].required = 'yes')), 'manifest.json: parameters[0] (cnpjFieldId): required must be a boolean value'],
    ['private as text', editManifest((m) => (m.private = 'true')), 'manifest.json: private must be a boolean value'],
    ['a parameter without label in another language', (dir: string) => writeFileSync(join(dir, 'translations', 'es.json'), JSON.stringify({ app: { parameters: { failMode: { helpText: 'x' } } } })), 'translations/es.json: app.parameters.failMode needs a label'],
  ])('refuses %s', (_name, edit, message) => {
    const errors = validateApp(appFolder(edit));
    if (message) expect(errors).toContain(message);
    else expect(errors).toEqual([]); // the translations carry the public descriptions too
  });

  it('refuses a missing parameter label in the default locale', () => {
    const dir = appFolder((d) => {
      const en = JSON.parse(readFileSync(join(d, 'translations', 'en.json'), 'utf8'));
      delete en.app.parameters.failMode.label;
      writeFileSync(join(d, 'translations', 'en.json'), JSON.stringify(en));
    });
    expect(validateApp(dir)).toEqual(['translations/en.json: app.parameters.failMode.label is required']);
  });

  it('finds duplicate keys that JSON.parse would hide', () => {
    expect(duplicateKeys('{"a": 1, "b": {"a": 2, "c": "x\\"a"}, "a": 3}')).toEqual(['a']);
    expect(duplicateKeys('[{"a": 1}, {"a": 2}]')).toEqual([]);
    expect(duplicateKeys(readFileSync(join(ROOT, 'manifest.json'), 'utf8'))).toEqual([]);
  });
});

describe('translation file names, as Zendesk\'s validator reads them (validations/translations.rb VALID_LOCALE)', () => {
  it.each([['pt-br'], ['pt-BR'], ['fr'], ['en-US'], ['es-419'], ['fil']])('%s.json is a locale', (locale) => {
    expect(validateApp(appFolder((d) => writeFileSync(join(d, 'translations', `${locale}.json`), '{}')))).toEqual([]);
  });
  it.each([['pt_BR'], ['PT-BR'], ['zh-Hant'], ['en-US-1']])('%s.json is refused', (locale) => {
    expect(validateApp(appFolder((d) => writeFileSync(join(d, 'translations', `${locale}.json`), '{}')))).toContain(`translations/${locale}.json: not named after a locale`);
  });
  it('ships pt-br.json as Zendesk\'s own apps name it (the app still reads pt-BR, pt-br and pt)', async () => {
    const { resolveLocale } = await import('../src/i18n');
    expect(readdirSync(join(ROOT, 'translations')).sort()).toEqual(['en.json', 'es.json', 'pt-br.json']);
    expect([resolveLocale('pt-BR'), resolveLocale('pt-br'), resolveLocale('pt')]).toEqual(['pt-BR', 'pt-BR', 'pt-BR']);
  });
});

describe('warnings of Zendesk\'s validator (package.warnings: secrets.rb, secure_settings.rb, requests.rb, svg.rb)', () => {
  it('our manifest, translations and assets give none', () => expect(validatorWarnings(appFolder())).toEqual([]));

  it('the built app gives none either: the libraries\' words are escaped by the build', () => {
    const out = mkdtempSync(join(tmpdir(), 'sentinela-built-'));
    execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error', '--outDir', join(out, 'dist', 'assets'), '--emptyOutDir'], { cwd: ROOT });
    expect(validatorWarnings(join(out, 'dist'))).toEqual([]);
    expect(validateApp(join(out, 'dist'))).toEqual([]);
    const code = readdirSync(join(out, 'dist', 'assets')).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(out, 'dist', 'assets', f), 'utf8')).join('\n');
    expect(code).toContain('htt\\u0070://www.w3.org/2000/svg'); // React DOM's namespace, still there, escaped
  }, 120_000);

  it.each([
    ['a text parameter named …Key', editManifest((m) => m.parameters.push({ name: 'orgCnpjKey', type: 'text' })), 'manifest.json: Make sure to set secure to true when using keys in Settings (a text parameter named with token, key, pwd or password).'],
    ['a parameter named …Token with no type (text)', editManifest((m) => m.parameters.push({ name: 'apiToken' })), 'manifest.json: Make sure to set secure to true when using keys in Settings (a text parameter named with token, key, pwd or password).'],
    ['a hidden parameter with a default', editManifest((m) => m.parameters.push({ name: 'h', type: 'hidden', default: 'x' })), 'manifest.json: Default values for secure or hidden parameters are not stored securely. Be sure to review them and confirm they do not contain sensitive data.'],
    ['a secure parameter without scopes', editManifest((m) => m.parameters.push({ name: 'apiToken', type: 'text', secure: true })), 'manifest.json: The scopes property is not configured for parameter(s): apiToken. This may cause token exposure vulnerabilities.'],
    ['http:// in a script', (d: string) => writeFileSync(join(d, 'assets', 'a.js'), 'fetch("http://example.com/x")'), 'Possible insecure HTTP request to http://example.com/x in assets/a.js. Consider using the HTTPS protocol instead.'],
    ['"password" in our own English text', (d: string) => writeFileSync(join(d, 'translations', 'en.json'), readFileSync(join(ROOT, 'translations/en.json'), 'utf8').replace('sign-in details', 'password')), 'Possible Password found in translations/en.json. Consider reviewing the contents of this file before submitting your app.'],
    ['a line starting with secret=', (d: string) => writeFileSync(join(d, 'assets', 'b.js'), 'x\nsecret=abcdef12345'), 'Possible Generic Secret found in assets/b.js. Consider reviewing the contents of this file before submitting your app.'],
    ['api_key in a script', (d: string) => writeFileSync(join(d, 'assets', 'c.js'), 'const api_key = 1'), "Possible secrets found in assets/c.js ('api_key...'). Consider reviewing the contents of this file before submitting your app."],
    ['a script in an SVG', (d: string) => writeFileSync(join(d, 'assets', 'i.svg'), '<svg><script>alert(1)</script></svg>'), 'The markup in assets/i.svg has been edited for use in Zendesk and may not display as intended.'],
  ])('warns on %s', (_name, edit, warning) => {
    expect(validatorWarnings(appFolder(edit))).toContain(warning);
  });

  it('escapes the words in built code without changing what it does', () => {
    const source = 'const a={password:!0,"password":1,Password:2};const u="http://www.w3.org/2000/svg";const r=/http:\\/\\//;const t={token:"x"};const s=`secret ${"api_key"}`;';
    const escaped = escapeForValidator(source);
    const run = (code: string) => new Function(`${code}; return [a.password, a["password"], a.Password, u, r.test("http://x"), t.token, s];`)();
    expect(run(escaped)).toEqual(run(source));
    expect(escaped).not.toMatch(/http:|password|secret|api_key|token:/i);
    expect(validatorWarnings(appFolder((d) => writeFileSync(join(d, 'assets', 'x.js'), escaped)))).toEqual([]);
  });
});

describe('README', () => {
  it('shows the settings table generated from the manifest (run node scripts/settings-table.mjs --write)', async () => {
    const { readmeWithTable } = await import('./settings-table.mjs');
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toBe(readmeWithTable(readme));
  });

  it('starts with the two commands a newcomer runs, and CI runs the same test command', () => {
    const head = readFileSync(join(ROOT, 'README.md'), 'utf8').split('\n').slice(0, 8).join('\n');
    expect(head).toContain('npm install && npm start');
    expect(head).toContain('npm test');
    expect(readFileSync(join(ROOT, '.ci/run'), 'utf8')).toMatch(/^npm test$/m);
  });
});

describe('npm run package', () => {
  it('zips the app folder, leaving zcli.apps.config.json out', async () => {
    const { execFileSync } = await import('node:child_process');
    const { unzipSync } = await import('fflate');
    const dir = appFolder((d) => writeFileSync(join(d, 'zcli.apps.config.json'), '{"parameters": {}}'));
    const zip = join(dir, '..', `${dir.split('/').pop()}.zip`);
    execFileSync(process.execPath, [join(ROOT, 'scripts/package.mjs'), dir, zip]);
    const names = Object.keys(unzipSync(readFileSync(zip))).sort();
    expect(names).toEqual(expect.arrayContaining(['manifest.json', 'translations/en.json', 'translations/pt-br.json', 'assets/iframe.html', 'assets/logo.png']));
    expect(names).not.toContain('zcli.apps.config.json');
  });

  it('refuses to package a folder the validator would refuse', async () => {
    const { execFileSync } = await import('node:child_process');
    const dir = appFolder(editManifest((m) => (m.frameworkVersion = '1.0')));
    expect(() => execFileSync(process.execPath, [join(ROOT, 'scripts/package.mjs'), dir, join(dir, 'out.zip')], { stdio: 'pipe' })).toThrow(/frameworkVersion/);
  });
});
