import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { catalogSuggestions, displayPath, optionForPath, optionForValue, pathKey, unknownCatalogPaths } from './catalog';
import { readText } from './reading';
import { CATALOG_OPTIONS } from './fixtures';

const POSITION = 'Distribuição >> Linha Winthor >> 99 > 007 >> Posicionamento de ticket';
const RULES = [
  { keywords: ['posicionamento', 'previsão', 'andamento do ticket'], path: POSITION },
  { keywords: ['nota fiscal', 'nf-e'], path: 'Distribuição >> Linha Winthor >> 10 > 002 >> Emissão de NF-e' },
];

describe('paths', () => {
  it('shows nested options the way agents write them and matches both spellings', () => {
    expect(displayPath('Distribuição::Linha Winthor::99 > 007::Posicionamento de ticket')).toBe(POSITION);
    expect(pathKey('Distribuição::Linha Winthor::99 > 007::Posicionamento de ticket')).toBe(pathKey('distribuicao >>  Linha Winthor >> 99 > 007 >> posicionamento de ticket'));
    expect(pathKey('A >> B')).not.toBe(pathKey('A >> C'));
  });
  it('finds the option of a value', () => {
    expect(optionForValue(CATALOG_OPTIONS, 'nfe')?.label).toContain('NF-e');
    expect(optionForValue(CATALOG_OPTIONS, '')).toBeNull();
    expect(optionForValue(undefined, 'nfe')).toBeNull();
  });
});

describe('catalogSuggestions', () => {
  it('suggests the position path for a position request, with the words that matched', () => {
    const [best] = catalogSuggestions({ subject: 'Qual a PREVISÃO do meu chamado?', description: 'Gostaria de um posicionamento.' }, RULES, CATALOG_OPTIONS);
    expect(best).toMatchObject({ path: POSITION, option: { value: 'posicionamento' }, matched: ['posicionamento', 'previsão'], score: 3 });
  });
  it('ranks subject matches above first-comment matches, best first', () => {
    const ranked = catalogSuggestions({ subject: 'Erro na nota fiscal', description: 'qual a previsão?' }, RULES, CATALOG_OPTIONS);
    expect(ranked.map((s) => s.option?.value)).toEqual(['nfe', 'posicionamento']);
  });
  it('breaks ties by rule order, deterministically', () => {
    const tie = catalogSuggestions({ subject: 'previsão da nota fiscal', description: '' }, RULES, CATALOG_OPTIONS);
    expect(tie.map((s) => s.option?.value)).toEqual(['posicionamento', 'nfe']);
    expect(catalogSuggestions({ subject: 'previsão da nota fiscal', description: '' }, RULES, CATALOG_OPTIONS)).toEqual(tie);
  });
  it('matches whole words and phrases only, ignoring punctuation and accents', () => {
    expect(catalogSuggestions({ subject: 'reposicionamento', description: '' }, RULES, CATALOG_OPTIONS)).toEqual([]);
    expect(catalogSuggestions({ subject: 'Andamento do ticket?!', description: '' }, RULES, CATALOG_OPTIONS)[0]?.matched).toEqual(['andamento do ticket']);
    expect(catalogSuggestions({ subject: 'NF-e rejeitada', description: '' }, RULES, CATALOG_OPTIONS)[0]?.matched).toEqual(['nf-e']);
  });
  it('suggests nothing for empty text or no rules', () => {
    expect(catalogSuggestions({ subject: '', description: '' }, RULES, CATALOG_OPTIONS)).toEqual([]);
    expect(catalogSuggestions({ subject: 'posicionamento', description: '' }, [], CATALOG_OPTIONS)).toEqual([]);
  });
  it('keeps a suggestion whose path is not an option, without an option to set', () => {
    const [only] = catalogSuggestions({ subject: 'boleto', description: '' }, [{ keywords: ['boleto'], path: 'Financeiro >> Boleto' }], CATALOG_OPTIONS);
    expect(only).toMatchObject({ path: 'Financeiro >> Boleto', option: null });
  });
  it('merges rules that point to the same path', () => {
    const merged = catalogSuggestions({ subject: 'previsão', description: 'andamento do ticket' }, [RULES[0], { keywords: ['andamento do ticket'], path: 'distribuição::linha winthor::99 > 007::posicionamento de ticket' }], CATALOG_OPTIONS);
    expect(merged).toHaveLength(1);
    expect(merged[0].score).toBe(4);
  });
});

