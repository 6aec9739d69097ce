import type { Scenario } from '../scenario';
import { compareKeys, foldText, type SortValue } from './paging';
import { anchorOf, iso, macroAvailableTo, SPACING } from './shapes';

/**
 * An account of real size from a few numbers (a scenario's `generate`): macros, an organization's users
 * and tickets, the ticket's comments, with deterministic fake content (a seeded generator: the same
 * scenario gives the same data), and the scenario's own objects placed where it asks in the order
 * Zendesk lists them:
 * - macros: `/api/v2/macros/active` order, alphabetical by title (generated titles are chosen to sort
 *   before or after the scenario's own ones);
 * - organization users and tickets: id order (generated ids are chosen around the own ones);
 * - comments: creation order (the own comments keep their order in the file; every comment gets the
 *   `created_at` of its position unless it gives one).
 * A `count` is the list's whole length, the scenario's own objects included. Generated macros are
 * active and shared. Timestamps count back from `generate.now` (default: today, 00:00 UTC).
 */
type Json = Record<string, unknown>;
type Spec = NonNullable<Scenario['generate']>;
type Placement = { id: number; at: number };

export class GenerateError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'GenerateError';
  }
}

/** mulberry32: a small seeded generator, so that the same scenario always gives the same account. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: T[], next: () => number): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = Math.floor(next() * (index + 1));
    [copy[index], copy[other]] = [copy[other], copy[index]];
  }
  return copy;
}

const AREAS = ['Atendimento', 'Financeiro', 'Fiscal', 'Hardware', 'Implantação', 'Logística', 'Comercial', 'Winthor', 'PDV', 'Cadastro', 'Suporte N1', 'Suporte N2', 'Garantia', 'Treinamento', 'Integrações', 'Relatórios'];
const SUBJECTS = [
  'Boleto 2ª via', 'NF-e rejeitada', 'Troca de senha', 'Cancelamento de pedido', 'Impressora não imprime', 'Backup da base', 'Certificado digital vencido', 'Atualização de versão',
  'Dúvida de uso', 'Cadastro de produto', 'Estoque divergente', 'Rotina de fechamento', 'Balança sem comunicação', 'Sangria de caixa', 'TEF indisponível', 'Contingência offline',
  'Envio de XML', 'Tabela de preços', 'Relatório de vendas', 'Inventário', 'Devolução de mercadoria', 'Limite de crédito', 'Cobrança indevida', 'Reembolso',
  'Agendamento de visita', 'Peça em garantia', 'Coleta de equipamento', 'Orçamento de reparo', 'Acesso ao portal', 'Usuário bloqueado', 'Permissões de acesso', 'Lentidão no sistema',
  'Erro ao faturar', 'SPED fiscal', 'Substituição tributária', 'Cupom fiscal', 'Leitor de código de barras', 'Gaveta não abre', 'Pedido de compra', 'Encerramento do chamado',
];
const VARIANTS = ['', ' (WhatsApp)', ' (e-mail)', ' (telefone)', ' (portal)'];
const FIRST = ['Ana', 'Bruno', 'Carla', 'Daniel', 'Eduarda', 'Felipe', 'Gabriela', 'Henrique', 'Isabela', 'João', 'Larissa', 'Marcos', 'Natália', 'Otávio', 'Paula', 'Rafael', 'Sabrina', 'Thiago', 'Vanessa', 'Wagner'];
const LAST = ['Almeida', 'Barbosa', 'Cardoso', 'Duarte', 'Esteves', 'Ferreira', 'Gomes', 'Hashimoto', 'Ibrahim', 'Jesus', 'Lima', 'Moreira', 'Nogueira', 'Oliveira', 'Pereira', 'Queiroz', 'Ribeiro', 'Souza', 'Teixeira', 'Vieira'];
const REPLIES = [
  'Bom dia, segue o print do erro que aparece na tela.', 'Obrigado pelo retorno, vou testar e aviso.', 'O problema voltou a acontecer hoje pela manhã.', 'Conseguimos emitir a nota depois do ajuste.',
  'Poderiam verificar novamente? Ainda não funcionou.', 'Segue em anexo o relatório solicitado.', 'Qual o prazo para a visita técnica?', 'Perfeito, pode encerrar o chamado.',
];
const AGENT_REPLIES = ['Olá! Estamos verificando e retornamos em breve.', 'Pode reiniciar o serviço e tentar novamente, por favor?', 'Ajuste aplicado no cadastro. Pode confirmar?', 'Encaminhamos para a equipe responsável.'];
const NOTES = ['Contato realizado, aguardando retorno do cliente.', 'Verificado log do servidor: sem erros no período.', 'Cliente orientado por telefone.', 'Aguardando peça do fornecedor.'];

let universe: { title: string; key: SortValue[] }[] | null = null;

/** Every candidate macro title (computed once), realistic and distinct: categories written `Area::Subject`, and numbered ones. */
function titleUniverse() {
  if (universe) return universe;
  const titles: string[] = [];
  for (const area of AREAS) {
    for (const subject of SUBJECTS) {
      for (const variant of VARIANTS) {
        titles.push(`${area}::${subject}${variant}`);
        for (let number = 1; number <= 9; number += 1) titles.push(`${number}. ${area} - ${subject}${variant}`);
      }
    }
  }
  universe = titles.map((title) => ({ title, key: macroTitleKey({ title, id: 0 }) }));
  return universe;
}

