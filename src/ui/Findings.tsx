import { Alert } from '@zendeskgarden/react-notifications';
import { Button } from '@zendeskgarden/react-buttons';
import type { Sentinela, SentinelaState } from '../app/sentinela';
import type { Finding, FindingAction } from '../domain/findings';
import { isAdmin } from '../domain/configuration';

const ALERT_TYPE = { block: 'error', warn: 'warning', info: 'info' } as const;

function ActionButton({ action, sentinela, state }: { action: FindingAction; sentinela: Sentinela; state: SentinelaState }) {
  const t = state.translate;
  if (action.kind === 'procedure') {
    return (
      <Button size="small" isPrimary disabled={state.busy !== null} onClick={() => void sentinela.applyProcedure(action.procedure, {}, true, { announce: true })}>
        {t('action.registrationPending')}
      </Button>
    );
  }
  if (action.kind === 'retry') {
    return (
      <Button size="small" onClick={() => sentinela.retryLookups()}>
        {t('ui.retry')}
      </Button>
    );
  }
  return (
    <Button size="small" isPrimary disabled={state.busy !== null} onClick={() => void sentinela.adoptRequester(action.user)}>
      {t('action.adoptRequester', { name: action.user.name })}
    </Button>
  );
}

/** One finding: blocks are announced (role="alert"), warnings and information are not. */
export function FindingView({ finding, sentinela, state }: { finding: Finding; sentinela: Sentinela; state: SentinelaState }) {
  const t = state.translate;
  return (
    <Alert
      type={ALERT_TYPE[finding.severity]}
      role={finding.severity === 'block' ? 'alert' : 'status'}
      data-severity={finding.severity}
      data-finding={finding.id}
      className="finding"
    >
      <Alert.Title>{t(finding.text)}</Alert.Title>
      {finding.details?.map((detail, index) => (
        <Alert.Paragraph key={index}>{t(detail)}</Alert.Paragraph>
      ))}
      {finding.actions?.length ? (
        <div className="actions">
          {finding.actions.map((action, index) => (
            <ActionButton key={index} action={action} sentinela={sentinela} state={state} />
          ))}
        </div>
      ) : null}
    </Alert>
  );
}

export function FindingList({ findings, sentinela, state }: { findings: Finding[]; sentinela: Sentinela; state: SentinelaState }) {
  const shown = findings.filter((finding) => finding.audience !== 'admin' && !(finding.id.startsWith('wallet.') && finding.severity === 'info'));
  if (shown.length === 0) return <p className="quiet" data-testid="all-clear">{state.translate('ui.allClear')}</p>;
  return (
    <div className="findings">
      {shown.map((finding) => (
        <FindingView key={finding.id} finding={finding} sentinela={sentinela} state={state} />
      ))}
    </div>
  );
}

/**
 * Configuration findings, for admins only (ZAF currentUser.role): folded away, each naming the setting by
 * its label in Admin Center. Agents see the one setup line among the findings instead.
 */
export function ConfigurationList({ findings, state }: { findings: Finding[]; state: SentinelaState }) {
  const config = findings.filter((finding) => finding.audience === 'admin');
  if (config.length === 0 || !isAdmin(state.context)) return null;
  const t = state.translate;
  return (
    <details className="configuration" data-testid="configuration">
      <summary>{t('ui.configuration', { count: config.length })}</summary>
      <ul>
        {config.map((finding) => (
          <li key={finding.id} data-finding={finding.id}>
            {t(finding.text)}
            {finding.details?.map((detail, index) => <span key={index}> {t(detail)}</span>)}
          </li>
        ))}
      </ul>
    </details>
  );
}
