import type { GetResult, RequestOptions, RestResponse, ZafClient } from '../src/zendesk/client';
import { RestError } from '../src/zendesk/client';
import type { TicketModel } from './ticketModel';

export interface ZafCall {
  kind: 'metadata' | 'get' | 'set' | 'invoke' | 'request';
  /** The path set, the name invoked, the URL requested, or the paths read. */
  target: string;
  args: unknown[];
  at: number;
}

export interface SaveVerdict {
  allowed: boolean;
  message: string | null;
}

type Handler = (data: unknown) => unknown;

/**
 * How the ZAF SDK answers zaf.ticket.save: a handler refuses by returning false, a string or an Error,
 * by throwing, or by returning a promise that rejects. A promise that resolves allows, even to false.
 */
export async function runSaveHandlers(handlers: readonly Handler[]): Promise<SaveVerdict> {
  const refuse = (message: unknown): SaveVerdict => ({ allowed: false, message: message instanceof Error ? message.message : typeof message === 'string' ? message : '' });
  const outcomes = await Promise.all(
    handlers.map(async (handler) => {
      let result: unknown;
      try {
        result = handler(undefined);
      } catch (error) {
        return refuse(error);
      }
      if (result && typeof (result as Promise<unknown>).then === 'function') {
        try {
          await result;
          return null;
        } catch (reason) {
          return refuse(reason);
        }
      }
      if (result === false || typeof result === 'string' || result instanceof Error) return refuse(result === false ? '' : result);
      return null;
    }),
  );
  return outcomes.find((outcome) => outcome !== null) ?? { allowed: true, message: null };
}

export interface FakeClientOptions {
  /** Where /api/v2 is requested (MSW answers it): the page's origin in the browser. */
  baseUrl: string;
  /** Delay of every ZAF round trip, to measure the startup critical path. */
  latencyMs?: number;
  fetch?: typeof fetch;
}

export type FakeClient = ZafClient & {
  calls: ZafCall[];
  onCall(listener: (call: ZafCall) => void): () => void;
  /** Runs the ticket.save handlers like Zendesk; an allowed save is committed (ticket.saved fires). */
  save(): Promise<SaveVerdict>;
  /** As if the agent edited the ticket: fires the matching *.changed event. Not logged as an app call. */
  agentSet(path: string, value: unknown): void;
};

/** The harness's ZAF client: the same interface as the real adapter, answered by a TicketModel. */
export function createFakeClient(model: TicketModel, options: FakeClientOptions): FakeClient {
  const handlers = new Map<string, Handler[]>();
  const calls: ZafCall[] = [];
  const callListeners = new Set<(call: ZafCall) => void>();
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const roundTrip = () => new Promise<void>((resolve) => setTimeout(resolve, options.latencyMs ?? 0));

  const log = (kind: ZafCall['kind'], target: string, args: unknown[]) => {
    const call = { kind, target, args: structuredClone(args), at: Date.now() };
    calls.push(call);
    for (const listener of callListeners) listener(call);
  };

  model.onEvent((name, data) => {
    for (const handler of handlers.get(name) ?? []) setTimeout(() => handler(data), 0);
  });

  return {
    calls,
    onCall(listener) {
      callListeners.add(listener);
      return () => callListeners.delete(listener);
    },
    async metadata() {
      log('metadata', 'metadata', []);
      await roundTrip();
      return { settings: structuredClone(model.installation.settings), installationId: model.installation.id };
    },
    async get(paths): Promise<GetResult> {
      log('get', paths.join(','), [...paths]);
      await roundTrip();
      const { errors, ...values } = model.get(paths);
      return { values, errors: Object.fromEntries(Object.entries(errors).map(([path, error]) => [path, error.message])) };
    },
    async set(path, value) {
      log('set', path, [value]);
      await roundTrip();
      model.set(path, value);
    },
    async invoke(name, ...args) {
      log('invoke', name, args);
      await roundTrip();
      model.invoke(name, args);
    },
    async request(request: RequestOptions): Promise<RestResponse> {
      log('request', request.url, [request]);
      let response: Response;
      try {
        response = await doFetch(new URL(request.url, options.baseUrl), {
          method: request.type ?? 'GET',
          ...(request.data !== undefined ? { body: request.data, headers: { 'content-type': request.contentType ?? 'application/json' } } : {}),
        });
      } catch {
        throw new RestError('network', 0);
      }
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        /* left as text: the app says it is malformed */
      }
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => (headers[name.toLowerCase()] = value));
      return { status: response.status, body, headers };
    },
    on(event, handler) {
      handlers.set(event, [...(handlers.get(event) ?? []), handler]);
    },
    async save() {
      const verdict = await runSaveHandlers(handlers.get('ticket.save') ?? []);
      if (verdict.allowed) model.commitSave();
      return verdict;
    },
    agentSet(path, value) {
      model.set(path, value);
    },
  };
}
