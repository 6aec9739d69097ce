import { useState } from 'react';
import type { Scenario } from './scenario';
import type { TicketModel } from './ticketModel';
import type { RestTicketUpdate } from './backstop';

/**
 * Updates that never meet the sidebar's save hook (the REST API, a bulk edit, the mobile app, an agent
 * whose app did not load): Zendesk applies them and runs its triggers (the backstop of requirements.json).
 * "Reopen" is the agent opening the ticket again: a new sidebar reads what Zendesk now holds.
 */
const REOPEN_KEY = 'sentinela-harness:reopen';

/** Keeps the ticket as Zendesk now holds it and reloads the page: the next open of this ticket. */
export function reopenTicket(source: string, model: TicketModel): void {
  window.sessionStorage.setItem(REOPEN_KEY, JSON.stringify({ source, scenario: model.scenario }));
  window.location.reload();
}

/** The ticket kept by reopenTicket for this scenario URL, once (null when the page was not reopened). */
export function takeReopened(source: string): Scenario | null {
  const saved = window.sessionStorage.getItem(REOPEN_KEY);
  window.sessionStorage.removeItem(REOPEN_KEY);
  if (!saved) return null;
  const { source: from, scenario } = JSON.parse(saved) as { source: string; scenario: Scenario };
  return from === source ? scenario : null;
}

export function ApiUpdatePanel({ model, source }: { model: TicketModel; source: string }) {
  const [status, setStatus] = useState<NonNullable<RestTicketUpdate['status']>>('hold');
  const [result, setResult] = useState<string | null>(null);
  const plan = model.backstop;
  const update = () => {
    try {
      const { fired, ticket } = model.apiUpdate({ status });
      setResult(`Saved by the API: status ${ticket.status}, tags [${ticket.tags.join(' ')}]${fired.length ? `; triggers fired: ${fired.join('; ')}` : '; no trigger fired'}.`);
    } catch (error) {
      setResult(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <section className="editor" aria-label="Updates that bypass the sidebar">
      <h2>Update without the sidebar (API, bulk edit, mobile)</h2>
      <p className="description" data-testid="backstop-plan">
        {plan.requirements ? `Zendesk's backstop triggers: ${Object.values(plan.requirements.triggers).map((trigger) => trigger.title).join('; ')}.` : `No backstop for these settings: ${plan.problems.join('; ')}.`}
      </p>
      <label>
        Status{' '}
        <select data-testid="api-status" value={status} onChange={(event) => setStatus(event.target.value as typeof status)}>
          {['open', 'pending', 'hold', 'solved'].map((value) => (
            <option key={value}>{value}</option>
          ))}
        </select>
      </label>
      <button type="button" data-testid="api-update" onClick={update}>
        Update via the API (no save hooks)
      </button>
      <button type="button" data-testid="reopen" onClick={() => reopenTicket(source, model)}>
        Reopen the ticket (a new sidebar)
      </button>
      {result ? <pre data-testid="api-result">{result}</pre> : null}
    </section>
  );
}
