import type { ParameterName } from '../settings';

/** Which kind of account object a setting names, and how it names it (ID, key or title). */
export type TargetObject = 'ticketField' | 'ticketForm' | 'organizationField' | 'macro';

export interface SetupTarget {
  parameter: ParameterName;
  object: TargetObject;
  /**
   * Zendesk field types that can hold what the rule reads (empty for forms and macros). A field of any
   * other type is never proposed, whatever its title: the catalog needs a dropdown (`tagger`), a CNPJ
   * needs text, the financial pending a checkbox, a dropdown or text.
   */
  types: readonly string[];
  /**
   * Titles the operation gives the object (SPEC §1, seeds 001/002), best first. Compared with case,
   * accents, punctuation, spacing and the words "de/da/do" set aside. A macro's titles are its
   * setting's current value and default (see setupProposal).
   */
  titles: readonly string[];
  /** The app works without it (Razão Social falls back to the organization's name). */
  optional?: true;
}

const TEXT = ['text', 'regexp', 'integer'] as const;
const TEXT_OR_DROPDOWN = ['tagger', 'text', 'textarea', 'regexp'] as const;

/** Every setting that names an account object, in manifest order. */
export const SETUP_TARGETS: readonly SetupTarget[] = [
  { parameter: 'cnpjFieldId', object: 'ticketField', types: TEXT, titles: ['CNPJ da sessão', 'CNPJ'] },
  { parameter: 'sessionTicketIdFieldId', object: 'ticketField', types: TEXT, titles: ['TicketId da sessão', 'TicketId', 'Ticket Id da sessão'] },
  { parameter: 'catalogFieldId', object: 'ticketField', types: ['tagger'], titles: ['Catálogo de Serviços', 'Catálogo de Serviço', 'Catálogo'] },
  { parameter: 'marcaFieldId', object: 'ticketField', types: ['tagger', 'text'], titles: ['Marca'] },
  { parameter: 'familiaFieldId', object: 'ticketField', types: ['tagger', 'text'], titles: ['Família'] },
  { parameter: 'categoriaFieldId', object: 'ticketField', types: [...TEXT_OR_DROPDOWN, 'multiselect'], titles: ['Categoria'] },
  { parameter: 'motivoFieldId', object: 'ticketField', types: [...TEXT_OR_DROPDOWN, 'multiselect'], titles: ['Motivo'] },
  {
    parameter: 'osNumberFieldId',
    object: 'ticketField',
    types: TEXT,
    titles: ['Número da Ordem de Serviço ou de série', 'Número da Ordem de Serviço', 'Número da O.S.', 'Nº O.S.', 'Número de série'],
  },
  { parameter: 'areaResponsavelFieldId', object: 'ticketField', types: TEXT_OR_DROPDOWN, titles: ['Área responsável (0800)', 'Área responsável'] },
  { parameter: 'numeroReferenciaFieldId', object: 'ticketField', types: TEXT, titles: ['Número Referência', 'Número de Referência', 'Nº Referência'] },
  { parameter: 'formulario0800FormId', object: 'ticketForm', types: [], titles: ['0800', 'Formulário 0800'] },
  { parameter: 'orgCnpjField', object: 'organizationField', types: TEXT, titles: ['CNPJ'] },
  { parameter: 'orgRazaoSocialField', object: 'organizationField', types: ['text', 'textarea'], titles: ['Razão Social'], optional: true },
  { parameter: 'orgHelpDeskField', object: 'organizationField', types: ['dropdown', 'text'], titles: ['Carteira Comum', 'Carteira HelpDesk', 'HelpDesk'] },
  { parameter: 'orgPrimeField', object: 'organizationField', types: ['dropdown', 'text'], titles: ['Prime', 'Carteira Prime'] },
  { parameter: 'orgFinancialPendingField', object: 'organizationField', types: ['checkbox', 'dropdown', 'text'], titles: ['Pendência Financeira'] },
  { parameter: 'macroCloseWhatsapp', object: 'macro', types: [], titles: [] },
  { parameter: 'macroTransferN2', object: 'macro', types: [], titles: [] },
  { parameter: 'macroRegistrationPending', object: 'macro', types: [], titles: [] },
];
