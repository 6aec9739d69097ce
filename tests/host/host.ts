import { parseScenario } from '../../harness/scenario';
import { TicketModel } from '../../harness/ticketModel';
import type { ZafCall } from '../../harness/fakeClient';
import type { RestTicketUpdate } from '../../harness/backstop';
import type { AccountChange } from '../../harness/rest/account';
import { createWire } from '../../harness/wire';

/**
 * Zendesk's side of the ZAF v2 postMessage protocol, for the production build in an iframe of another
 * origin: the handshake (zaf.app.registered with context and metadata.settings), get/set/invoke by id
 * (with an errors map for unknown paths), events for the subscribed *.changed names, request:<n>
 * answered .done/.fail with responseArgs, and zaf.ticket.save with needsReply. Answers come from the
 * same TicketModel as the harness, so the two can be compared. Everything the host sends — replies,
 * events, the save hook — leaves through one first-in first-out outbox, `latency` ms after it was sent
 * (harness/wire.ts): an agent's edit and a save that follows it reach the app in that order.
 */
interface SaveVerdict {
  allowed: boolean;
  message: string | null;
}

declare global {
  interface Window {
    zendeskHost?: {
      calls: ZafCall[];
      subscriptions: string[];
      /** Fires zaf.ticket.save like Zendesk (after every event sent before it) and resolves with the app's verdict. */
      save(): Promise<SaveVerdict>;
      /** Zendesk's "Submit as <status>": the status changes (its event is sent), then zaf.ticket.save. */
      submitAs(status: string): Promise<SaveVerdict>;
      /** As if the agent edited the ticket. */
      set(path: string, value: unknown): void;
      /** An update that meets no save hook (API, bulk edit, mobile): Zendesk's triggers run on it. */
      apiUpdate(update: RestTicketUpdate): { fired: string[] };
      /** Opens the ticket again: the app's iframe is loaded anew and shakes hands again. */
      reopen(): void;
      /** The account changes under the app (a macro deleted, re-created, renamed…): harness/rest/account.ts. */
      changeAccount(change: AccountChange): Record<string, unknown>;
      /** What the host answers a client.request for this URL over the protocol (the responseArgs it posts). */
      answerOf(url: string): unknown;
      /** Answers get requests held back (see ?holdGet=1). */
      releaseGets(): void;
      /** Every accepted PUT /api/v2/apps/installations/{id}, body as sent. */
      installationWrites: { settings: Record<string, unknown> }[];
      /** Event faults: these events arrive late (when released) or never. */
      holdEvents(names: string[]): void;
      dropEvents(names: string[]): void;
      releaseEvents(): void;
      registered: Promise<void>;
    };
  }
}

const params = new URLSearchParams(window.location.search);
const appUrl = params.get('app')!;
const latencyMs = Number(params.get('latency') ?? 0) || 0;
let holdGets = params.get('holdGet') === '1';
const APP_GUID = 'sentinela-test-guid';

