import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { setupServer } from 'msw/node';
import { parseScenario, type Scenario } from './scenario';
import { TicketModel } from './ticketModel';
import { createFakeClient } from './fakeClient';
import { restHandlers } from './handlers';
import { createSentinela, type SentinelaState } from '../src/app/sentinela';
import { computeFindings, type Finding } from '../src/domain/findings';
import { DEFAULT_POLICY, type RestPolicy } from '../src/zendesk/restApi';
import { memoryStore, type KeyValueStore } from '../src/zendesk/storage';

/** The findings the sidebar shows for a state whose ticket has been read (what useSentinela computes, backstop aside). */
export const findingsOf = (state: SentinelaState): Finding[] => computeFindings({ ...state, context: state.context! });

/** Test-only: runs the app's controller on a bundled scenario under Node, MSW answering /api/v2. */
export const SCENARIO_DIR = resolve(import.meta.dirname, 'scenarios');
export const BASE_URL = 'http://harness.test';

export function bundledScenarioFiles(): string[] {
  return readdirSync(SCENARIO_DIR).filter((file) => file.endsWith('.json')).sort();
}

export function readScenario(file: string): Scenario {
  return parseScenario(readFileSync(resolve(SCENARIO_DIR, file.endsWith('.json') ? file : `${file}.json`), 'utf8'));
}

let current: TicketModel | null = null;
export const server = setupServer(...restHandlers(() => current, BASE_URL));

export { memoryStore };

/**
 * No real waiting in tests: Retry-After and backoff sleeps resolve at once (no jitter), the timeout is
 * short — 1 s, long enough for MSW to answer on a 2-core machine under load (200 ms was not), short for a
 * timeout test.
 */
export const FAST_POLICY: RestPolicy = { ...DEFAULT_POLICY, timeoutMs: 1000, sleep: () => Promise.resolve(), random: () => 0 };

/** One store for both kinds of answer: a test's "session" (what a second ticket of the same agent finds). */
const sharedAndPersonal = (store: KeyValueStore) => ({ shared: store, personal: store });

export async function startScenario(
  source: string | Scenario,
  options: { store?: KeyValueStore; policy?: RestPolicy; edit?: (scenario: Scenario) => void; start?: boolean; latencyMs?: number; deadlineMs?: number } = {},
) {
  // Cloned either way: zod hands out the same default objects (faults, …) to every parse, and an edit must not leak into the next test.
  const scenario = structuredClone(typeof source === 'string' ? readScenario(source) : source);
  options.edit?.(scenario);
  const model = new TicketModel(scenario);
  current = model;
  const client = createFakeClient(model, { baseUrl: BASE_URL, latencyMs: options.latencyMs });
  const store = options.store ?? memoryStore();
  const sentinela = createSentinela(client, { stores: sharedAndPersonal(store), store, policy: options.policy ?? FAST_POLICY, ...(options.deadlineMs ? { deadlineMs: options.deadlineMs } : {}) });
  if (options.start !== false) await sentinela.start();
  return { scenario, model, client, sentinela };
}

/** The same ticket opened again: a new sidebar over the same Zendesk side (after an update it did not see). */
export async function reopenTicket(model: TicketModel, options: { store?: KeyValueStore; policy?: RestPolicy } = {}) {
  current = model;
  const client = createFakeClient(model, { baseUrl: BASE_URL });
  const sentinela = createSentinela(client, { stores: sharedAndPersonal(options.store ?? memoryStore()), policy: options.policy ?? FAST_POLICY });
  await sentinela.start();
  return { client, sentinela };
}

/**
 * Waits until the state satisfies a condition (look-ups run after first paint). A condition, not a
 * timing: the bound only turns a condition that never comes into a failure naming it, so it is generous
 * (10 s) — on a loaded 2-core CI machine a generated 2,000-macro account takes seconds to build and answer.
 */
export async function until<T>(read: () => T, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = read();
    if (done(value)) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`condition not met in ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
