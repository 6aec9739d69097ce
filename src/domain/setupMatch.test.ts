import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { labelSimilarity, nearest, similarityKey, titleMatch, titleWords } from './setupMatch';

/** Re-spells a title as admins do: case, accents dropped or added, spacing, punctuation around words. */
const respell = (title: string, seed: { upper: boolean[]; accents: boolean; spaces: number; punct: string }) => {
  let text = seed.accents ? title.normalize('NFD').replace(/\p{M}+/gu, '') : title;
  text = [...text].map((char, index) => (seed.upper[index % seed.upper.length] ? char.toUpperCase() : char.toLowerCase())).join('');
  return `${seed.punct}${text.split(' ').join(' '.repeat(seed.spaces))}${seed.punct}`;
};
const spelling = fc.record({ upper: fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }), accents: fc.boolean(), spaces: fc.integer({ min: 1, max: 3 }), punct: fc.constantFrom('', ' ', '  ', '*', '(', '- ') });

describe('titleMatch', () => {
  it.each([
    ['CNPJ (sessão)', 'CNPJ da sessão', 'exact'],
    ['cnpj da SESSAO', 'CNPJ da sessão', 'exact'],
    ['TicketId (sessão)', 'Ticket Id da sessão', 'exact'],
    ['Ticket Id', 'TicketId', 'exact'],
    ['Número da O.S.', 'Nº O.S.', null],
    ['Número da O.S.', 'Numero OS', 'exact'],
    ['Catálogo de Serviços 2024', 'Catálogo de Serviços', 'contains'],
    ['Marca do equipamento', 'Marca', 'contains'],
    ['Subcategoria', 'Categoria', null],
    ['Categorias', 'Categoria', null],
    ['0800 - Hardware', '0800', 'contains'],
    ['Formulário 0800', 'Formulário 0800', 'exact'],
    ['', 'CNPJ', null],
    ['CNPJ', '', null],
  ] as const)('%s against %s: %s', (title, wanted, expected) => {
    expect(titleMatch(title, wanted)).toBe(expected);
  });

  it('property: case, accents, spacing and surrounding punctuation never change an exact match', () => {
    const titles = ['Catálogo de Serviços', 'Pendência Financeira', 'Área responsável (0800)', 'Número Referência', 'Razão Social', 'CNPJ da sessão'];
    fc.assert(
      fc.property(fc.constantFrom(...titles), spelling, (title, seed) => {
        expect(titleMatch(respell(title, seed), title)).toBe('exact');
      }),
    );
  });

  it('property: a title never matches a word it only holds inside a longer word', () => {
    fc.assert(
      fc.property(fc.constantFrom('Marca', 'Motivo', 'Categoria', 'Prime'), fc.stringMatching(/^[a-z]{1,6}$/), (word, prefix) => {
        expect(titleMatch(`${prefix}${word.toLowerCase()}`, word)).toBeNull();
      }),
    );
  });

  it('reads titles as words without the linking words and the abbreviation dots', () => {
    expect(titleWords('Número da O.S. ou de Série')).toEqual(['numero', 'os', 'ou', 'serie']);
  });
});

describe('labelSimilarity', () => {
  it('sets separators, case, accents and spacing aside', () => {
    expect(similarityKey('Distribuição >> Linha Winthor >> 99 > 007')).toBe(similarityKey('distribuicao::LINHA  winthor::99::007'));
    expect(labelSimilarity('A::B::Posicionamento de ticket', 'a >> b >> posicionamento de ticket')).toBe(1);
  });

  it('is 1 − edit distance ÷ longer length', () => {
    expect(labelSimilarity('abcd', 'abce')).toBeCloseTo(0.75);
    expect(labelSimilarity('', '')).toBe(1);
    expect(labelSimilarity('abc', 'xyz')).toBe(0);
  });

  it('property: symmetric, within 0..1, 1 for a label and itself', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const s = labelSimilarity(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(s).toBeCloseTo(labelSimilarity(b, a), 10);
        expect(labelSimilarity(a, a)).toBe(1);
      }),
    );
  });
});

describe('nearest', () => {
  const options = ['Distribuição::Linha Winthor::99::007::Posicionamento de ticket', 'Distribuição::Linha Winthor::99::001::Dúvida de uso', 'Hardware::Bematech::Manutenção on site'];

  it('ranks the closest labels first and leaves out those below the minimum', () => {
    const found = nearest('Distribuição >> Linha Winthor >> 99 > 007 >> Posicionamento do ticket', options, (o) => o);
    expect(found.map((n) => n.item)).toEqual([options[0], options[1]]);
    expect(found[0].similarity).toBeGreaterThan(0.9);
  });

  it('property: the same as measuring every label and sorting (the cut-short distance loses nothing)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.array(fc.string({ maxLength: 30 }), { maxLength: 12 }), fc.integer({ min: 1, max: 4 }), (target, labels, count) => {
        const expected = labels
          .map((label, order) => ({ label, order, similarity: labelSimilarity(target, label) }))
          .filter((entry) => entry.similarity >= 0.4 && (similarityKey(target) !== '' || similarityKey(entry.label) !== ''))
          .sort((a, b) => b.similarity - a.similarity || a.order - b.order)
          .slice(0, count);
        const found = nearest(target, labels, (label) => label, count);
        expect(found.map((n) => n.similarity)).toEqual(expected.map((e) => e.similarity));
      }),
    );
  });
});
