// @vitest-environment node
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cnpj as cnpjLib, cpf as cpfLib } from 'cpf-cnpj-validator';
import { maskScenario } from './mask';

const ORG_CNPJ = '49.327.015/0001-58';

function validCpf(nine: string): string {
  for (let digits = 0; digits < 100; digits += 1) if (cpfLib.isValid(`${nine}${String(digits).padStart(2, '0')}`)) return `${nine}${String(digits).padStart(2, '0')}`;
  throw new Error('no CPF');
}
const word = fc.string({ unit: fc.constantFrom(...'abcdefghijlmnoprstuvxzáéíóúãõç'), minLength: 4, maxLength: 9 }).map((w) => w[0].toUpperCase() + w.slice(1));
const person = fc.record({
  name: fc.tuple(word, word).map(([first, last]) => `${first} ${last}`),
  email: fc.emailAddress(),
  phone: fc.tuple(fc.integer({ min: 11, max: 99 }), fc.integer({ min: 10_000_000, max: 99_999_999 }), fc.constantFrom(0, 1, 2)).map(([area, number, style]) => {
    const n = String(number);
    return [`+55 ${area} 9${n.slice(0, 4)}-${n.slice(4)}`, `(${area}) 9${n.slice(0, 4)}-${n.slice(4)}`, `${area}9${n}`][style];
  }),
  cpf: fc.tuple(fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 9, maxLength: 9 }).filter((d) => !/^(\d)\1+$/.test(d)), fc.boolean()).map(([nine, formatted]) => (formatted ? cpfLib.format(validCpf(nine)) : validCpf(nine))),
});
const people = fc.uniqueArray(person, { minLength: 1, maxLength: 4, selector: (p) => p.name.toLowerCase() }).filter((list) => new Set(list.map((p) => p.email.toLowerCase())).size === list.length);

interface Person {
  name: string;
  email: string;
  phone: string;
  cpf: string;
}

function scenarioOf(list: Person[], template: number) {
  const mention = (p: Person) =>
    [
      `Falei com ${p.name} (${p.email}), telefone ${p.phone}, CPF ${p.cpf}.`,
      `CPF: ${p.cpf}\nContato: ${p.name.toUpperCase()} <${p.email}> tel ${p.phone}`,
      `${p.email};${p.phone};${p.cpf};${p.name}`,
    ][template];
  return {
    name: 'x',
    ticket: { id: 1, status: 'open', subject: `Chamado de ${list[0].name}`, requester_id: 1, organization_id: 7, custom_fields: [{ id: 1, value: ORG_CNPJ }] },
    comments: list.map((p, index) => ({ id: index + 1, public: index % 2 === 0, body: mention(p), author_id: index + 1 })),
    users: list.map((p, index) => ({ id: index + 1, name: p.name, email: p.email, phone: p.phone, organization_id: 7, notes: `CPF ${p.cpf}`, signature: p.name })),
    organizations: [{ id: 7, name: 'Restaurante Sabor Caseiro Ltda', organization_fields: { cnpj: ORG_CNPJ } }],
    tickets: [{ id: 9, requester_id: 1, organization_id: 7, subject: `Outro de ${list[0].email}`, description: list[0].phone }],
  };
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('maskScenario', () => {
  it('leaves no input e-mail, phone, CPF or name anywhere, and masks consistently', () => {
    fc.assert(
      fc.property(people, fc.integer({ min: 0, max: 2 }), (list, template) => {
        const { scenario } = maskScenario(scenarioOf(list, template), { companies: false });
        const text = strings(scenario).join('\n').toLowerCase();
        for (const p of list) {
          expect(text).not.toContain(p.email.toLowerCase());
          expect(text).not.toContain(p.name.toLowerCase());
          expect(text).not.toContain(p.phone.toLowerCase());
          expect(text).not.toContain(p.phone.replace(/\D/g, '').slice(-8));
          expect(text).not.toContain(p.cpf);
          expect(text).not.toContain(p.cpf.replace(/\D/g, ''));
        }
        // Consistent: the user's fake e-mail and name stand where the originals stood.
        list.forEach((_person, index) => {
          const user = scenario.users[index] as { email: string; name: string };
          const body = (scenario.comments as { body: string }[])[index].body;
          expect(body).toContain(user.email);
          expect(body.toLowerCase()).toContain(user.name.toLowerCase());
        });
        // Company registry data stays, and the CPF fakes are valid CPFs.
        expect(text).toContain(ORG_CNPJ);
        expect(text).toContain('restaurante sabor caseiro ltda');
      }),
    );
  }, 120_000 * Math.max(1, (Number(process.env.PROPERTY_RUNS) || 1000) / 1000));

  it('with companies: valid fake CNPJs that keep the root/branch relations, fake names, consistently', () => {
    const input = {
      ticket: { id: 1, custom_fields: [{ id: 1, value: '49.327.015/0002-39' }], subject: 'x' },
      comments: [{ id: 1, public: false, body: 'CNPJ 49327015000158, Razão Social Restaurante Sabor Caseiro Ltda' }],
      organizations: [{ id: 7, name: 'Restaurante Sabor Caseiro Ltda', organization_fields: { cnpj: '49.327.015/0001-58' } }],
      users: [],
    };
    const { scenario, report } = maskScenario(input, { companies: true });
    const orgCnpj = (scenario.organizations as { organization_fields: { cnpj: string } }[])[0].organization_fields.cnpj;
    const session = (scenario.ticket as { custom_fields: { value: string }[] }).custom_fields[0].value;
    expect(cnpjLib.isValid(orgCnpj, true) && cnpjLib.isValid(session, true)).toBe(true);
    expect(orgCnpj.slice(0, 10)).toBe(session.slice(0, 10)); // same root: still another branch of the same company
    expect(orgCnpj).not.toBe('49.327.015/0001-58');
    const body = (scenario.comments as { body: string }[])[0].body;
    expect(body).toContain(orgCnpj.replace(/\D/g, ''));
    expect(body).toContain((scenario.organizations as { name: string }[])[0].name);
    expect(report.cnpjs.distinct).toBe(1);
    expect(report.companies.distinct).toBe(1);
  });
});
