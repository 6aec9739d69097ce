import { useMemo, useSyncExternalStore } from 'react';
import type { Sentinela, SentinelaState } from '../app/sentinela';
import { bySeverity, computeFindings, financialPending } from '../domain/findings';
import { backstopFindings } from '../domain/backstop';
import { catalogSuggestions, optionForValue } from '../domain/catalog';
import { guardCanApply, osChecklist, osWarnings } from '../domain/saveGuard';
import { isKnown } from '../domain/ticket';

export function useSentinelaState(sentinela: Sentinela): SentinelaState {
  return useSyncExternalStore(sentinela.subscribe, sentinela.getState);
}

/** Everything the sidebar shows, derived from the state by the pure rules. */
export function useView(state: SentinelaState) {
  const { context, settings, settingsIssues, organizationSearch, macros, savedComments, savedStatus, sentNotes, refusedSave } = state;
  return useMemo(() => {
    if (!context) return null;
    const findings = bySeverity([...computeFindings({ context, settings, settingsIssues, organizationSearch, macros }), ...backstopFindings(context, settings)]);
    const guardInput = { context, settings, savedComments, savedStatus, sentNotes };
    const os = guardCanApply(guardInput);
    const checklist = os ? osChecklist(guardInput) : null;
    const open = checklist?.filter((item) => item.state !== 'ok') ?? [];
    // After a refused save, or once the status is set On Hold, what is missing goes to the top.
    const onHold = isKnown(context, 'status') && context.ticket.status === 'hold';
    const catalogId = settings.catalogFieldId;
    const catalogOptions = catalogId === null ? undefined : context.fieldOptions[catalogId];
    return {
      findings,
      /** The financial pending block stands (it says so; every procedure waits behind "Mais"). */
      pending: financialPending(context, settings) === 'yes',
      /** The financial pending could not be checked (issue 17): no "Nada bloqueia o atendimento" then. */
      pendingUnknown: financialPending(context, settings) === 'unknown',
      checklist,
      checklistUrgent: open.length > 0 && (onHold || refusedSave !== null),
      osWarnings: os ? osWarnings(guardInput) : [],
      catalog:
        catalogId === null
          ? null
          : {
              fieldId: catalogId,
              current: optionForValue(catalogOptions, context.ticket.fields[catalogId]),
              currentValue: context.ticket.fields[catalogId] ?? null,
              suggestions: catalogSuggestions({ subject: context.ticket.subject, description: context.ticket.description }, settings.catalogRules, catalogOptions ?? null).slice(0, 3),
            },
    };
  }, [context, settings, settingsIssues, organizationSearch, macros, savedComments, savedStatus, sentNotes, refusedSave]);
}
