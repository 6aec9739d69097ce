import { decodeNamedCharacterReference } from 'decode-named-character-reference';

/**
 * Rich text as Zendesk hands it over, read as the agent sees it. ZAF `ticket.comment.text` is the
 * composer's HTML when the agent writes in rich text (`<p>` per line, `&amp;`, `&nbsp;`; ZAF Support
 * API, Ticket object, comment), and comment bodies can carry HTML.
 *
 * Written here rather than taken from an HTML-to-text library: those parse a whole DOM (html-to-text
 * brings htmlparser2, tens of KB gzip; the browser's DOMParser does not exist in Node tests), while
 * rules need only the text, its line breaks, and entities decoded. Named entities are decoded by
 * `decode-named-character-reference` (in the browser: the browser's own table, no bytes shipped; in
 * Node: the WHATWG list from `character-entities`).
 */

/** A tag (`<p>`, `</div>`, `<br/>`, `<a href="x>y">`), a comment, or an entity: the text is HTML. */
const HTML_MARK = /<\/?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?\/?>|<!--|&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});/;

/** Whether a text is HTML rather than plain text ("a < b" and "R&D" are plain). */
export function looksLikeHtml(text: string): boolean {
  return HTML_MARK.test(text);
}

const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}));/g;

/** What a numeric reference stands for; NUL, surrogates and out-of-range ones are U+FFFD (WHATWG HTML §13.2.5.80). */
function codePoint(code: number): string {
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD';
  return String.fromCodePoint(code);
}

/** `&amp;` `&#233;` `&#xE9;` `&atilde;` → `&` `é` `é` `ã`; an unknown name is left as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (decimal !== undefined) return codePoint(Number.parseInt(decimal, 10));
    if (hex !== undefined) return codePoint(Number.parseInt(hex, 16));
    const decoded = decodeNamedCharacterReference(name ?? '');
    return decoded === false ? whole : decoded;
  });
}

const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const RAW_TEXT = /<(script|style|template|title|head)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi;
const DECLARATION = /<[!?][^>]*>/g;
/** Tags that end a line when rendered: `<br>`, and the opening and closing tags of blocks. */
const LINE_BREAK = /<(?:br|hr)\b(?:[^>"']|"[^"]*"|'[^']*')*>|<\/?(?:p|div|li|ul|ol|tr|table|thead|tbody|h[1-6]|blockquote|pre|section|article|header|footer|dd|dt|dl|figure|figcaption|address)\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi;
const TAG = /<\/?[a-zA-Z][a-zA-Z0-9-]*(?:[^>"']|"[^"]*"|'[^']*')*>/g;

/**
 * HTML → the text a reader sees: comments, scripts and styles dropped; `<br>` and block tags (`<p>`,
 * `<div>`, `<li>`, …) as line breaks; other tags removed; white space of the source collapsed as a
 * browser does; entities decoded (named, decimal, hex), `&nbsp;` as a plain space. Lines are trimmed
 * and empty lines dropped. Entities are decoded after tags are removed, so `&lt;b&gt;` stays text.
 */
export function htmlToText(html: string): string {
  const marked = html
    .replace(COMMENT, '')
    .replace(RAW_TEXT, '')
    .replace(DECLARATION, '')
    .replace(/[ \t\r\n\f]+/g, ' ')
    .replace(LINE_BREAK, '\n')
    .replace(TAG, '');
  return decodeEntities(marked)
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** A draft or comment as text: converted when it is HTML, as it is otherwise. */
export function asText(value: string): string {
  return looksLikeHtml(value) ? htmlToText(value) : value;
}
