/**
 * The comment composer's HTML, as Zendesk's rich-text composer holds it (the stand-in's side only; the
 * app must cope with whatever ZAF answers). With rich text on (`ticket.comment.useRichText` true), ZAF's
 * `ticket.comment.text` is the composer's HTML: one `<p>` per line, `&amp;`, `&lt;`, `&gt;` for the
 * characters HTML reserves, `&nbsp;` where spaces would collapse (STACK.md, "Zendesk as it behaves at
 * account size"; docs/zendesk-facts/zaf-and-validator.md §5).
 *
 * Written here rather than taken from a library: the stand-in needs only these few entities and the
 * composer's paragraph shape, in the browser and under Node alike, with no DOM.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** One line of typed text as the composer keeps it: reserved characters escaped, runs of spaces kept with &nbsp;. */
function lineAsHtml(line: string): string {
  const escaped = line.replace(/[&<>"]/g, (char) => ESCAPES[char]);
  // The composer alternates ' ' and '&nbsp;' so that no two plain spaces touch; a leading space is &nbsp; too.
  const spaced = escaped.replace(/ {2,}/g, (run) => Array.from(run, (_, index) => (index % 2 === 0 ? ' ' : '&nbsp;')).join('')).replace(/^ /, '&nbsp;').replace(/ $/, '&nbsp;');
  return spaced === '' ? '&nbsp;' : spaced;
}

/**
 * Plain text typed (or appended with `comment.appendText`) into the rich-text composer, as its HTML: a
 * `<p>` per line; an empty line is `<p>&nbsp;</p>`; a final newline ends the last line (no empty
 * paragraph after it). `"CNPJ: 1\nRazão Social: A & B\n"` → `<p>CNPJ: 1</p><p>Razão Social: A &amp; B</p>`.
 */
export function textAsHtml(text: string): string {
  if (text === '') return '';
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines.at(-1) === '') lines.pop();
  return lines.map((line) => `<p>${lineAsHtml(line)}</p>`).join('');
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references the composer writes (named ones above, and numeric `&#233;` / `&#xE9;`). */
export function decodeEntities(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1].toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

/**
 * The composer's HTML as plain text (Zendesk's `plain_body` of the saved comment): a line per paragraph
 * or `<br>`, tags dropped, entities decoded (`&nbsp;` is U+00A0, as in Zendesk's plain text).
 */
export function htmlAsText(html: string): string {
  return decodeEntities(
    html
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(p|div|li|h[1-6]|blockquote|pre)>/gi, '\n')
      .replace(/<[^>]*>/g, ''),
  ).replace(/\n$/, '');
}
