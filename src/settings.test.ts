import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_SETTINGS, PARAMETERS, parseCatalogRules, parseSettings } from './settings';

describe('parseSettings', () => {
  it('gives every default when nothing is set', () => {
    const { settings, issues } = parseSettings({});
    expect(issues).toEqual([]);
    expect(settings.cnpjFieldId).toBeNull();
    expect(settings.orgCnpjField).toBe('cnpj');
    expect(settings.macroRegistrationPending).toBe('3. Atendimento Whatsapp - Pendência no Cadastro do Cliente (oficial)');
    expect(settings.referenceNumberOrgs).toEqual(['SODEXO']);
    expect(settings.deviceLimit).toBe(5);
    expect(settings.failMode).toBe('open');
    expect(settings.catalogRules).toEqual([
      { keywords: ['posicionamento', 'previsão', 'andamento do ticket'], path: 'Distribuição >> Linha Winthor >> 99 > 007 >> Posicionamento de ticket' },
    ]);
  });

  it('reads values as an installation sends them (text parameters are strings)', () => {
    const { settings, issues } = parseSettings({ cnpjFieldId: ' 360001 ', formulario0800FormId: 12, deviceLimit: '7', failMode: 'CLOSED', referenceNumberOrgs: 'SODEXO, Nextel;Viação' });
    expect(issues).toEqual([]);
    expect(settings).toMatchObject({ cnpjFieldId: 360001, formulario0800FormId: 12, deviceLimit: 7, failMode: 'closed', referenceNumberOrgs: ['SODEXO', 'Nextel', 'Viação'] });
  });

  it('names the parameter of each bad value and keeps its default', () => {
    const { settings, issues } = parseSettings({ cnpjFieldId: 'abc', deviceLimit: -1, failMode: 'talvez', titlePositionRequest: 'Posicionamento', marcaValue: { nested: true } });
    expect(issues).toEqual([
      { parameter: 'cnpjFieldId', problem: 'notAnId' },
      { parameter: 'titlePositionRequest', problem: 'placeholderMissing' },
      { parameter: 'marcaValue', problem: 'notText' },
      { parameter: 'deviceLimit', problem: 'notACount' },
      { parameter: 'failMode', problem: 'badFailMode' },
    ]);
    expect(settings.cnpjFieldId).toBeNull();
    expect(settings.deviceLimit).toBe(5);
    expect(settings.failMode).toBe('open');
    expect(settings.marcaValue).toBe('Bematech Hardware');
  });

  it('reads IDs and counts pasted with NBSP, zero-width characters or full-width digits', () => {
    const { settings, issues } = parseSettings({ cnpjFieldId: '360\u00A0001\u200B', formulario0800FormId: '１２', deviceLimit: ' 7\u00A0' });
    expect(issues).toEqual([]);
    expect(settings).toMatchObject({ cnpjFieldId: 360001, formulario0800FormId: 12, deviceLimit: 7 });
  });

  describe('failMode: a checkbox, and the text values of installations made before it was one', () => {
    it.each([
      [true, 'closed'],
      [false, 'open'],
      ['true', 'closed'],
      ['false', 'open'],
      ['closed', 'closed'],
      ['CLOSED', 'closed'],
      ['fechado', 'closed'],
      ['Fechado', 'closed'],
      ['open', 'open'],
      ['aberto', 'open'],
      ['Aberto ', 'open'],
      ['', 'open'],
      [null, 'open'],
    ])('%j → %s', (value, mode) => {
      const { settings, issues } = parseSettings({ failMode: value });
      expect(settings.failMode).toBe(mode);
      expect(issues).toEqual([]);
    });
    it('is open on a fresh install (the manifest default: unchecked)', () => expect(DEFAULT_SETTINGS.failMode).toBe('open'));
  });

  it('never throws, and always returns every parameter (random installations)', () => {
    const names = PARAMETERS.map((parameter) => parameter.name);
    const anyValue = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string()), fc.object(), fc.string({ unit: fc.constantFrom('[', ']', '{', '}', '"', ',', '=', '>', '\n', 'a', '1') }));
    fc.assert(
      fc.property(fc.oneof(fc.dictionary(fc.constantFrom(...names, 'other'), anyValue), anyValue), (raw) => {
        const { settings, issues } = parseSettings(raw);
        expect(Object.keys(settings).sort()).toEqual([...names].sort());
        for (const issue of issues) expect(names).toContain(issue.parameter);
        expect(['open', 'closed']).toContain(settings.failMode);
      }),
    );
  });

  it('DEFAULT_SETTINGS is the parse of nothing', () => expect(DEFAULT_SETTINGS).toEqual(parseSettings(undefined).settings));
});

