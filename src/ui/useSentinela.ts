import { useMemo, useSyncExternalStore } from 'react';
import type { Sentinela, SentinelaState } from '../app/sentinela';
import { bySeverity, computeFindings, financialPending } from '../domain/findings';
import { backstopFindings } from '../domain/backstop';
import { catalogSuggestions, optionForValue } from '../domain/catalog';
import { guardCanApply, osChecklist, osWarnings } from '../domain/saveGuard';

export function useSentinelaState(sentinela: Sentinela): SentinelaState {
  return useSyncExternalStore(sentinela.subscribe, sentinela.getState);
}

/** Everything the sidebar shows, derived from the state by the pure rules. */
export function useView(state: SentinelaState) {
  const { context, settings, settingsIssues, organizationSearch, macros, savedComments } = state;
  return useMemo(() => {
    if (!context) return null;
    const findings = bySeverity([...computeFindings({ context, settings, settingsIssues, organizationSearch, macros }), ...backstopFindings(context, settings)]);
    const os = guardCanApply(context, settings);
    const guardInput = { context, settings, savedComments };
    const catalogId = settings.catalogFieldId;
    const catalogOptions = catalogId === null ? undefined : context.fieldOptions[catalogId];
    return {
      findings,
      /** The financial pending block stands (it says so; every procedure waits behind "Mais"). */
      pending: financialPending(context, settings),
      checklist: os ? osChecklist(guardInput) : null,
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
  }, [context, settings, settingsIssues, organizationSearch, macros, savedComments]);
}
