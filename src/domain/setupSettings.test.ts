import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PARAMETERS, parseSettings } from '../settings';
import { chosenValues, settingsDiff, settingsToWrite, unresolvedConflicts } from './setupSettings';
import { proposeMapping } from './setupProposal';
import { operationAccount } from './setupAccount.fixtures';

const names = PARAMETERS.map((p) => p.name);

describe('settingsToWrite', () => {
  it('sends every manifest parameter, in manifest order, and nothing else', () => {
    const written = settingsToWrite({ cnpjFieldId: '1', orgCnpjKey: 'cnpj', extra: 'x' }, {});
    expect(Object.keys(written)).toEqual(names);
  });

  it('keeps every stored value exactly (type included) unless the mapping changes it', () => {
    const stored = { deviceLimit: 7, catalogRules: 'a => b', cnpjFieldId: 360001, failMode: 'closed', marcaFieldId: null };
    const written = settingsToWrite(stored, { cnpjFieldId: '360001', familiaFieldId: '5' });
    expect(written).toMatchObject({ deviceLimit: 7, catalogRules: 'a => b', cnpjFieldId: 360001, failMode: 'closed', marcaFieldId: null, familiaFieldId: '5' });
  });

  it('a parameter never stored gets its manifest default', () => {
    expect(settingsToWrite({}, {}).macroTransferN2).toBe(PARAMETERS.find((p) => p.name === 'macroTransferN2')!.default);
  });

  it('property: what it writes parses to the chosen values, and the rest parses as before', () => {
    const id = fc.integer({ min: 1, max: 2 ** 40 }).map(String);
    fc.assert(
      fc.property(fc.record({ cnpjFieldId: id, catalogFieldId: id, orgPrimeField: fc.stringMatching(/^[a-z_]{1,12}$/) }, { requiredKeys: [] }), fc.integer({ min: 0, max: 99 }), (values, limit) => {
        const stored = { deviceLimit: limit, titleRegistrationPending: 'Whats - X' };
        const written = settingsToWrite(stored, values);
        const { settings, issues } = parseSettings(written);
        expect(issues).toEqual([]);
        if (values.cnpjFieldId) expect(settings.cnpjFieldId).toBe(Number(values.cnpjFieldId));
        if (values.orgPrimeField) expect(settings.orgPrimeField).toBe(values.orgPrimeField);
        expect(settings.deviceLimit).toBe(limit);
        expect(settings.titleRegistrationPending).toBe('Whats - X');
        expect(settingsDiff(stored, written).map((c) => c.parameter).every((p) => p in values)).toBe(true);
      }),
    );
  });
});

describe('settingsDiff', () => {
  it('lists what changes, before → after, as text, in manifest order', () => {
    expect(settingsDiff({ cnpjFieldId: '', orgCnpjField: 'cnpj', deviceLimit: 5 }, { cnpjFieldId: '360001', orgCnpjField: 'cnpj_cliente', deviceLimit: '5' })).toEqual([
      { parameter: 'cnpjFieldId', before: '', after: '360001' },
      { parameter: 'orgCnpjField', before: 'cnpj', after: 'cnpj_cliente' },
    ]);
  });
});

describe('choices', () => {
  const proposal = proposeMapping({}, { ...operationAccount(), ticketFields: [{ id: 1, title: 'CNPJ', type: 'text', active: true, options: [] }, { id: 2, title: 'CNPJ', type: 'text', active: true, options: [] }] });

  it('the admin’s pick wins over the proposal; a conflict stays unresolved until picked', () => {
    expect(unresolvedConflicts(proposal, {})).toEqual(['cnpjFieldId']);
    expect(unresolvedConflicts(proposal, { cnpjFieldId: '2' })).toEqual([]);
    expect(chosenValues(proposal, { cnpjFieldId: '2' }).cnpjFieldId).toBe('2');
    expect(chosenValues(proposal, {}).cnpjFieldId).toBe('');
  });
});