describe('optionForPath: separators aside, labels matter (issue 19)', () => {
  const FLAT = [
    { label: 'Distribuição::Linha Winthor::99::007::Posicionamento de ticket', value: 'flat' },
    { label: 'Distribuição::Linha Winthor::10::002::Emissão de NF-e', value: 'nfe' },
  ];
  it('matches a path written with >> and > to an option whose levels are all ::', () => {
    expect(optionForPath(FLAT, POSITION)?.value).toBe('flat');
    expect(catalogSuggestions({ subject: 'posicionamento', description: '' }, RULES, FLAT)[0]).toMatchObject({ option: { value: 'flat' }, path: 'Distribuição >> Linha Winthor >> 99 >> 007 >> Posicionamento de ticket' });
    expect(unknownCatalogPaths(RULES, FLAT)).toEqual([]);
  });
  it('still matches today\'s options, where `99 > 007` is one level', () => {
    expect(optionForPath(CATALOG_OPTIONS, POSITION)?.value).toBe('posicionamento');
    expect(optionForPath(CATALOG_OPTIONS, 'Distribuição::Linha Winthor::99::007::Posicionamento de ticket')?.value).toBe('posicionamento');
  });
  it.each([
    ['Distribuição >> Linha Winthor >> 99 > 007 >> Posicionamento de ticket'],
    ['Distribuição>>Linha Winthor>>99>007>>Posicionamento de ticket'],
    ['Distribuição / Linha Winthor / 99 / 007 / Posicionamento de ticket'],
    ['distribuicao :: linha winthor :: 99 :: 007 :: posicionamento de ticket'],
    ['Distribuição » Linha Winthor › 99 > 007 → Posicionamento de ticket'],
    ['Distribuição\u00A0>>\u00A0Linha Winthor >> 99 > 007 >> Posicionamento\u00A0de ticket'],
  ])('%j stands for the option', (path) => {
    expect(optionForPath(FLAT, path)?.value).toBe('flat');
    expect(optionForPath(CATALOG_OPTIONS, path)?.value).toBe('posicionamento');
  });
  it('never matches other labels', () => {
    expect(optionForPath(FLAT, 'Distribuição >> Linha Winthor >> 99 > 008 >> Posicionamento de ticket')).toBeNull();
    expect(optionForPath(FLAT, 'Distribuição >> Linha Winthor >> Posicionamento de ticket')).toBeNull();
  });
  it('prefers the option with the same levels when two options have the same labels', () => {
    const both = [...FLAT, ...CATALOG_OPTIONS];
    expect(optionForPath(both, POSITION)?.value).toBe('posicionamento');
    expect(optionForPath(both, 'Distribuição::Linha Winthor::99::007::Posicionamento de ticket')?.value).toBe('flat');
  });
  it('matches any path to its option whatever the separators and spacing (property)', () => {
    const label = fc.string({ unit: fc.constantFrom(...'abcXYZ 0179ãçé-.'.split('')), minLength: 1, maxLength: 12 }).filter((l) => l.trim() !== '' && /[a-zA-Z0-9ãçé]/.test(l));
    const separator = fc.constantFrom('::', ' :: ', ' >> ', '>>', ' > ', '>', ' / ', '/', ' » ');
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 6 }), fc.array(separator, { minLength: 5, maxLength: 5 }), (labels, separators) => {
        const option = { label: labels.join('::'), value: 'v' };
        const written = labels.map((l, i) => (i === 0 ? l : `${separators[i % 5]}${l.toUpperCase()}`)).join('');
        expect(optionForPath([option], written)).toBe(option);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('work per text (issue 19)', () => {
  it('builds the phrases of a text once, whatever the number of rankings', () => {
    const description = 'posicionamento '.repeat(10_000);
    catalogSuggestions({ subject: 'a', description }, RULES, CATALOG_OPTIONS);
    const phrases = readText(description).phrases(3);
    for (let keystroke = 0; keystroke < 5; keystroke += 1) catalogSuggestions({ subject: `a${keystroke}`, description }, RULES, CATALOG_OPTIONS);
    expect(readText(description).phrases(3)).toBe(phrases);
  });
});

describe('unknownCatalogPaths', () => {
  it('lists rule paths the field does not offer', () => {
    expect(unknownCatalogPaths([...RULES, { keywords: ['x'], path: 'Nada >> Aqui' }], CATALOG_OPTIONS)).toEqual(['Nada >> Aqui']);
  });
});
