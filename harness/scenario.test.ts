// @vitest-environment node
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScenario, ScenarioError } from './scenario';
import { bundledScenarioFiles, readScenario } from './testing';

const minimal = { name: 'x', ticket: { id: 1, status: 'open' } };

function problemsOf(input: unknown): string[] {
  try {
    parseScenario(input);
    return [];
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    return error.problems;
  }
}

describe('parseScenario', () => {
  it.each(bundledScenarioFiles())('bundled scenario %s parses', (file) => {
    expect(readScenario(file).name).not.toBe('');
  });

  it('fills defaults for what REST exports may lack', () => {
    const scenario = parseScenario(minimal);
    expect(scenario).toMatchObject({ settings: {}, comments: [], users: [], draft: { text: '', type: 'publicReply' }, currentUser: { locale: 'pt-BR' } });
  });

  it('names the bad part of a malformed scenario', () => {
    expect(problemsOf('{"name": ')).toEqual([expect.stringMatching(/^\(the file\): not JSON/)]);
    expect(problemsOf({ ...minimal, ticket: { id: 'abc', status: 'open' } })).toEqual([expect.stringMatching(/^ticket\.id: /)]);
    expect(problemsOf({ ...minimal, ticket: { id: 1, status: 'waiting' } })).toEqual([expect.stringMatching(/^ticket\.status: /)]);
    expect(problemsOf({ ...minimal, users: [{ id: 9, name: 'a' }, { id: 10 }] })).toEqual([expect.stringMatching(/^users\[1\]\.name: /)]);
    expect(problemsOf({ ...minimal, ticket: { id: 1, status: 'open', custom_fields: [{ id: -1, value: 'x' }] } })).toEqual([expect.stringMatching(/^ticket\.custom_fields\[0\]\.id: /)]);
    expect(problemsOf({ ticket: { id: 1, status: 'open' } })).toEqual([expect.stringMatching(/^name: /)]);
    expect(problemsOf([])).toEqual([expect.stringMatching(/^\(the file\): /)]);
  });

  it('checks references between the objects', () => {
    expect(problemsOf({ ...minimal, ticket: { id: 1, status: 'open', organization_id: 77, requester_id: 9 } })).toEqual([
      'ticket.organization_id: no organization 77 in "organizations"',
      'ticket.requester_id: no user 9 in "users"',
    ]);
  });

  it('never throws anything but a ScenarioError naming where (random files)', () => {
    const json = fc.jsonValue();
    const nearlyValid = fc.record({ name: fc.oneof(fc.string(), json), ticket: fc.oneof(json, fc.record({ id: fc.oneof(fc.integer(), fc.string()), status: fc.oneof(fc.constantFrom('new', 'open', 'hold'), fc.string()) })), users: fc.oneof(json, fc.array(fc.record({ id: fc.integer(), name: json }))) }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.oneof(json, nearlyValid, fc.string()), (input) => {
        for (const problem of problemsOf(input)) expect(problem).toMatch(/^(\(the file\)|[a-z_]+)(\[\d+\]|\.[\w]+)*: ./);
      }),
    );
  });
});