describe('parseCatalogRules', () => {
  it('reads one rule per line, skipping blanks and # comments', () => {
    expect(parseCatalogRules('# rules\n\nnf-e, nota fiscal => A >> B\nboleto => C::D')).toEqual({
      ok: true,
      value: [
        { keywords: ['nf-e', 'nota fiscal'], path: 'A >> B' },
        { keywords: ['boleto'], path: 'C::D' },
      ],
    });
  });
  it('skips only a bad line, naming it, and keeps the other rules (issue 19)', () => {
    expect(parseCatalogRules('a => B\nno arrow here\n => C\nd =>\ne => F')).toEqual({
      ok: true,
      value: [
        { keywords: ['a'], path: 'B' },
        { keywords: ['e'], path: 'F' },
      ],
      skipped: [
        { problem: 'badRule', line: 2, text: 'no arrow here' },
        { problem: 'badRule', line: 3, text: '=> C' },
        { problem: 'badRule', line: 4, text: 'd =>' },
      ],
    });
    const { settings, issues } = parseSettings({ catalogRules: 'posicionamento => A >> B\nsem seta aqui' });
    expect(settings.catalogRules).toEqual([{ keywords: ['posicionamento'], path: 'A >> B' }]);
    expect(issues).toEqual([{ parameter: 'catalogRules', problem: 'badRule', line: 2, text: 'sem seta aqui' }]);
  });
  it('names a long bad line by its first 80 characters', () => {
    const result = parseCatalogRules(`ok => A\n${'x'.repeat(200)}`);
    expect(result.ok && result.skipped?.[0].text).toBe(`${'x'.repeat(79)}…`);
  });
  it('also reads a JSON list, skipping a bad entry, and says when the JSON does not parse at all', () => {
    expect(parseCatalogRules('[{"keywords": ["boleto"], "path": "X >> Y"}]')).toEqual({ ok: true, value: [{ keywords: ['boleto'], path: 'X >> Y' }] });
    expect(parseCatalogRules('[{"keywords": ["boleto"], "path": "X"}, {"keywords": "boleto"}]')).toEqual({
      ok: true,
      value: [{ keywords: ['boleto'], path: 'X' }],
      skipped: [{ problem: 'badRule', line: 2, text: '{"keywords":"boleto"}' }],
    });
    expect(parseCatalogRules('[{"keywords": [')).toEqual({ ok: false, problem: 'badRulesJson' });
    expect(parseCatalogRules('[1, 2')).toEqual({ ok: false, problem: 'badRulesJson' });
  });
  it('keeps every good line whatever the bad ones around it (property)', () => {
    const good = fc.tuple(fc.constantFrom('boleto', 'nota fiscal', 'previsão'), fc.constantFrom('A >> B', 'C::D')).map(([keyword, path]) => ({ line: `${keyword} => ${path}`, rule: { keywords: [keyword], path } }));
    const bad = fc.constantFrom('sem seta', '=> só caminho', 'só palavras =>', ' , => X');
    fc.assert(
      fc.property(fc.array(fc.oneof(good, bad.map((line) => ({ line, rule: null })))), (lines) => {
        const result = parseCatalogRules(lines.map((entry) => entry.line).join('\n'));
        if (!result.ok) throw new Error('never fails as a whole');
        expect(result.value).toEqual(lines.flatMap((entry) => (entry.rule ? [entry.rule] : [])));
        expect(result.skipped?.map((issue) => issue.line) ?? []).toEqual(lines.flatMap((entry, index) => (entry.rule ? [] : [index + 1])));
      }),
    );
  });
});
