import { lazy, Suspense, useState } from 'react';
import { Alert } from '@zendeskgarden/react-notifications';
import { Button } from '@zendeskgarden/react-buttons';
import type { Sentinela, SentinelaState } from '../app/sentinela';
import type { Finding, FindingAction } from '../domain/findings';
import type { Loss } from '../domain/overwrite';
import { adoptKey, procedureKey } from '../app/state';
import { copyText } from './copy';

const ALERT_TYPE = { block: 'error', warn: 'warning', info: 'info' } as const;

/** The procedure's preview needs the planning code, loaded after first paint with the procedures panel. */
const ProcedurePreview = lazy(() => import('./ProcedurePreview'));
const Question = lazy(() => import('./Procedures').then((module) => ({ default: module.Question })));

/** A finding's procedure in one click; when the agent's typing is at stake, the question first, here. */
function ProcedureAction({ action, sentinela, state }: { action: Extract<FindingAction, { kind: 'procedure' }>; sentinela: Sentinela; state: SentinelaState }) {
  const t = state.translate;
  const [asked, setAsked] = useState<Loss[] | null>(null);
  const run = (answer: Loss[] | null) => void sentinela.applyProcedure(action.procedure, {}, answer, { announce: true }).then((outcome) => setAsked(outcome.status === 'confirm' ? outcome.losses : null));
  const record = state.done[procedureKey(action.procedure)];
  if (record) return <DoneLine record={record} state={state} />;
  return (
    <div className="procedure-action">
      {asked ? (
        <Suspense fallback={null}>
          <Question losses={asked} state={state} onAnswer={() => run(asked)} onCancel={() => setAsked(null)} />
        </Suspense>
      ) : (
        <Button size="small" isPrimary disabled={state.busy !== null} onClick={() => run(null)}>
          {t('action.registrationPending')}
        </Button>
      )}
      <Suspense fallback={null}>
        <ProcedurePreview id={action.procedure} values={{}} state={state} lookUpMacro={sentinela.lookUpMacro} />
      </Suspense>
    </div>
  );
}

/** What a one-click action did, in place of its button: it cannot be applied twice. */
function DoneLine({ record, state }: { record: SentinelaState['done'][string]; state: SentinelaState }) {
  const t = state.translate;
  return (
    <p className="done-line" data-testid="action-done">
      ✓ {record.done.length > 0 ? record.done.map((message) => t(message)).join(' · ') : t('ui.doneNothing')}
    </p>
  );
}

function CopyButton({ action, state }: { action: Extract<FindingAction, { kind: 'copyText' }>; state: SentinelaState }) {
  const t = state.translate;
  const [copied, setCopied] = useState(false);
  return (
    <Button
      size="small"
      onClick={() =>
        // The customer's text is one of the texts loaded after first paint (src/laterTexts.ts).
        void import('../laterTexts').then(() => copyText(t(action.text))).then(setCopied)
      }
    >
      {copied ? t('ui.copiedMessage') : t(action.label)}
    </Button>
  );
}

function ActionButton({ action, sentinela, state }: { action: FindingAction; sentinela: Sentinela; state: SentinelaState }) {
  const t = state.translate;
  const busy = state.busy !== null;
  switch (action.kind) {
    case 'procedure':
      return <ProcedureAction action={action} sentinela={sentinela} state={state} />;
    case 'adoptRequester': {
      const record = state.done[adoptKey(action.organizationId)];
      if (record) return <DoneLine record={record} state={state} />;
      return (
        <Button size="small" isPrimary disabled={busy} onClick={() => void sentinela.adoptRequester(action.user, action.organizationId)}>
          {t('action.adoptRequester', { name: action.user.name })}
        </Button>
      );
    }
    case 'searchOrganization':
      return (
        <Button size="small" disabled={busy} onClick={() => sentinela.searchSessionOrganization()}>
          {t('action.searchOrganization')}
        </Button>
      );
    case 'copyText':
      return <CopyButton action={action} state={state} />;
    case 'retry':
      return (
        <Button size="small" onClick={() => sentinela.retryLookups()}>
          {t('ui.retry')}
        </Button>
      );
  }
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

/** The agent's findings (blocks, then warnings); wallet badges are shown with the customer. */
export function agentFindings(findings: Finding[]): Finding[] {
  return findings.filter((finding) => finding.audience !== 'admin' && !(finding.id.startsWith('wallet.') && finding.severity === 'info'));
}

export function FindingList({ findings, sentinela, state }: { findings: Finding[]; sentinela: Sentinela; state: SentinelaState }) {
  const shown = agentFindings(findings);
  if (shown.length === 0) return null;
  return (
    <div className="findings">
      {shown.map((finding) => (
        <FindingView key={finding.id} finding={finding} sentinela={sentinela} state={state} />
      ))}
    </div>
  );
}
