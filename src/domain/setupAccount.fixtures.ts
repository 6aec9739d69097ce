import type { AccountObjects, AccountTicketField } from './setupAccount';

/** Test data only. */
export const field = (id: number, title: string, type = 'text', extra: Partial<AccountTicketField> = {}): AccountTicketField => ({ id, title, type, active: true, options: [], ...extra });

/** An account as the operation has it: every object, titled as in the seeds, plus distractors. */
export function operationAccount(): AccountObjects {
  return {
    ticketFields: [
      field(1, 'Assunto', 'subject'),
      field(2, 'Status', 'status'),
      field(360001, 'CNPJ (sessão)'),
      field(360002, 'TicketId (sessão)'),
      field(360003, 'Catálogo de Serviços', 'tagger', { options: [{ name: 'Distribuição::Linha Winthor::99::007::Posicionamento de ticket', value: 'pos' }] }),
      field(360099, 'Catálogo de Serviços (antigo)', 'text'),
      field(360004, 'Marca', 'tagger'),
      field(360005, 'Família', 'tagger'),
      field(360006, 'Categoria', 'tagger'),
      field(360066, 'Subcategoria', 'tagger'),
      field(360007, 'Motivo', 'tagger'),
      field(360008, 'Número da Ordem de Serviço ou de série'),
      field(360009, 'Área responsável (0800)', 'tagger'),
      field(360010, 'Número Referência'),
      field(360011, 'Prioridade interna', 'tagger'),
    ],
    ticketForms: [
      { id: 11, name: 'Padrão', active: true },
      { id: 12, name: '0800', active: true },
      { id: 13, name: '0800 (antigo)', active: false },
    ],
    organizationFields: [
      { key: 'cnpj_cliente', title: 'CNPJ', type: 'text', active: true },
      { key: 'razao_social', title: 'Razão Social', type: 'text', active: true },
      { key: 'carteira_comum', title: 'Carteira Comum', type: 'dropdown', active: true },
      { key: 'prime_winthor', title: 'Prime', type: 'dropdown', active: true },
      { key: 'pendencia_fin', title: 'Pendência Financeira', type: 'checkbox', active: true },
    ],
    macros: [
      { id: 31, title: 'Atendimento WhatsApp (oficial)', active: true, restriction: 'shared' },
      { id: 32, title: 'WhatsApp::1. Atendimento Whatsapp Transferência N2(oficial)', active: true, restriction: 'shared' },
      { id: 33, title: '3. Atendimento Whatsapp - Pendência no Cadastro do Cliente (oficial)', active: true, restriction: 'group' },
      { id: 34, title: 'Atendimento Whatsapp (Oficial)', active: true, restriction: 'personal' },
    ],
  };
}