/** The key Zendesk's default macro order sorts by: the title (alphabetical, case and accents aside). */
export const macroTitleKey = (macro: Json): SortValue[] => [foldText(String(macro.title)), String(macro.title), Number(macro.id)];

/**
 * How many generated items go in each gap between the list's own items (gap g is just before own
 * item g, the last gap after them all), so that each placed own item lands at its position:
 * generated items fill the gaps nearest before a placed item first, and the remainder goes last.
 */
function gapCounts(what: string, ownCount: number, placed: { index: number; at: number; id: number }[], total: number, capacity: (gap: number) => number, problems: string[]): number[] {
  const counts = new Array<number>(ownCount + 1).fill(0);
  let generated = 0;
  let previous = -1;
  const fill = (from: number, to: number, needed: number) => {
    let left = needed;
    for (let gap = from; gap >= to && left > 0; gap -= 1) {
      const take = Math.min(left, capacity(gap) - counts[gap]);
      counts[gap] += take;
      left -= take;
    }
    return left;
  };
  for (const { index, at, id } of [...placed].sort((a, b) => a.index - b.index)) {
    const needed = at - 1 - index - generated;
    if (at > total) problems.push(`${what}: ${id} cannot be at #${at} of ${total}`);
    else if (needed < 0) problems.push(`${what}: ${id} cannot be at #${at}: ${index + generated} of the list come before it`);
    else if (fill(index, previous + 1, needed) > 0) problems.push(`${what}: ${id} cannot be at #${at}: not enough generated items sort before it`);
    else {
      generated += needed;
      previous = index;
    }
  }
  const remainder = total - ownCount - generated;
  if (remainder < 0) problems.push(`${what}: count ${total} is less than the ${ownCount + generated} it needs`);
  else if (fill(ownCount, previous + 1, remainder) > 0) problems.push(`${what}: not enough generated items fit after the last placed one`);
  return counts;
}

function normalized<T extends object>(value: number | (T & { count: number }) | undefined): (Partial<T> & { count: number; place?: Placement[] }) | null {
  if (value === undefined) return null;
  return typeof value === 'number' ? ({ count: value } as Partial<T> & { count: number }) : value;
}

