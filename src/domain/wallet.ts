import { isFilled, normalize } from './text';

export type PrimeWallet = { carteira: 'A' | 'B' | 'C'; tier: 'Gold' | 'Silver' };
export type WalletReading = {
  prime: PrimeWallet | null;
  helpDesk: string | null;
  /** Non-empty wallet values that match no known shape, shown as they are. */
  unrecognized: string[];
};

/** Dropdown org fields hold tags (prime_winthor_-_carteira_a_-_gold): read both. */
function wordsOf(value: unknown): string {
  return normalize(String(value ?? '').replace(/_/g, ' '));
}

export function readPrime(value: unknown): PrimeWallet | null {
  const match = /^prime\s*winthor\s*-?\s*carteira\s*([abc])\s*-?\s*(gold|silver)$/.exec(wordsOf(value));
  if (!match) return null;
  const carteira = match[1].toUpperCase() as PrimeWallet['carteira'];
  const tier = match[2] === 'gold' ? 'Gold' : 'Silver';
  return { carteira, tier };
}

const HELPDESK_TYPES = ['Distribuidor', 'Autosserviço', 'Home Center'];

/** `PC Implantação Distribuidor` and its tag form → the display text of the known type. */
export function readHelpDesk(value: unknown): string | null {
  const words = wordsOf(value);
  if (!words.startsWith('pc implantacao')) return null;
  const rest = words.slice('pc implantacao'.length).trim();
  const known = HELPDESK_TYPES.find((type) => normalize(type) === rest);
  return known ? `PC Implantação ${known}` : String(value).replace(/_/g, ' ').trim();
}

/** Empty, `Não` and an unchecked checkbox say "no wallet", not an unknown one. */
function saysSomething(value: unknown): boolean {
  return isFilled(value) && value !== false && !['nao', 'false', 'no'].includes(normalize(value));
}

export function readWallet(primeValue: unknown, helpDeskValue: unknown): WalletReading {
  const prime = readPrime(primeValue);
  const helpDesk = readHelpDesk(helpDeskValue);
  const unrecognized: string[] = [];
  if (!prime && saysSomething(primeValue)) unrecognized.push(String(primeValue).trim());
  if (!helpDesk && saysSomething(helpDeskValue)) unrecognized.push(String(helpDeskValue).trim());
  return { prime, helpDesk, unrecognized };
}
