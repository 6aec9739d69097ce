/**
 * The events Zendesk sends to an app in the `ticket_sidebar` location, each with where it is written.
 * The stand-ins for Zendesk (the harness's fake client, the Node helper, the protocol host) send none
 * other, and a test fails when the app subscribes to anything else (tests/host.test.ts,
 * src/app/sidebarEvents.test.ts).
 *
 * Sources (docs/zendesk-facts/zaf-and-validator.md §2-3 has the quotes):
 * - [SIDEBAR] https://developer.zendesk.com/api-reference/apps/apps-support-api/ticket_sidebar/ : "In
 *   addition to the core events, the following events are available to an app in the ticket sidebar:
 *   Ticket change events, Channel change event, Ticket field change events, Custom ticket field change
 *   events, Ticket comment change events, Wildcard…", and the anchor #ticket-save-hook-events.
 * - [BACKGROUND] https://developer.zendesk.com/api-reference/apps/apps-support-api/background/ :
 *   "`ticket.saved` … does not fire in the ticket_sidebar or new_ticket_sidebar locations".
 * - [SDK] zendesk/zendesk_app_framework_sdk @956001b lib/client.js: the SDK's own subscriptions.
 * - [DEMO] zendesk/demo_apps (Zendesk's samples): v1/expert_sample_app (location ticket_sidebar)
 *   handles `ticket.save` and `ticket.submit.done`; v2/support/requirements_sample_app subscribes
 *   `'ticket.' + customFieldPath + '.changed'`; v2/support/basic_ticket_sample_app `*.changed`.
 * - [3P] third-party sidebar apps (the names of single property events beyond the assignee ones, and
 *   the submit events but `ticket.submit.done`, are read there: the doc sections were not readable).
 *   UNCONFIRMED in Zendesk's own words: the app works when any of them never comes.
 */
export const SIDEBAR_EVENTS: readonly { event: string | RegExp; source: string }[] = [
  { event: 'ticket.save', source: '[SIDEBAR] #ticket-save-hook-events; [DEMO] save_hook_sample' },
  { event: 'ticket.submit.start', source: '[3P]' },
  { event: 'ticket.submit.done', source: '[DEMO] v1/expert_sample_app' },
  { event: 'ticket.submit.fail', source: '[3P]' },
  { event: 'ticket.submit.always', source: '[3P]' },
  { event: 'ticket.updated', source: '[3P]: another user updated the ticket' },
  { event: 'ticket.status.changed', source: '[SIDEBAR] Ticket change events; name [3P]' },
  { event: 'ticket.subject.changed', source: '[SIDEBAR] Ticket change events; name [3P]' },
  { event: 'ticket.type.changed', source: '[SIDEBAR] Ticket change events; name [3P]' },
  { event: 'ticket.form.id.changed', source: '[SIDEBAR] Ticket change events; name [3P]' },
  { event: 'ticket.requester.id.changed', source: '[SIDEBAR] Ticket change events; name [3P]' },
  { event: 'ticket.requester.email.changed', source: '[SIDEBAR] Ticket change events; name [3P]' },
  { event: 'ticket.collaborators.changed', source: '[SIDEBAR] Ticket change events; name [3P]' },
  { event: 'ticket.tags.changed', source: '[SIDEBAR] Ticket change events; name [3P]' },
  { event: /^ticket\.assignee\.(group\.(id|name)|user\.(email|externalId|id))\.changed$/, source: '[SIDEBAR] Ticket change events (quoted)' },
  { event: /^ticket\.custom_field_\d+\.changed$/, source: '[SIDEBAR] Custom ticket field change events; [DEMO] requirements_sample_app' },
  { event: 'comment.text.changed', source: '[SIDEBAR] Ticket comment change events; name [3P]' },
  { event: 'comment.type.changed', source: '[SIDEBAR] Ticket comment change events; name [3P]' },
  { event: '*.changed', source: '[SIDEBAR] Wildcard; [DEMO] basic_ticket_sample_app' },
  // The SDK subscribes these itself.
  { event: 'context.updated', source: '[SDK] lib/client.js L361' },
  { event: /^request:\d+\.(done|fail)$/, source: '[SDK] lib/client.js L575-576 (client.request)' },
];

/** Events Zendesk never sends to a sidebar, with why: subscribing one is a bug that no test world would show. */
export const NOT_SENT_TO_SIDEBAR: Readonly<Record<string, string>> = {
  'ticket.saved': '[BACKGROUND] background location only',
  'ticket.organization.changed': 'in no source (docs/zendesk-facts §3)',
};

export function isSidebarEvent(name: string): boolean {
  if (name in NOT_SENT_TO_SIDEBAR) return false;
  return SIDEBAR_EVENTS.some(({ event }) => (typeof event === 'string' ? event === name : event.test(name)));
}
