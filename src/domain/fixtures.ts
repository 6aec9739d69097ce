import { parseSettings, type Settings } from '../settings';
import type { FieldOption, Organization, Ticket, TicketContext } from './ticket';

/** Test data only: a configured installation and a ticket built from a few overrides. */
export const FIELD = { cnpj: 1, sessionTicketId: 2, catalog: 3, marca: 4, familia: 5, categoria: 6, motivo: 7, osNumber: 8, areaResponsavel: 9, numeroReferencia: 10 } as const;
export const FORM_0800 = 12;

export function testSettings(overrides: Record<string, unknown> = {}): Settings {
  const { settings, issues } = parseSettings({
    cnpjFieldId: FIELD.cnpj,
    sessionTicketIdFieldId: FIELD.sessionTicketId,
    catalogFieldId: FIELD.catalog,
    marcaFieldId: FIELD.marca,
    familiaFieldId: FIELD.familia,
    categoriaFieldId: FIELD.categoria,
    motivoFieldId: FIELD.motivo,
    osNumberFieldId: FIELD.osNumber,
    areaResponsavelFieldId: FIELD.areaResponsavel,
    numeroReferenciaFieldId: FIELD.numeroReferencia,
    formulario0800FormId: FORM_0800,
    ...overrides,
  });
  if (issues.length > 0) throw new Error(`test settings: ${JSON.stringify(issues)}`);
  return settings;
}

export const ORG_CNPJ = '11.222.333/0001-81';

export function organization(fields: Record<string, unknown> = {}, name = 'Supermercado Bom Preço Ltda'): Organization {
  return { id: 77, name, fields: { cnpj: ORG_CNPJ, razao_social: '', carteira_comum: null, prime: 'Prime Winthor - Carteira A - Gold', pendencia_financeira: 'Não', ...fields } };
}

export const MARCA_OPTIONS: FieldOption[] = [
  { label: 'Bematech Hardware', value: 'bematech_hardware' },
  { label: 'Winthor', value: 'winthor' },
];
export const FAMILIA_OPTIONS: FieldOption[] = [
  { label: 'hardware', value: 'familia_hardware' },
  { label: 'software', value: 'familia_software' },
];
export const CATALOG_OPTIONS: FieldOption[] = [
  { label: 'Distribuição::Linha Winthor::99 > 007::Posicionamento de ticket', value: 'posicionamento' },
  { label: 'Distribuição::Linha Winthor::10 > 002::Emissão de NF-e', value: 'nfe' },
];

export function context(ticket: Partial<Ticket> = {}, extra: Partial<Omit<TicketContext, 'ticket'>> = {}): TicketContext {
  const base = {
    id: 4521,
    status: 'open',
    subject: 'Erro ao emitir nota',
    description: '',
    type: 'question',
    formId: 11,
    requester: { id: 9, name: 'Maria Souza', email: 'maria@example.com', phone: '+55 11 98888-7777' },
    organization: organization(),
    fields: { [FIELD.cnpj]: ORG_CNPJ, [FIELD.sessionTicketId]: '4521' } as Record<number, unknown>,
    draft: { text: '', internal: false },
    tags: [] as string[],
    ...ticket,
  };
  return {
    // Unless a test says otherwise, what the ticket shows is what Zendesk has stored.
    ticket: { saved: { subject: base.subject, fields: { ...base.fields }, formId: base.formId }, ...base },
    fieldOptions: { [FIELD.marca]: MARCA_OPTIONS, [FIELD.familia]: FAMILIA_OPTIONS, [FIELD.catalog]: CATALOG_OPTIONS },
    unreadable: [],
    unreadablePaths: [],
    unreadableFields: [],
    locale: 'pt-BR',
    ...extra,
  };
}
