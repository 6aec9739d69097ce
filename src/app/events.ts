import type { ZafClient } from '../zendesk/client';
import { readOrganization, readPerson, readTags } from '../zendesk/ticketContext';
import { FIELD_ID_PARAMETERS, type Settings } from '../settings';
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
      lookups.comments(); // another organization: another CNPJ and Razão Social for the internal note
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
        store.updateTicket({ fields: { ...context.ticket.fields, [id]: data ?? null } });
        if (now.cnpjFieldId === id) {
          lookups.organization();
          lookups.comments();
        }
        if (now.marcaFieldId === id) lookups.comments();
      });
    }
  };
}
