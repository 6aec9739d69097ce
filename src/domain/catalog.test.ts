import { describe, expect, it } from 'vitest';
import { catalogSuggestions, displayPath, optionForValue, pathKey, unknownCatalogPaths } from './catalog';
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

describe('unknownCatalogPaths', () => {
  it('lists rule paths the field does not offer', () => {
    expect(unknownCatalogPaths([...RULES, { keywords: ['x'], path: 'Nada >> Aqui' }], CATALOG_OPTIONS)).toEqual(['Nada >> Aqui']);
  });
});
