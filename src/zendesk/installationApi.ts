import { RestError, failureOfStatus, retryAfterSeconds, type ZafClient } from './client';
import { getJson, type RestPolicy } from './restApi';
import { asRecord } from './ticketContext';

/**
 * The app's own installation, over Zendesk's Apps API:
 * - GET /api/v2/apps/installations/{id} (Allowed for agents) answers the installation object itself,
 *   `settings` included: https://developer.zendesk.com/api-reference/ticketing/apps/apps/#show-app-installation
 * - PUT /api/v2/apps/installations/{id} with `{"settings": {...}}` (Allowed for admins) answers the
 *   updated installation: https://developer.zendesk.com/api-reference/ticketing/apps/apps/#update-app-installation
 * The ID is ZAF's `metadata().installationId`. See docs/zendesk-facts/rest-and-triggers.md §8.
 */
const installationUrl = (id: number) => `/api/v2/apps/installations/${id}.json`;


/** The stored settings of the installation, as Zendesk has them now. Rejects with a RestError. */
export async function readInstallationSettings(client: ZafClient, installationId: number, policy: RestPolicy): Promise<Record<string, unknown>> {
  const body = await getJson(client, installationUrl(installationId), policy);
  const settings = asRecord(body.settings);
  if (!settings) throw new RestError('malformed', 200);
  return settings;
}

/**
 * Why a write failed: 403 (not an admin, or the app may not), 422 (Zendesk refused the values), 429
 * (rate limit: `retryAfterSeconds`), 404 (no such installation), 5xx, no answer in time, no network,
 * an answer that is not JSON.
 */
export type WriteFailure = 'forbidden' | 'invalid' | 'rateLimited' | 'notFound' | 'server' | 'timeout' | 'network' | 'malformed';

export type WriteOutcome =
  | { ok: true; settings: Record<string, unknown> | null }
  | { ok: false; reason: WriteFailure; status: number; retryAfterSeconds: number | null; detail: string | null };

/** Zendesk's error text: `{"error": "RecordInvalid", "description": "…"}`, or `{"error": {"title", "message"}}`. */
function errorDetail(body: unknown): string | null {
  const record = asRecord(typeof body === 'string' ? safeJson(body) : body);
  if (!record) return null;
  const nested = asRecord(record.error);
  const parts = [record.description, nested?.message, nested?.title, typeof record.error === 'string' ? record.error : null].filter((part): part is string => typeof part === 'string' && part.trim() !== '');
  return parts[0] ?? null;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * One PUT of the complete settings set, bounded by the policy's timeout, never retried (the admin is
 * there to try again, and a lost answer is checked by reading the installation back, in app/setup).
 * Resolves with the outcome; never rejects.
 */
export async function writeInstallationSettings(client: ZafClient, installationId: number, settings: Record<string, unknown>, policy: RestPolicy): Promise<WriteOutcome> {
  const failed = (reason: WriteFailure, status: number, detail: string | null = null, retry: number | null = null): WriteOutcome => ({ ok: false, reason, status, retryAfterSeconds: retry, detail });
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new RestError('timeout', 0)), policy.timeoutMs)));
    const request = client.request({ url: installationUrl(installationId), type: 'PUT', contentType: 'application/json', data: JSON.stringify({ settings }) });
    const response = await Promise.race([request, timeout]);
    if (response.status >= 400) {
      const reason = response.status === 422 || response.status === 400 ? 'invalid' : failureOfStatus(response.status);
      return failed(reason === 'forbidden' || reason === 'invalid' || reason === 'rateLimited' || reason === 'notFound' || reason === 'network' ? reason : 'server', response.status, errorDetail(response.body), retryAfterSeconds(response.headers, policy.now()));
    }
    const body = typeof response.body === 'string' ? safeJson(response.body) : response.body;
    if (!asRecord(body)) return failed('malformed', response.status);
    return { ok: true, settings: asRecord(asRecord(body)!.settings) };
  } catch (error) {
    const reason = error instanceof RestError ? error.reason : 'network';
    return failed(reason === 'timeout' ? 'timeout' : 'network', error instanceof RestError ? error.status : 0);
  } finally {
    clearTimeout(timer);
  }
}
