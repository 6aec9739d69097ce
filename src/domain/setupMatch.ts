import leven from 'leven';
import { words } from './text';

/**
 * How a title an admin gave an object in Zendesk is compared with the titles the operation uses:
 * case, accents, punctuation and spacing aside, abbreviation dots dropped (`O.S.` = `OS`), the
 * linking words "de/da/do/das/dos" dropped, and words compared joined, so `TicketId` = `Ticket Id`.
 */
const LINKING_WORDS = new Set(['de', 'da', 'do', 'das', 'dos']);

/** The comparable words of a title: `Número da O.S.` → [numero, os]. */
export function titleWords(title: string): string[] {
  return words(title.replace(/\./g, '')).filter((word) => !LINKING_WORDS.has(word));
}

/** `exact`: the same title; `contains`: the object's title holds the wanted one as a run of words. */
export type TitleMatch = 'exact' | 'contains' | null;

/**
 * Whether an object's title names what a wanted title names. `CNPJ (sessão)` is exactly `CNPJ da
 * sessão`; `Catálogo de Serviços 2024` contains `Catálogo de Serviços`; `Subcategoria` does not
 * contain `Categoria` (whole words only).
 */
export function titleMatch(objectTitle: string, wanted: string): TitleMatch {
  const have = titleWords(objectTitle);
  const want = titleWords(wanted).join('');
  if (want === '' || have.length === 0) return null;
  if (have.join('') === want) return 'exact';
  for (let start = 0; start < have.length; start += 1) {
    let run = '';
    for (let end = start; end < have.length && run.length < want.length; end += 1) {
      run += have[end];
      if (run === want) return 'contains';
    }
  }
  return null;
}

/** A label as compared for similarity: its words, nested levels joined by ` > ` whatever the separator. */
export function similarityKey(label: string): string {
  return label
    .split(/::|>>|>|\//)
    .map((level) => words(level).join(' '))
    .filter((level) => level !== '')
    .join(' > ');
}

/**
 * How alike two labels are, from 0 (nothing in common) to 1 (the same once case, accents, spacing and
 * level separators are set aside): 1 − (Levenshtein edit distance ÷ length of the longer key). A
 * typo in a 40-character path costs 1/40; a different last level costs its length.
 */
export function labelSimilarity(a: string, b: string): number {
  const [left, right] = [similarityKey(a), similarityKey(b)];
  const longest = Math.max(left.length, right.length);
  return longest === 0 ? 1 : 1 - leven(left, right) / longest;
}

export interface Near<T> {
  item: T;
  similarity: number;
}

/**
 * The `count` items whose label is most like `target`, most alike first (ties keep the input order),
 * leaving out those below `minimum`. Cost: one edit distance per item, cut short (leven's
 * `maxDistance`) once an item cannot beat the ones already kept.
 */
export function nearest<T>(target: string, items: readonly T[], label: (item: T) => string, count = 3, minimum = 0.4): Near<T>[] {
  const key = similarityKey(target);
  const kept: (Near<T> & { order: number })[] = [];
  items.forEach((item, order) => {
    const other = similarityKey(label(item));
    const longest = Math.max(key.length, other.length);
    if (longest === 0) return;
    const worstKept = kept.length === count ? kept[kept.length - 1].similarity : minimum;
    // An item beats the worst kept only with a distance below this: no need to measure past it.
    const maxDistance = Math.max(0, Math.floor((1 - worstKept) * longest) + 1);
    if (Math.abs(key.length - other.length) >= maxDistance) return;
    const similarity = 1 - leven(key, other, { maxDistance }) / longest;
    if (similarity < minimum || (kept.length === count && similarity <= worstKept)) return;
    kept.push({ item, similarity, order });
    kept.sort((a, b) => b.similarity - a.similarity || a.order - b.order);
    if (kept.length > count) kept.pop();
  });
  return kept.map(({ item, similarity }) => ({ item, similarity }));
}
