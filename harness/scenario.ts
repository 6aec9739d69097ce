import { z } from 'zod';
import { GenerateError, generateInto } from './rest/generate';

/**
 * A QA scenario: Zendesk REST API objects as Zendesk returns them (SPEC §6), plus what REST does not
 * hold: the comment being composed (`draft`), the agent's locale, and faults to inject.
 */
const id = z.number().int().positive();
const STATUSES = ['new', 'open', 'pending', 'hold', 'solved', 'closed'] as const;

const fault = z.object({
  /** A part of the request URL, e.g. "/api/v2/macros". */
  match: z.string().min(1),
  /** Only requests with this method (e.g. "PUT" for the installation update); omitted: any. */
  method: z.enum(['GET', 'PUT']).optional(),
  kind: z.enum(['status', 'timeout', 'malformed', 'slow']).default('status'),
  status: z.number().int().min(400).max(599).default(500),
  /** For "slow": the normal answer, after this long. */
  delayMs: z.number().int().nonnegative().max(60_000).default(1000),
  retryAfter: z.number().int().nonnegative().optional(),
  /** How many requests fail before the next ones succeed; omitted: all of them. */
  times: z.number().int().positive().optional(),
});

const count = z.number().int().nonnegative();
const placement = z
  .object({ id, at: z.number().int().positive().describe('1-based position in the order Zendesk lists them') })
  .describe('Puts one of the scenario\'s own objects (by id) at a position of the generated list.');
const place = z.array(placement).default([]);

/**
 * Account size without huge files (README: QA): how many objects the lists hold in all, the scenario's
 * own ones included; the generator adds the rest with deterministic fake content (harness/rest/generate.ts).
 */
const generate = z
  .object({
    now: z.iso.datetime().optional().describe('Generated timestamps count back from this instant (default: today, 00:00 UTC).'),
    seed: z.number().int().positive().optional().describe('Another seed gives other fake content (default 1).'),
    macros: z
      .union([count.max(10_000), z.object({ count: count.max(10_000), place })])
      .optional()
      .describe('How many macros /api/v2/macros/active lists for the current agent (their own active ones included), alphabetical by title; the generated ones are active and shared.'),
    organizationUsers: z
      .union([count.max(20_000), z.object({ count: count.max(20_000), organization_id: id.optional(), place })])
      .optional()
      .describe("The organization's users in all (default: the ticket's organization), in id order."),
    organizationTickets: z
      .union([
        count.max(20_000),
        z.object({
          count: count.max(20_000),
          organization_id: id.optional(),
          place,
          requesters: z
            .array(z.object({ user_id: id, count: count.describe('how many of the generated tickets, in id order (oldest first)') }))
            .default([])
            .describe('Who opened the generated tickets, oldest first; the rest are drawn from the organization users.'),
        }),
      ])
      .optional()
      .describe("The organization's tickets in all, in id order (oldest first)."),
    comments: z
      .union([count.max(5_000), z.object({ count: count.max(5_000), place })])
      .optional()
      .describe("The ticket's comments in all (Zendesk allows 5,000), in creation order; the own ones keep their order."),
  })
  .optional();

/** A macro's `restriction`: null for a shared macro, {type: "User", id, ids} for a personal one, {type: "Group", …}. */
const restriction = z.looseObject({ type: z.enum(['User', 'Group']).optional(), id: id.optional(), ids: z.array(id).optional() }).nullable();

