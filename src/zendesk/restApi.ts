import type { Macro, MacroAnswer } from '../domain/macros';
import { findMacro, titleMatch } from '../domain/macroTitles';
import type { OrganizationSearch } from '../domain/organizations';
import type { SavedComment, Waiting } from '../domain/ticket';
import { normalize } from '../domain/text';
import { RestError, type ZafClient } from './client';
import { createCache, type CacheKind, type CacheLimits, type CacheStores } from './cache';
import { DEFAULT_POLICY, getJson, type RestPolicy } from './http';
import { listMacros, searchMacros } from './macrosApi';
import { organizationsByCnpj } from './organizationsApi';
import { readSavedComments, type SavedComments } from './commentsApi';

export type { SavedComments } from './commentsApi';

export { DEFAULT_POLICY, getJson, type RestPolicy } from './http';
export type { CacheStores, KeyValueStore } from './cache';
export { browserStores } from './storage';

export interface LookupCall {
  /** Read Zendesk again, whatever the cache holds (a "try again", a macro that has just failed). */
  refresh?: boolean;
  /** Told how long a 429 or a 5xx makes the app wait before it retries, and which of the two. */
  onWaiting?: (waiting: Waiting) => void;
}

/** The REST look-ups ZAF cannot answer, cached (see createZendeskApi). Each rejects with a RestError. */
export interface ZendeskApi {
  /** The agent's macros whose title could stand for `title` (complete: none left unread), and which one it is (findMacro). */
  macroByTitle(title: string, call?: LookupCall): Promise<MacroAnswer>;
  /** The organizations whose CNPJ field holds this CNPJ, the first three with their top requester among their recent tickets. */
  organizationsByCnpj(cnpjKey: string, cnpj: { value: string; formatted: string }, call?: LookupCall): Promise<OrganizationSearch>;
  /**
   * A ticket's saved comments (text from `plain_body`, `public` flag), oldest first, read newest first
   * until `enough(newestFirst)` holds or to the end (`complete`). Cached by ticket id + `updatedAt` (the
   * ticket's ISO `updated_at`; a save changes it, so a new comment is never missed); a cached partial read
   * is used only when `enough` holds for it, else the comments are read again. With `updatedAt` null the
   * answer is not kept. `deadlineMs`: reject with 'timeout' after that long — the notes are then not
   * read, never absent.
   */
  savedComments(ticketId: number, call: LookupCall & { updatedAt: string | null; deadlineMs?: number; enough?: (newestFirst: SavedComment[]) => boolean }): Promise<SavedComments>;
  /**
   * The status Zendesk has stored for the ticket (Tickets API, Show Ticket: `ticket.status`,
   * https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/#show-ticket). Never cached: it
   * is read when the app lost track of it (a save whose ticket.submit.done / .fail it never saw).
   */
  ticketStatus(ticketId: number, call?: LookupCall): Promise<string>;
}

function withDeadline<T>(promise: Promise<T>, ms: number | undefined): Promise<T> {
  if (ms === undefined) return promise;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new RestError('timeout', 0)), Math.max(0, ms));
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error) => (clearTimeout(timer), reject(error)),
    );
  });
}

/**
 * The look-ups over a cache (cache.ts) with this policy:
 * - an answer is kept per key — macros for `macrosTtlMs` (4 h, shared by the agent's tabs); organizations
 *   of a CNPJ with their top requester and a ticket's saved comments for `cacheTtlMs` (10 min, personal:
 *   the tab's session only);
 * - a failure is kept `failureTtlMs` (45 s; as long as a longer Retry-After, up to 5 min) per key, shared
 *   by the tabs, so an API that is down is not asked again by every view; `refresh` bypasses both;
 * - a look-up under way is shared, never repeated.
 */
