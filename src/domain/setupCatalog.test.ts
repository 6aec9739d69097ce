import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { catalogRuleProblems } from './setupCatalog';
import type { FieldOption } from './ticket';

const OPTIONS: FieldOption[] = [
  { label: 'Distribuição::Linha Winthor::99 > 007::Posicionamento de ticket', value: 'pos' },
  { label: 'Distribuição::Linha Winthor::99 > 001::Dúvida de uso', value: 'duvida' },
  { label: 'Distribuição::Linha Winthor::10 > 002::Emissão de NF-e', value: 'nfe' },
  { label: 'Hardware::Bematech::Manutenção on site', value: 'onsite' },
];

describe('catalogRuleProblems', () => {
  it('lists each rule whose path is not an option, with the nearest options', () => {
    const problems = catalogRuleProblems(
      [
        { keywords: ['posicionamento'], path: 'Distribuição >> Linha Winthor >> 99 > 007 >> Posicionamento de ticket' },
        { keywords: ['nota fiscal'], path: 'Distribuição >> Linha Winthor >> 10 > 002 >> Emissao de NFe' },
        { keywords: ['impressora'], path: 'Hardware >> Epson' },
      ],
      OPTIONS,
    );
    expect(problems.map((p) => p.path)).toEqual(['Distribuição >> Linha Winthor >> 10 > 002 >> Emissao de NFe', 'Hardware >> Epson']);
    expect(problems[0].nearest[0]).toMatchObject({ path: 'Distribuição >> Linha Winthor >> 99 > 007 >> Posicionamento de ticket'.replace('99 > 007 >> Posicionamento de ticket', '10 > 002 >> Emissão de NF-e'), value: 'nfe' });
    expect(problems[0].nearest[0].similarity).toBeGreaterThan(0.9);
    expect(problems[0].nearest.length).toBeLessThanOrEqual(3);
    expect(problems[1]).toMatchObject({ keywords: ['impressora'] });
  });

  it('one entry per path, however many rules name it', () => {
    const rule = { keywords: ['x'], path: 'Nada >> Aqui' };
    expect(catalogRuleProblems([rule, { ...rule, keywords: ['y'] }], OPTIONS)).toHaveLength(1);
  });

  it('property: an option’s own label, in any case or spacing, is never a problem', () => {
    fc.assert(
      fc.property(fc.constantFrom(...OPTIONS), fc.boolean(), (option, upper) => {
        const path = option.label.split('::').join(' >>  ');
        expect(catalogRuleProblems([{ keywords: ['k'], path: upper ? path.toUpperCase() : path }], OPTIONS)).toEqual([]);
      }),
    );
  });
});
