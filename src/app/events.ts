import type { ZafClient } from '../zendesk/client';
import { readOrganization, readPerson, readTags } from '../zendesk/ticketContext';
import { FIELD_ID_PARAMETERS } from '../settings';
import { msg } from '../domain/message';
import type { StateStore } from './state';
import type { Lookups } from './lookups';

const text = (data: unknown) => (typeof data === 'string' ? data : data === null || data === undefined ? '' : String(data));

/**
 * Keeps the ticket context current from ZAF's change events (ZAF Support API, ticket_sidebar events),
 * starting the look-ups a change makes necessary. Requester and organization change together: the
 * events of one change are read back with one get.
 */
export function listenToTicket(client: ZafClient, store: StateStore, lookups: Lookups) {
  const { settings } = store.get();
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
      const { values } = await client.get(['ticket.requester', 'ticket.organization']);
      store.updateTicket({ requester: readPerson(values['ticket.requester']), organization: readOrganization(values['ticket.organization']) });
      lookups.organization();
    } catch {
      store.notify('error', msg('notice.refreshFailed'));
    }
  }

  client.on('ticket.status.changed', (data) => store.updateTicket({ status: text(data) || store.get().context?.ticket.status || 'new' }));
  client.on('ticket.subject.changed', (data) => store.updateTicket({ subject: text(data) }));
  client.on('ticket.type.changed', (data) => store.updateTicket({ type: text(data) || null }));
  client.on('ticket.form.id.changed', (data) => {
    store.updateTicket({ formId: Number(data) || null });
    lookups.comments();
  });
  client.on('comment.text.changed', (data) => {
    const current = draft();
    if (current) store.updateTicket({ draft: { ...current, text: text(data) } });
  });
  client.on('comment.type.changed', (data) => {
    const current = draft();
    if (current) store.updateTicket({ draft: { ...current, internal: data === 'internalNote' } });
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
  client.on('ticket.organization.changed', schedulePeopleRefresh);
  for (const name of FIELD_ID_PARAMETERS) {
    const id = settings[name];
    if (id === null) continue;
    client.on(`ticket.custom_field_${id}.changed`, (data) => {
      const context = store.get().context;
      if (!context) return;
      store.updateTicket({ fields: { ...context.ticket.fields, [id]: data ?? null } });
      if (name === 'cnpjFieldId') lookups.organization();
      if (name === 'marcaFieldId') lookups.comments();
    });
  }
}
