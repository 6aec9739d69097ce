import { asText } from './html';
import { plainUnicode } from './unicode';
import { normalize } from './text';

/**
 * One text (a subject, the first comment, a saved comment, the draft) as the rules read it, computed
 * once per text and kept: the sidebar re-derives everything on every keystroke, and a ticket can hold a
 * 1 MB comment (Zendesk allows 5,000 comments of up to 64 KB each, and descriptions far larger when
 * created by API), so nothing a rule reads may cost the size of a text that did not change.
 */
export interface TextReading {
  /** The text a reader sees: HTML converted (html.ts), Unicode made plain (unicode.ts). */
  readonly text: string;
  /** `normalize(text)`: case, accents and repeated space aside. */
  readonly normalized: string;
  /** The words, punctuation aside: `Andamento do ticket?!` → [andamento, do, ticket]. */
  readonly words: readonly string[];
  /** Every run of 1..maxWords consecutive words (a keyword or phrase matches when it is one of them). */
  phrases(maxWords: number): ReadonlySet<string>;
  /** Whether the words of `phrase` appear in this text, consecutively (`Silva & Filhos` in `… silva e filhos …` does not). */
  hasPhrase(phrase: string): boolean;
  /** A derived result, computed once per text and key (the key names the rule and its parameters). */
  memo<T>(key: string, compute: (reading: TextReading) => T): T;
}

function wordsOfNormalized(normalized: string): string[] {
  const joined = normalized.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return joined === '' ? [] : joined.split(' ');
}

class Reading implements TextReading {
  private readonly results = new Map<string, unknown>();
  private textValue: string | null = null;
  private normalizedValue: string | null = null;
  private wordsValue: string[] | null = null;
  private line: string | null = null;

  constructor(private readonly raw: string) {}

  get text(): string {
    return (this.textValue ??= plainUnicode(asText(this.raw)));
  }

  get normalized(): string {
    return (this.normalizedValue ??= normalize(this.text));
  }

  get words(): readonly string[] {
    return (this.wordsValue ??= wordsOfNormalized(this.normalized));
  }

  phrases(maxWords: number): ReadonlySet<string> {
    return this.memo(`phrases:${maxWords}`, () => {
      const words = this.words;
      const phrases = new Set<string>();
      for (let start = 0; start < words.length; start += 1) {
        let phrase = '';
        for (let length = 1; length <= maxWords && start + length <= words.length; length += 1) {
          phrase = length === 1 ? words[start] : `${phrase} ${words[start + length - 1]}`;
          phrases.add(phrase);
        }
      }
      return phrases;
    });
  }

  hasPhrase(phrase: string): boolean {
    const wanted = wordsOfNormalized(normalize(plainUnicode(phrase))).join(' ');
    if (wanted === '') return false;
    return this.memo(`phrase:${wanted}`, () => (this.line ??= ` ${this.words.join(' ')} `).includes(` ${wanted} `));
  }

  memo<T>(key: string, compute: (reading: TextReading) => T): T {
    if (this.results.has(key)) return this.results.get(key) as T;
    const value = compute(this);
    this.results.set(key, value);
    return value;
  }

  get size(): number {
    return this.raw.length;
  }
}

/**
 * Readings of the texts seen lately, least recently used first. A ticket's live texts are read on every
 * keystroke, so they stay; old drafts (one per keystroke) fall out. Bounded in count and in characters.
 */
const MAX_ENTRIES = 8192;
const MAX_CHARS = 64 * 1024 * 1024;
const cache = new Map<string, Reading>();
let cachedChars = 0;

/** The reading of a text (null and undefined read as ''), from the cache when this text was read before. */
export function readText(value: unknown): TextReading {
  const raw = value === null || value === undefined ? '' : String(value);
  const known = cache.get(raw);
  if (known) {
    cache.delete(raw);
    cache.set(raw, known);
    return known;
  }
  const reading = new Reading(raw);
  cache.set(raw, reading);
  cachedChars += raw.length;
  for (const [key, old] of cache) {
    if (cache.size <= MAX_ENTRIES && cachedChars <= MAX_CHARS) break;
    if (old === reading) break;
    cache.delete(key);
    cachedChars -= old.size;
  }
  return reading;
}
