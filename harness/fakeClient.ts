import type { GetResult, RequestOptions, RestResponse, ZafClient } from '../src/zendesk/client';
import { RestError } from '../src/zendesk/client';
import type { TicketModel } from './ticketModel';
import { createWire } from './wire';

export interface ZafCall {
  kind: 'metadata' | 'get' | 'set' | 'invoke' | 'request';
  /** The path set, the name invoked, the URL requested, or the paths read. */
  target: string;
  args: unknown[];
  at: number;
  /** For a get, once answered: the paths Zendesk answered with an error (unreadable). */
  errors?: string[];
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
  /** Delay of every ZAF round trip (half each way), to measure the startup critical path. */
  latencyMs?: number;
  fetch?: typeof fetch;
}

export type FakeClient = ZafClient & {
  calls: ZafCall[];
  onCall(listener: (call: ZafCall) => void): () => void;
  /**
   * Zendesk sends ticket.save (after every event sent before it) and the app's handlers answer, as the
   * SDK answers them; an allowed save is committed. While a save is under way, another resolves with it
   * (Zendesk does not start a second submit while the app has not answered the first). The submit events
   * fire around a committed save, never ticket.saved (TicketModel.commitSave).
   */
  save(): Promise<SaveVerdict>;
  /** Zendesk's "Submit as <status>": the status changes (its event is sent) and the ticket is saved, in one gesture. */
  submitAs(status: string): Promise<SaveVerdict>;
  /** As if the agent edited the ticket: fires the matching *.changed event. Not logged as an app call. */
  agentSet(path: string, value: unknown): void;
  /** The events the app subscribed to (client.on), as the host sees its iframe.on: messages. */
  subscriptions(): string[];
  /** Nothing in flight: no request of the app unanswered, no message on either wire. */
  idle(): boolean;
};

/** A handler's throw is the app's bug, reported as the browser would report it, without stopping the other handlers. */
function runHandler(handler: Handler, data: unknown) {
  try {
    handler(data);
  } catch (error) {
    queueMicrotask(() => {
      throw error;
    });
  }
}

/**
 * The harness's ZAF client: the same interface as the real adapter, answered by a TicketModel.
 * Everything crosses two wires, as over postMessage (harness/wire.ts): requests to "Zendesk", and
 * replies, events and the save hook back to the app, each direction first in, first out.
 */
export function createFakeClient(model: TicketModel, options: FakeClientOptions): FakeClient {
  const handlers = new Map<string, Handler[]>();
  const calls: ZafCall[] = [];
  const callListeners = new Set<(call: ZafCall) => void>();
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const toZendesk = createWire((options.latencyMs ?? 0) / 2);
  const toApp = createWire((options.latencyMs ?? 0) / 2);
  let saving: Promise<SaveVerdict> | null = null;
  let asking = 0;

  const notify = (call: ZafCall) => {
    for (const listener of callListeners) listener(call);
  };
  const log = (kind: ZafCall['kind'], target: string, args: unknown[]) => {
    const call: ZafCall = { kind, target, args: structuredClone(args), at: Date.now() };
    calls.push(call);
    notify(call);
    return call;
  };

  /** A request reaches Zendesk, is answered there, and the answer comes back: each leg in order with the rest. */
  function ask<T>(answer: () => T | Promise<T>): Promise<T> {
    asking += 1;
    const answered = (settle: () => void) => () => {
      asking -= 1;
      settle();
    };
    return new Promise<T>((resolve, reject) =>
      toZendesk.send(() => {
        Promise.resolve()
          .then(answer)
          .then(
            (value) => toApp.send(answered(() => resolve(value))),
            (error: unknown) => toApp.send(answered(() => reject(error))),
          );
      }),
    );
  }

  model.onEvent((name, data) =>
    toApp.send(() => {
      for (const handler of handlers.get(name) ?? []) runHandler(handler, data);
    }),
  );

  function save(): Promise<SaveVerdict> {
    saving ??= new Promise<SaveVerdict>((resolve) =>
      toApp.send(() => {
        void runSaveHandlers(handlers.get('ticket.save') ?? []).then((verdict) =>
          toZendesk.send(() => {
            saving = null;
            if (verdict.allowed) model.commitSave();
            resolve(verdict);
          }),
        );
      }),
    );
    return saving;
  }

  return {
    calls,
    onCall(listener) {
      callListeners.add(listener);
      return () => callListeners.delete(listener);
    },
    metadata() {
      log('metadata', 'metadata', []);
      return ask(() => ({ settings: structuredClone(model.installation.settings), installationId: model.installation.id }));
    },
    get(paths): Promise<GetResult> {
      const call = log('get', paths.join(','), [...paths]);
      return ask(() => {
        const { errors, ...values } = model.get(paths);
        call.errors = Object.keys(errors);
        notify(call);
        return { values, errors: Object.fromEntries(Object.entries(errors).map(([path, error]) => [path, error.message])) };
      });
    },
    set(path, value) {
      log('set', path, [value]);
      return ask(() => model.set(path, value));
    },
    invoke(name, ...args) {
      log('invoke', name, args);
      return ask(() => model.invoke(name, args));
    },
    request(request: RequestOptions): Promise<RestResponse> {
      log('request', request.url, [request]);
      return ask(async () => {
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
      });
    },
    on(event, handler) {
      handlers.set(event, [...(handlers.get(event) ?? []), handler]);
    },
    save,
    submitAs(status) {
      model.set('ticket.status', status);
      return save();
    },
    agentSet(path, value) {
      model.set(path, value);
    },
    subscriptions: () => [...handlers.keys()],
    idle: () => asking === 0 && toZendesk.pending === 0 && toApp.pending === 0 && saving === null,
  };
}
