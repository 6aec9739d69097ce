import { Button } from '@zendeskgarden/react-buttons';
import type { Sentinela, SentinelaState } from '../app/sentinela';
import type { CatalogSuggestion } from '../domain/catalog';
import type { FieldOption } from '../domain/ticket';
import { displayPath } from '../domain/catalog';

interface CatalogView {
  fieldId: number;
  current: FieldOption | null;
  currentValue: unknown;
  suggestions: CatalogSuggestion[];
}

/** Suggested catalog paths, best first; the field changes only on the agent's click. */
export function Catalog({ catalog, sentinela, state }: { catalog: CatalogView; sentinela: Sentinela; state: SentinelaState }) {
  const t = state.translate;
  const currentText = catalog.current ? displayPath(catalog.current.label) : catalog.currentValue ? String(catalog.currentValue) : t('ui.catalogEmpty');
  return (
    <div data-testid="catalog">
      <p className="quiet">
        {t('ui.catalogCurrent')}: <span data-testid="catalog-current">{currentText}</span>
      </p>
      {catalog.suggestions.length === 0 ? <p className="quiet">{t('ui.catalogNone')}</p> : null}
      <ul className="suggestions">
        {catalog.suggestions.map((suggestion) => {
          const option = suggestion.option;
          const isCurrent = option !== null && option.value === catalog.current?.value;
          return (
            <li key={suggestion.path} data-testid="catalog-suggestion">
              <div className="path">{suggestion.path}</div>
              <div className="quiet">{t('ui.catalogBecause', { words: suggestion.matched.join(', ') })}</div>
              {option === null ? (
                <span className="quiet">{t('ui.catalogNotAnOption')}</span>
              ) : isCurrent ? (
                <span className="quiet">{t('ui.catalogIsCurrent')}</span>
              ) : (
                <Button size="small" disabled={state.busy !== null} onClick={() => void sentinela.setField(catalog.fieldId, option.value, suggestion.path)}>
                  {t('ui.catalogUse')}
                </Button>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
