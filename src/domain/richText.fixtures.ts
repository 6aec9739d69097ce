import fc from 'fast-check';

/**
 * Test data only: a plain text written as Zendesk's rich-text composer (and other HTML sources) would
 * hand it over — each line a `<p>` or lines joined by `<br>`, characters escaped as named, decimal or hex
 * entities, spaces as `&nbsp;`, comments and source line breaks between tags — driven by fast-check.
 */
const NAMED: Record<string, string> = { '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos', 'á': 'aacute', 'ã': 'atilde', 'ç': 'ccedil', 'é': 'eacute', 'ê': 'ecirc', 'õ': 'otilde', 'Ã': 'Atilde', 'º': 'ordm' };

/** One character as HTML: `&`, `<`, `>` always escaped (as the composer does); others sometimes. */
function escapeChar(char: string, choice: number): string {
  const mustEscape = char === '&' || char === '<' || char === '>';
  if (char === ' ') return choice % 4 === 0 ? '&nbsp;' : ' ';
  if (!mustEscape && choice % 3 !== 0) return char;
  const code = char.codePointAt(0) ?? 32;
  if (choice % 3 === 0 && NAMED[char]) return `&${NAMED[char]};`;
  return choice % 2 === 0 ? `&#${code};` : `&#x${code.toString(16)};`;
}

export const richTextStyle = fc.record({
  paragraphs: fc.boolean(),
  choices: fc.array(fc.nat(), { minLength: 1, maxLength: 64 }),
  comment: fc.boolean(),
  sourceBreaks: fc.boolean(),
});
export type RichTextStyle = typeof richTextStyle extends fc.Arbitrary<infer T> ? T : never;

/** Lines of plain text → HTML in the given style. */
export function asRichText(text: string, style: RichTextStyle): string {
  let n = 0;
  const next = () => style.choices[n++ % style.choices.length];
  const lines = text.split('\n').map((line) => [...line].map((char) => escapeChar(char, next())).join(''));
  const separator = style.sourceBreaks ? '\n  ' : '';
  const comment = style.comment ? '<!-- zendesk:composer <p>not text</p> -->' : '';
  const body = style.paragraphs ? lines.map((line) => `<p>${line}</p>`).join(`${separator}${comment}`) : `<div>${lines.join(`<br>${comment}${separator}`)}</div>`;
  return `${comment}${body}`;
}

/** What a reader sees of lines of text: white space runs as one space, lines trimmed, empty ones gone. */
export function asSeen(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** Printable text with what HTML must escape, accents, and line breaks. */
export const plainLines = fc.string({ unit: fc.constantFrom(...'abcXYZ019 &<>"\'áãçéêõÃº;#/.-:\n'.split('')), maxLength: 80 });
