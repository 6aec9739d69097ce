import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findMacro, searchTerm, titleLevels, titleMatch } from './macroTitles';
import type { Macro } from './macros';

const macro = (id: number, title: string, extra: Partial<Macro> = {}): Macro => ({ id, title, active: true, restriction: null, actions: [], ...extra });
const found = (id: number) => expect.objectContaining({ kind: 'found', id });

describe('findMacro', () => {
  const MACROS = [macro(31, 'Atendimento Whatsapp (Oficial)'), macro(32, '1. Atendimento Whatsapp Transferência N2(oficial)')];
  it('finds by title, case-, accent- and space-insensitively, and gives the macro with its actions', () => {
    expect(findMacro(MACROS, ' atendimento  whatsapp (oficial) ')).toEqual(found(31));
    expect(findMacro(MACROS, '1. Atendimento WhatsApp Transferencia N2(oficial)')).toEqual(found(32));
    const withActions = macro(40, 'Pendência', { actions: [{ field: 'status', value: 'solved' }] });
    expect(findMacro([withActions], 'pendencia')).toEqual({ kind: 'found', id: 40, macro: withActions });
  });
  it('says missing, inactive or ambiguous', () => {
    expect(findMacro(MACROS, 'Outra')).toEqual({ kind: 'missing' });
    expect(findMacro([macro(1, 'X', { active: false })], 'X')).toEqual({ kind: 'inactive' });
    expect(findMacro([macro(1, 'X'), macro(2, 'x')], 'X')).toEqual({ kind: 'ambiguous', count: 2 });
    expect(findMacro([macro(1, 'X'), macro(2, 'x', { active: false })], 'X')).toEqual(found(1));
  });
  it("the shared macro wins over an agent's personal copy of the same title; two personal copies alone are ambiguous", () => {
    const personal = macro(7, 'Atendimento Whatsapp (Oficial)', { restriction: 'User' });
    expect(findMacro([personal, MACROS[0]], 'Atendimento Whatsapp (Oficial)')).toEqual(found(31));
    expect(findMacro([personal], 'Atendimento Whatsapp (Oficial)')).toEqual(found(7));
    expect(findMacro([personal, { ...personal, id: 8 }], 'Atendimento Whatsapp (Oficial)')).toEqual({ kind: 'ambiguous', count: 2 });
    // A group-restricted macro is one the agent's groups share: a real candidate, like an unrestricted one.
    expect(findMacro([macro(9, 'X', { restriction: 'Group' }), macro(10, 'X')], 'X')).toEqual({ kind: 'ambiguous', count: 2 });
  });
  it('matches a title inside a category by its last level; the exact title wins; two categories are ambiguous', () => {
    const categorised = macro(50, 'WhatsApp::Atendimento Whatsapp (Oficial)');
    expect(findMacro([categorised], 'Atendimento Whatsapp (Oficial)')).toEqual(found(50));
    expect(findMacro([categorised], 'whatsapp :: atendimento whatsapp (oficial)')).toEqual(found(50));
    expect(findMacro([categorised, MACROS[0]], 'Atendimento Whatsapp (Oficial)')).toEqual(found(31));
    expect(findMacro([categorised, macro(51, 'Chat::Atendimento Whatsapp (Oficial)')], 'Atendimento Whatsapp (Oficial)')).toEqual({ kind: 'ambiguous', count: 2 });
    expect(findMacro([macro(52, 'Outra categoria::Atendimento Whatsapp (Oficial)')], 'WhatsApp::Atendimento Whatsapp (Oficial)')).toEqual({ kind: 'missing' });
    expect(findMacro([macro(53, 'Atendimento Whatsapp (Oficial)::Detalhe')], 'Atendimento Whatsapp (Oficial)')).toEqual({ kind: 'missing' });
  });
  it('a shared macro in a category still wins over a personal exact copy', () => {
    expect(findMacro([macro(7, 'X', { restriction: 'User' }), macro(8, 'Cat::X')], 'X')).toEqual(found(8));
  });
  it('never depends on the order of the list (property)', () => {
    const titles = ['X', 'x', 'Cat::X', 'Y', 'Cat::Y', 'Outra::X'];
    const arbitraryMacro = fc.record({
      id: fc.integer({ min: 1, max: 50 }),
      title: fc.constantFrom(...titles),
      active: fc.boolean(),
      restriction: fc.constantFrom(null, 'Group' as const, 'User' as const),
      actions: fc.constant([] as Macro['actions']),
    });
    fc.assert(
      fc.property(fc.uniqueArray(arbitraryMacro, { selector: (m) => m.id, maxLength: 8 }), fc.constantFrom('X', 'Cat::X', 'Y'), (list, wanted) => {
        expect(findMacro([...list].reverse(), wanted)).toEqual(findMacro(list, wanted));
      }),
    );
  });
});

describe('titles', () => {
  it('splits levels, searches by the last one', () => {
    expect(titleLevels(' A :: B::C ')).toEqual(['A', 'B', 'C']);
    expect(searchTerm('Whatsapp::Atendimento (Oficial)')).toBe('Atendimento (Oficial)');
    expect(searchTerm('Sem categoria')).toBe('Sem categoria');
    expect([titleMatch('A::B', 'b'), titleMatch('b', 'b'), titleMatch('b', 'A::b'), titleMatch('', '')]).toEqual(['category', 'exact', null, null]);
  });
});
