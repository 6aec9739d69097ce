import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { AccountObjects } from './setupAccount';
import { field, operationAccount } from './setupAccount.fixtures';
import { proposeMapping, proposeSetting, type SetupProposal } from './setupProposal';
import { SETUP_TARGETS } from './setupTargets';
import { PARAMETERS } from '../settings';

const byParameter = (proposal: SetupProposal) => Object.fromEntries(proposal.settings.map((s) => [s.target.parameter, s]));
const values = (proposal: SetupProposal) => Object.fromEntries(proposal.settings.map((s) => [s.target.parameter, s.value]));
const defaults = () => Object.fromEntries(PARAMETERS.map((p) => [p.name, p.default]));

describe('proposeMapping: a fresh install on the operation’s account', () => {
  const proposal = proposeMapping(defaults(), operationAccount());
  const by = byParameter(proposal);

  it('proposes every setting by title and type', () => {
    expect(values(proposal)).toEqual({
      cnpjFieldId: '360001',
      sessionTicketIdFieldId: '360002',
      catalogFieldId: '360003',
      marcaFieldId: '360004',
      familiaFieldId: '360005',
      categoriaFieldId: '360006',
      motivoFieldId: '360007',
      osNumberFieldId: '360008',
      areaResponsavelFieldId: '360009',
      numeroReferenciaFieldId: '360010',
      formulario0800FormId: '12',
      orgCnpjField: 'cnpj_cliente',
      orgRazaoSocialField: 'razao_social',
      orgHelpDeskField: 'carteira_comum',
      orgPrimeField: 'prime_winthor',
      orgFinancialPendingField: 'pendencia_fin',
      macroCloseWhatsapp: 'Atendimento WhatsApp (oficial)',
      macroTransferN2: 'WhatsApp::1. Atendimento Whatsapp Transferência N2(oficial)',
      macroRegistrationPending: '3. Atendimento Whatsapp - Pendência no Cadastro do Cliente (oficial)',
    });
    expect(proposal.duplicates).toEqual([]);
  });

  it('says which values are kept, proposed or missing', () => {
    expect(by.cnpjFieldId).toMatchObject({ status: 'proposed', currentState: 'empty' });
    expect(by.orgRazaoSocialField).toMatchObject({ status: 'kept', currentState: 'valid' });
    expect(by.orgCnpjField).toMatchObject({ status: 'proposed', currentState: 'absent', current: 'cnpj' });
    // The default title differs only in case from one shared macro (the personal one aside): written as the macro has it.
    expect(by.macroCloseWhatsapp).toMatchObject({ status: 'proposed', currentState: 'valid', value: 'Atendimento WhatsApp (oficial)' });
    expect(by.macroRegistrationPending).toMatchObject({ status: 'kept', currentState: 'valid' });
  });

  it('never proposes a field of the wrong type, and says why it was left out', () => {
    expect(by.catalogFieldId.candidates.map((c) => c.value)).toEqual(['360003']);
    expect(by.catalogFieldId.rejected).toEqual([{ value: '360099', title: 'Catálogo de Serviços (antigo)', reason: 'type', type: 'text' }]);
    expect(by.formulario0800FormId.rejected).toEqual([{ value: '13', title: '0800 (antigo)', reason: 'inactive' }]);
    expect(by.macroCloseWhatsapp.rejected).toEqual([{ value: 'Atendimento Whatsapp (Oficial)', title: 'Atendimento Whatsapp (Oficial)', reason: 'personal' }]);
  });

  it('notes a macro only a group can apply', () => {
    expect(by.macroRegistrationPending.candidates[0].notes).toEqual(['groupRestricted']);
  });

  it('offers every usable object of the right type to choose from, candidates first', () => {
    expect(by.catalogFieldId.choices.map((c) => c.value)).toEqual(['360003', '360004', '360005', '360006', '360066', '360007', '360009', '360011']);
  });
});

