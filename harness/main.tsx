import { StrictMode, useEffect, useState, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { setupWorker } from 'msw/browser';
import { FAULT_PRESETS, parseScenario, ScenarioError, withFault, type Scenario } from './scenario';
import { TicketModel } from './ticketModel';
import type { AccountChange } from './rest/account';
import { createFakeClient, type FakeClient, type SaveVerdict, type ZafCall } from './fakeClient';
import { restHandlers } from './handlers';
import { ApiUpdatePanel, reopenTicket, takeReopened } from './ApiUpdate';
import type { RestTicketUpdate } from './backstop';
import { accountStores } from './store';
import { mount } from '../src/mount';
import { DEFAULT_POLICY, type RestPolicy } from '../src/zendesk/restApi';
import './harness.css';

/** The bundled scenarios, listed for the picker. */
const bundled = Object.entries(import.meta.glob<{ name: string }>('./scenarios/*.json', { eager: true, import: 'default' }))
  .map(([file, scenario]) => ({ url: `/harness/scenarios/${file.slice('./scenarios/'.length)}`, name: scenario.name }))
  .sort((a, b) => a.url.localeCompare(b.url));

declare global {
  interface Window {
    zafMock?: {
      calls: ZafCall[];
      save(): Promise<SaveVerdict>;
      /** Zendesk's "Submit as <status>": the status changes and the ticket is saved, in one gesture. */
      submitAs(status: string): Promise<SaveVerdict>;
      set(path: string, value: unknown): void;
      /** An update that meets no save hook (API, bulk edit, mobile): Zendesk's triggers run on it. */
      apiUpdate(update: RestTicketUpdate): { fired: string[]; ticket: Scenario['ticket'] };
      /** Opens the ticket again (reloads the page with the ticket as Zendesk now holds it). */
      reopen(): void;
      /** Event faults: these events arrive late (when released) or never. */
      holdEvents(names: string[]): void;
      dropEvents(names: string[]): void;
      releaseEvents(): void;
      /** The events the app subscribed to. */
      subscriptions(): string[];
      scenario: Scenario;
      /** The account changes under the app (a macro deleted, re-created, renamed…): harness/rest/account.ts. */
      changeAccount(change: AccountChange): Record<string, unknown>;
      ready: Promise<void>;
      /** Every accepted PUT /api/v2/apps/installations/{id}, body as sent (the setup assistant's writes). */
      readonly installationWrites: { settings: Record<string, unknown> }[];
      /**
       * Resolves once the app has been quiet for `quietMs` (default 100): nothing in flight between it and
       * "Zendesk" (no unanswered get/set/invoke/request, no event or save hook on the way), counted from when
       * its look-ups have started (their chunk loads after first paint: before it is in, nothing is in flight
       * and nothing has been asked yet). A condition to wait for before checking a settled sidebar, instead of
       * a fixed sleep.
       */
      settled(quietMs?: number): Promise<void>;
      /** performance.now() when the app was started (for the startup benchmark). */
      startedAt?: number;
    };
  }
}

let model: TicketModel | null = null;
const worker = setupWorker(...restHandlers(() => model, window.location.origin));

async function loadScenario(source: string): Promise<Scenario> {
  const url = new URL(source, window.location.href);
  let response: Response;
  try {
    response = await fetch(url, { mode: 'cors' });
  } catch (error) {
    throw new ScenarioError([`${url.href}: could not be fetched (${error instanceof Error ? error.message : String(error)})`]);
  }
  if (!response.ok) throw new ScenarioError([`${url.href}: HTTP ${response.status}`]);
  return parseScenario(await response.text());
}

function CallLog({ client }: { client: FakeClient }) {
  const [calls, setCalls] = useState<ZafCall[]>(() => [...client.calls]);
  useEffect(() => client.onCall(() => setCalls([...client.calls])), [client]);
  const shown = calls.filter((call) => !(call.kind === 'invoke' && call.target === 'resize'));
  return (
    <section className="log" aria-label="ZAF calls">
      <h2>ZAF calls ({shown.length})</h2>
      <ol data-testid="call-log">
        {shown.map((call, index) => (
          <li key={index} data-kind={call.kind}>
            <code>
              {call.kind} {call.target}
              {call.kind === 'set' || call.kind === 'invoke' ? ` ${JSON.stringify(call.args)}` : ''}
              {call.errors?.length ? ` → unreadable: ${call.errors.join(', ')}` : ''}
            </code>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The ticket as Zendesk holds it now (the agent's edits, the app's sets, macros), re-read on every event. */
function useTicketView(model: TicketModel) {
  const read = () => `${model.ticket.status}\u0000${model.scenario.draft.type}\u0000${model.composerText}`;
  const snapshot = useSyncExternalStore((changed) => model.onEvent(changed) as () => void, read);
  const [status, type, text] = snapshot.split('\u0000');
  return { status, internal: type === 'internalNote', text };
}

const STATUSES = ['new', 'open', 'pending', 'hold', 'solved'];

function TicketEditor({ client, model }: { client: FakeClient; model: TicketModel }) {
  const { status, internal, text } = useTicketView(model);
  const [submitStatus, setSubmitStatus] = useState('hold');
  const [verdict, setVerdict] = useState<SaveVerdict | null>(null);
  const show = (saving: Promise<SaveVerdict>) => void saving.then(setVerdict);
  return (
    <section className="editor" aria-label="Ticket (as the agent edits it)">
      <h2>
        Ticket #{model.ticket.id}: {model.ticket.subject}
      </h2>
      <label>
        Status{' '}
        <select data-testid="status" value={status} onChange={(event) => client.agentSet('ticket.status', event.target.value)}>
          {STATUSES.map((value) => (
            <option key={value}>{value}</option>
          ))}
        </select>
      </label>
      <label>
        <input type="checkbox" checked={internal} onChange={(event) => client.agentSet('ticket.comment.type', event.target.checked ? 'internalNote' : 'publicReply')} /> Internal note
      </label>
      <label className="composer">
        {model.richText ? 'Comment being composed (rich-text composer: its HTML, as ZAF answers ticket.comment.text)' : 'Comment being composed'}
        <textarea value={text} rows={3} onChange={(event) => client.agentSet('ticket.comment.text', event.target.value)} />
      </label>
      <div className="submit">
        <button type="button" data-testid="save" onClick={() => show(client.save())}>
          Submit (runs ticket.save hooks)
        </button>{' '}
        <button type="button" data-testid="submit-as" onClick={() => show(client.submitAs(submitStatus))}>
          Submit as
        </button>{' '}
        <select aria-label="Submit as status" data-testid="submit-as-status" value={submitStatus} onChange={(event) => setSubmitStatus(event.target.value)}>
          {STATUSES.filter((value) => value !== 'new').map((value) => (
            <option key={value}>{value}</option>
          ))}
        </select>
      </div>
      {verdict ? (
        <pre data-testid="save-verdict" className={verdict.allowed ? 'allowed' : 'refused'}>
          {verdict.allowed ? 'Saved.' : `Refused:\n${verdict.message}`}
        </pre>
      ) : null}
    </section>
  );
}

function FaultPicker({ current }: { current: string | null }) {
  const choose = (value: string) => {
    const params = new URLSearchParams(window.location.search);
    if (value) params.set('fault', value);
    else params.delete('fault');
    window.location.search = params.toString();
  };
  return (
    <label className="picker">
      Inject fault{' '}
      <select data-testid="fault-picker" value={current ?? ''} onChange={(event) => choose(event.target.value)}>
        <option value="">none</option>
        {Object.keys(FAULT_PRESETS).map((name) => (
          <option key={name}>{name}</option>
        ))}
      </select>
    </label>
  );
}

function Picker({ current }: { current: string }) {
  return (
    <label className="picker">
      Scenario{' '}
      <select data-testid="scenario-picker" value={current} onChange={(event) => window.location.assign(`?scenario=${encodeURIComponent(event.target.value)}`)}>
        {bundled.some((entry) => entry.url === current) ? null : <option value={current}>{current}</option>}
        {bundled.map((entry) => (
          <option key={entry.url} value={entry.url}>
            {entry.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Zendesk's ticket sidebar is 320 px wide (the apps panel's default); agents can widen the panel. */
const SIDEBAR_WIDTHS = [320, 360, 400, 480];
const DEFAULT_WIDTH = 320;

function WidthPicker({ current }: { current: number }) {
  const choose = (value: string) => {
    const params = new URLSearchParams(window.location.search);
    if (Number(value) === DEFAULT_WIDTH) params.delete('width');
    else params.set('width', value);
    window.location.search = params.toString();
  };
  return (
    <label className="picker">
      Sidebar width{' '}
      <select data-testid="width-picker" value={current} onChange={(event) => choose(event.target.value)}>
        {[...new Set([...SIDEBAR_WIDTHS, current])].sort((a, b) => a - b).map((width) => (
          <option key={width} value={width}>
            {width} px{width === DEFAULT_WIDTH ? ' (Zendesk)' : ''}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * Test-only bounds on the app's REST waits, so a fault test need not sit through production bounds:
 * `?restTimeoutMs=2000` (the app gives up on a request after 2 s instead of 8 s), `?restSleepScale=0.1`
 * (Retry-After and back-off sleeps take a tenth of their time). Without them the app's own policy holds.
 */
function restPolicy(params: URLSearchParams): RestPolicy | undefined {
  const timeoutMs = Number(params.get('restTimeoutMs'));
  const scale = Number(params.get('restSleepScale'));
  if (!(timeoutMs > 0) && !(scale >= 0 && params.has('restSleepScale'))) return undefined;
  return {
    ...DEFAULT_POLICY,
    ...(timeoutMs > 0 ? { timeoutMs } : {}),
    ...(scale >= 0 && params.has('restSleepScale') ? { sleep: (ms: number) => DEFAULT_POLICY.sleep(ms * scale) } : {}),
  };
}

async function start() {
  const params = new URLSearchParams(window.location.search);
  const source = params.get('scenario') ?? bundled[0]?.url ?? '';
  const latencyMs = Number(params.get('latency') ?? 0) || 0;
  const width = Number(params.get('width')) || DEFAULT_WIDTH;
  const root = createRoot(document.getElementById('harness')!);
  await worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, onUnhandledRequest: 'bypass', quiet: true });
  let scenario: Scenario;
  try {
    const reopened = takeReopened(source);
    scenario = reopened ?? withFault(await loadScenario(source), params.get('fault'));
    const locale = params.get('locale');
    if (locale && !reopened) scenario = { ...scenario, currentUser: { ...scenario.currentUser, locale } };
    const role = params.get('role');
    if (role && !reopened) scenario = { ...scenario, currentUser: { ...scenario.currentUser, role } };
    // ?unreadable=ticket.organization,currentUser.locale: ZAF paths a get answers with an error, on top of the file's.
    const unreadable = (params.get('unreadable') ?? '').split(',').map((path) => path.trim()).filter(Boolean);
    if (unreadable.length > 0) scenario = { ...scenario, faults: { ...scenario.faults, unreadablePaths: [...scenario.faults.unreadablePaths, ...unreadable] } };
  } catch (error) {
    const problems = error instanceof ScenarioError ? error.problems : [String(error)];
    root.render(
      <div className="harness">
        <Picker current={source} />
        <div role="alert" data-testid="scenario-error" className="scenario-error">
          <h2>This scenario cannot be replayed</h2>
          <ul>
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      </div>,
    );
    return;
  }
  model = new TicketModel(scenario);
  const client = createFakeClient(model, { baseUrl: window.location.origin, latencyMs });
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const current = model;
  let app: ReturnType<typeof mount> | null = null;
  // The look-ups start once their chunk is in (after first paint): until then nothing is in flight, yet
  // nothing has been asked either. Quiet counts only from then on (or once the app failed to start).
  const lookupsStarted = () => {
    const state = app?.getState();
    return state !== undefined && (state.lookupsStarted || state.phase === 'failed');
  };
  const settled = async (quietMs = 100) => {
    for (let since = performance.now(); performance.now() - since < quietMs; ) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      if (!client.idle() || !lookupsStarted()) since = performance.now();
    }
  };
  const installation = model.installation;
  window.zafMock = {
    calls: client.calls,
    save: () => client.save(),
    submitAs: (status) => client.submitAs(status),
    set: (path, value) => client.agentSet(path, value),
    apiUpdate: (update) => current.apiUpdate(update),
    reopen: () => reopenTicket(source, current),
    changeAccount: (change) => current.account.change(change),
    holdEvents: (names) => current.holdEvents(names),
    dropEvents: (names) => current.dropEvents(names),
    releaseEvents: () => current.releaseEvents(),
    subscriptions: () => client.subscriptions(),
    scenario,
    ready,
    get installationWrites() {
      return structuredClone(installation.writes);
    },
    settled,
  };
  root.render(
    <StrictMode>
      <div className="harness">
        <header>
          <strong>Sentinela harness</strong> <Picker current={source} /> <FaultPicker current={params.get('fault')} /> <WidthPicker current={width} />
          {scenario.description ? <p className="description">{scenario.description}</p> : null}
        </header>
        <div className="layout">
          <div className="sidebar-frame" data-testid="sidebar" style={{ width: `${width}px` }} ref={(element) => {
            if (element && !element.dataset.mounted) {
              element.dataset.mounted = 'yes';
              window.zafMock!.startedAt = performance.now();
              const sentinela = mount(client, element, { stores: accountStores(scenario), policy: restPolicy(params) });
              app = sentinela;
              const unsubscribe = sentinela.subscribe(() => {
                if (sentinela.getState().phase !== 'starting') {
                  unsubscribe();
                  markReady();
                }
              });
            }
          }} />
          <div className="side">
            <TicketEditor client={client} model={current} />
            <ApiUpdatePanel model={current} source={source} />
            <CallLog client={client} />
          </div>
        </div>
      </div>
    </StrictMode>,
  );
}

void start();
