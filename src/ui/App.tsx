import { lazy, Suspense, useEffect, useRef } from 'react';
import { ThemeProvider } from '@zendeskgarden/react-theming';
import type { Sentinela } from '../app/sentinela';
import { useSentinelaState, useView } from './useSentinela';
import { ContextPanel } from './ContextPanel';
import { ConfigurationList, FindingList } from './Findings';
import { Checklist } from './Checklist';
import { Catalog } from './Catalog';
import { Notices } from './Notices';
import { Section } from './Section';
import { AdminEntry } from './admin/AdminEntry';

/** Not needed for first paint: loaded while the agent reads the findings. */
const Procedures = lazy(() => import('./Procedures'));

/** Keeps the sidebar iframe as tall as its content. */
function useAutoResize(onResize: ((height: number) => void) | undefined) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element || !onResize || typeof ResizeObserver === 'undefined') return;
    let last = 0;
    const observer = new ResizeObserver(() => {
      const height = Math.ceil(element.getBoundingClientRect().height) + 8;
      if (Math.abs(height - last) > 2) {
        last = height;
        onResize(height);
      }
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [onResize]);
  return ref;
}

export function App({ sentinela, onResize }: { sentinela: Sentinela; onResize?: (height: number) => void }) {
  const state = useSentinelaState(sentinela);
  const view = useView(state);
  const ref = useAutoResize(onResize);
  const t = state.translate;
  return (
    <ThemeProvider>
      <main ref={ref} className="sentinela" data-phase={state.phase} lang={t('ui.lang')}>
        <Notices state={state} sentinela={sentinela} />
        {state.phase === 'starting' ? <p className="quiet" role="status">{t('ui.loading')}</p> : null}
        {view ? (
          <>
            <Section title={t('ui.customer')} translate={t} testId="section-customer">
              <ContextPanel state={state} findings={view.findings} />
            </Section>
            <Section title={t('ui.findings')} translate={t} testId="section-findings">
              <FindingList findings={view.findings} sentinela={sentinela} state={state} />
            </Section>
            {view.checklist ? (
              <Section title={t('ui.checklist')} translate={t} testId="section-checklist">
                <Checklist items={view.checklist} warnings={view.osWarnings} state={state} />
              </Section>
            ) : null}
            {view.catalog ? (
              <Section title={t('ui.catalog')} translate={t} testId="section-catalog">
                <Catalog catalog={view.catalog} sentinela={sentinela} state={state} />
              </Section>
            ) : null}
            <Section title={t('ui.procedures')} translate={t} testId="section-procedures">
              <Suspense fallback={<p className="quiet">{t('ui.loading')}</p>}>
                <Procedures sentinela={sentinela} state={state} />
              </Suspense>
            </Section>
            <ConfigurationList findings={view.findings} state={state} />
            <AdminEntry state={state} sentinela={sentinela} />
          </>
        ) : null}
      </main>
    </ThemeProvider>
  );
}
