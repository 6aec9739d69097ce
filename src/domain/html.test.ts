import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { asText, decodeEntities, htmlToText, looksLikeHtml } from './html';
import { asRichText, asSeen, plainLines, richTextStyle } from './richText.fixtures';

describe('decodeEntities', () => {
  it.each([
    ['Silva &amp; Filhos', 'Silva & Filhos'],
    ['&lt;b&gt; &quot;x&quot; &apos;y&apos;', '<b> "x" \'y\''],
    ['Concei&ccedil;&atilde;o', 'Conceição'],
    ['&#67;&#78;&#80;&#74;', 'CNPJ'],
    ['&#x43;&#X4e;&#x50;&#x4A;', 'CNPJ'],
    ['&#233; &#xE9; &eacute;', 'é é é'],
    ['a&nbsp;b', 'a\u00a0b'],
    ['&#128512;', '😀'],
    ['&#0; &#xD800; &#1114112;', '\uFFFD \uFFFD \uFFFD'],
    ['&notanentity; &amp', '&notanentity; &amp'],
    ['R&D, 5 & 6', 'R&D, 5 & 6'],
  ])('%s → %s', (html, text) => expect(decodeEntities(html)).toBe(text));
});

describe('htmlToText', () => {
  it('reads a rich-text internal note as the agent wrote it', () => {
    expect(htmlToText('<p>Razão Social: Silva &amp; Filhos Ltda</p>')).toBe('Razão Social: Silva & Filhos Ltda');
    expect(htmlToText('<p>Razão Social: Silva&nbsp;&amp;&nbsp;Filhos&nbsp;Ltda</p>')).toBe('Razão Social: Silva & Filhos Ltda');
    expect(htmlToText('<p>CNPJ: 11.222.333/0001-81</p><p>Razão Social: Silva &amp; Filhos Ltda</p>')).toBe('CNPJ: 11.222.333/0001-81\nRazão Social: Silva & Filhos Ltda');
  });
  it('turns <br> and blocks into line breaks, and drops other tags', () => {
    expect(htmlToText('a<br>b<br/>c<BR />d')).toBe('a\nb\nc\nd');
    expect(htmlToText('<div>a</div><div><b>b</b> <i>c</i></div><ul><li>d</li><li>e</li></ul>')).toBe('a\nb c\nd\ne');
    expect(htmlToText('<p><br></p>')).toBe('');
    expect(htmlToText('<a href="https://x.example/?a=1&amp;b=2" title="a > b">link</a> text')).toBe('link text');
  });
  it('collapses the source\'s white space as a browser does', () => {
    expect(htmlToText('<p>\n  one\n  two   three\n</p>\n<p>four</p>')).toBe('one two three\nfour');
  });
  it('drops comments, scripts and styles, keeps escaped markup as text', () => {
    expect(htmlToText('a<!-- <p>hidden</p> -->b')).toBe('ab');
    expect(htmlToText('a<!-- never closed <p>x</p>')).toBe('a');
    expect(htmlToText('<script>alert(1)</script><style>p{}</style>ok')).toBe('ok');
    expect(htmlToText('&lt;script&gt;alert(1)&lt;/script&gt;')).toBe('<script>alert(1)</script>');
  });
  it('reads any plain text written as rich text back as the same text (property)', () => {
    fc.assert(
      fc.property(plainLines, richTextStyle, (text, style) => {
        expect(htmlToText(asRichText(text, style))).toBe(asSeen(text));
      }),
      { numRuns: 3000 },
    );
  });
  it('never throws and never leaves a tag (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'<>/pa b="\'!-&;#x1\n'.split('')), maxLength: 60 }), (html) => {
        const text = htmlToText(html);
        expect(/<\/?p>|<br>/.test(text) && !/&lt;|&#/.test(html)).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('looksLikeHtml / asText', () => {
  it.each([['<p>x</p>'], ['a<br>b'], ['a &amp; b'], ['<!-- c -->'], ['<div class="x">y</div>']])('%s is HTML', (text) => expect(looksLikeHtml(text)).toBe(true));
  it.each([['a < b'], ['R&D e P&D'], ['5 > 3 e 2 < 4'], ['Distribuição >> Linha Winthor >> 99 > 007'], ['CNPJ: 11.222.333/0001-81']])('%s is plain text', (text) => expect(looksLikeHtml(text)).toBe(false));
  it('leaves plain text as it is', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        fc.pre(!looksLikeHtml(text));
        expect(asText(text)).toBe(text);
      }),
    );
  });
});
