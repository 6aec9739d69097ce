import { useState } from 'react';
import { Tag } from '@zendeskgarden/react-tags';
import { Button } from '@zendeskgarden/react-buttons';
import type { SentinelaState } from '../app/sentinela';
import type { Finding } from '../domain/findings';
import { financialPending, organizationCnpj, razaoSocial, sessionCnpj } from '../domain/findings';
import { copyText } from './copy';
import { isKnown } from '../domain/ticket';

function CnpjLine({ label, formatted, t }: { label: string; formatted: string; t: SentinelaState['translate'] }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="row">
      <span className="label">{label}</span>
      <span className="value" data-testid="cnpj-value">{formatted}</span>
      <Button size="small" isBasic aria-label={t('ui.copyCnpj', { cnpj: formatted })} onClick={() => void copyText(formatted).then(setCopied)}>
        {copied ? t('ui.copied') : t('ui.copy')}
      </Button>
    </div>
  );
}

/**
 * Who the customer is, in a few lines: organization, CNPJ, financial pending (unless its block says it) and
 * the wallet tags (a wallet warning, none or unrecognized, is said once: among the alerts).
 */
export function ContextPanel({ state, findings, allClear, pendingShown }: { state: SentinelaState; findings: Finding[]; allClear: boolean; pendingShown: boolean }) {
  const { context, settings, translate: t } = state;
  if (!context) return null;
  const organization = context.ticket.organization;
  const own = organizationCnpj(context, settings);
  const session = sessionCnpj(context, settings);
  const name = razaoSocial(context, settings);
  const pending = financialPending(context, settings);
  const badges = findings.filter((finding) => finding.id.startsWith('wallet.') && finding.severity === 'info');
  return (
    <div className="context" data-testid="context-panel">
      <div className="org-line">
        <strong className="value" data-testid="organization-name">{organization ? organization.name : isKnown(context, 'organization') ? t('ui.noOrganization') : t('ui.organizationUnreadable')}</strong>
        {allClear ? (
          <span className="all-clear" data-testid="all-clear">
            {t('ui.allClear')}
          </span>
        ) : null}
      </div>
      {organization && name && name !== organization.name ? (
        <div className="row">
          <span className="label">{t('ui.razaoSocial')}</span>
          <span className="value">{name}</span>
        </div>
      ) : null}
      {own.kind === 'valid' ? <CnpjLine label={t('ui.cnpjOrganization')} formatted={own.formatted} t={t} /> : null}
      {session.kind === 'valid' && (own.kind !== 'valid' || own.value !== session.value) ? <CnpjLine label={t('ui.cnpjSession')} formatted={session.formatted} t={t} /> : null}
      {(organization && !(pending === 'yes' && pendingShown)) || badges.length > 0 ? (
        <div className="row badges" data-testid="wallet">
          {organization && !(pending === 'yes' && pendingShown) ? (
            <Tag hue={pending === 'yes' ? 'red' : pending === 'no' ? 'green' : 'yellow'} data-testid="financial-pending">
              {t('ui.financialPending')}: {pending === 'yes' ? t('ui.yes') : pending === 'no' ? t('ui.no') : t('ui.check.unchecked')}
            </Tag>
          ) : null}
          {badges.map((badge) => (
            <Tag key={badge.id} hue="blue">
              {t(badge.text)}
            </Tag>
          ))}
        </div>
      ) : null}
    </div>
  );
}
