import type { Scenario } from './scenario';
import type { ZafCall } from './fakeClient';
import { bundledScenarioFiles, startScenario } from './testing';

/**
 * Test-only: an agent's full round on a ticket — every edit the stand-in can apply as the agent (each
 * fires its `*.changed` event), then a save — and the ZAF paths the app reads meanwhile. The list of
 * paths the app reads is derived from what it asks for while this runs, never written by hand: a read
 * added to the app (at startup, in an event handler, on the save path) is in it the next run.
 */

/** The edits, in order, with values the scenario's own objects make plausible. */
export function agentEdits(scenario: Scenario): [path: string, value: unknown][] {
  const { ticket } = scenario;
  const edits: [string, unknown][] = [
    ['ticket.subject', `${ticket.subject} (editado)`],
    ['ticket.type', ticket.type === 'question' ? 'incident' : 'question'],
    ['ticket.status', ticket.status === 'hold' ? 'open' : 'hold'],
  ];
  const otherForm = scenario.ticket_forms.find((form) => form.id !== ticket.ticket_form_id) ?? scenario.ticket_forms[0];
  if (otherForm) edits.push(['ticket.form', { id: otherForm.id }]);
  const fieldIds = [...new Set([...ticket.custom_fields.map((field) => field.id), ...scenario.ticket_fields.map((field) => field.id)])];
  for (const id of fieldIds) {
    const options = scenario.ticket_fields.find((field) => field.id === id)?.custom_field_options ?? [];
    edits.push([`ticket.customField:custom_field_${id}`, options.at(-1)?.value ?? 'editado']);
  }
  edits.push(['ticket.comment.type', 'internalNote'], ['ticket.comment.text', 'Nota do agente']);
  // Another requester, of another organization when there is one: the requester and organization events.
  const other = scenario.users.find((user) => user.id !== ticket.requester_id && user.organization_id && user.organization_id !== ticket.organization_id) ?? scenario.users.find((user) => user.id !== ticket.requester_id);
  if (other) edits.push(['ticket.requester', { id: other.id }]);
  return edits;
}

/** Resolves once no new ZAF call has been made for `quietMs` (the app has done what the last change started). */
export async function quiet(count: () => number, quietMs = 60, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  let last = count();
  let since = Date.now();
  while (Date.now() - since < quietMs) {
    if (Date.now() - started > timeoutMs) throw new Error(`the app kept calling for ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
    if (count() !== last) [last, since] = [count(), Date.now()];
  }
}

export const pathsRead = (calls: readonly ZafCall[]): string[] => [...new Set(calls.filter((call) => call.kind === 'get').flatMap((call) => call.args as string[]))];

/** The agent's round on a bundled scenario in the Node helper (harness/testing.ts). */
export async function exercise(file: string, edit?: (scenario: Scenario) => void) {
  const run = await startScenario(file, { edit });
  const count = () => run.client.calls.length;
  await quiet(count);
  // All at once, as a macro or a quick agent would: each event still reaches the app on its own, in order.
  for (const [path, value] of agentEdits(run.model.scenario)) run.client.agentSet(path, value);
  await quiet(count);
  const verdict = await run.client.save();
  await quiet(count);
  return { ...run, verdict };
}

/** Every ZAF path the app reads over every bundled scenario, with the first scenario that reads it. */
export async function pathsTheAppReads(): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const file of bundledScenarioFiles()) {
    const { client } = await exercise(file);
    for (const path of pathsRead(client.calls)) if (!found.has(path)) found.set(path, file.replace(/\.json$/, ''));
  }
  return found;
}

