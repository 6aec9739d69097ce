// @vitest-environment node
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { duplicateKeys, validateApp } from './validate-app.mjs';
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
