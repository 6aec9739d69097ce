// @vitest-environment node
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { settingsFromFile, writeZcliConfig } from './zcli-config.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8'));
const names: string[] = manifest.parameters.map((p: { name: string }) => p.name);

/** A project folder with this manifest, and a settings file with the given content. */
function project(settings?: string) {
  const root = mkdtempSync(join(tmpdir(), 'sentinela-zcli-'));
  cpSync(join(ROOT, 'manifest.json'), join(root, 'manifest.json'));
  if (settings !== undefined) writeFileSync(join(root, 'my-settings.json'), settings);
  return root;
}
const written = (root: string) => JSON.parse(readFileSync(join(root, 'dist', 'zcli.apps.config.json'), 'utf8'));
const run = (root: string, ...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'scripts/zcli-config.mjs'), ...args], { cwd: root, encoding: 'utf8' });

describe('zcli-config: dist/zcli.apps.config.json for zcli apps:server', () => {
  it('names every manifest parameter (zcli prompts for any it lacks), at its default', () => {
    const root = project();
    writeZcliConfig({ root });
    const { parameters } = written(root);
    expect(Object.keys(parameters)).toEqual(names);
    expect(parameters).toMatchObject({ cnpjFieldId: '', orgCnpjField: 'cnpj', deviceLimit: 5, failMode: false });
  });

  it.each([
    ['flat', '{"cnpjFieldId": 360001, "failMode": true}'],
    ["zcli's own shape", '{"parameters": {"cnpjFieldId": 360001, "failMode": true}}'],
  ])('reads a settings file in the %s shape', (_shape, content) => {
    const root = project(content);
    writeZcliConfig({ root, settingsFile: join(root, 'my-settings.json') });
    expect(written(root).parameters).toMatchObject({ cnpjFieldId: 360001, failMode: true, orgCnpjField: 'cnpj' });
  });

  it('keeps earlier values and zcli\'s app_id, and drops parameters the manifest no longer has', () => {
    const root = project('{"catalogFieldId": 360003}');
    writeZcliConfig({ root, settingsFile: join(root, 'my-settings.json') });
    const config = written(root);
    writeFileSync(join(root, 'dist', 'zcli.apps.config.json'), JSON.stringify({ ...config, app_id: 123, parameters: { ...config.parameters, orgCnpjKey: 'cnpj' } }));
    const result = writeZcliConfig({ root });
    expect(written(root)).toMatchObject({ app_id: 123, parameters: { catalogFieldId: 360003 } });
    expect(written(root).parameters).not.toHaveProperty('orgCnpjKey');
    expect(result.dropped).toEqual(['orgCnpjKey']);
  });

  it('writes a catalog-rules list as the text the parameter holds', () => {
    expect(settingsFromFile({ catalogRules: [{ keywords: ['boleto'], path: 'A >> B' }] }, names).parameters.catalogRules).toBe('[{"keywords":["boleto"],"path":"A >> B"}]');
  });

  it('names unknown keys, with the parameter they probably meant, and writes nothing', () => {
    expect(() => settingsFromFile({ cnpjFieldID: 1, catalogFieldId: 2, foo: 3 }, names, 'my-settings.json')).toThrow(
      'my-settings.json has keys that are not parameters of manifest.json: cnpjFieldID (did you mean cnpjFieldId?), foo.',
    );
    expect(() => settingsFromFile({ parameters: { marcaFieldld: 1 } }, names, 'x.json')).toThrow('x.json has a key that is not a parameter of manifest.json: marcaFieldld (did you mean marcaFieldId?).');
    expect(() => settingsFromFile([1], names, 'x.json')).toThrow('x.json must hold a JSON object, like {"cnpjFieldId": 360001}.');
    const root = project('{"cnpjFieldID": 1}');
    const result = run(root, 'my-settings.json');
    expect([result.status, result.stderr.trim()]).toEqual([1, 'my-settings.json has a key that is not a parameter of manifest.json: cnpjFieldID (did you mean cnpjFieldId?).']);
  });

  it.each([
    ['a missing file', undefined, /^The settings file .*my-settings\.json does not exist\.$/],
    ['JSON that does not parse', '{"cnpjFieldId": ', /^The settings file .*my-settings\.json is not valid JSON: .+\.$/],
  ])('fails on %s with one sentence, never a stack trace', (_case, content, message) => {
    const root = project(content);
    const result = spawnSync(process.execPath, [join(ROOT, 'scripts/zcli-config.mjs'), join(root, 'my-settings.json')], { cwd: root, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe('');
  });

  it('is written by npm run build (vite build), so zcli apps:server dist does not prompt', () => {
    const out = mkdtempSync(join(tmpdir(), 'sentinela-build-')); // not the repo's dist/, which the browser tests serve
    const config = join(out, 'dist', 'zcli.apps.config.json');
    execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error', '--outDir', join(out, 'dist', 'assets'), '--emptyOutDir'], { cwd: ROOT });
    expect(existsSync(join(out, 'dist', 'manifest.json'))).toBe(true);
    expect(existsSync(config)).toBe(true);
    expect(Object.keys(JSON.parse(readFileSync(config, 'utf8')).parameters)).toEqual(names);
  }, 120_000);
});
