import { describe, expect, it } from 'vitest';
import { computeFindings, financialPending, type FindingsInput } from './findings';
import { context, FIELD, organization, testSettings } from './fixtures';
import type { Macro, MacroAnswer, MacroLookups } from './macros';
import { findMacro } from './macroTitles';
import type { OrganizationMatch } from './organizations';
import type { TicketContext } from './ticket';
import { parseSettings } from '../settings';
import { checksOff } from './configuration';

const macro = (id: number, title: string, active = true): Macro => ({ id, title, active, restriction: null, actions: [] });
const MACROS: Macro[] = [
  macro(31, 'Atendimento Whatsapp (Oficial)'),
  macro(32, '1. Atendimento Whatsapp Transferência N2(oficial)'),
  macro(33, '3. Atendimento Whatsapp - Pendência no Cadastro do Cliente (oficial)'),
];
const TITLES = { macroCloseWhatsapp: MACROS[0].title, macroTransferN2: MACROS[1].title, macroRegistrationPending: MACROS[2].title };
const answer = (macros: Macro[], title: string): MacroAnswer => ({ candidates: macros, match: findMacro(macros, title) });
/** Every title setting looked up: done with these macros, or failed for that reason. */
const lookedUp = (lookup: { state: 'done'; value: Macro[] } | { state: 'failed'; reason: 'server' }): MacroLookups =>
  Object.fromEntries(Object.entries(TITLES).map(([setting, title]) => [setting, lookup.state === 'done' ? { state: 'done', value: answer(lookup.value, title) } : lookup]));

function findings(ctx: TicketContext, extra: Partial<FindingsInput> = {}) {
  return computeFindings({ context: ctx, settings: testSettings(), settingsIssues: [], organizationSearch: { state: 'idle' }, macros: lookedUp({ state: 'done', value: MACROS }), ...extra });
}
const ids = (list: ReturnType<typeof findings>) => list.map((finding) => `${finding.severity}:${finding.id}`);
const withOrg = (fields: Record<string, unknown>, ticket: Partial<TicketContext['ticket']> = {}) => context({ organization: organization(fields), ...ticket });

