// @vitest-environment node
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARAMETERS, type SettingsProblem } from './settings';
import { PROCEDURES } from './domain/procedures';
import type { FailureReason, Waiting } from './domain/ticket';
import type { ChecklistState } from './domain/saveGuard';
import type { InputName } from './domain/procedures';
import type { MacroMatch } from './domain/macros';
import type { CurrentState, ProposalStatus, Rejected, Candidate } from './domain/setupProposal';
import type { TargetObject } from './domain/setupTargets';
import type { AccountRead } from './zendesk/setupApi';
import type { WriteFailure } from './zendesk/installationApi';
import type { WriteResult } from './app/setup';
import type { Check } from './domain/configuration';
import type { EffectTarget, OtherTarget } from './domain/effects';
import { FIELD_ID_PARAMETERS } from './settings';
import { STATUSES } from './domain/preview';
import { createTranslate } from './i18n';

const ROOT = resolve(import.meta.dirname, '..');
const LOCALES = ['pt-BR', 'en', 'es'];
type TranslationFile = { app: { name: string; parameters: Record<string, { label: string; helpText: string }> }; ui: Record<string, string>; later: Record<string, string>; admin: Record<string, string> };
/**
 * `ui`: first paint's texts; `later`: texts first paint never shows, loaded with the code that shows them;
 * `admin`: the setup assistant's, loaded with its chunk. The checks read the three as one dictionary.
 */
const load = (locale: string) => {
  const file = JSON.parse(readFileSync(join(ROOT, 'translations', `${locale.toLowerCase()}.json`), 'utf8')) as TranslationFile;
  return { ...file, sections: { ui: file.ui, later: file.later, admin: file.admin }, ui: { ...file.ui, ...file.later, ...file.admin } };
};

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
  const reasons = ['timeout', 'rateLimited', 'server', 'malformed', 'network', 'forbidden', 'notFound', 'incomplete'] satisfies FailureReason[];
  const states = ['ok', 'missing', 'unchecked'] satisfies ChecklistState[];
  const inputs = ['question', 'contato', 'telefone', 'resumo', 'ticketNumber'] satisfies InputName[];
  const macroKinds = ['missing', 'inactive', 'ambiguous'] satisfies Exclude<MacroMatch['kind'], 'found'>[];
  const checks = ['cnpj', 'sessionTicketId', 'catalog', 'os', 'financialPending', 'wallet'] satisfies Check[];
  return [
    ...problems.map((problem) => `config.${problem}`),
    ...reasons.map((reason) => `failure.${reason}`),
    ...(['rateLimited', 'server'] satisfies Waiting['reason'][]).map((reason) => `lookup.waiting.${reason}`),
    ...states.map((state) => `ui.check.${state}`),
    ...inputs.map((input) => `input.${input}`),
    ...macroKinds.map((kind) => `config.macro.${kind}`),
    ...PROCEDURES.map((id) => `procedure.${id}.name`),
    ...checks.map((check) => `check.${check}`),
    ...PARAMETERS.map((parameter) => `parameter.${parameter.name}`),
    ...setupKeys(),
    ...STATUSES.map((status) => `status.${status}`),
    ...FIELD_ID_PARAMETERS.map((name) => `field.${name}`),
    ...(['subject', 'status', 'draft', 'draftType', 'form'] satisfies Exclude<EffectTarget, `field:${number}`>[]).map((target) => `target.${target}`),
    ...(['priority', 'type', 'tags', 'assignee', 'group', 'followers', 'other'] satisfies OtherTarget[]).map((other) => `preview.other.${other}`),
  ];
}

