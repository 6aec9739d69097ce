import { describe, expect, it } from 'vitest';
import { readHelpDesk, readPrime, readWallet } from './wallet';

describe('wallet', () => {
  it.each([
    ['Prime Winthor - Carteira A - Gold', { carteira: 'A', tier: 'Gold' }],
    ['prime winthor - carteira c - silver', { carteira: 'C', tier: 'Silver' }],
    ['  Prime Winthor -  Carteira B -  Gold ', { carteira: 'B', tier: 'Gold' }],
    ['prime_winthor_-_carteira_b_-_silver', { carteira: 'B', tier: 'Silver' }],
  ])('reads Prime %s', (value, expected) => expect(readPrime(value)).toEqual(expected));

  it.each([['Prime Winthor - Carteira D - Gold'], ['Carteira A'], [''], [null], [true]])('does not read %s as Prime', (value) => expect(readPrime(value)).toBeNull());

  it.each([
    ['PC Implantação Distribuidor', 'PC Implantação Distribuidor'],
    ['pc implantacao autosservico', 'PC Implantação Autosserviço'],
    ['pc_implantacao_home_center', 'PC Implantação Home Center'],
    ['PC Implantação Varejo', 'PC Implantação Varejo'],
  ])('reads HelpDesk %s', (value, expected) => expect(readHelpDesk(value)).toBe(expected));

  it('reads both, neither, and unknown values', () => {
    expect(readWallet('Prime Winthor - Carteira A - Gold', 'PC Implantação Distribuidor')).toEqual({ prime: { carteira: 'A', tier: 'Gold' }, helpDesk: 'PC Implantação Distribuidor', unrecognized: [] });
    expect(readWallet(null, '')).toEqual({ prime: null, helpDesk: null, unrecognized: [] });
    expect(readWallet('Não', false)).toEqual({ prime: null, helpDesk: null, unrecognized: [] });
    expect(readWallet('Prime Ouro', null)).toEqual({ prime: null, helpDesk: null, unrecognized: ['Prime Ouro'] });
  });
});