describe('proposeSetting', () => {
  const target = (name: string) => SETUP_TARGETS.find((t) => t.parameter === name)!;

  it('conflict: two text fields titled CNPJ the same way; the admin chooses', () => {
    const account = { ...operationAccount(), ticketFields: [field(1, 'CNPJ'), field(2, 'cnpj '), field(3, 'CNPJ do faturamento')] };
    const proposal = proposeSetting(target('cnpjFieldId'), '', account);
    expect(proposal).toMatchObject({ status: 'conflict', value: '' });
    expect(proposal.candidates.map((c) => [c.value, c.match])).toEqual([['1', 'exact'], ['2', 'exact'], ['3', 'contains']]);
  });

  it('an exact title beats one that only contains it; the operation’s own name beats an alias', () => {
    const account = { ...operationAccount(), ticketFields: [field(1, 'CNPJ do faturamento'), field(2, 'CNPJ'), field(3, 'CNPJ da sessão')] };
    expect(proposeSetting(target('cnpjFieldId'), '', account)).toMatchObject({ status: 'proposed', value: '3' });
  });

  it('keeps a stored value that names a usable field, even when another title fits better', () => {
    const proposal = proposeSetting(target('cnpjFieldId'), 360010, operationAccount());
    expect(proposal).toMatchObject({ status: 'kept', value: '360010', currentState: 'valid' });
    expect(proposal.candidates[0].value).toBe('360001');
  });

  it('replaces a stored ID that names a field of the wrong type, or none', () => {
    expect(proposeSetting(target('catalogFieldId'), '360099', operationAccount())).toMatchObject({ currentState: 'wrongType', status: 'proposed', value: '360003' });
    expect(proposeSetting(target('catalogFieldId'), '999', operationAccount())).toMatchObject({ currentState: 'absent', status: 'proposed', value: '360003' });
  });

  it('missing: nothing fits; the stored value stays, an optional one is emptied', () => {
    const account = { ...operationAccount(), ticketFields: [], organizationFields: [] };
    expect(proposeSetting(target('numeroReferenciaFieldId'), '', account)).toMatchObject({ status: 'missing', value: '' });
    expect(proposeSetting(target('orgCnpjField'), 'cnpj', account)).toMatchObject({ status: 'missing', value: 'cnpj', currentState: 'absent' });
    expect(proposeSetting(target('orgRazaoSocialField'), 'razao_social', account)).toMatchObject({ status: 'missing', value: '' });
  });

  it('unknown: a list that could not be read proposes nothing and keeps the stored value', () => {
    const account = { ...operationAccount(), ticketFields: null };
    expect(proposeSetting(target('cnpjFieldId'), '360001', account)).toMatchObject({ status: 'unknown', value: '360001', currentState: 'unknown', candidates: [] });
  });

  it('a macro title that no macro has: the closest titles are offered, none chosen', () => {
    const account = { ...operationAccount(), macros: [{ id: 1, title: 'Atendimento Whatsapp Oficial - encerramento', active: true, restriction: 'shared' as const }] };
    const proposal = proposeSetting(target('macroCloseWhatsapp'), 'Atendimento Whatsapp (Oficial)', account);
    expect(proposal).toMatchObject({ status: 'missing', value: 'Atendimento Whatsapp (Oficial)' });
    expect(proposal.candidates).toEqual([expect.objectContaining({ value: 'Atendimento Whatsapp Oficial - encerramento', match: 'similar' })]);
  });

  it('two active macros with one title: a conflict, each noted as sharing its title', () => {
    const macros = [
      { id: 1, title: 'Atendimento Whatsapp (Oficial)', active: true, restriction: 'shared' as const },
      { id: 2, title: 'atendimento whatsapp (oficial)', active: true, restriction: 'shared' as const },
    ];
    const proposal = proposeSetting(target('macroCloseWhatsapp'), '', { ...operationAccount(), macros });
    expect(proposal.status).toBe('conflict');
    expect(proposal.candidates.map((c) => c.notes)).toEqual([['sameTitle'], ['sameTitle']]);
  });

  it('duplicates: one field named by two settings', () => {
    const account = { ...operationAccount(), ticketFields: [field(5, 'Categoria / Motivo', 'tagger')] };
    const proposal = proposeMapping({}, account);
    expect(proposal.duplicates).toEqual([{ value: '5', parameters: ['categoriaFieldId', 'motivoFieldId'] }]);
  });

  // Every spelling, not a sample: the domain is 2 × 2 × 4 = 16 cases. As a 1,000-run property it proposed the same 16
  // accounts over and over, 28 s on a loaded 2-core machine and 125 s under the full suite: past the 30 s test timeout.
  it('the proposal ignores how titles are spelled (case, accents, spacing, punctuation around them): every spelling', () => {
    const base = operationAccount();
    const expected = values(proposeMapping(defaults(), base));
    const spell = (title: string, upper: boolean, accents: boolean, pad: string) => {
      let text = accents ? title.normalize('NFD').replace(/\p{M}+/gu, '') : title;
      text = upper ? text.toUpperCase() : text.toLowerCase();
      return `${pad}${text.replace(/ /g, ` ${pad.trim()} `.replace(/\s+/g, '  '))}${pad}`;
    };
    for (const upper of [false, true])
      for (const accents of [false, true])
        for (const pad of ['', ' ', '  ', ' * ']) {
          const account: AccountObjects = {
            ...base,
            ticketFields: base.ticketFields!.map((f) => ({ ...f, title: spell(f.title, upper, accents, pad) })),
            ticketForms: base.ticketForms!.map((f) => ({ ...f, name: spell(f.name, upper, accents, pad) })),
            organizationFields: base.organizationFields!.map((f) => ({ ...f, title: spell(f.title, upper, accents, pad) })),
          };
          const got = values(proposeMapping(defaults(), account));
          for (const target of SETUP_TARGETS.filter((t) => t.object !== 'macro')) expect([JSON.stringify({ upper, accents, pad }), target.parameter, got[target.parameter]]).toEqual([JSON.stringify({ upper, accents, pad }), target.parameter, expected[target.parameter]]);
        }
  });

  it('property: a field whose type is not one the setting reads is never proposed, whatever its title', () => {
    const allTypes = ['text', 'textarea', 'regexp', 'integer', 'decimal', 'checkbox', 'date', 'tagger', 'multiselect', 'lookup', 'subject', 'status'];
    fc.assert(
      fc.property(fc.constantFrom(...SETUP_TARGETS.filter((t) => t.object === 'ticketField')), fc.constantFrom(...allTypes), (target, type) => {
        const account = { ...operationAccount(), ticketFields: [field(77, target.titles[0], type)] };
        const proposal = proposeSetting(target, '', account);
        expect(proposal.value === '77').toBe(target.types.includes(type));
      }),
    );
  });
});