/** The setup assistant's keys built from closed sets (src/ui/admin). */
function setupKeys(): string[] {
  const statuses = ['kept', 'proposed', 'conflict', 'missing', 'unknown'] satisfies ProposalStatus[];
  const currentStates = ['absent', 'wrongType', 'inactive', 'ambiguous'] satisfies Exclude<CurrentState, 'valid' | 'empty' | 'unknown'>[];
  const rejected = ['type', 'inactive', 'personal'] satisfies Rejected['reason'][];
  const notes = ['groupRestricted', 'sameTitle'] satisfies NonNullable<Candidate['notes']>[number][];
  const groups = ['ticketField', 'ticketForm', 'organizationField', 'macro'] satisfies TargetObject[];
  const lists = ['ticketFields', 'ticketForms', 'organizationFields', 'macros'] satisfies (keyof AccountRead)[];
  const failures = ['forbidden', 'invalid', 'rateLimited', 'notFound', 'server', 'timeout', 'network', 'malformed'] satisfies WriteFailure[];
  const refusals = ['notAdmin', 'noInstallation'] satisfies Extract<WriteResult, { state: 'refused' }>['reason'][];
  return [
    ...statuses.map((status) => `setup.status.${status}`),
    ...currentStates.map((state) => `setup.currentState.${state}`),
    ...rejected.map((reason) => `setup.rejected.${reason}`),
    ...notes.map((note) => `setup.note.${note}`),
    ...groups.map((group) => `setup.group.${group}`),
    ...lists.map((list) => `setup.list.${list}`),
    ...failures.map((failure) => `setup.failed.${failure}`),
    ...refusals.map((refusal) => `setup.refused.${refusal}`),
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

  it.each(LOCALES)('%s keeps the placeholders (and plural arguments) of pt-BR', (locale) => {
    const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)(?:\}|\s*,\s*plural)/g)].map((m) => m[1]))].sort();
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

  it.each(LOCALES)('%s keeps the setup assistant’s texts apart from first paint’s (admin: setup.* only)', (locale) => {
    const { sections } = dictionaries[locale];
    expect(Object.keys(sections.admin).filter((key) => !key.startsWith('setup.'))).toEqual([]);
    expect(Object.keys(sections.ui).filter((key) => key.startsWith('setup.'))).toEqual([]);
    expect(Object.keys(sections.later).filter((key) => key.startsWith('setup.'))).toEqual([]);
  });

  it.each(LOCALES)('%s names each setting in messages by its label in Admin Center (ui parameter.<name> = app.parameters.<name>.label)', (locale) => {
    const { app, ui } = dictionaries[locale];
    for (const parameter of PARAMETERS) expect([parameter.name, ui[`parameter.${parameter.name}`]]).toEqual([parameter.name, app.parameters[parameter.name].label]);
  });

  it.each(LOCALES)('%s splits its texts the same way as pt-BR, each key in one part', (locale) => {
    const { sections } = dictionaries[locale];
    expect(Object.keys(sections.ui).filter((key) => key in sections.later)).toEqual([]);
    expect(Object.keys(sections.later).sort()).toEqual(Object.keys(dictionaries['pt-BR'].sections.later).sort());
  });

  it.each(LOCALES)('%s says the top requester line in the singular for one ticket (review 9, R9-4: "todos os 1 tickets", "1 tickets")', (locale) => {
    const t = createTranslate(dictionaries[locale].ui);
    const line = (key: string, counted: number, count: number) => t({ key, params: { name: 'Delta', counted, user: 'Paulo', email: 'paulo@delta.example', count } });
    const lines = [line('finding.noOrganization.foundAll', 1, 1), line('finding.noOrganization.foundAll', 5, 3), line('finding.noOrganization.foundRecent', 100, 1), line('finding.noOrganization.foundRecent', 100, 40)];
    expect(lines.filter((text) => /\b1 tickets\b|[{}#]/.test(text))).toEqual([]);
    expect(lines.map((text) => /\b(1 ticket|3 tickets|40 tickets)\)/.exec(text)?.[1])).toEqual(['1 ticket', '3 tickets', '1 ticket', '40 tickets']);
    if (locale === 'pt-BR') expect(lines.slice(0, 2)).toEqual(['Delta: o único ticket da organização é de Paulo (paulo@delta.example, 1 ticket).', 'Delta: entre todos os 5 tickets da organização, quem mais abre tickets é Paulo (paulo@delta.example, 3 tickets).']);
  });

  it('the key scan itself finds keys (a broken scan would pass everything)', () => {
    expect(literalKeys().size).toBeGreaterThan(80);
    expect(literalKeys()).toContain('guard.refuse.lead');
  });
});