function placedOf(what: string, own: Json[], place: Placement[], problems: string[]) {
  return place.flatMap(({ id, at }) => {
    const index = own.findIndex((item) => item.id === id);
    if (index < 0) {
      const noun = { 'generate.macros': 'macro', 'generate.organizationUsers': 'user', 'generate.organizationTickets': 'ticket', 'generate.comments': 'comment' }[what] ?? 'object';
      problems.push(`${what}: the scenario has no ${noun} ${id} of its own to place at #${at}`);
      return [];
    }
    return [{ index, at, id }];
  });
}

/** Free ids for `count` new records between own ids `low` and `high` (exclusive), skipping the taken ones. */
function idsBetween(low: number, high: number, count: number, taken: Set<number>): number[] {
  const ids: number[] = [];
  for (let id = low + 1; ids.length < count && id < high; id += 1) if (!taken.has(id)) ids.push(id);
  return ids;
}

function idCapacity(own: Json[], taken: Set<number>) {
  return (gap: number) => {
    if (gap === own.length) return Number.POSITIVE_INFINITY;
    const low = gap === 0 ? 0 : Number(own[gap - 1].id);
    const high = Number(own[gap].id);
    let inside = 0;
    for (const id of taken) if (id > low && id < high) inside += 1;
    return Math.max(0, high - low - 1 - inside);
  };
}

/** Own records and generated ones, in id order, with the generated ids chosen in each gap. */
function layoutById(own: Json[], counts: number[], taken: Set<number>, make: (id: number, position: number) => Json): Json[] {
  const list: Json[] = [];
  counts.forEach((count, gap) => {
    const low = gap === 0 ? 0 : Number(own[gap - 1].id);
    const high = gap === own.length ? Number.POSITIVE_INFINITY : Number(own[gap].id);
    for (const id of idsBetween(low, high, count, taken)) {
      taken.add(id);
      list.push(make(id, list.length + 1));
    }
    if (gap < own.length) list.push(own[gap]);
  });
  return list;
}

function organizationOf(scenario: Scenario, given: number | undefined, what: string, problems: string[]): Json | null {
  const id = given ?? scenario.ticket.organization_id ?? (scenario.organizations.length === 1 ? scenario.organizations[0].id : undefined);
  const organization = scenario.organizations.find((org) => org.id === id);
  if (!organization) problems.push(`${what}: say which organization (organization_id): ${id === undefined ? 'the ticket has none' : `no organization ${id}`}`);
  return organization ?? null;
}

const slug = (text: string) => foldText(text).split(/[^a-z0-9]+/).filter(Boolean).slice(0, 2).join('') || 'empresa';
const phoneOf = (id: number) => {
  const digits = String(10_000_000 + ((id * 7919) % 89_999_999));
  return `+55 11 9${digits.slice(0, 4)}-${digits.slice(4)}`;
};

function generateMacros(scenario: Scenario, spec: NonNullable<Spec['macros']>, next: () => number, anchor: number, problems: string[]) {
  const { count, place = [] } = normalized(spec)!;
  // The list is what /macros/active shows the current user: their active, available macros.
  const own = (scenario.macros as Json[])
    .filter((macro) => macro.active !== false && macroAvailableTo(macro, scenario.currentUser))
    .map((macro) => ({ macro, key: macroTitleKey(macro) }))
    .sort((a, b) => compareKeys(a.key, b.key));
  const placed = placedOf('generate.macros', own.map((entry) => entry.macro), place, problems);
  const ownTitles = new Set((scenario.macros as Json[]).map((macro) => foldText(String(macro.title))));
  const pools: string[][] = Array.from({ length: own.length + 1 }, () => []);
  for (const { title, key } of shuffled(titleUniverse(), next)) {
    if (ownTitles.has(key[0] as string)) continue;
    // The gap of a candidate: how many own titles sort before it (binary search).
    let [low, high] = [0, own.length];
    while (low < high) {
      const middle = (low + high) >> 1;
      const other = own[middle].key;
      if (key[0] !== other[0] ? (key[0] as string) > (other[0] as string) : compareKeys(key, other) > 0) low = middle + 1;
      else high = middle;
    }
    pools[low].push(title);
  }
  const counts = gapCounts('generate.macros', own.length, placed, count, (gap) => pools[gap].length, problems);
  let nextId = Math.max(0, ...scenario.macros.map((macro) => macro.id)) + 1;
  const generated: Json[] = [];
  counts.forEach((howMany, gap) => {
    for (const title of pools[gap].slice(0, howMany)) {
      const id = nextId++;
      const created = iso(anchor - Math.floor(next() * 700) * SPACING.macros);
      generated.push({ id, title, active: true, restriction: null, description: null, actions: [{ field: 'comment_value', value: `${title.split(/::| - /).pop()}: resposta padrão.` }], created_at: created, updated_at: created });
    }
  });
  scenario.macros.push(...(generated as Scenario['macros']));
}

