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
    const { settings, issues } = parseSettings({ cnpjFieldId: 'abc', deviceLimit: -1, failMode: 'aberto', titlePositionRequest: 'Posicionamento', marcaValue: { nested: true } });
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

  it('never throws, and always returns every parameter (10,000 random installations)', () => {
    const names = PARAMETERS.map((parameter) => parameter.name);
    const anyValue = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string()), fc.object(), fc.string({ unit: fc.constantFrom('[', ']', '{', '}', '"', ',', '=', '>', '\n', 'a', '1') }));
    fc.assert(
      fc.property(fc.oneof(fc.dictionary(fc.constantFrom(...names, 'other'), anyValue), anyValue), (raw) => {
        const { settings, issues } = parseSettings(raw);
        expect(Object.keys(settings).sort()).toEqual([...names].sort());
        for (const issue of issues) expect(names).toContain(issue.parameter);
        expect(['open', 'closed']).toContain(settings.failMode);
      }),
      { numRuns: 10_000 },
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
  it('names the bad line', () => {
    expect(parseCatalogRules('a => B\nno arrow here')).toEqual({ ok: false, problem: 'badRule', line: 2 });
    expect(parseCatalogRules(' => B')).toEqual({ ok: false, problem: 'badRule', line: 1 });
    expect(parseCatalogRules('a =>')).toEqual({ ok: false, problem: 'badRule', line: 1 });
  });
  it('also reads a JSON list, and says when it does not parse', () => {
    expect(parseCatalogRules('[{"keywords": ["boleto"], "path": "X >> Y"}]')).toEqual({ ok: true, value: [{ keywords: ['boleto'], path: 'X >> Y' }] });
    expect(parseCatalogRules('[{"keywords": "boleto"}]')).toEqual({ ok: false, problem: 'badRulesJson' });
    expect(parseCatalogRules('[{"keywords": [')).toEqual({ ok: false, problem: 'badRulesJson' });
  });
});
