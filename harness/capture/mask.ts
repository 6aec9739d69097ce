import { cnpj as cnpjLib, cpf as cpfLib } from 'cpf-cnpj-validator';
import { normalize } from '../../src/domain/text';

/**
 * LGPD: a scenario committed to a repository carries no personal data. People's names, e-mails, phones
 * and CPFs — in user objects and inside any text — become fakes, the same fake for the same value
 * everywhere, so every relation the rules use still holds. CNPJs and organization names are company
 * registry data and stay, unless `companies` is set: then they become valid fake CNPJs that keep the
 * root/branch relations, and fake names.
 */
export interface MaskOptions {
  companies: boolean;
}

export type MaskKind = 'names' | 'emails' | 'phones' | 'cpfs' | 'companies' | 'cnpjs';
export type MaskReport = Record<MaskKind, { distinct: number; occurrences: number }>;

type Json = Record<string, unknown>;
const KINDS: MaskKind[] = ['names', 'emails', 'phones', 'cpfs', 'companies', 'cnpjs'];

const ACCENTS: Record<string, string> = { a: 'aáàâãä', e: 'eéèêë', i: 'iíìîï', o: 'oóòôõö', u: 'uúùûü', c: 'cç', n: 'nñ' };
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A name as a pattern that matches it whatever its case and accents, as a whole word. */
function namePattern(name: string): RegExp {
  const base = normalize(name);
  const body = [...base].map((char) => (ACCENTS[char] ? `[${ACCENTS[char]}]` : /\s/.test(char) ? '\\s+' : escape(char))).join('');
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'giu');
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const CNPJ_TEXT = /(?<![0-9A-Za-z])[0-9A-Z]{2}\.?[0-9A-Z]{3}\.?[0-9A-Z]{3}\/?[0-9A-Z]{4}-?\d{2}(?![0-9A-Za-z])/g;
const CPF_TEXT = /(?<!\d)\d{3}\.?\d{3}\.?\d{3}-?\d{2}(?!\d)/g;
const PHONE_TEXT = /(?<![\d\w])(?:\+?\s?55[\s-]?)?(?:\(\s?\d{2}\s?\)|\d{2})?[\s.-]?(?:9[\s.-]?)?\d{4}[\s.-]?\d{4}(?!\d)/g;
const PARTICLES = new Set(['da', 'de', 'do', 'das', 'dos', 'e', 'del', 'la', 'van', 'von']);

/** Check digits by the library: the one pair of digits that makes the body valid. */
function withDigits(body: string, valid: (value: string) => boolean): string {
  for (let digits = 0; digits < 100; digits += 1) {
    const candidate = `${body}${String(digits).padStart(2, '0')}`;
    if (valid(candidate)) return candidate;
  }
  throw new Error(`no check digits for ${body}`);
}

