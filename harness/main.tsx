import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { setupWorker } from 'msw/browser';
import { FAULT_PRESETS, parseScenario, ScenarioError, withFault, type Scenario } from './scenario';
import { TicketModel } from './ticketModel';
import type { AccountChange } from './rest/account';
import { createFakeClient, type FakeClient, type SaveVerdict, type ZafCall } from './fakeClient';
import { restHandlers } from './handlers';
import { accountStore } from './store';
import { ApiUpdatePanel, reopenTicket, takeReopened } from './ApiUpdate';
import type { RestTicketUpdate } from './backstop';
import { mount } from '../src/mount';
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
      set(path: string, value: unknown): void;
      /** An update that meets no save hook (API, bulk edit, mobile): Zendesk's triggers run on it. */
      apiUpdate(update: RestTicketUpdate): { fired: string[]; ticket: Scenario['ticket'] };
      /** Opens the ticket again (reloads the page with the ticket as Zendesk now holds it). */
      reopen(): void;
      scenario: Scenario;
      /** The account changes under the app (a macro deleted, re-created, renamed…): harness/rest/account.ts. */
      changeAccount(change: AccountChange): Record<string, unknown>;
      ready: Promise<void>;
      /** Every accepted PUT /api/v2/apps/installations/{id}, body as sent (the setup assistant's writes). */
      readonly installationWrites: { settings: Record<string, unknown> }[];
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
            </code>
          </li>
        ))}
      </ol>
    </section>
  );
}

function TicketEditor({ client, scenario }: { client: FakeClient; scenario: Scenario }) {
  const [status, setStatus] = useState(scenario.ticket.status);
  const [draft, setDraft] = useState(scenario.draft.text);
  const [internal, setInternal] = useState(scenario.draft.type === 'internalNote');
  const [verdict, setVerdict] = useState<SaveVerdict | null>(null);
  return (
    <section className="editor" aria-label="Ticket (as the agent edits it)">
      <h2>
        Ticket #{scenario.ticket.id}: {scenario.ticket.subject}
      </h2>
      <label>
        Status{' '}
        <select
          data-testid="status"
          value={status}
          onChange={(event) => {
            setStatus(event.target.value as typeof status);
            client.agentSet('ticket.status', event.target.value);
          }}
        >
          {['new', 'open', 'pending', 'hold', 'solved'].map((value) => (
            <option key={value}>{value}</option>
          ))}
        </select>
      </label>
      <label>
        <input
          type="checkbox"
          checked={internal}
          onChange={(event) => {
            setInternal(event.target.checked);
            client.agentSet('ticket.comment.type', event.target.checked ? 'internalNote' : 'publicReply');
          }}
        />{' '}
        Internal note
      </label>
      <textarea
        aria-label="Comment being composed"
        value={draft}
        rows={3}
        onChange={(event) => {
          setDraft(event.target.value);
          client.agentSet('ticket.comment.text', event.target.value);
        }}
      />
      <button
        type="button"
        data-testid="save"
        onClick={() =>
          void client.save().then((result) => {
            setVerdict(result);
            if (result.allowed) setDraft('');
          })
        }
      >
        Submit (runs ticket.save hooks)
      </button>
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

async function start() {
  const params = new URLSearchParams(window.location.search);
  const source = params.get('scenario') ?? bundled[0]?.url ?? '';
  const latencyMs = Number(params.get('latency') ?? 0) || 0;
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
  const installation = model.installation;
  window.zafMock = {
    calls: client.calls,
    save: () => client.save(),
    set: (path, value) => client.agentSet(path, value),
    apiUpdate: (update) => current.apiUpdate(update),
    reopen: () => reopenTicket(source, current),
    changeAccount: (change) => current.account.change(change),
    scenario,
    ready,
    get installationWrites() {
      return structuredClone(installation.writes);
    },
  };
  root.render(
    <StrictMode>
      <div className="harness">
        <header>
          <strong>Sentinela harness</strong> <Picker current={source} /> <FaultPicker current={params.get('fault')} />
          {scenario.description ? <p className="description">{scenario.description}</p> : null}
        </header>
        <div className="layout">
          <div className="sidebar-frame" data-testid="sidebar" ref={(element) => {
            if (element && !element.dataset.mounted) {
              element.dataset.mounted = 'yes';
              window.zafMock!.startedAt = performance.now();
              const sentinela = mount(client, element, { store: accountStore(window.sessionStorage, scenario) });
              const unsubscribe = sentinela.subscribe(() => {
                if (sentinela.getState().phase !== 'starting') {
                  unsubscribe();
                  markReady();
                }
              });
            }
          }} />
          <div className="side">
            <TicketEditor client={client} scenario={scenario} />
            <ApiUpdatePanel model={current} source={source} />
            <CallLog client={client} />
          </div>
        </div>
      </div>
    </StrictMode>,
  );
}

void start();
