import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isNewestFirst, organizationsWithCnpj, rankRequesters } from './organizations';

const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1) + minutes * 60_000).toISOString();

describe('rankRequesters', () => {
  it('most tickets first; a tie goes to the most recent activity, then the lower id', () => {
    const tickets = [
      { requesterId: 9, updatedAt: at(10) },
      { requesterId: 5, updatedAt: at(50) },
      { requesterId: 9, updatedAt: at(20) },
      { requesterId: 5, updatedAt: at(1) },
      { requesterId: 3, updatedAt: at(5) },
      { requesterId: 4, updatedAt: at(5) },
      { requesterId: null, updatedAt: at(99) },
    ];
    expect(rankRequesters(tickets)).toEqual([
      { requesterId: 5, count: 2 },
      { requesterId: 9, count: 2 },
      { requesterId: 3, count: 1 },
      { requesterId: 4, count: 1 },
    ]);
  });
  it('never depends on the order of the tickets (property)', () => {
    const ticket = fc.record({ requesterId: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }), updatedAt: fc.option(fc.integer({ min: 0, max: 100 }).map(at), { nil: null }) });
    fc.assert(
      fc.property(fc.array(ticket, { maxLength: 30 }), (tickets) => {
        expect(rankRequesters([...tickets].reverse())).toEqual(rankRequesters(tickets));
      }),
    );
  });
});

describe('isNewestFirst', () => {
  it('accepts a list by updated_at descending (ties included), refuses any other order or a ticket without a date', () => {
    expect(isNewestFirst([at(3), at(3), at(1)].map((updatedAt) => ({ requesterId: 1, updatedAt })))).toBe(true);
    expect(isNewestFirst([])).toBe(true);
    expect(isNewestFirst([at(1), at(3)].map((updatedAt) => ({ requesterId: 1, updatedAt })))).toBe(false);
    expect(isNewestFirst([{ requesterId: 1, updatedAt: at(3) }, { requesterId: 1, updatedAt: null }])).toBe(false);
    expect(isNewestFirst([{ requesterId: 1, updatedAt: 'yesterday' }])).toBe(false);
  });
});

describe('organizationsWithCnpj', () => {
  it('keeps the organizations whose CNPJ field is this CNPJ, in any punctuation', () => {
    const org = (id: number, cnpj: unknown) => ({ id, name: `Org ${id}`, fields: { cnpj } });
    expect(organizationsWithCnpj([org(1, '11.222.333/0001-81'), org(2, '11222333000181'), org(3, '11.222.333/0002-62'), org(4, null)], 'cnpj', '11222333000181').map((o) => o.id)).toEqual([1, 2]);
  });
});
