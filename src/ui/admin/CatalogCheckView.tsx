import type { CatalogCheck } from '../../app/setup';
import type { AdminTexts } from './adminTexts';

/** The catalog rules checked against the chosen catalog field's real options, with the nearest options. */
export function CatalogCheckView({ check, texts }: { check: CatalogCheck; texts: AdminTexts }) {
  const { t } = texts;
  return (
    <section className="setup-catalog" data-testid="setup-catalog" data-state={check.state} aria-label={t('setup.catalog.title')}>
      <h3 className="setup-group">{t('setup.catalog.title')}</h3>
      {check.state === 'noField' ? <p className="quiet">{t('setup.catalog.noField')}</p> : null}
      {check.state === 'unknown' ? <p className="warn-line">{t('setup.catalog.unknown')}</p> : null}
      {check.state === 'checked' ? (
        <>
          {check.problems.length === 0 ? (
            <p className="quiet">{t('setup.catalog.ok', { count: check.rules, field: check.fieldTitle })}</p>
          ) : (
            <>
              <p className="warn-line">{t('setup.catalog.problems', { count: check.problems.length, field: check.fieldTitle })}</p>
              <ul className="setup-rules">
                {check.problems.map((problem) => (
                  <li key={problem.path} data-testid="setup-catalog-problem">
                    <div className="path">{problem.path}</div>
                    <div className="quiet">{t('setup.catalog.keywords', { keywords: problem.keywords.join(', ') })}</div>
                    {problem.nearest.length === 0 ? (
                      <div className="quiet">{t('setup.catalog.noneNear')}</div>
                    ) : (
                      <>
                        <div className="quiet">{t('setup.catalog.nearest')}</div>
                        <ol className="setup-nearest">
                          {problem.nearest.map((option) => (
                            <li key={option.value} data-testid="setup-catalog-nearest">
                              {t('setup.catalog.option', { path: option.path, percent: Math.round(option.similarity * 100) })}
                            </li>
                          ))}
                        </ol>
                      </>
                    )}
                  </li>
                ))}
              </ul>
              <p className="quiet">{t('setup.catalog.fix')}</p>
            </>
          )}
          {check.badLines.length > 0 ? <p className="warn-line">{t('setup.catalog.badLines', { lines: check.badLines.join(', ') })}</p> : null}
        </>
      ) : null}
    </section>
  );
}