export const scenarioSchema = z.object({
  name: z.string().min(1),
  description: z.string().optional(),
  settings: z.record(z.string(), z.unknown()).default({}),
  currentUser: z
    .object({
      locale: z.string().default('pt-BR'),
      name: z.string().default('Agente'),
      /** Whose personal macros /api/v2/macros/active shows. */
      id: id.default(1),
      /** ZAF currentUser.role: "admin" for an admin, "agent" for an agent (a custom role has its own name). */
      role: z.string().min(1).default('agent'),
      /** Groups the agent belongs to (macros restricted to a group). */
      group_ids: z.array(id).default([]),
    })
    .default({ locale: 'pt-BR', name: 'Agente', id: 1, role: 'agent', group_ids: [] }),
  /** The app's installation: metadata().installationId, and what GET/PUT /api/v2/apps/installations/{id} answer. */
  installation: z.object({ id }).default({ id: 1 }),
  ticket: z.looseObject({
    id,
    status: z.enum(STATUSES),
    subject: z.string().default(''),
    description: z.string().optional(),
    type: z.string().nullable().optional(),
    requester_id: id.nullable().optional(),
    organization_id: id.nullable().optional(),
    ticket_form_id: id.nullable().optional(),
    collaborator_ids: z.array(id).default([]),
    custom_fields: z.array(z.looseObject({ id, value: z.unknown() })).default([]),
    tags: z.array(z.string()).default([]),
  }),
  /**
   * The comment being composed. Plain text by default; a rich-text composer (ZAF's
   * `ticket.comment.useRichText` true, as on most accounts) when `html` is given — the composer's HTML,
   * e.g. `<p>Silva &amp; Filhos</p>` — or when `richText` is true (then `text` is what the agent typed,
   * and ZAF answers it as the composer's HTML).
   */
  draft: z
    .object({
      text: z.string().default(''),
      html: z.string().optional(),
      richText: z.boolean().optional(),
      type: z.enum(['publicReply', 'internalNote']).default('publicReply'),
    })
    .default({ text: '', type: 'publicReply' }),
  comments: z
    .array(
      z.looseObject({
        id: id.optional(),
        public: z.boolean().default(true),
        body: z.string(),
        /** Derived from `body` when absent, as Zendesk renders it. */
        html_body: z.string().optional(),
        plain_body: z.string().optional(),
        author_id: id.optional(),
        created_at: z.string().optional(),
      }),
    )
    .default([]),
  users: z.array(z.looseObject({ id, name: z.string(), email: z.string().nullable().optional(), phone: z.string().nullable().optional(), organization_id: id.nullable().optional() })).default([]),
  organizations: z.array(z.looseObject({ id, name: z.string(), organization_fields: z.record(z.string(), z.unknown()).default({}) })).default([]),
  ticket_fields: z
    .array(
      z.looseObject({
        id,
        type: z.string(),
        title: z.string(),
        custom_field_options: z.array(z.looseObject({ name: z.string(), value: z.string() })).optional(),
        active: z.boolean().optional(),
      }),
    )
    .default([]),
  ticket_forms: z.array(z.looseObject({ id, name: z.string(), active: z.boolean().optional() })).default([]),
  /** GET /api/v2/organization_fields → .organization_fields: what organizations' `organization_fields` are keyed by. */
  organization_fields: z.array(z.looseObject({ id: id.optional(), key: z.string().regex(/^\w+$/), type: z.string(), title: z.string(), active: z.boolean().optional() })).default([]),
  macros: z
    .array(
      z.looseObject({
        id,
        title: z.string(),
        active: z.boolean().default(true),
        restriction: restriction.default(null),
        actions: z.array(z.looseObject({ field: z.string(), value: z.unknown() })).default([]),
      }),
    )
    .default([]),
  tickets: z.array(z.looseObject({ id, requester_id: id.nullable().optional(), organization_id: id.nullable().optional(), subject: z.string().optional() })).default([]),
  generate,
  faults: z
    .object({
      requests: z.array(fault).default([]),
      /** ZAF paths a batched get answers with an error. */
      unreadablePaths: z.array(z.string()).default([]),
      /** ZAF set paths / invoke names that reject. */
      failingActions: z.array(z.string()).default([]),
    })
    .default({ requests: [], unreadablePaths: [], failingActions: [] }),
});

export type Scenario = z.infer<typeof scenarioSchema>;