async function start() {
  const scenario = parseScenario(await (await fetch(params.get('scenario')!)).text());
  // ?unreadable=path,path: ZAF paths a get answers with an error, on top of the scenario's own.
  const unreadable = (params.get('unreadable') ?? '').split(',').filter(Boolean);
  scenario.faults.unreadablePaths.push(...unreadable);
  const model = new TicketModel(scenario);
  const calls: ZafCall[] = [];
  const subscriptions = new Set<string>();
  const heldGets: (() => void)[] = [];
  const appOrigin = new URL(appUrl).origin;
  let resolveRegistered: () => void = () => undefined;
  const registered = new Promise<void>((resolve) => (resolveRegistered = resolve));
  let pendingSave: ((verdict: SaveVerdict) => void) | null = null;
  let saving: Promise<SaveVerdict> | null = null;

  const iframe = document.createElement('iframe');
  iframe.title = 'Sentinela';
  // Zendesk's ticket sidebar: 320 px wide unless the agent widens the apps panel (?width=).
  iframe.style.cssText = `width:${Number(params.get('width')) || 320}px;height:860px;border:1px solid #ccc`;
  const src = new URL(appUrl);
  src.searchParams.set('origin', window.location.origin);
  src.searchParams.set('app_guid', APP_GUID);
  iframe.src = src.href;
  document.getElementById('frame-slot')!.appendChild(iframe);

  const outbox = createWire(latencyMs);
  const post = (message: object) => iframe.contentWindow!.postMessage(JSON.stringify(message), appOrigin);
  const later = (reply: () => void) => outbox.send(reply);
  const log = (kind: ZafCall['kind'], target: string, args: unknown[]) => {
    const call: ZafCall = { kind, target, args: structuredClone(args), at: Date.now() };
    calls.push(call);
    return call;
  };

  model.onEvent((name, data) => {
    if (subscriptions.has(name)) later(() => post({ key: `zaf.${name}`, message: data }));
  });

  /** Zendesk acts on a request when it receives it (the events it fires leave first), and its reply follows. */
  function answer(id: number, run: () => unknown) {
    let reply: object;
    try {
      reply = { id, result: run() };
    } catch (error) {
      reply = { id, error: { name: 'Error', message: error instanceof Error ? error.message : String(error) } };
    }
    later(() => post(reply));
  }

  /** What Zendesk posts back for a client.request: responseArgs [data, status, xhr], or null for a request that never answers. */
  function requestReply(options: { url: string; type?: string; data?: unknown }) {
    const response = model.rest(options.type ?? 'GET', options.url, typeof options.data === 'string' ? options.data : null);
    if ('timeout' in response) return null;
    const args = { status: response.status, headers: response.headers, responseJSON: typeof response.body === 'string' ? undefined : response.body, responseText: typeof response.body === 'string' ? response.body : JSON.stringify(response.body) };
    const ok = response.status < 400;
    return { ok, delayMs: response.delayMs ?? 0, responseArgs: ok ? [args, 'success', args] : [args, 'error', 'error'] };
  }

  window.addEventListener('message', (event) => {
    if (event.origin !== appOrigin || event.source !== iframe.contentWindow) return;
    const data = typeof event.data === 'string' ? JSON.parse(event.data) : event.data;
    if (data.appGuid !== APP_GUID) return;
    if (data.key === 'iframe.handshake') {
      log('metadata', 'handshake', [data.message]);
      later(() => {
        post({
          key: 'zaf.app.registered',
          message: {
            context: { product: 'support', location: 'ticket_sidebar', ticketId: model.ticket.id, instanceGuid: APP_GUID, account: { subdomain: 'sentinela-test' } },
            metadata: { appId: 1, installationId: model.installation.id, name: 'Sentinela', version: '0.1.0', settings: structuredClone(model.installation.settings) },
          },
        });
        resolveRegistered();
      });
      return;
    }
    if (typeof data.key === 'string' && data.key.startsWith('iframe.on:')) {
      subscriptions.add(data.key.slice('iframe.on:'.length));
      return;
    }
    if (data.key === 'iframe.reply:ticket.save') {
      pendingSave?.({ allowed: !data.error, message: data.error ? String(data.error.msg ?? '') : null });
      pendingSave = null;
      return;
    }
    if (typeof data.key === 'string' && /^request:\d+$/.test(data.key)) {
      const options = data.message as { url: string; type?: string; data?: unknown };
      log('request', options.url, [options]);
      const reply = requestReply(options);
      if (!reply) return; // never answers, as a hung request
      const send = () => later(() => post({ key: `zaf.${data.key}.${reply.ok ? 'done' : 'fail'}`, message: { responseArgs: reply.responseArgs } }));
      // A slow answer is sent when it is ready, then queued behind whatever was sent before it.
      if (reply.delayMs) setTimeout(send, reply.delayMs);
      else send();
      return;
    }
    if (data.request === 'get') {
      const paths = data.params as string[];
      const call = log('get', paths.join(','), [...paths]);
      const reply = () =>
        answer(data.id, () => {
          const result = model.get(paths);
          call.errors = Object.keys(result.errors);
          return result;
        });
      if (holdGets) heldGets.push(reply);
      else reply();
    } else if (data.request === 'set') {
      for (const [path, value] of Object.entries(data.params as Record<string, unknown>)) log('set', path, [value]);
      answer(data.id, () => {
        for (const [path, value] of Object.entries(data.params as Record<string, unknown>)) model.set(path, value);
        return {};
      });
    } else if (data.request === 'invoke') {
      for (const [name, args] of Object.entries(data.params as Record<string, unknown[]>)) log('invoke', name, args);
      answer(data.id, () => {
        for (const [name, args] of Object.entries(data.params as Record<string, unknown[]>)) model.invoke(name, args);
        return {};
      });
    }
  });

  /** While the app has not answered a save, another resolves with it (the SDK ignores a second zaf.ticket.save meanwhile). */
  function save(): Promise<SaveVerdict> {
    saving ??= new Promise<SaveVerdict>((resolve) => {
      pendingSave = (verdict) => {
        saving = null;
        if (verdict.allowed) model.commitSave();
        resolve(verdict);
      };
      later(() => post({ key: 'zaf.ticket.save', needsReply: true }));
    });
    return saving;
  }

  window.zendeskHost = {
    calls,
    get subscriptions() {
      return [...subscriptions];
    },
    registered,
    get installationWrites() {
      return structuredClone(model.installation.writes);
    },
    save,
    submitAs(status) {
      model.set('ticket.status', status);
      return save();
    },
    set: (path, value) => model.set(path, value),
    apiUpdate: (update) => model.apiUpdate(update),
    reopen() {
      subscriptions.clear();
      pendingSave = null;
      saving = null;
      iframe.src = src.href;
    },
    changeAccount: (change) => model.account.change(change),
    answerOf: (url) => requestReply({ url, type: 'GET' })?.responseArgs ?? null,
    releaseGets() {
      holdGets = false;
      for (const reply of heldGets.splice(0)) reply();
    },
    holdEvents: (names) => model.holdEvents(names),
    dropEvents: (names) => model.dropEvents(names),
    releaseEvents: () => model.releaseEvents(),
  };
}

void start();
