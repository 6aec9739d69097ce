// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseScenario, ScenarioError } from '../scenario';
import { readScenario } from '../testing';
import { generateInto } from './generate';

const base = () => structuredClone(readScenario('11-os-complete')) as unknown as Record<string, unknown>;
const NOW = Date.parse('2026-11-29T15:30:00Z');

function problemsOf(generate: unknown): string[] {
  try {
    parseScenario({ ...base(), generate });
    return [];
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    return error.problems;
  }
}

describe('generate: an account of real size from a few numbers', () => {
  it('gives the same account for the same scenario (no Math.random), and another one for another seed', () => {
    const spec = { macros: 300, organizationUsers: 200, organizationTickets: 400, comments: 150 };
    const one = parseScenario({ ...base(), generate: spec });
    const two = parseScenario({ ...base(), generate: spec });
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    const other = parseScenario({ ...base(), generate: { ...spec, seed: 2 } });
    expect(other.macros.map((macro) => macro.title)).not.toEqual(one.macros.map((macro) => macro.title));
    expect([one.macros.length, one.users.filter((user) => user.organization_id === 82).length, one.comments.length]).toEqual([301, 200, 150]); // + the inactive own macro
    expect(one.generate).toBeUndefined();
    expect(new Set(one.macros.map((macro) => macro.title.toLowerCase())).size).toBe(301);
    expect(one.macros.some((macro) => macro.title.includes('::'))).toBe(true);
  });

  it('counts the scenario\'s own objects in the list, the ticket on screen among its organization\'s tickets', () => {
    const scenario = parseScenario({ ...base(), generate: { organizationUsers: 10, organizationTickets: { count: 20 } } });
    expect(scenario.users.filter((user) => user.organization_id === 82)).toHaveLength(10);
    expect([scenario.ticket, ...scenario.tickets].filter((ticket) => ticket.organization_id === 82)).toHaveLength(20);
    expect(new Set(scenario.tickets.map((ticket) => ticket.id)).has(scenario.ticket.id)).toBe(false);
  });

  it('places the scenario\'s own objects where asked, in the order Zendesk lists them', () => {
    const scenario = parseScenario({ ...base(), generate: { macros: { count: 120, place: [{ id: 33, at: 17 }] }, comments: { count: 40, place: [{ id: 2, at: 31 }] } } });
    const key = (title: string) => title.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    const listed = scenario.macros.filter((macro) => macro.active).sort((a, b) => (key(a.title) < key(b.title) ? -1 : key(a.title) > key(b.title) ? 1 : a.id - b.id));
    expect(listed.findIndex((macro) => macro.id === 33) + 1).toBe(17);
    expect(scenario.comments.findIndex((comment) => comment.id === 2) + 1).toBe(31);
    expect(scenario.comments[0].id).toBe(1); // the description stays first
    const created = scenario.comments.map((comment) => Date.parse(String(comment.created_at)));
    expect(created).toEqual([...created].sort((a, b) => a - b));
  });

  it('gives tickets to the requesters asked for, oldest first; timestamps count back from generate.now', () => {
    const scenario = parseScenario({ ...base(), generate: { now: '2026-01-01T00:00:00Z', organizationTickets: { count: 11, requesters: [{ user_id: 5, count: 4 }, { user_id: 13, count: 6 }] } } });
    const tickets = [...scenario.tickets].sort((a, b) => a.id - b.id);
    expect(tickets.map((ticket) => ticket.requester_id)).toEqual([5, 5, 5, 5, 13, 13, 13, 13, 13, 13]);
    expect(tickets.every((ticket) => Date.parse(String(ticket.created_at)) < Date.parse('2026-01-01T00:00:00Z'))).toBe(true);
    // Without generate.now, the timestamps count back from the start of today (UTC).
    const today = structuredClone(readScenario('11-os-complete'));
    today.generate = { organizationTickets: { count: 3, place: [], requesters: [] } };
    generateInto(today, NOW);
    expect(today.tickets.map((ticket) => Date.parse(String(ticket.created_at)) <= Date.parse('2026-11-29T00:00:00Z'))).toEqual([true, true]);
  });

  it('names every problem of a generate it cannot honour', () => {
    expect(problemsOf({ macros: { count: 10, place: [{ id: 33, at: 11 }] } })).toEqual(['generate.macros: 33 cannot be at #11 of 10']);
    expect(problemsOf({ macros: { count: 10, place: [{ id: 99, at: 2 }] } })).toEqual(['generate.macros: the scenario has no macro 99 of its own to place at #2']);
    expect(problemsOf({ comments: { count: 2, place: [{ id: 2, at: 1 }] } })).toEqual(['generate.comments: 2 cannot be at #1: 1 of the list come before it']);
    expect(problemsOf({ comments: 1 })).toEqual(['generate.comments: count 1 is less than the 2 it needs']);
    expect(problemsOf({ organizationTickets: { count: 5, requesters: [{ user_id: 404, count: 5 }] } })).toEqual(['generate.organizationTickets.requesters: no user 404 in "users"']);
    expect(problemsOf({ organizationUsers: { count: 5, organization_id: 1 } })).toEqual(['generate.organizationUsers: say which organization (organization_id): no organization 1']);
    expect(problemsOf({ macros: 10_001 })[0]).toMatch(/^generate\.macros/);
  });
});
