import type { ZafClient } from '../zendesk/client';
import type { TicketContext } from '../domain/ticket';
import { decideSave } from '../domain/saveGuard';
import { msg, type Message } from '../domain/message';
import type { StateStore } from './state';
import type { Lookups } from './lookups';

/**
 * ZAF's ticket.save hook: answers from data already held (no request on this path), following
 * `failMode` when it cannot decide; and learns from ticket.saved what a save committed.
 * The handler is registered before anything else, so no save passes unanswered.
 */
export function registerSaveHook(client: ZafClient, store: StateStore, lookups: Lookups) {
  /** The comment being composed when a save was let through: it becomes a saved comment. */
  let draftAtSave: TicketContext['ticket']['draft'] | null = null;

  function failModeVerdict(reason: Message): true | string {
    const { settings, translate } = store.get();
    if (settings.failMode === 'closed') return `${translate('guard.refuse.header')}\n• ${translate(reason)}`;
    store.notify('warning', msg('notice.saveAllowedUnchecked'), [reason]);
    return true;
  }

  /** A string refuses with that message; true lets the save through. */
  function handleSave(): true | string {
    try {
      const { context, settings, savedComments, settingsKnown, translate: t } = store.get();
      if (!context) return failModeVerdict(msg(settingsKnown ? 'guard.fault.notLoaded' : 'guard.fault.noSettings'));
      const decision = decideSave({ context, settings, savedComments });
      if (decision.warnings.length > 0) store.notify('warning', msg('guard.warn.header'), decision.warnings);
      if (decision.allow) {
        draftAtSave = context.ticket.draft;
        return true;
      }
      return [t('guard.refuse.header'), ...decision.reasons.map((reason) => `• ${t(reason)}`)].join('\n');
    } catch (error) {
      return failModeVerdict(msg('guard.fault.error', { error: error instanceof Error ? error.message : String(error) }));
    }
  }

  function handleSaved() {
    const { context, savedComments } = store.get();
    if (!context) return;
    // The comment that went with the save is a saved comment now, whatever the composer shows.
    const sent = draftAtSave;
    draftAtSave = null;
    if (sent && savedComments.state === 'done' && sent.text.trim() !== '') {
      store.update({ savedComments: { ...savedComments, value: [...savedComments.value, { body: sent.text, public: !sent.internal }] } });
    }
    const { ticket } = context;
    store.updateTicket({
      savedStatus: ticket.status,
      saved: { subject: ticket.subject, fields: { ...ticket.fields }, formId: ticket.formId },
      draft: { text: '', internal: ticket.draft.internal },
    });
    lookups.comments(); // a ticket taken off hold can be refused again: read its notes now
  }

  client.on('ticket.save', handleSave);
  return {
    handleSave,
    /** Subscribed once the settings are known, with the other ticket events. */
    listenForSaved: () => client.on('ticket.saved', handleSaved),
  };
}
