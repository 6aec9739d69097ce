import { Alert } from '@zendeskgarden/react-notifications';
import { Button } from '@zendeskgarden/react-buttons';
import type { Setup, SetupPlan, SetupState, WriteResult } from '../../app/setup';
import type { SetupProposal } from '../../domain/setupProposal';
import type { AdminTexts } from './adminTexts';
import { describeValue } from './describe';

function ResultView({ result, plan, installationId, texts }: { result: WriteResult; plan: SetupPlan; installationId: number | null; texts: AdminTexts }) {
  const { t } = texts;
  switch (result.state) {
    case 'written':
      return (
        <Alert type="success" role="status" data-testid="setup-result" data-result="written">
          <Alert.Title>{t('setup.written', { count: result.changes.length })}</Alert.Title>
          {result.answerLost ? <Alert.Paragraph>{t('setup.written.answerLost')}</Alert.Paragraph> : null}
          <Alert.Paragraph>{t('setup.written.reload')}</Alert.Paragraph>
        </Alert>
      );
    case 'nothingToWrite':
      return (
        <p className="quiet" role="status" data-testid="setup-result" data-result="nothingToWrite">
          {t('setup.nothingToWrite')}
        </p>
      );
    case 'refused':
      return (
        <Alert type="error" role="alert" data-testid="setup-result" data-result="refused">
          <Alert.Paragraph>{t(`setup.refused.${result.reason}`)}</Alert.Paragraph>
          {result.reason === 'noInstallation' ? <pre className="setup-json">{JSON.stringify(plan.settings, null, 2)}</pre> : null}
        </Alert>
      );
    case 'failed':
      return (
        <Alert type="error" role="alert" data-testid="setup-result" data-result="failed" data-reason={result.reason}>
          <Alert.Title>{t(`setup.failed.${result.reason}`, { status: result.status, seconds: result.retryAfterSeconds ?? '?', id: installationId ?? '' })}</Alert.Title>
          {result.detail ? <Alert.Paragraph>{t('setup.failed.detail', { detail: result.detail })}</Alert.Paragraph> : null}
          <Alert.Paragraph>{t(result.unchanged ? 'setup.failed.unchanged' : 'setup.failed.unknown')}</Alert.Paragraph>
        </Alert>
      );
  }
}

/** Before → after for every setting the write would change, the confirmation, and what came of it. */
export function SetupDiff({ setup, plan, state, proposal, texts }: { setup: Setup; plan: SetupPlan; state: SetupState; proposal: SetupProposal; texts: AdminTexts }) {
  const { t, label } = texts;
  const shown = (parameter: string, value: string) => {
    const setting = proposal.settings.find((entry) => entry.target.parameter === parameter);
    return (setting ? describeValue(setting, value) : value) || t('setup.empty');
  };
  const writing = state.phase === 'writing';
  return (
    <section className="setup-diff" data-testid="setup-diff" aria-label={t('setup.diff.title', { count: plan.changes.length })}>
      <h3 className="setup-group">{t('setup.diff.title', { count: plan.changes.length })}</h3>
      {plan.changes.length === 0 ? <p className="quiet">{t('setup.diff.none')}</p> : null}
      <ul className="setup-changes">
        {plan.changes.map((change) => (
          <li key={change.parameter} data-parameter={change.parameter}>
            <div className="setup-label">{label(change.parameter)}</div>
            <div className="value">
              <del>{shown(change.parameter, change.before)}</del> → <ins>{shown(change.parameter, change.after)}</ins>
            </div>
          </li>
        ))}
      </ul>
      {plan.unresolved.length > 0 ? (
        <p className="warn-line" role="status">
          {t('setup.unresolved', { labels: plan.unresolved.map(label).join(', ') })}
        </p>
      ) : null}
      <div className="actions">
        <Button size="small" isPrimary disabled={writing || plan.changes.length === 0} onClick={() => void setup.confirm()} data-testid="setup-confirm">
          {writing ? t('setup.writing') : t('setup.confirm', { count: plan.changes.length })}
        </Button>
      </div>
      {state.result ? <ResultView result={state.result} plan={plan} installationId={state.installationId} texts={texts} /> : null}
    </section>
  );
}
