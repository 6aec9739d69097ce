import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readText } from './reading';
import { planProcedure } from './procedures';
import { osChecklist, mentionedDeviceCount, mentionsQuote } from './saveGuard';
import { context, FIELD, FORM_0800, organization, testSettings } from './fixtures';
import { asRichText, richTextStyle } from './richText.fixtures';

describe('readText', () => {
  it('reads rich text and pasted Unicode as the plain text a reader sees', () => {
    const reading = readText('<p>Razão&nbsp;Social: Silva &amp; Filhos\u00A0Ltda</p><p>CNPJ 11.222.333/0001\u201381</p>');
    expect(reading.text).toBe('Razão Social: Silva & Filhos Ltda\nCNPJ 11.222.333/0001-81');
    expect(reading.normalized).toBe('razao social: silva & filhos ltda cnpj 11.222.333/0001-81');
    expect(reading.words).toEqual(['razao', 'social', 'silva', 'filhos', 'ltda', 'cnpj', '11', '222', '333', '0001', '81']);
  });
  it('finds a phrase by its words, case, accents and punctuation aside', () => {
    const reading = readText('<p>Razão Social: SILVA &amp; FILHOS LTDA.</p>');
    expect(reading.hasPhrase('Silva & Filhos Ltda')).toBe(true);
    expect(reading.hasPhrase('silva filhos')).toBe(true);
    expect(reading.hasPhrase('Silva Ltda')).toBe(false);
    expect(reading.hasPhrase('ilva')).toBe(false);
    expect(reading.hasPhrase('&')).toBe(false);
  });
  it('lists the phrases of up to n words', () => {
    expect([...readText('A b, C').phrases(2)].sort()).toEqual(['a', 'a b', 'b', 'b c', 'c']);
  });
  it('computes each result once per text: the same text gives the same reading', () => {
    const big = `${'x'.repeat(1_000_000)} 8 impressoras`;
    const first = readText(big);
    let runs = 0;
    const count = () => first.memo('test.count', () => (runs += 1));
    count();
    count();
    expect(readText(`${big}`)).toBe(first);
    expect(readText(big).memo('test.count', () => (runs += 1))).toBe(1);
    expect(runs).toBe(1);
    expect(readText(big).phrases(2)).toBe(readText(big).phrases(2));
  });
  it('keeps the texts in use while new drafts come and go', () => {
    const kept = readText('comentário salvo de 1 MB');
    for (let keystroke = 0; keystroke < 20_000; keystroke += 1) {
      readText(`rascunho ${keystroke}`);
      if (keystroke % 1000 === 0) readText('comentário salvo de 1 MB');
    }
    expect(readText('comentário salvo de 1 MB')).toBe(kept);
  });
  it('reads null and numbers', () => {
    expect(readText(null).text).toBe('');
    expect(readText(42).words).toEqual(['42']);
  });
});

describe('the O.S. warnings read rich text once per text', () => {
  it('counts devices and quotes in rich text', () => {
    expect(mentionedDeviceCount(['<p>São&nbsp;8&nbsp;impressoras</p>'])).toBe(8);
    expect(mentionsQuote(['<p>Gerar or&ccedil;amento</p>'])).toBe(true);
  });
});

describe('what the app writes, read back from rich text (issue 19)', () => {
  /** The "Abrir O.S." note the app appends, as the rich-text composer hands it back. */
  function appNote(name: string, cnpj: string) {
    const ctx = context({ organization: organization({ cnpj, razao_social: name }), draft: { text: '', internal: true } });
    const plan = planProcedure('openOsBematech', {}, ctx, testSettings(), []);
    if (!plan.ok) throw new Error('plan failed');
    const append = plan.steps.map((step) => step.action).find((action) => action.op === 'invoke' && action.name === 'ticket.comment.appendText');
    return { ctx, note: String(append && append.op === 'invoke' ? append.args[0] : '') };
  }
  const osTicket = (ctx: ReturnType<typeof context>, draft: string) => ({
    ...ctx,
    ticket: { ...ctx.ticket, formId: FORM_0800, fields: { ...ctx.ticket.fields, [FIELD.marca]: 'bematech_hardware' }, draft: { text: draft, internal: true } },
  });
  const noteItem = (ctx: ReturnType<typeof context>) => osChecklist({ context: ctx, settings: testSettings(), savedComments: { state: 'done', value: [] }, savedStatus: { state: 'done', value: 'open' } }).find((item) => item.id === 'internalNote');

  it('the app\'s own note passes the note check as plain and as rich text', () => {
    const { ctx, note } = appNote('Silva & Filhos Ltda', '11.222.333/0001-81');
    expect(noteItem(osTicket(ctx, note))?.state).toBe('ok');
    expect(noteItem(osTicket(ctx, '<p>CNPJ: 11.222.333/0001-81</p><p>Razão Social: Silva &amp; Filhos Ltda</p>'))?.state).toBe('ok');
    expect(noteItem(osTicket(ctx, '<p>CNPJ: 11.222.333/0001-81</p><p>Razão Social: Silva&nbsp;&amp;&nbsp;Filhos Ltda</p>'))?.state).toBe('ok');
    expect(noteItem(osTicket(ctx, '<p>CNPJ: 11.222.333/0001-81</p><p>Razão Social: Outra Empresa</p>'))?.state).toBe('missing');
  });
  it('passes for any Razão Social and CNPJ, in any rich-text rendering (property)', () => {
    const name = fc.string({ unit: fc.constantFrom(...'ABCabcçãé &<>"\'-./0123'.split('')), minLength: 1, maxLength: 40 }).filter((n) => /[A-Za-z0-9çãé]/.test(n));
    const cnpj = fc.constantFrom('11.222.333/0001-81', '12.ABC.345/01DE-35', '1234567000195', '45.287.033/0001-00');
    fc.assert(
      fc.property(name, cnpj, richTextStyle, (razaoSocial, value, style) => {
        const { ctx, note } = appNote(razaoSocial, value);
        expect(noteItem(osTicket(ctx, asRichText(note, style)))?.state).toBe('ok');
      }),
      { numRuns: 1500 },
    );
  });
});
