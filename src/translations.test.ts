// @vitest-environment node
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARAMETERS, type SettingsProblem } from './settings';
import { PROCEDURES } from './domain/procedures';
import type { FailureReason } from './domain/ticket';
import type { ChecklistState } from './domain/saveGuard';
import type { InputName } from './domain/procedures';
import type { MacroMatch } from './domain/macros';

const ROOT = resolve(import.meta.dirname, '..');
const LOCALES = ['pt-BR', 'en', 'es'];
const load = (locale: string) => JSON.parse(readFileSync(join(ROOT, 'translations', `${locale.toLowerCase()}.json`), 'utf8')) as { app: { name: string; parameters: Record<string, { label: string; helpText: string }> }; ui: Record<string, string> };

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.|fixtures|test-setup/.test(name) ? [path] : [];
  });
}

/** Keys the code passes to msg('…'), t('…'), translate('…') or a translate function. */
function literalKeys(): Set<string> {
  const keys = new Set<string>();
  for (const file of sources(join(ROOT, 'src'))) {
    for (const match of readFileSync(file, 'utf8').matchAll(/(?:\b(?:msg|t|translate)|\))\(\s*'([a-zA-Z][\w.]*)'/g)) keys.add(match[1]);
  }
  return keys;
}

/** Every dotted string literal in the code (keys chosen by a condition or kept in a table count as used). */
function dottedLiterals(): Set<string> {
  const literals = new Set<string>();
  for (const file of sources(join(ROOT, 'src'))) {
    for (const match of readFileSync(file, 'utf8').matchAll(/'([a-zA-Z]\w*(?:\.\w+)+)'/g)) literals.add(match[1]);
  }
  return literals;
}

/** Keys the code builds from a closed set of values (kept in step with the types by `satisfies`). */
function builtKeys(): string[] {
  const problems = ['notAnId', 'notACount', 'notText', 'placeholderMissing', 'badRule', 'badRulesJson', 'badFailMode'] satisfies SettingsProblem[];
  const reasons = ['timeout', 'rateLimited', 'server', 'malformed', 'network', 'forbidden', 'notFound'] satisfies FailureReason[];
  const states = ['ok', 'missing', 'unchecked'] satisfies ChecklistState[];
  const inputs = ['question', 'contato', 'telefone', 'resumo', 'ticketNumber'] satisfies InputName[];
  const macroKinds = ['missing', 'inactive', 'ambiguous'] satisfies Exclude<MacroMatch['kind'], 'found'>[];
  return [
    ...problems.map((problem) => `config.${problem}`),
    ...reasons.map((reason) => `failure.${reason}`),
    ...states.map((state) => `ui.check.${state}`),
    ...inputs.map((input) => `input.${input}`),
    ...macroKinds.map((kind) => `config.macro.${kind}`),
    ...PROCEDURES.map((id) => `procedure.${id}.name`),
  ];
}

describe('translations', () => {
  const dictionaries = Object.fromEntries(LOCALES.map((locale) => [locale, load(locale)]));
  const used = new Set([...literalKeys(), ...builtKeys()]);

  it.each(LOCALES)('%s has every key the code uses', (locale) => {
    const missing = [...used].filter((key) => typeof dictionaries[locale].ui[key] !== 'string' || dictionaries[locale].ui[key].trim() === '');
    expect(missing).toEqual([]);
  });

  it.each(LOCALES)('%s has no key the code does not use', (locale) => {
    const mentioned = new Set([...used, ...dottedLiterals()]);
    expect(Object.keys(dictionaries[locale].ui).filter((key) => !mentioned.has(key))).toEqual([]);
  });

  it.each(LOCALES)('%s keeps the placeholders of pt-BR', (locale) => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of Object.entries(dictionaries['pt-BR'].ui)) expect([key, placeholders(dictionaries[locale].ui[key] ?? '')]).toEqual([key, placeholders(text)]);
  });

  it.each(LOCALES)('%s labels and explains every manifest parameter', (locale) => {
    const { app } = dictionaries[locale];
    expect(app.name).toBe('Sentinela');
    for (const parameter of PARAMETERS) {
      expect(app.parameters[parameter.name]?.label, parameter.name).toBeTruthy();
      expect(app.parameters[parameter.name]?.helpText, parameter.name).toBeTruthy();
    }
    expect(Object.keys(app.parameters).sort()).toEqual(PARAMETERS.map((p) => p.name).sort());
  });

  it('the key scan itself finds keys (a broken scan would pass everything)', () => {
    expect(literalKeys().size).toBeGreaterThan(80);
    expect(literalKeys()).toContain('guard.refuse.header');
  });
});
