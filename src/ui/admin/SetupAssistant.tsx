import { useEffect, useState, useSyncExternalStore } from 'react';
import { Alert } from '@zendeskgarden/react-notifications';
import { Button } from '@zendeskgarden/react-buttons';
import type { Sentinela, SentinelaState } from '../../app/sentinela';
import type { Setup } from '../../app/setup';
import type { AccountRead } from '../../zendesk/setupApi';
import { loadAdminTexts, type AdminTexts } from './adminTexts';
import { MappingList } from './MappingList';
import { CatalogCheckView } from './CatalogCheckView';
import { SetupDiff } from './SetupDiff';
import './setup.css';

const LISTS = ['ticketFields', 'ticketForms', 'organizationFields', 'macros'] as const satisfies readonly (keyof AccountRead)[];

/** Lists that could not be read to their end: their settings are left as they are, and this says why. */
function ListProblems({ read, texts, state }: { read: AccountRead; texts: AdminTexts; state: SentinelaState }) {
  const { t } = texts;
  const failed = LISTS.flatMap((name) => {
    const list = read[name];
    return list.ok ? [] : [{ name, reason: list.reason }];
  });
  if (failed.length === 0) return null;
  return (
    <Alert type="warning" role="status" data-testid="setup-list-problems">
      {failed.map(({ name, reason }) => (
        <Alert.Paragraph key={name}>
          {t('setup.listFailed', { list: t(`setup.list.${name}`), reason: reason === 'tooManyPages' ? t('setup.failure.tooManyPages') : state.translate(`failure.${reason}`) })}
        </Alert.Paragraph>
      ))}
    </Alert>
  );
}

function Assistant({ setup, texts, state, onClose }: { setup: Setup; texts: AdminTexts; state: SentinelaState; onClose: () => void }) {
  const current = useSyncExternalStore(setup.subscribe, setup.getState);
  const { t } = texts;
  const close = (
    <Button size="small" isBasic onClick={onClose}>
      {t('setup.close')}
    </Button>
  );
  if (current.phase === 'refused') {
    return (
      <div data-testid="setup-assistant" data-phase="refused">
        <Alert type="error" role="alert">
          <Alert.Paragraph>{t('setup.refused.notAdmin')}</Alert.Paragraph>
        </Alert>
        {close}
      </div>
    );
  }
  if (current.phase === 'checking' || current.phase === 'reading' || !current.proposal || !current.read) {
    return (
      <p className="quiet" role="status" data-testid="setup-assistant" data-phase={current.phase}>
        {t(current.phase === 'checking' ? 'setup.checking' : 'setup.reading')}
      </p>
    );
  }
  const plan = setup.plan();
  return (
    <div className="setup" data-testid="setup-assistant" data-phase={current.phase}>
      <p className="quiet">{t('setup.intro')}</p>
      {current.storedFrom === 'startup' ? <p className="warn-line">{t('setup.storedFromStartup')}</p> : null}
      <ListProblems read={current.read} texts={texts} state={state} />
      <MappingList proposal={current.proposal} choices={current.choices} duplicates={plan.duplicates} texts={texts} onChoose={setup.choose} />
      <CatalogCheckView check={plan.catalog} texts={texts} />
      <SetupDiff setup={setup} plan={plan} state={current} proposal={current.proposal} texts={texts} />
      {close}
    </div>
  );
}

/** The setup assistant (admins): loads its controller and its texts, then reads the account. */
export default function SetupAssistant({ sentinela, state, onClose }: { sentinela: Sentinela; state: SentinelaState; onClose: () => void }) {
  const [loaded, setLoaded] = useState<{ setup: Setup; texts: AdminTexts } | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const locale = state.context?.locale;
  useEffect(() => {
    let live = true;
    Promise.all([sentinela.openSetup(), loadAdminTexts(locale)]).then(
      ([setup, texts]) => {
        if (!live) return;
        setLoaded({ setup, texts });
        void setup.start();
      },
      (error: unknown) => live && setFailed(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      live = false;
    };
  }, [sentinela, locale]);
  if (failed) return <p role="alert">{state.translate('ui.sectionFailed')} ({failed})</p>;
  if (!loaded) return <p className="quiet">{state.translate('ui.loading')}</p>;
  return <Assistant setup={loaded.setup} texts={loaded.texts} state={state} onClose={onClose} />;
}