function generateUsers(scenario: Scenario, spec: NonNullable<Spec['organizationUsers']>, next: () => number, anchor: number, problems: string[]) {
  const { count, place = [], organization_id } = normalized(spec)!;
  const organization = organizationOf(scenario, organization_id, 'generate.organizationUsers', problems);
  if (!organization) return;
  const own = (scenario.users as Json[]).filter((user) => user.organization_id === organization.id).sort((a, b) => Number(a.id) - Number(b.id));
  const taken = new Set([...scenario.users.map((user) => user.id), scenario.currentUser.id]);
  const counts = gapCounts('generate.organizationUsers', own.length, placedOf('generate.organizationUsers', own, place, problems), count, idCapacity(own, taken), problems);
  if (problems.length > 0) return;
  const domain = `${slug(String(organization.name))}.example`;
  const list = layoutById(own, counts, taken, (id, position) => {
    const [first, last] = [FIRST[Math.floor(next() * FIRST.length)], LAST[Math.floor(next() * LAST.length)]];
    const created = iso(anchor - (count - position + 1) * SPACING.users);
    return { id, name: `${first} ${last}`, email: `${slug(first)}.${slug(last)}.${id}@${domain}`, phone: phoneOf(id), role: 'end-user', organization_id: organization.id, created_at: created, updated_at: created };
  });
  scenario.users.push(...(list.filter((user) => !own.includes(user)) as Scenario['users']));
}

function generateTickets(scenario: Scenario, spec: NonNullable<Spec['organizationTickets']>, next: () => number, anchor: number, problems: string[]) {
  const { count, place = [], organization_id, requesters = [] } = normalized(spec)!;
  const organization = organizationOf(scenario, organization_id, 'generate.organizationTickets', problems);
  if (!organization) return;
  // The ticket on screen is one of the organization's tickets when it belongs to it.
  const candidates = [scenario.ticket as Json, ...(scenario.tickets as Json[]).filter((ticket) => ticket.id !== scenario.ticket.id)];
  const own = candidates.filter((ticket) => ticket.organization_id === organization.id).sort((a, b) => Number(a.id) - Number(b.id));
  const taken = new Set([...scenario.tickets.map((ticket) => ticket.id), scenario.ticket.id]);
  const counts = gapCounts('generate.organizationTickets', own.length, placedOf('generate.organizationTickets', own, place, problems), count, idCapacity(own, taken), problems);
  for (const { user_id } of requesters) if (!scenario.users.some((user) => user.id === user_id)) problems.push(`generate.organizationTickets.requesters: no user ${user_id} in "users"`);
  const members = scenario.users.filter((user) => user.organization_id === organization.id).map((user) => user.id);
  const planned = requesters.reduce((sum, entry) => sum + entry.count, 0);
  if (planned < count - own.length && members.length === 0) problems.push('generate.organizationTickets: the organization has no users to be requesters (generate organizationUsers first, or give requesters)');
  if (problems.length > 0) return;
  const plan = requesters.flatMap(({ user_id, count: times }) => new Array<number>(times).fill(user_id));
  let generatedIndex = 0;
  const list = layoutById(own, counts, taken, (id, position) => {
    // Beyond the plan, requesters follow a skewed draw: a few people open most tickets, as in real accounts.
    const requester = plan[generatedIndex] ?? members[Math.floor(members.length * next() ** 3)];
    generatedIndex += 1;
    const created = anchor - (count - position + 1) * SPACING.tickets;
    const updated = Math.min(anchor, created + Math.floor(next() * 20) * SPACING.tickets);
    const subject = SUBJECTS[Math.floor(next() * SUBJECTS.length)];
    const recent = count - position < 40;
    return {
      id, subject, description: `${subject}: ${REPLIES[Math.floor(next() * REPLIES.length)]}`, type: 'question', priority: null,
      status: recent ? ['new', 'open', 'pending'][Math.floor(next() * 3)] : 'solved',
      requester_id: requester, submitter_id: requester, assignee_id: null, organization_id: organization.id, group_id: null,
      collaborator_ids: [], tags: [], custom_fields: [], created_at: iso(created), updated_at: iso(updated),
    };
  });
  scenario.tickets.push(...(list.filter((ticket) => !own.includes(ticket)) as Scenario['tickets']));
}

