// @vitest-environment node
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findingsOf, server, startScenario, until } from './testing';
import { exercise, pathsRead, pathsTheAppReads } from './exercise';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** Every path the app reads, found by running it (harness/exercise.ts): never a list written by hand. */
const reads = await pathsTheAppReads();

describe('every ZAF path the app reads can be made unreadable in the stand-in', () => {
  it('the app reads the ticket, its fields and their definitions, the composer, the agent, and re-reads requester and organization', () => {
    const paths = [...reads.keys()];
    // A floor, to notice if the exercise stopped reaching the app: the kinds of path issue 15 names.
    for (const expected of [/^ticket\.id$/, /^ticket\.status$/, /^ticket\.organization$/, /^ticket\.requester$/, /^ticket\.comment\.text$/, /^ticket\.comment\.type$/, /^currentUser\./, /^ticket\.customField:custom_field_\d+$/, /^ticketFields:custom_field_\d+$/]) {
      expect(paths.some((path) => expected.test(path)), String(expected)).toBe(true);
    }
  });

  it.each([...reads])('%s (read on %s): every get that asks for it is answered with an error, and the app goes on', async (path, scenario) => {
    const run = await exercise(scenario, (s) => void (s.faults.unreadablePaths = [path]));
    const asking = run.client.calls.filter((call) => call.kind === 'get' && call.args.includes(path));
    expect(asking.length).toBeGreaterThan(0);
    for (const call of asking) expect(call.errors).toContain(path);
    expect(pathsRead(run.client.calls)).toContain(path);
    const state = run.sentinela.getState();
    expect(state.phase).toBe('ready');
    // Read at first render: the app knows it could not read it.
    if (run.client.calls.find((call) => call.kind === 'get')!.args.includes(path)) expect(state.context?.unreadablePaths).toContain(path);
  });
});

describe('what the app makes of an unreadable path', () => {
  // DEVELOPERS.md: a value ZAF could not read is unknown, never absent (issue 17): an organization ZAF
  // could not read is not "no organization" (no block, no search by CNPJ).
  it('an organization ZAF could not read is not "no organization"', async () => {
    const { sentinela } = await startScenario('01-prime-gold-clean', { edit: (s) => void (s.faults.unreadablePaths = ['ticket.organization']) });
    const state = await until(() => sentinela.getState(), (s) => Object.values(s.macros).every((lookup) => lookup?.state !== 'loading') && s.organizationSearch.state !== 'loading');
    const findings = findingsOf(state);
    expect(findings.map((finding) => finding.id)).not.toContain('noOrganization');
  });
});
