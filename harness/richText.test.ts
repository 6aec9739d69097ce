// @vitest-environment node
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeEntities, htmlAsText, textAsHtml } from './richText';

describe("the rich-text composer's HTML", () => {
  it('a <p> per line, reserved characters as entities, a final newline ends the last line', () => {
    expect(textAsHtml('CNPJ: 11.222.333/0001-81\nRazão Social: Silva & Filhos Ltda\n')).toBe('<p>CNPJ: 11.222.333/0001-81</p><p>Razão Social: Silva &amp; Filhos Ltda</p>');
    expect(textAsHtml('\nContato: <Maria>')).toBe('<p>&nbsp;</p><p>Contato: &lt;Maria&gt;</p>');
    expect(textAsHtml('a  b   c ')).toBe('<p>a &nbsp;b &nbsp; c&nbsp;</p>');
    expect(textAsHtml('')).toBe('');
  });

  it('as text again: paragraphs and <br> as lines, tags dropped, entities decoded (&nbsp; is U+00A0)', () => {
    expect(htmlAsText('<p>CNPJ: 11.222.333/0001-81</p><p>Razão Social: Silva &amp; Filhos Ltda</p>')).toBe('CNPJ: 11.222.333/0001-81\nRazão Social: Silva & Filhos Ltda');
    expect(htmlAsText('<p>um<br>dois&nbsp;<strong>três</strong></p>')).toBe('um\ndois\u00a0três');
    expect(decodeEntities('&#233;&#xE9;&eacute;&amp;amp;')).toBe('éé&eacute;&amp;');
  });

  it('text → HTML → text gives the text back, spaces as typed (U+00A0 where the composer keeps them)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom('a', 'Ç', ' ', '&', '<', '>', '"', ';', '#') }), { minLength: 1, maxLength: 4 }), (lines) => {
        const text = lines.join('\n');
        fc.pre(text !== '' && !text.endsWith('\n'));
        expect(htmlAsText(textAsHtml(text)).replace(/\u00a0/g, ' ')).toBe(lines.map((line) => (line === '' ? ' ' : line)).join('\n'));
      }),
    );
  });
});
