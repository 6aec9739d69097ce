import type { SentinelaState } from '../app/sentinela';
import type { ChecklistItem } from '../domain/saveGuard';
import type { Message } from '../domain/message';

const MARK = { ok: '✓', missing: '✗', unchecked: '?' } as const;

/** Procedure 002 live: what a save to On Hold would still refuse. */
export function Checklist({ items, warnings, state }: { items: ChecklistItem[]; warnings: Message[]; state: SentinelaState }) {
  const t = state.translate;
  const missing = items.filter((item) => item.state === 'missing').length;
  return (
    <div data-testid="os-checklist">
      <p className="quiet">{missing === 0 ? t('ui.checklistReady') : t('ui.checklistMissing', { count: missing })}</p>
      <ul className="checklist">
        {items.map((item) => (
          <li key={item.id} data-item={item.id} data-state={item.state} className={`check-${item.state}`}>
            <span aria-hidden="true" className="mark">{MARK[item.state]}</span>
            <span className="visually-hidden">{t(`ui.check.${item.state}`)}: </span>
            {t(item.text)}
            {item.note ? <span className="note"> — {t(item.note)}</span> : null}
          </li>
        ))}
      </ul>
      {warnings.map((warning, index) => (
        <p key={index} role="status" className="warn-line">
          {t(warning)}
        </p>
      ))}
    </div>
  );
}
