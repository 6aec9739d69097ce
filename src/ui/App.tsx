import { lazy, Suspense, useEffect, useState } from 'react';
import { ThemeProvider } from '@zendeskgarden/react-theming';
import type { Sentinela } from '../app/sentinela';
import { useSentinelaState, useView } from './useSentinela';
import { ContextPanel } from './ContextPanel';
import { agentFindings, FindingList } from './Findings';
import { Checklist } from './Checklist';
import { Catalog } from './Catalog';
import { Notices } from './Notices';
import { Section } from './Section';
import { AdminEntry } from './admin/AdminEntry';
import { isAdmin } from '../domain/configuration';
import { useAutoResize } from './autoResize';

/** Not needed for first paint: fetched as the app starts, shown once the agent has the findings. */
const proceduresChunk = import('./Procedures');
const Procedures = lazy(() => proceduresChunk);
/** The admins' configuration list: fetched only for an admin, and part of "settled" for them (one resize). */
let configurationListChunk: Promise<typeof import('./ConfigurationList')> | null = null;
const loadConfigurationList = () => (configurationListChunk ??= import('./ConfigurationList'));
const ConfigurationList = lazy(loadConfigurationList);
/** The checklist at the top (after a refused save, or On Hold): fetched as the app starts too. */
const checklistAlertChunk = import('./ChecklistAlert');
const ChecklistAlert = lazy(() => checklistAlertChunk);

/**
 * The sidebar, in the order an agent at 320 px needs it: notices, blocks and warnings (each with its
 * next step), the O.S. checklist, who the customer is, the catalog (only with a suggestion), the
 * procedures that fit (the rest behind "Mais"), and the admins' configuration list, folded.
 */
export function App({ sentinela, onResize }: { sentinela: Sentinela; onResize?: (height: number) => void }) {
  const state = useSentinelaState(sentinela);
  const view = useView(state);
  const [proceduresReady, setProceduresReady] = useState(false);
  // Said on the sidebar (data-guard): a test that saves means a loaded save check, unless that race is its subject.
  const [guardLoaded, setGuardLoaded] = useState(false);
  useEffect(() => void sentinela.guardLoaded.then(setGuardLoaded), [sentinela]);
  useEffect(() => void Promise.all([proceduresChunk, checklistAlertChunk]).then(() => setProceduresReady(true)), []);
  const admin = state.phase !== 'starting' && isAdmin(state.context);
  const [configurationReady, setConfigurationReady] = useState(false);
  useEffect(() => {
    if (admin) void loadConfigurationList().then(() => setConfigurationReady(true));
  }, [admin]);
  const loading = [...Object.values(state.macros), state.organizationSearch, state.savedComments, state.savedStatus].some((lookup) => lookup?.state === 'loading');
  // Settled: the ticket read, the look-ups started (an 'idle' look-up whose chunk has not loaded is not an answer) and answered, the
  // procedures panel loaded, and for an admin the configuration list (else it would appear after the resize: a second one).
  const ref = useAutoResize(onResize, state.phase !== 'starting' && state.lookupsStarted && !loading && proceduresReady && (!admin || configurationReady));
  const t = state.translate;
  const shownFindings = view ? agentFindings(view.findings) : [];
  // "Nada bloqueia o atendimento" only when nothing blocks and every check is on (issue 19: never while the setup line says checks
  // are off; issue 17: never while the financial pending could not be checked).
  return (
    <ThemeProvider>
      <main ref={ref} className="sentinela" data-phase={state.phase} data-guard={guardLoaded ? 'loaded' : 'loading'} data-lookups={state.lookupsStarted} lang={t('ui.lang')}>
        <Notices state={state} sentinela={sentinela} />
        {state.phase === 'starting' ? <p className="quiet" role="status">{t('ui.loading')}</p> : null}
        {view ? (
          <>
            {/* After a refused save, or once the status is set On Hold, what is missing comes first, as an error. */}
            {view.checklist && view.checklistUrgent ? (
              <Section title={t('ui.checklist')} translate={t} testId="section-checklist" hideTitle>
                <Suspense fallback={null}>
                  <ChecklistAlert items={view.checklist} warnings={view.osWarnings} state={state} />
                </Suspense>
              </Section>
            ) : null}
            {shownFindings.length > 0 ? (
              <Section title={t('ui.findings')} translate={t} testId="section-findings" hideTitle>
                <FindingList findings={view.findings} sentinela={sentinela} state={state} />
              </Section>
            ) : null}
            {view.checklist && !view.checklistUrgent ? (
              <Section title={t('ui.checklist')} translate={t} testId="section-checklist">
                <Checklist items={view.checklist} warnings={view.osWarnings} state={state} />
              </Section>
            ) : null}
            <Section title={t('ui.customer')} translate={t} testId="section-customer" hideTitle>
              <ContextPanel state={state} findings={view.findings} allClear={!view.pendingUnknown && !shownFindings.some((finding) => finding.severity === 'block' || finding.id === 'setup')} pendingShown={view.pending} />
            </Section>
            {view.catalog && view.catalog.suggestions.length > 0 ? (
              <Section title={t('ui.catalog')} translate={t} testId="section-catalog">
                <Catalog catalog={view.catalog} sentinela={sentinela} state={state} />
              </Section>
            ) : null}
            {/* While a financial pending stands every procedure is behind one toggle that names itself. */}
            <Section title={t('ui.procedures')} translate={t} testId="section-procedures" hideTitle={view.pending}>
              <Suspense fallback={<p className="quiet">{t('ui.loading')}</p>}>
                <Procedures sentinela={sentinela} state={state} />
              </Suspense>
            </Section>
            {admin ? (
              <Suspense fallback={null}>
                <ConfigurationList findings={view.findings} state={state} />
              </Suspense>
            ) : null}
            <AdminEntry state={state} sentinela={sentinela} />
          </>
        ) : null}
      </main>
    </ThemeProvider>
  );
}
