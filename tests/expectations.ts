import type { Locator } from 'playwright-core';
import type { Watched } from './browser';

export interface Expected {
  findings: string[];
  texts: string[];
  /** Text that must NOT be on the sidebar (e.g. "Configuração": no configuration finding). */
  absent?: string[];
  shot?: string;
  /** Text that appears once the sidebar has what the agent must see (look-ups done). */
  wait?: string;
  httpErrors?: boolean;
  /**
   * The app is wrong on this scenario today: the expectation (the right answer) runs as a known failure
   * (`it.fails`), and turns red the day it is fixed — then drop this line. Says which issue fixes what.
   */
  knownFailure?: string;
  /** Wait until the sidebar settles (every look-up over) before checking: what must be absent may come late. */
  settle?: boolean;
}

/** What an agent MUST see on each bundled scenario: findings (severity:id:role) and text on the sidebar. */
export const EXPECTED: Record<string, Expected> = {
  '01-prime-gold-clean': { findings: [], texts: ['Supermercado Bom Preço Ltda', '11.222.333/0001-81', 'Prime · Carteira A · Gold', 'Nada bloqueia o atendimento.'], shot: 'prime-clean' },
  '02-helpdesk-distribuidor': { findings: [], texts: ['HelpDesk · PC Implantação Distribuidor', '45.287.033/0001-00'] },
  '03-financial-pending': {
    findings: ['block:financialPending:alert'],
    texts: ['Pendência Financeira: atendimento bloqueado', '(11) 4003-0015, opção 4 e 9', 'Assessoria ao Portal, opção 7', 'Aplicar macro de pendência e título'],
    shot: 'financial-pending',
  },
  '04-no-organization': {
    findings: ['block:noOrganization:alert'],
    texts: ['Nenhuma Organização', 'Gamma Comércio Varejista Ltda: entre todos os 5 tickets da organização, quem mais abre tickets é Beatriz Ramos (beatriz@gamma.example, 3 tickets).', 'Tornar Beatriz Ramos solicitante (chat em cópia)'],
    shot: 'no-organization',
    wait: 'Beatriz Ramos',
  },
  '05-invalid-cnpj': { findings: ['block:cnpj:alert'], texts: ['CNPJ da sessão inválido: 11.222.333/0001-82'] },
  '06-alphanumeric-cnpj': { findings: [], texts: ['12.ABC.345/01DE-35', 'Prime · Carteira C · Gold'] },
  '07-os-missing-fields': { findings: [], texts: ['Faltam 4 itens para colocar Em espera.', 'Número da O.S. preenchido', 'Área responsável (0800) vazia', '✓ 5 de 10 ok · ? observação interna: por último'], shot: 'os-checklist', wait: 'Faltam 4' },
  '08-cnpj-mismatch': { findings: ['block:cnpj:alert'], texts: ['CNPJ diferente: sessão 45.287.033/0001-00, organização 11.222.333/0001-81.'] },
  '09-cnpj-branch': { findings: ['warn:cnpj:status'], texts: ['Outra filial: sessão 11.222.333/0002-62, organização 11.222.333/0001-81.'] },
  '10-position-request': { findings: [], texts: ['Distribuição >> Linha Winthor >> 99 > 007 >> Posicionamento de ticket', 'Por: posicionamento, previsão'], shot: 'catalog' },
  '11-os-complete': { findings: [], texts: ['Tudo pronto para Em espera.'], wait: 'Tudo pronto' },
  '12-os-new-to-hold': { findings: [], texts: ['Falta 1 item para colocar Em espera.', 'Ticket enviado como Aberto antes de Em espera'], wait: 'Falta 1' },
  '13-session-ticket-mismatch': { findings: ['warn:sessionTicketId:status'], texts: ['TicketId da sessão (4400) não é este ticket (#4533).'] },
  '14-sodexo-os': { findings: [], texts: ['Número Referência preenchido (SODEXO do Brasil Comercial S.A.)', 'O.S. para 8 equipamentos (mais de 5)', 'Garantias Expiradas'], wait: 'Falta 1' },
  '15-rate-limited': { findings: [], texts: ['Nada bloqueia o atendimento.'], httpErrors: true },
  '16-api-down': {
    // No macro is looked up by this agent's view (issue 16: only when needed), so no macros outage is
    // claimed; a procedure applied says it (src/app/sentinela.test.ts). Never as configuration (issue 19).
    // While it backs off (FAST_REST: a fraction of a second) the search says "O Zendesk não respondeu ou
    // respondeu com erro: nova tentativa em …", never the rate limit: src/app/lookups.test.ts.
    findings: ['block:noOrganization:alert'],
    texts: ['Não foi possível procurar a organização do CNPJ 33.592.001/0001-21.', 'Erro no servidor do Zendesk.'],
    wait: 'Erro no servidor',
    httpErrors: true,
  },
  '17-api-timeout': { findings: [], texts: ['as observações salvas não puderam ser lidas'], absent: ['Não foi possível ler as macros da conta'], wait: 'não puderam ser lidas' },
  '18-misconfigured': {
    findings: ['warn:setup:status'],
    texts: ['Verificações desligadas: CNPJ. Veja a Configuração abaixo.', 'Configuração (3)'],
    wait: 'Configuração (3)',
  },
  '20-os-on-hold': { findings: [], texts: ['Restaurante Sabor Caseiro Ltda', 'Nada bloqueia o atendimento.'] },
  '21-setup-fresh-install': {
    findings: ['warn:wallet.none:status', 'warn:setup:status'],
    texts: ['Mercado Boa Vista Ltda', 'Sem carteira Prime/HelpDesk', 'Verificações desligadas: CNPJ, Pendência Financeira, O.S. antes de Em espera, TicketId da sessão, carteira Prime/HelpDesk, Catálogo de Serviços. Veja a Configuração abaixo.'],
    wait: 'Verificações desligadas',
  },
  '22-setup-conflicts': {
    findings: ['warn:wallet.none:status', 'warn:setup:status'],
    texts: ['Mercado Boa Vista Ltda', 'Verificações desligadas: CNPJ, Pendência Financeira, O.S. antes de Em espera, TicketId da sessão, carteira Prime/HelpDesk. Veja a Configuração abaixo.'],
    wait: 'Verificações desligadas',
  },
  '30-padded-cnpj-search': {
    findings: ['block:noOrganization:alert'],
    texts: ['Gamma Comércio Varejista Ltda: entre todos os 5 tickets da organização, quem mais abre tickets é Beatriz Ramos (beatriz@gamma.example, 3 tickets).', '01.234.567/0001-95'],
    wait: 'Beatriz Ramos',
  },
  '31-fresh-install': {
    findings: ['warn:setup:status'],
    texts: ['Verificações desligadas: CNPJ, O.S. antes de Em espera, TicketId da sessão, Catálogo de Serviços. Peça ao administrador para configurar o Sentinela.'],
  },
  '19-html-in-customer-data': { findings: ['warn:wallet.unrecognized.<script>window.__pwned=5</script>:status'], texts: ['<img src=x onerror="window.__pwned=4">Loja XSS'] },
  // Accounts of real size (issue 15): the stand-in pages, sorts and restricts as Zendesk does; issue 16
  // made the app right on them (src/app/restBudget.test.ts checks the same accounts request by request).
  '23-macros-650-pending-at-561': {
    findings: ['block:financialPending:alert'],
    texts: ['Pendência Financeira: atendimento bloqueado', 'Aplicar macro de pendência e título'],
    absent: ['Configuração'],
    settle: true,
  },
  '24-organization-700-tickets': {
    findings: ['block:noOrganization:alert'],
    texts: ['Nenhuma Organização', 'Delta Atacadista Ltda: entre os 100 tickets mais recentes, quem mais abre tickets é Vanessa Souza (vanessa@delta.example, 100 tickets).', 'Tornar Vanessa Souza solicitante (chat em cópia)'],
    wait: 'Vanessa Souza',
  },
  '25-personal-macro-same-title': {
    findings: [],
    texts: ['Nada bloqueia o atendimento.', 'Prime · Carteira A · Gold'],
    absent: ['Configuração'],
    settle: true,
  },
  '26-large-account': {
    findings: [],
    texts: ['Tudo pronto para Em espera.'],
    absent: ['Configuração'],
    wait: 'Tudo pronto',
    settle: true,
  },
  '27-os-rich-text-note': {
    findings: [],
    texts: ['Silva & Filhos Ltda', '11.222.333/0001-81', 'HelpDesk · PC Implantação Distribuidor', 'Tudo pronto para Em espera.'],
    wait: 'Tudo pronto',
  },
};

/**
 * Until the look-ups are over, whatever their outcome: nothing on the sidebar says it is still loading
 * ("…") and its text holds still for 600 ms. A known failure waits for this, never for the right
 * answer's text (a wait for it would fail by time-out, and hide the day the answer becomes right).
 */
export async function settled(root: Locator, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  let last = '';
  let since = Date.now();
  for (;;) {
    const text = await root.innerText();
    if (text !== last) [last, since] = [text, Date.now()];
    else if (!text.includes('…') && Date.now() - since >= 600) return;
    if (Date.now() - started > timeoutMs) throw new Error(`the sidebar did not settle in ${timeoutMs} ms:\n${text}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The bundled scenarios' expectations, split: those the app meets today, and its known failures. */
export const MET = Object.entries(EXPECTED).filter(([, expected]) => !expected.knownFailure);
export const KNOWN_FAILURES = Object.entries(EXPECTED).filter(([, expected]) => expected.knownFailure);

/** The browser logs the HTTP errors a fault scenario injects on purpose; nothing else may be logged. */
export function withoutInjectedHttpErrors(watched: Watched) {
  watched.problems = watched.problems.filter((problem) => !/the server responded with a status of (429|5\d\d)/.test(problem));
}
