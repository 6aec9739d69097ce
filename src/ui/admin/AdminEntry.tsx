import { lazy, Suspense, useState } from 'react';
import { Button } from '@zendeskgarden/react-buttons';
import type { Sentinela, SentinelaState } from '../../app/sentinela';
import { isAdmin } from '../../domain/configuration';
import { Section } from '../Section';

/** The assistant itself is a chunk of its own, loaded on the admin's click: never in first paint. */
const SetupAssistant = lazy(() => import('./SetupAssistant'));

/**
 * Beside the configuration fold, for admins only (ZAF currentUser.role): opens the setup assistant.
 * An agent's sidebar renders nothing here (and app/setup refuses an agent by itself).
 */
export function AdminEntry({ state, sentinela }: { state: SentinelaState; sentinela: Sentinela }) {
  const [open, setOpen] = useState(false);
  if (!isAdmin(state.context)) return null;
  const t = state.translate;
  if (!open) {
    return (
      <div className="admin-entry">
        <Button size="small" isBasic onClick={() => setOpen(true)} data-testid="open-setup">
          {t('ui.setupAssistant')}
        </Button>
      </div>
    );
  }
  return (
    <Section title={t('ui.setupAssistant')} translate={t} testId="section-setup">
      <Suspense fallback={<p className="quiet">{t('ui.loading')}</p>}>
        <SetupAssistant sentinela={sentinela} state={state} onClose={() => setOpen(false)} />
      </Suspense>
    </Section>
  );
}
