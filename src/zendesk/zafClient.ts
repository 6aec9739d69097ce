import type { GetResult, RestResponse, ZafClient } from './client';
import { RestError, failureOfStatus, readInstallationId } from './client';

/** The part of Zendesk's ZAF SDK client (loaded from Zendesk's CDN in iframe.html) that we use. */
interface SdkClient {
  get(paths: string[]): Promise<Record<string, unknown> & { errors?: Record<string, { message?: string } | string> }>;
  set(path: string, value: unknown): Promise<unknown>;
  invoke(name: string, ...args: unknown[]): Promise<unknown>;
  request(options: Record<string, unknown>): Promise<unknown>;
  on(event: string, handler: (data: unknown) => unknown): void;
  metadata(): Promise<{ settings?: Record<string, unknown>; installationId?: unknown }>;
}

declare global {
  interface Window {
    ZAFClient?: { init(): SdkClient | false };
  }
}

function headersOf(value: unknown): Record<string, string> {
  if (!value || typeof value !== 'object') return {};
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([name, header]) => [name.toLowerCase(), String(header)]));
}

/** `httpCompleteResponse: true` answers { status, headers, responseJSON | responseText } both ways. */
function toResponse(raw: unknown): RestResponse {
  const response = (raw ?? {}) as Record<string, unknown>;
  const status = typeof response.status === 'number' ? response.status : 0;
  const body = response.responseJSON !== undefined ? response.responseJSON : (response.responseText ?? null);
  return { status, body, headers: headersOf(response.headers) };
}

/** The real adapter. Outside Zendesk ZAFClient.init() returns false: then this returns null. */
export function createZafClient(): ZafClient | null {
  const sdk = window.ZAFClient?.init();
  if (!sdk) return null;
  return {
    async metadata() {
      const metadata = await sdk.metadata();
      return { settings: metadata.settings ?? {}, installationId: readInstallationId(metadata.installationId) };
    },
    async get(paths): Promise<GetResult> {
      const answer = await sdk.get([...paths]);
      const { errors = {}, ...values } = answer;
      return {
        values,
        errors: Object.fromEntries(Object.entries(errors).map(([path, error]) => [path, typeof error === 'string' ? error : (error?.message ?? 'error')])),
      };
    },
    set: async (path, value) => void (await sdk.set(path, value)),
    invoke: async (name, ...args) => void (await sdk.invoke(name, ...args)),
    async request(options) {
      try {
        const response = toResponse(await sdk.request({ ...options, dataType: 'json', httpCompleteResponse: true }));
        return response;
      } catch (failure) {
        const response = toResponse(failure);
        if (response.status >= 400) return response;
        throw new RestError(failureOfStatus(response.status), response.status);
      }
    },
    on: (event, handler) => sdk.on(event, handler),
  };
}
