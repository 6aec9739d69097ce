import { useState } from 'react';
import { Tag } from '@zendeskgarden/react-tags';
import { Button } from '@zendeskgarden/react-buttons';
import type { SentinelaState } from '../app/sentinela';
import type { Finding } from '../domain/findings';
import { financialPending, organizationCnpj, razaoSocial, sessionCnpj } from '../domain/findings';

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    document.body.appendChild(area);
    area.select();
    const done = document.execCommand('copy');
    area.remove();
    return done;
  }
}

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

/** Who the customer is: organization, CNPJ, wallet, financial pending. */
export function ContextPanel({ state, findings }: { state: SentinelaState; findings: Finding[] }) {
  const { context, settings, translate: t } = state;
  if (!context) return null;
  const organization = context.ticket.organization;
  const own = organizationCnpj(context, settings);
  const session = sessionCnpj(context, settings);
  const name = razaoSocial(context, settings);
  const pending = financialPending(context, settings);
  const badges = findings.filter((finding) => finding.id.startsWith('wallet.'));
  return (
    <div className="context" data-testid="context-panel">
      <div className="row">
        <span className="label">{t('ui.organization')}</span>
        <strong className="value" data-testid="organization-name">{organization ? organization.name : t('ui.noOrganization')}</strong>
      </div>
      {organization && name && name !== organization.name ? (
        <div className="row">
          <span className="label">{t('ui.razaoSocial')}</span>
          <span className="value">{name}</span>
        </div>
      ) : null}
      {own.kind === 'valid' ? <CnpjLine label={t('ui.cnpjOrganization')} formatted={own.formatted} t={t} /> : null}
      {session.kind === 'valid' && (own.kind !== 'valid' || own.value !== session.value) ? <CnpjLine label={t('ui.cnpjSession')} formatted={session.formatted} t={t} /> : null}
      {organization ? (
        <div className="row">
          <span className="label">{t('ui.financialPending')}</span>
          <Tag hue={pending ? 'red' : 'green'} data-testid="financial-pending">
            {pending ? t('ui.yes') : t('ui.no')}
          </Tag>
        </div>
      ) : null}
      {badges.length > 0 ? (
        <div className="row badges" data-testid="wallet">
          {badges.map((badge) => (
            <Tag key={badge.id} hue={badge.severity === 'info' ? 'blue' : 'yellow'}>
              {t(badge.text)}
            </Tag>
          ))}
        </div>
      ) : null}
    </div>
  );
}