export function maskScenario<T extends Json>(scenario: T, options: MaskOptions): { scenario: T; report: MaskReport } {
  const seen = Object.fromEntries(KINDS.map((kind) => [kind, new Map<string, string>()])) as Record<MaskKind, Map<string, string>>;
  const counts = Object.fromEntries(KINDS.map((kind) => [kind, 0])) as Record<MaskKind, number>;
  const fakeFor = (kind: MaskKind, key: string, make: (n: number) => string) => {
    counts[kind] += 1;
    let fake = seen[kind].get(key);
    if (!fake) {
      fake = make(seen[kind].size + 1);
      seen[kind].set(key, fake);
    }
    return fake;
  };
  const fakeEmail = (email: string) => fakeFor('emails', email.toLowerCase(), (n) => `pessoa${n}@exemplo.invalid`);
  const fakePersonName = (name: string) => fakeFor('names', normalize(name), (n) => `Pessoa ${n}`);
  const fakePhone = (phone: string) => fakeFor('phones', phone.replace(/\D/g, '').slice(-8), (n) => `(00) 90000-${String(n).padStart(4, '0')}`);
  const fakeCpf = (cpf: string) => {
    const fake = fakeFor('cpfs', cpf.replace(/\D/g, ''), (n) => withDigits(String(n).padStart(9, '0'), (v) => cpfLib.isValid(v)));
    return /[.-]/.test(cpf) ? cpfLib.format(fake) : fake;
  };
  const fakeCnpj = (value: string) => {
    const canonical = value.toUpperCase().replace(/[.\/-]/g, '');
    const root = fakeFor('cnpjs', canonical.slice(0, 8), (n) => `99${String(n).padStart(6, '0')}`);
    const fake = withDigits(`${root}${canonical.slice(8, 12)}`, (v) => cnpjLib.isValid(v, true));
    return /[.\/-]/.test(value) ? cnpjLib.format(fake) : fake;
  };

  const users = (Array.isArray(scenario.users) ? scenario.users : []) as Json[];
  const organizations = (Array.isArray(scenario.organizations) ? scenario.organizations : []) as Json[];
  // Known people first: their exact values are replaced wherever they appear, before any pattern.
  // A part of a name ("Maria") only in free text: elsewhere it may be a word of a macro title or a field.
  const known: { pattern: RegExp; fake: () => string; part?: boolean }[] = [];
  const knownEmails: { pattern: RegExp; fake: () => string }[] = [];
  for (const user of users) {
    const name = typeof user.name === 'string' ? user.name.trim() : '';
    if (typeof user.email === 'string' && user.email) knownEmails.push({ pattern: new RegExp(escape(user.email), 'gi'), fake: () => fakeEmail(String(user.email)) });
    if (name) {
      known.push({ pattern: namePattern(name), fake: () => fakePersonName(name) });
      for (const part of name.split(/\s+/)) {
        if (part.length >= 3 && !PARTICLES.has(part.toLowerCase())) known.push({ pattern: namePattern(part), fake: () => fakePersonName(name), part: true });
      }
    }
  }
  known.sort((a, b) => b.pattern.source.length - a.pattern.source.length);
  knownEmails.sort((a, b) => b.pattern.source.length - a.pattern.source.length);
  const companyNames: { pattern: RegExp; fake: () => string }[] = [];
  if (options.companies) {
    for (const organization of organizations) {
      const names = [organization.name, ...Object.values((organization.organization_fields as Json | undefined) ?? {}).filter((value) => typeof value === 'string' && value.length > 3 && value === organization.name)];
      for (const name of names) if (typeof name === 'string' && name.trim()) companyNames.push({ pattern: namePattern(name.trim()), fake: () => fakeFor('companies', name.trim().toLowerCase(), (n) => `Empresa ${n} Ltda`) });
    }
  }

  function maskText(text: string, freeText: boolean): string {
    const kept: string[] = [];
    const keep = (value: string) => `\u0000${kept.push(value) - 1}\u0000`;
    let out = text;
    for (const company of companyNames) out = out.replace(company.pattern, () => keep(company.fake()));
    out = out.replace(CNPJ_TEXT, (match) => (cnpjLib.isValid(match) ? keep(options.companies ? fakeCnpj(match) : match) : match));
    for (const email of knownEmails) out = out.replace(email.pattern, () => keep(email.fake()));
    out = out.replace(EMAIL, (match) => keep(fakeEmail(match)));
    for (const person of known) if (freeText || !person.part) out = out.replace(person.pattern, () => keep(person.fake()));
    out = out.replace(CPF_TEXT, (match) => (cpfLib.isValid(match) ? keep(fakeCpf(match)) : match));
    out = out.replace(PHONE_TEXT, (match) => (match.replace(/\D/g, '').length >= 8 ? keep(fakePhone(match)) : match));
    return out.replace(/\u0000(\d+)\u0000/g, (_whole, index: string) => kept[Number(index)]);
  }

  /** Free text: what people write (comment bodies, subjects, descriptions). */
  const FREE_TEXT = new Set(['body', 'subject', 'raw_subject', 'description', 'text']);
  function walk(value: unknown, freeText = false): unknown {
    if (typeof value === 'string') return maskText(value, freeText);
    if (Array.isArray(value)) return value.map((item) => walk(item, freeText));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value as Json).map(([key, item]) => [key, walk(item, FREE_TEXT.has(key))]));
    return value;
  }
  const pick = (object: Json, keys: string[]) => Object.fromEntries(keys.filter((key) => key in object).map((key) => [key, object[key]]));

  const out: Json = { ...scenario };
  // People: only what the rules use; a user's own values are replaced as a whole.
  out.users = users.map((user) => ({
    ...pick(user, ['id', 'organization_id', 'role', 'active']),
    name: typeof user.name === 'string' && user.name.trim() ? fakePersonName(user.name.trim()) : 'Pessoa',
    email: typeof user.email === 'string' && user.email ? fakeEmail(user.email) : null,
    phone: typeof user.phone === 'string' && user.phone ? fakePhone(user.phone) : null,
  }));
  // Channel details (via, recipient) and request metadata (IP addresses, user agents) say nothing the rules read.
  if (out.ticket && typeof out.ticket === 'object') {
    const { via: _via, recipient: _recipient, satisfaction_rating: _rating, ...ticket } = out.ticket as Json;
    out.ticket = walk(ticket);
  }
  out.comments = ((Array.isArray(scenario.comments) ? scenario.comments : []) as Json[]).map((comment) => walk(pick(comment, ['id', 'type', 'public', 'body', 'author_id', 'created_at'])));
  out.tickets = ((Array.isArray(scenario.tickets) ? scenario.tickets : []) as Json[]).map((ticket) => walk(pick(ticket, ['id', 'requester_id', 'submitter_id', 'organization_id', 'status', 'subject', 'created_at', 'updated_at'])));
  out.organizations = organizations.map((organization) => walk(organization));
  for (const key of ['macros', 'draft', 'description', 'name']) if (key in scenario) out[key] = walk(scenario[key]);

  const report = Object.fromEntries(KINDS.map((kind) => [kind, { distinct: seen[kind].size, occurrences: counts[kind] }])) as MaskReport;
  return { scenario: out as T, report };
}
