import type { FailureReason } from '../domain/ticket';

/**
 * The small typed face of Zendesk's App Framework that the app uses. Two implementations: the real
 * one over the ZAF SDK (zafClient.ts) and the harness's fake. Nothing else in src touches ZAF.
 */
export interface GetResult {
  values: Record<string, unknown>;
  /** Paths a batched get could not read, with ZAF's message. */
  errors: Record<string, string>;
}

export interface RestResponse {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

/**
 * ZAF `client.request` options (jQuery.ajax-like: `type`, `contentType`, `data`), the few used here.
 * https://developer.zendesk.com/api-reference/apps/apps-core-api/client_api/#clientrequestoptions
 */
export interface RequestOptions {
  url: string;
  type?: 'GET' | 'PUT';
  /** The body, already serialised (JSON text for `application/json`). */
  data?: string;
  contentType?: 'application/json';
}

export interface AppMetadata {
  /** The installation's settings (parameter values), from the handshake. */
  settings: Record<string, unknown>;
  /**
   * The installation's ID (`metadata().installationId`, a number in production). Null when the app
   * does not run from an installation: `zcli apps:server` gives a non-numeric one.
   */
  installationId?: number | null;
}

/** metadata().installationId as ZAF gives it: a number in production, a string under zcli apps:server. */
export function readInstallationId(value: unknown): number | null {
  const id = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

export interface ZafClient {
  /** Installation settings and ID, from the handshake. */
  metadata(): Promise<AppMetadata>;
  get(paths: readonly string[]): Promise<GetResult>;
  set(path: string, value: unknown): Promise<void>;
  invoke(name: string, ...args: unknown[]): Promise<void>;
  /** Rejects with a RestError. */
  request(options: RequestOptions): Promise<RestResponse>;
  on(event: string, handler: (data: unknown) => unknown): void;
}

export class RestError extends Error {
  constructor(
    readonly reason: FailureReason,
    readonly status: number,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(`${reason} (${status})`);
    this.name = 'RestError';
  }
}

export function failureOfStatus(status: number): FailureReason {
  if (status === 429) return 'rateLimited';
  if (status === 401 || status === 403) return 'forbidden';
  if (status === 404) return 'notFound';
  if (status === 0) return 'network';
  return 'server';
}

/** Retry-After in seconds (a number, or an HTTP date), from headers in any case. */
export function retryAfterSeconds(headers: Record<string, string> | undefined, now = Date.now()): number | null {
  if (!headers) return null;
  const entry = Object.entries(headers).find(([name]) => name.toLowerCase() === 'retry-after');
  if (!entry) return null;
  const seconds = Number(entry[1]);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(entry[1]);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}