/** Faults QA can put on any scenario from the harness's picker (?fault=…), on top of the file's own. */
export const FAULT_PRESETS = {
  'rate-limited': { requests: [{ match: '/api/v2/', kind: 'status', status: 429, retryAfter: 2, times: 2 }] },
  'server-error': { requests: [{ match: '/api/v2/', kind: 'status', status: 503 }] },
  timeout: { requests: [{ match: '/api/v2/', kind: 'timeout', status: 500 }] },
  'malformed-json': { requests: [{ match: '/api/v2/', kind: 'malformed', status: 500 }] },
  /** The setup assistant's installation update refused by Zendesk (403 / 422 / 429). */
  'setup-forbidden': { requests: [{ match: '/api/v2/apps/installations', method: 'PUT', kind: 'status', status: 403 }] },
  'setup-invalid': { requests: [{ match: '/api/v2/apps/installations', method: 'PUT', kind: 'status', status: 422 }] },
  'setup-rate-limited': { requests: [{ match: '/api/v2/apps/installations', method: 'PUT', kind: 'status', status: 429, retryAfter: 30 }] },
  'zaf-actions-fail': { failingActions: ['macro', 'ticket.subject', 'ticket.status', 'ticket.requester', 'ticket.collaborators.add', 'ticket.comment.appendText'] },
} as const satisfies Record<string, Partial<{ requests: z.input<typeof fault>[]; failingActions: string[] }>>;
export type FaultPreset = keyof typeof FAULT_PRESETS;

export function withFault(scenario: Scenario, preset: string | null): Scenario {
  if (!preset || !(preset in FAULT_PRESETS)) return scenario;
  const extra = FAULT_PRESETS[preset as FaultPreset];
  const requests = 'requests' in extra ? extra.requests.map((request) => fault.parse(request)) : [];
  const failingActions = 'failingActions' in extra ? [...extra.failingActions] : [];
  return { ...scenario, faults: { ...scenario.faults, requests: [...requests, ...scenario.faults.requests], failingActions: [...failingActions, ...scenario.faults.failingActions] } };
}

export class ScenarioError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid scenario:\n${problems.map((problem) => `- ${problem}`).join('\n')}`);
    this.name = 'ScenarioError';
  }
}

function where(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${String(part)}` : String(part)), '') || '(the file)';
}

/** References between the objects must hold: a ticket's organization_id names an organization in the file. */
function crossReferences(scenario: Scenario): string[] {
  const problems: string[] = [];
  const { ticket } = scenario;
  if (ticket.organization_id && !scenario.organizations.some((org) => org.id === ticket.organization_id)) {
    problems.push(`ticket.organization_id: no organization ${ticket.organization_id} in "organizations"`);
  }
  if (ticket.requester_id && !scenario.users.some((user) => user.id === ticket.requester_id)) {
    problems.push(`ticket.requester_id: no user ${ticket.requester_id} in "users"`);
  }
  if (ticket.ticket_form_id && scenario.ticket_forms.length > 0 && !scenario.ticket_forms.some((form) => form.id === ticket.ticket_form_id)) {
    problems.push(`ticket.ticket_form_id: no form ${ticket.ticket_form_id} in "ticket_forms"`);
  }
  const { draft } = scenario;
  if (draft.html !== undefined && draft.text !== '') problems.push('draft.html: give the draft as "text" or as "html", not both');
  if (draft.html !== undefined && draft.richText === false) problems.push('draft.richText: false, but "html" is a rich-text draft');
  return problems;
}

/**
 * Parses a scenario; every problem is named by where it is in the file. Never throws anything else.
 * What `generate` asks for is added to the lists (and `generate` removed): the result is the account.
 */
export function parseScenario(input: unknown): Scenario {
  let data = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input);
    } catch (error) {
      throw new ScenarioError([`(the file): not JSON — ${error instanceof Error ? error.message : String(error)}`]);
    }
  }
  const result = scenarioSchema.safeParse(data);
  if (!result.success) throw new ScenarioError(result.error.issues.map((issue) => `${where(issue.path)}: ${issue.message}`));
  const problems = crossReferences(result.data);
  if (problems.length > 0) throw new ScenarioError(problems);
  try {
    generateInto(result.data);
  } catch (error) {
    if (error instanceof GenerateError) throw new ScenarioError(error.problems);
    throw error;
  }
  return result.data;
}
