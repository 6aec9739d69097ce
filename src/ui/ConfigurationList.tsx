import type { SentinelaState } from '../app/sentinela';
import type { Finding } from '../domain/findings';
import '../laterTexts';

/**
 * Configuration findings, for admins only (ZAF currentUser.role; App renders it only for them): folded away, each naming the setting by
 * its label in Admin Center; loaded after first paint. Agents see the one setup line among the findings instead.
 */
export default function ConfigurationList({ findings, state }: { findings: Finding[]; state: SentinelaState }) {
  const config = findings.filter((finding) => finding.audience === 'admin');
  if (config.length === 0) return null;
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