describe('computeFindings', () => {
  it('shows only the wallet badge for a clean Prime customer', () => {
    expect(ids(findings(context()))).toEqual(['info:wallet.prime']);
  });

  describe('financial pending', () => {
    it.each([['Sim'], ['sim'], ['SIM'], [' Sim '], [true], ['true']])('%s blocks, with the script and the one-click action', (value) => {
      const [first] = findings(withOrg({ pendencia_financeira: value }));
      expect(first).toMatchObject({
        id: 'financialPending',
        severity: 'block',
        actions: [{ kind: 'copyText', text: { key: 'customer.financialPending' } }, { kind: 'procedure', procedure: 'registrationPending' }],
      });
      expect(first.details?.map((detail) => detail.key)).toEqual(['finding.financialPending.script', 'finding.financialPending.portal', 'finding.financialPending.then']);
    });
    it.each([['Não'], ['nao'], ['NÃO'], [false], [''], [null]])('%s does not block', (value) => {
      expect(financialPending(withOrg({ pendencia_financeira: value }), testSettings())).toBe('no');
    });
  });

  describe('no organization', () => {
    const noOrg = (cnpj: unknown = '11222333000181') => context({ organization: null, fields: { [FIELD.cnpj]: cnpj, [FIELD.sessionTicketId]: '4521' } });
    const match: OrganizationMatch = { organization: organization(), topRequester: { id: 21, name: 'Beatriz', email: 'b@x.example' }, ticketCount: 3, window: { counted: 100, complete: false } };
    const found = (...matches: OrganizationMatch[]) => ({ state: 'done' as const, value: { matches, total: matches.length } });
    it('blocks, and says it is searching by the session CNPJ', () => {
      const [first] = findings(noOrg(), { organizationSearch: { state: 'loading' } });
      expect(first).toMatchObject({ id: 'noOrganization', severity: 'block', details: [{ key: 'finding.noOrganization.searching', params: { cnpj: '11.222.333/0001-81' } }] });
    });
    it('offers the top requester of the organization found', () => {
      const [first] = findings(noOrg(), { organizationSearch: found(match) });
      expect(first.actions).toEqual([{ kind: 'adoptRequester', organizationId: 77, user: match.topRequester }]);
      expect(first.details?.[0]).toMatchObject({ key: 'finding.noOrganization.foundRecent', params: { user: 'Beatriz', count: 3, counted: 100 } });
    });
    it('says what was counted: all the tickets, the most recent ones, or nothing when their order is unknown', () => {
      const all = findings(noOrg(), { organizationSearch: found({ ...match, window: { counted: 12, complete: true } }) })[0];
      expect(all.details?.[0]).toMatchObject({ key: 'finding.noOrganization.foundAll', params: { counted: 12 } });
      const nobody = findings(noOrg(), { organizationSearch: found({ ...match, topRequester: null, ticketCount: 0 }) })[0];
      expect([nobody.details?.[0].key, nobody.actions]).toEqual(['finding.noOrganization.noRequesterRecent', []]);
      const unknown = findings(noOrg(), { organizationSearch: found({ ...match, topRequester: null, ticketCount: 0, window: null }) })[0];
      expect([unknown.details?.[0].key, unknown.actions]).toEqual(['finding.noOrganization.orderUnknown', []]);
    });
    it('says how many organizations of the CNPJ were not looked at', () => {
      const many = findings(noOrg(), { organizationSearch: { state: 'done', value: { matches: [match, match, match], total: 5 } } })[0];
      expect(many.details?.map((d) => d.key)).toEqual(['finding.noOrganization.several', 'finding.noOrganization.foundRecent', 'finding.noOrganization.foundRecent', 'finding.noOrganization.foundRecent', 'finding.noOrganization.notLooked']);
      expect(many.details?.at(-1)?.params).toEqual({ count: 2 });
    });
    it('lists several organizations, and says when none is found or the search failed', () => {
      const several = findings(noOrg(), { organizationSearch: found(match, { ...match, organization: { ...match.organization, id: 78 } }) })[0];
      expect(several.details?.[0]).toMatchObject({ key: 'finding.noOrganization.several', params: { count: 2 } });
      expect(several.actions).toHaveLength(2);
      expect(findings(noOrg(), { organizationSearch: found() })[0].details?.[0].key).toBe('finding.noOrganization.noneFound');
      const failed = findings(noOrg(), { organizationSearch: { state: 'failed', reason: 'timeout' } })[0];
      expect([failed.details?.map((d) => d.key), failed.actions]).toEqual([['finding.noOrganization.searchFailed', 'failure.timeout'], [{ kind: 'retry' }]]);
    });
    it('a search waiting to retry says why: the API limit (429) is not a Zendesk error (5xx)', () => {
      const waiting = (reason: 'rateLimited' | 'server') => findings(noOrg(), { organizationSearch: { state: 'loading', waiting: { seconds: 3, reason } } })[0].details?.[0];
      expect(waiting('rateLimited')).toEqual({ key: 'lookup.waiting.rateLimited', params: { seconds: 3 } });
      expect(waiting('server')).toEqual({ key: 'lookup.waiting.server', params: { seconds: 3 } });
    });
    it('says there is nothing to search with when the session CNPJ is missing', () => {
      expect(findings(noOrg(''))[0].details?.[0].key).toBe('finding.noOrganization.noCnpj');
    });
  });

  describe('CNPJ', () => {
    const withSession = (cnpj: unknown, orgCnpj: unknown = '11.222.333/0001-81') => context({ organization: organization({ cnpj: orgCnpj }), fields: { [FIELD.cnpj]: cnpj, [FIELD.sessionTicketId]: '4521' } });
    it.each([
      ['', 'warn:cnpj', 'finding.cnpj.missing'],
      [null, 'warn:cnpj', 'finding.cnpj.missing'],
      ['11.222.333/0001-82', 'block:cnpj', 'finding.cnpj.invalid'],
      ['45.287.033/0001-00', 'block:cnpj', 'finding.cnpj.different'],
      ['11.222.333/0002-62', 'warn:cnpj', 'finding.cnpj.branch'],
    ])('session %s → %s', (cnpj, id, key) => {
      const found = findings(withSession(cnpj)).find((finding) => finding.id === 'cnpj');
      expect(`${found?.severity}:${found?.id}`).toBe(id);
      expect(found?.text.key).toBe(key);
    });
    it('accepts the same CNPJ in any punctuation and either format', () => {
      expect(findings(withSession('11222333000181')).some((f) => f.id === 'cnpj')).toBe(false);
      expect(findings(withSession('12abc34501de35', '12.ABC.345/01DE-35')).some((f) => f.id === 'cnpj')).toBe(false);
      expect(findings(withSession('12.ABC.345/99DE-35'.replace('99', '01'), '12.ABC.345/01DE-35')).some((f) => f.id === 'cnpj')).toBe(false);
    });
    it('every CNPJ block says what to check next; another company offers the search by the session CNPJ, then its result', () => {
      expect(findings(withSession('11.222.333/0001-82')).find((f) => f.id === 'cnpj')?.details).toEqual([{ key: 'finding.cnpj.invalidNext' }]);
      const different = withSession('45.287.033/0001-00');
      expect(findings(different).find((f) => f.id === 'cnpj')).toMatchObject({ details: [{ key: 'finding.cnpj.differentNext' }], actions: [{ kind: 'searchOrganization' }] });
      const found = { organization: organization({ cnpj: '45.287.033/0001-00' }, 'Alfa'), topRequester: { id: 10, name: 'João', email: 'j@x.example' }, ticketCount: 2, window: { counted: 2, complete: true } };
      const after = findings(different, { organizationSearch: { state: 'done', value: { matches: [found], total: 1 } } }).find((f) => f.id === 'cnpj');
      expect(after?.details?.map((d) => d.key)).toEqual(['finding.cnpj.differentNext', 'finding.noOrganization.foundAll']);
      expect(after?.actions).toEqual([{ kind: 'adoptRequester', organizationId: 77, user: found.topRequester }]);
      expect(findings(different, { organizationSearch: { state: 'loading' } }).find((f) => f.id === 'cnpj')?.actions).toBeUndefined();
    });

    it('warns when the organization has no CNPJ or an invalid one', () => {
      expect(findings(withSession('11222333000181', '')).find((f) => f.id === 'cnpj')?.text.key).toBe('finding.cnpj.organizationMissing');
      expect(findings(withSession('11222333000181', '123')).find((f) => f.id === 'cnpj')?.text.key).toBe('finding.cnpj.organizationInvalid');
    });
  });

  it('says nothing about a CNPJ field it cannot read (the configuration finding names it)', () => {
    const list = findings(context({ fields: {} }, { unreadablePaths: ['ticket.customField:custom_field_1'], unreadableFields: [FIELD.cnpj] }));
    expect(ids(list)).toEqual(['warn:setup', 'warn:config.cnpjFieldId', 'info:wallet.prime']);
    expect(list[0].text).toEqual({ key: 'finding.setup.checksOff', params: { checks: [{ key: 'check.cnpj' }] } });
  });

  it('warns when the session TicketId is another ticket', () => {
    const other = context({ fields: { [FIELD.cnpj]: '11222333000181', [FIELD.sessionTicketId]: '4400' } });
    expect(findings(other).find((f) => f.id === 'sessionTicketId')).toMatchObject({ severity: 'warn', text: { params: { session: '4400', ticket: 4521 } } });
    expect(findings(context({ fields: { [FIELD.cnpj]: '11222333000181', [FIELD.sessionTicketId]: '#4521' } })).some((f) => f.id === 'sessionTicketId')).toBe(false);
    expect(findings(context({ fields: { [FIELD.cnpj]: '11222333000181', [FIELD.sessionTicketId]: '' } })).some((f) => f.id === 'sessionTicketId')).toBe(false);
  });

  it('shows wallets as badges, and warns when there is none', () => {
    expect(ids(findings(withOrg({ prime: 'Prime Winthor - Carteira A - Gold', carteira_comum: 'PC Implantação Distribuidor' })))).toEqual(['info:wallet.prime', 'info:wallet.helpDesk']);
    expect(ids(findings(withOrg({ prime: null, carteira_comum: '' })))).toEqual(['warn:wallet.none']);
    expect(ids(findings(withOrg({ prime: 'Prime Ouro' })))).toEqual(['warn:wallet.unrecognized.Prime Ouro']);
  });

  it('orders blocks, then warnings, then information', () => {
    const list = findings(context({ organization: organization({ pendencia_financeira: 'Sim', prime: null }), fields: { [FIELD.cnpj]: '45.287.033/0001-00', [FIELD.sessionTicketId]: '1' } }));
    const order = { block: 0, warn: 1, info: 2 };
    expect(list.map((f) => order[f.severity])).toEqual([...list.map((f) => order[f.severity])].sort());
    expect(ids(list).slice(0, 2)).toEqual(['block:financialPending', 'block:cnpj']);
  });

  describe('unknown is its own state', () => {
    const unreadableOrg = () => context({ organization: null }, { unreadable: ['organization'], unreadablePaths: ['ticket.organization'] });
    it('an unreadable organization is not "no organization": it says what was not checked, and searches nothing', () => {
      const list = findings(unreadableOrg(), { organizationSearch: { state: 'idle' } });
      expect(ids(list)).toEqual(['warn:organizationUnknown']);
      expect(list[0].details?.[0].key).toBe('finding.organization.unreadableChecks');
      expect(financialPending(unreadableOrg(), testSettings())).toBe('unknown');
    });
    it('an organization without the pending field is "not checked", said once (the setup line); an empty setting turns the check off', () => {
      const withoutField = context({ organization: { ...organization(), fields: { cnpj: '11.222.333/0001-81', prime: 'Prime Winthor - Carteira A - Gold' } } });
      expect(financialPending(withoutField, testSettings())).toBe('unknown');
      expect(checksOff(withoutField, testSettings())).toContain('financialPending');
      expect(findings(withoutField).find((f) => f.id === 'financialPending')).toBeUndefined();
      expect(findings(withoutField).find((f) => f.id === 'setup')?.text).toMatchObject({ key: 'finding.setup.checksOff' });
      expect(financialPending(withoutField, testSettings({ orgFinancialPendingField: '' }))).toBe('no');
    });
    it('with no organization at all there is no financial pending (known), and the block says so', () => {
      expect(financialPending(context({ organization: null }), testSettings())).toBe('no');
    });
    it('an unreadable session TicketId field is not "another ticket"', () => {
      const ctx = context({ fields: { [FIELD.cnpj]: '11222333000181' } }, { unreadableFields: [FIELD.sessionTicketId] });
      expect(findings(ctx).some((f) => f.id === 'sessionTicketId')).toBe(false);
    });
  });

  describe('configuration', () => {
    const config = (list: ReturnType<typeof findings>) => list.filter((f) => f.audience === 'admin').map((f) => f.text.key);
    it('names a settings problem, an unreadable field and a missing org field key', () => {
      const ctx = context({}, { unreadablePaths: [`ticket.customField:custom_field_${FIELD.osNumber}`], unreadableFields: [FIELD.osNumber] });
      ctx.ticket.organization = { ...organization(), fields: { cnpj: '11.222.333/0001-81', prime: 'Prime Winthor - Carteira A - Gold', pendencia_financeira: 'Não' } };
      const list = findings(ctx, { settingsIssues: [{ parameter: 'catalogRules', problem: 'badRule', line: 2 }] });
      expect(config(list)).toEqual(['config.badRule', 'config.fieldMissing', 'config.orgKeyMissing']);
      expect(list.find((f) => f.text.key === 'config.orgKeyMissing')?.text.params).toMatchObject({ key: 'carteira_comum' });
    });
    it('names a macro title that matches nothing, an inactive one or several', () => {
      const macros: Macro[] = [macro(1, 'Atendimento Whatsapp (Oficial)', false), macro(2, '1. Atendimento Whatsapp Transferência N2(oficial)'), macro(3, '1. Atendimento WhatsApp Transferência N2(Oficial)')];
      expect(config(findings(context(), { macros: lookedUp({ state: 'done', value: macros }) }))).toEqual(['config.macro.inactive', 'config.macro.ambiguous', 'config.macro.missing']);
    });
    it('checks only the macros looked up so far: a title not looked up is not checked, never "missing"', () => {
      expect(config(findings(context(), { macros: {} }))).toEqual([]);
      expect(config(findings(context(), { macros: { macroTransferN2: { state: 'done', value: answer([], TITLES.macroTransferN2) }, macroCloseWhatsapp: { state: 'loading' } } }))).toEqual(['config.macro.missing']);
    });
    it('says an API outage where it matters, never as configuration (each reason once)', () => {
      const list = findings(context(), { macros: lookedUp({ state: 'failed', reason: 'server' }) });
      expect(config(list)).toEqual([]);
      expect(list.find((f) => f.id === 'macrosUnavailable')).toEqual({ id: 'macrosUnavailable', severity: 'warn', text: { key: 'finding.macrosUnavailable' }, details: [{ key: 'failure.server' }] });
      expect(list.some((f) => f.id === 'setup')).toBe(false);
    });
    it('names each setting by its label in Admin Center, not by its code name', () => {
      const list = computeFindings({ context: context(), settings: testSettings({ motivoFieldId: '' }), settingsIssues: [], organizationSearch: { state: 'idle' }, macros: lookedUp({ state: 'done', value: MACROS }) });
      expect(list.find((f) => f.id === 'config.motivoFieldId')?.text).toEqual({ key: 'config.notSet', params: { parameter: { key: 'parameter.motivoFieldId' } } });
    });
    it('names unset field settings and catalog paths the field lacks', () => {
      const settings = testSettings({ motivoFieldId: '', catalogRules: 'x => Nada >> Aqui' });
      const list = computeFindings({ context: context(), settings, settingsIssues: [], organizationSearch: { state: 'idle' }, macros: lookedUp({ state: 'done', value: MACROS }) });
      expect(config(list)).toEqual(['config.notSet', 'config.catalogPathMissing']);
    });
  });

  describe('checks off (issue 19)', () => {
    const fresh = () => computeFindings({ context: context(), settings: parseSettings({}).settings, settingsIssues: [], organizationSearch: { state: 'idle' }, macros: lookedUp({ state: 'done', value: MACROS }) });
    it('a fresh install with no IDs says which checks are off, to agents in one line, never "nothing blocks"', () => {
      const shown = fresh().filter((f) => f.audience !== 'admin' && f.severity !== 'info');
      expect(shown).toEqual([{ id: 'setup', severity: 'warn', text: { key: 'finding.setup.checksOff', params: { checks: [{ key: 'check.cnpj' }, { key: 'check.os' }, { key: 'check.sessionTicketId' }, { key: 'check.catalog' }] } } }]);
      expect(fresh().filter((f) => f.audience === 'admin').map((f) => f.id)).toEqual([
        'config.cnpjFieldId', 'config.sessionTicketIdFieldId', 'config.catalogFieldId', 'config.marcaFieldId', 'config.familiaFieldId', 'config.categoriaFieldId',
        'config.motivoFieldId', 'config.osNumberFieldId', 'config.areaResponsavelFieldId', 'config.numeroReferenciaFieldId', 'config.formulario0800FormId',
      ]);
    });
    it('points an admin to the configuration list instead', () => {
      const admin = computeFindings({ context: context({}, { role: 'admin' }), settings: parseSettings({}).settings, settingsIssues: [], organizationSearch: { state: 'idle' }, macros: {} });
      expect(admin.find((f) => f.id === 'setup')?.text.key).toBe('finding.setup.checksOffAdmin');
    });
    it('lists the financial pending and wallet checks off when the organization lacks their fields', () => {
      const ctx = context({ organization: { ...organization(), fields: { cnpj: '11.222.333/0001-81' } } });
      expect(checksOff(ctx, testSettings())).toEqual(['financialPending', 'wallet']);
      expect(checksOff(context(), testSettings())).toEqual([]);
      expect(checksOff(context(), testSettings({ catalogRules: '' }))).toEqual(['catalog']);
    });
    it('counts the other problems when no check is off', () => {
      const list = findings(context(), { macros: lookedUp({ state: 'done', value: [] }) });
      expect(list.find((f) => f.id === 'setup')?.text).toEqual({ key: 'finding.setup.problems', params: { count: 3 } });
    });
  });
});
