import type { Waiting } from '../domain/ticket';
import { RestError, failureOfStatus, retryAfterSeconds, type ZafClient } from './client';

/** How the app talks to /api/v2: bounds on waiting, retries, and how long answers are kept. */
export interface RestPolicy {
  /** The longest one request may take before the app gives up on it (ms). */
  timeoutMs: number;
  /** Retries after a 429 (waiting Retry-After) or a 5xx. */
  maxRetries: number;
  /** The longest Retry-After the app waits for; longer is a failure. */
  maxWaitSeconds: number;
  /** How long a look-up about people or a ticket stays cached (organizations of a CNPJ, saved comments). */
  cacheTtlMs: number;
  /** Macros change rarely: their look-ups are kept for an agent's session (4 h). */
  macrosTtlMs: number;
  /** A failed look-up is remembered this long per key: no request for it meanwhile, in any tab. */
  failureTtlMs: number;
  /** A safety bound on the pages of one list read to its end; beyond it the list is "incomplete", never "empty". */
  maxPages: number;
  sleep(ms: number): Promise<void>;
  now(): number;
  /** In [0, 1): spreads retries so that tabs and agents do not retry in lockstep. */
  random(): number;
}

export const DEFAULT_POLICY: RestPolicy = {
  timeoutMs: 8000,
  maxRetries: 2,
  maxWaitSeconds: 30,
  cacheTtlMs: 10 * 60 * 1000,
  macrosTtlMs: 4 * 60 * 60 * 1000,
  failureTtlMs: 45 * 1000,
  // 5,000 comments per ticket at 100 a page is 50 pages (Ticket Comments: "up to 5000 comments in total").
  maxPages: 60,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => Date.now(),
  random: () => Math.random(),
};

export interface CallOptions {
  /** Told how long the app waits before a retry (seconds) and why (429 or 5xx), so the agent can be told too. */
  onWaiting?: (waiting: Waiting) => void;
  /** An absolute time (policy.now() clock) after which the whole read gives up with 'timeout'. */
  deadlineAt?: number;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new RestError('timeout', 0)), Math.max(0, ms));
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error) => (clearTimeout(timer), reject(error)),
    );
  });
}

function asRestError(error: unknown): RestError {
  return error instanceof RestError ? error : new RestError('network', 0);
}

/**
 * The wait before retry `attempt` (0-based), in seconds. A 429 waits its Retry-After (Zendesk: "a
 * Retry-After header that tells you how many seconds to wait",
 * https://developer.zendesk.com/api-reference/introduction/rate-limits/) plus up to one second more, never
 * less; without the header, and after a 5xx, an exponential wait with full jitter (between half and one
 * and a half times 1 s, 2 s, 4 s …). Null when the wait would be longer than the policy accepts.
 */
export function retryDelaySeconds(error: RestError, attempt: number, policy: Pick<RestPolicy, 'maxWaitSeconds' | 'random'>): number | null {
  const base = error.reason === 'rateLimited' && error.retryAfterSeconds !== null ? error.retryAfterSeconds : 2 ** attempt;
  if (base > policy.maxWaitSeconds) return null;
  const wait = error.reason === 'rateLimited' && error.retryAfterSeconds !== null ? base + policy.random() : base * (0.5 + policy.random());
  return Math.round(wait * 1000) / 1000;
}

/**
 * One GET of a JSON object: each attempt bounded by `timeoutMs` (and the deadline), retried on 429 and
 * 5xx with jitter. Rejects with a RestError: timeout, rateLimited, server, malformed, network,
 * forbidden, notFound (its `status` is the HTTP status, 0 when there was none).
 */
export async function getJson(client: ZafClient, url: string, policy: RestPolicy, options: CallOptions = {}): Promise<Record<string, unknown>> {
  for (let attempt = 0; ; attempt += 1) {
    const left = options.deadlineAt === undefined ? policy.timeoutMs : Math.min(policy.timeoutMs, options.deadlineAt - policy.now());
    if (left <= 0) throw new RestError('timeout', 0);
    try {
      const response = await withTimeout(client.request({ url, type: 'GET' }), left);
      if (response.status >= 400) throw new RestError(failureOfStatus(response.status), response.status, retryAfterSeconds(response.headers, policy.now()));
      const body = typeof response.body === 'string' ? JSON.parse(response.body) : response.body;
      if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new RestError('malformed', response.status);
      return body as Record<string, unknown>;
    } catch (caught) {
      const error = caught instanceof SyntaxError ? new RestError('malformed', 200) : asRestError(caught);
      // A 4xx other than 429 (a bad request, Search's 422 past its 1,000 results) is not worth repeating.
      const retriable = error.reason === 'rateLimited' || (error.reason === 'server' && (error.status >= 500 || error.status === 0));
      if (!retriable || attempt >= policy.maxRetries) throw error;
      const waitSeconds = retryDelaySeconds(error, attempt, policy);
      if (waitSeconds === null) throw error;
      if (options.deadlineAt !== undefined && policy.now() + waitSeconds * 1000 >= options.deadlineAt) throw error;
      // The agent is told Zendesk's own figure; the jitter (under a second) is not worth a word. Only
      // 429 and 5xx get here (retriable above): the reason says which.
      const seconds = error.reason === 'rateLimited' && error.retryAfterSeconds !== null ? error.retryAfterSeconds : Math.ceil(waitSeconds);
      options.onWaiting?.({ seconds, reason: error.reason === 'rateLimited' ? 'rateLimited' : 'server' });
      await policy.sleep(waitSeconds * 1000);
    }
  }
}
