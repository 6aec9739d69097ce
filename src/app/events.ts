import type { ZafClient } from '../zendesk/client';
import { readOrganization, readPerson, readTags } from '../zendesk/ticketContext';
import { FIELD_ID_PARAMETERS, type Settings } from '../settings';
import { msg } from '../domain/message';
import type { StateStore } from './state';
import type { Lookups } from './lookups';

const text = (data: unknown) => (typeof data === 'string' ? data : data === null || data === undefined ? '' : String(data));

/**
 * Keeps the ticket context current from the change events Zendesk sends to a ticket_sidebar app
 * ("Ticket change events", "Custom ticket field change events", "Ticket comment change events":
 * https://developer.zendesk.com/api-reference/apps/apps-support-api/ticket_sidebar/), starting the
 * look-ups a change makes necessary. Only events Zendesk sends to a sidebar are subscribed (the list,
 * with its sources: harness/zafEvents.ts; a test fails on any other). There is no organization change
 * event in any source: a requester change re-reads requester and organization with one get, and the
 * save hook reads the organization fresh.
 */
export function listenToTicket(client: ZafClient, store: StateStore, lookups: Lookups) {
  const draft = () => store.get().context?.ticket.draft;

  let peopleRefresh: ReturnType<typeof setTimeout> | null = null;
  const schedulePeopleRefresh = () => {
    peopleRefresh ??= setTimeout(() => {
      peopleRefresh = null;
      void refreshPeople();
    }, 30);
  };
  async function refreshPeople() {
    try {
      const { values, errors } = await client.get(['ticket.requester', 'ticket.organization']);
      if ('ticket.organization' in errors) return store.notify('error', msg('notice.refreshFailed'));
      store.updateTicket({ requester: readPerson(values['ticket.requester']), organization: readOrganization(values['ticket.organization']) }, ['requester', 'organization']);
      lookups.organization();
      lookups.comments(); // another organization: another CNPJ and Razão Social for the internal note
    } catch {
      store.notify('error', msg('notice.refreshFailed'));
    }
  }

  client.on('ticket.status.changed', (data) => {
    const status = text(data);
    if (!status) return;
    store.updateTicket({ status }, ['status']);
    // Set On Hold: what the guard will need and does not know (notes that failed, a stored status
    // lost track of) is read now, not when the agent saves.
    if (status === 'hold') lookups.forHold();
  });
  client.on('ticket.subject.changed', (data) => store.updateTicket({ subject: text(data) }, ['subject']));
  client.on('ticket.type.changed', (data) => {
    store.updateTicket({ type: text(data) || null }, ['type']);
    lookups.comments(); // the saved notes are read once they can decide (Type is an item of 002)
  });
  client.on('ticket.form.id.changed', (data) => {
    store.updateTicket({ formId: Number(data) || null }, ['form']);
    lookups.comments();
  });
  // The internal note being written can make the saved notes unnecessary, or necessary again.
  client.on('comment.text.changed', (data) => {
    const current = draft();
    if (current) store.updateTicket({ draft: { ...current, text: text(data) } }, ['draft']);
    lookups.comments();
  });
  client.on('comment.type.changed', (data) => {
    const current = draft();
    if (current) store.updateTicket({ draft: { ...current, internal: data === 'internalNote' } }, ['draftType']);
    lookups.comments();
  });
  // The backstop's tag can change under an open sidebar (a trigger after a save): read the tags again.
  client.on('ticket.tags.changed', () => {
    client.get(['ticket.tags']).then(
      ({ values, errors }) => {
        const context = store.get().context;
        if (!context) return;
        const known = !('ticket.tags' in errors);
        store.update({ context: { ...context, ticket: { ...context.ticket, tags: known ? readTags(values['ticket.tags']) : [] }, unreadable: known ? context.unreadable.filter((part) => part !== 'tags') : [...new Set([...context.unreadable, 'tags' as const])] } });
      },
      () => store.notify('error', msg('notice.refreshFailed')),
    );
  });
  client.on('ticket.requester.id.changed', schedulePeopleRefresh);
  // Someone else (another agent, a trigger, the API) changed the ticket: what is stored may differ now.
  client.on('ticket.updated', () => {
    schedulePeopleRefresh();
    lookups.storedChanged();
  });
  const listenToFields = fieldListener(client, store, lookups);
  listenToFields();
  return { listenToFields };
}

/**
 * The change events of the configured custom fields. Calling the returned function again (after the
 * settings changed: the setup assistant) subscribes the fields not yet listened to; which setting a
 * field stands for is read when its event arrives, so a field moved to another setting is followed.
 */
function fieldListener(client: ZafClient, store: StateStore, lookups: Lookups) {
  const listened = new Set<number>();
  return (settings: Settings = store.get().settings) => {
    for (const name of FIELD_ID_PARAMETERS) {
      const id = settings[name];
      if (id === null || listened.has(id)) continue;
      listened.add(id);
      client.on(`ticket.custom_field_${id}.changed`, (data) => {
        const { context, settings: now } = store.get();
        if (!context) return;
        // The event tells the value: a field the batched get could not read is known now.
        store.update({ context: { ...context, ticket: { ...context.ticket, fields: { ...context.ticket.fields, [id]: data ?? null } }, unreadableFields: context.unreadableFields.filter((field) => field !== id) } });
        if (now.cnpjFieldId === id) lookups.organization();
        // Every configured field is an item of 002 or names the customer: the saved notes may matter now.
        lookups.comments();
      });
    }
  };
}