export function createZendeskApi(client: ZafClient, stores: CacheStores, policy: RestPolicy = DEFAULT_POLICY, limits?: CacheLimits): ZendeskApi {
  const cache = createCache(stores, () => policy.now(), limits);
  cache.sweep();
  const inFlight = new Map<string, Promise<unknown>>();

  function failureTtl(error: RestError): number {
    const retryAfterMs = (error.retryAfterSeconds ?? 0) * 1000;
    return Math.min(Math.max(policy.failureTtlMs, retryAfterMs), 5 * 60 * 1000);
  }

  function cached<T>(
    key: string,
    kind: CacheKind,
    ttlMs: number,
    load: () => Promise<T>,
    options: { refresh?: boolean; keep?: boolean; keepFailure?: (error: RestError) => boolean; accept?: (value: T) => boolean } = {},
  ): Promise<T> {
    const keep = options.keep ?? true;
    const accept = options.accept ?? (() => true);
    if (!options.refresh) {
      const failed = cache.get<never>(`failed:${key}`, 'shared');
      if (failed && 'failure' in failed) return Promise.reject(new RestError(failed.failure.reason, failed.failure.status, failed.failure.retryAfterSeconds));
      const hit = keep ? cache.get<T>(key, kind) : null;
      if (hit && 'value' in hit && accept(hit.value)) return Promise.resolve(hit.value);
      const running = inFlight.get(key) as Promise<T> | undefined;
      if (running) return running.then((value) => (accept(value) ? value : cached(key, kind, ttlMs, load, { ...options, refresh: true })));
    }
    const promise: Promise<T> = load().then(
      (value) => {
        const at = policy.now();
        cache.delete(`failed:${key}`, 'shared');
        if (keep) cache.set(key, kind, { at, until: at + ttlMs, value });
        return value;
      },
      (caught: unknown) => {
        const error = caught instanceof RestError ? caught : new RestError('network', 0);
        const at = policy.now();
        if (options.keepFailure?.(error) ?? true) {
          cache.set(`failed:${key}`, 'shared', { at, until: at + failureTtl(error), failure: { reason: error.reason, status: error.status, retryAfterSeconds: error.retryAfterSeconds } });
        }
        throw error;
      },
    );
    const shared = promise.finally(() => {
      if (inFlight.get(key) === shared) inFlight.delete(key);
    });
    inFlight.set(key, shared);
    return shared;
  }

  /** Every macro of the agent, read once per app instance, only to confirm that a title is absent. */
  let allMacros: Promise<Macro[]> | null = null;

  return {
    macroByTitle: async (title, call = {}) => {
      const candidates = await cached(
        `macro:${normalize(title)}`,
        'shared',
        policy.macrosTtlMs,
        async () => {
          const found = await searchMacros(client, title, policy, call);
          if (findMacro(found, title).kind !== 'missing') return found;
          if (call.refresh) allMacros = null;
          allMacros ??= listMacros(client, policy, call).catch((error: unknown) => {
            allMacros = null;
            throw error;
          });
          return (await allMacros).filter((macro) => titleMatch(macro.title, title) !== null);
        },
        { refresh: call.refresh },
      );
      return { candidates, match: findMacro(candidates, title) };
    },

    organizationsByCnpj: (cnpjKey, cnpj, call = {}) =>
      cached(`orgs:${cnpjKey}:${cnpj.value}`, 'personal', policy.cacheTtlMs, () => organizationsByCnpj(client, cnpjKey, cnpj, policy, call), { refresh: call.refresh }),

    ticketStatus: async (ticketId, call = {}) => {
      const ticket = (await getJson(client, `/api/v2/tickets/${ticketId}.json`, policy, { onWaiting: call.onWaiting })).ticket as Record<string, unknown> | null | undefined;
      if (!ticket || typeof ticket.status !== 'string' || ticket.status === '') throw new RestError('malformed', 200);
      return ticket.status;
    },

    savedComments: (ticketId, call) => {
      const deadlineAt = call.deadlineMs === undefined ? undefined : policy.now() + call.deadlineMs;
      const enough = call.enough;
      const read = cached(`comments:${ticketId}:${call.updatedAt ?? 'unknown'}`, 'personal', policy.cacheTtlMs, () => readSavedComments(client, ticketId, policy, { onWaiting: call.onWaiting, deadlineAt, enough }), {
        refresh: call.refresh,
        keep: call.updatedAt !== null,
        // A partial read answers only the question it stopped for: another question reads again.
        accept: (value) => value.complete || (enough !== undefined && enough([...value.comments].reverse())),
        // Running out of the caller's own deadline says nothing about Zendesk: not remembered as a failure.
        keepFailure: (error) => !(deadlineAt !== undefined && error.reason === 'timeout'),
      });
      return withDeadline(read, call.deadlineMs);
    },
  };
}