function generateComments(scenario: Scenario, spec: NonNullable<Spec['comments']>, next: () => number, anchor: number, problems: string[]) {
  const { count, place = [] } = normalized(spec)!;
  const own = scenario.comments as Json[];
  let nextId = Math.max(0, ...own.map((comment) => Number(comment.id ?? 0))) + 1;
  for (const comment of own) comment.id ??= nextId++;
  const counts = gapCounts('generate.comments', own.length, placedOf('generate.comments', own, place, problems), count, () => Number.POSITIVE_INFINITY, problems);
  if (problems.length > 0) return;
  const requester = scenario.ticket.requester_id ?? null;
  const agent = scenario.currentUser.id;
  const list: Json[] = [];
  counts.forEach((howMany, gap) => {
    for (let index = 0; index < howMany; index += 1) {
      const roll = next();
      const [body, isPublic, author] = roll < 0.15 ? [NOTES[Math.floor(next() * NOTES.length)], false, agent] : roll < 0.55 ? [AGENT_REPLIES[Math.floor(next() * AGENT_REPLIES.length)], true, agent] : [REPLIES[Math.floor(next() * REPLIES.length)], true, requester];
      list.push({ id: nextId++, type: 'Comment', public: isPublic, body, author_id: author });
    }
    if (gap < own.length) list.push(own[gap]);
  });
  list.forEach((comment, index) => (comment.created_at ??= iso(anchor - (list.length - index) * SPACING.comments)));
  scenario.comments.splice(0, scenario.comments.length, ...(list as Scenario['comments']));
}

/**
 * Adds the generated objects to the scenario, in place, and removes its `generate` (so that doing it
 * again changes nothing). Throws a GenerateError naming every problem (`generate.macros: …`).
 * `now` (ms) only matters without `generate.now`: the timestamps count back from that day's start.
 */
export function generateInto(scenario: Scenario, now: number = Date.now()): void {
  const spec = scenario.generate;
  if (!spec) return;
  const problems: string[] = [];
  const anchor = anchorOf(now, spec.now);
  const seeded = (salt: number) => random((spec.seed ?? 1) * 7919 + salt);
  if (spec.macros !== undefined) generateMacros(scenario, spec.macros, seeded(1), anchor, problems);
  if (spec.organizationUsers !== undefined) generateUsers(scenario, spec.organizationUsers, seeded(2), anchor, problems);
  if (spec.organizationTickets !== undefined) generateTickets(scenario, spec.organizationTickets, seeded(3), anchor, problems);
  if (spec.comments !== undefined) generateComments(scenario, spec.comments, seeded(4), anchor, problems);
  if (problems.length > 0) throw new GenerateError(problems);
  delete scenario.generate;
}
