import type { SentinelaState } from '../app/sentinela';
import type { ChecklistItem } from '../domain/saveGuard';
import type { Message } from '../domain/message';

export const MARK = { ok: '✓', missing: '✗', unchecked: '?' } as const;

function Item({ item, state }: { item: ChecklistItem; state: SentinelaState }) {
  const t = state.translate;
  return (
    <li data-item={item.id} data-state={item.state} className={`check-${item.state}`}>
      <span aria-hidden="true" className="mark">{MARK[item.state]}</span>
      <span className="visually-hidden">{t(`ui.check.${item.state}`)}: </span>
      {t(item.text)}
      {item.note ? <span className="note"> — {t(item.note)}</span> : null}
    </li>
  );
}

/** "Tudo pronto" only when every item is checked and done; otherwise what is missing, then what is not checked. */
export function summary(items: ChecklistItem[], t: SentinelaState['translate']): string {
  const missing = items.filter((item) => item.state === 'missing').length;
  const unchecked = items.filter((item) => item.state === 'unchecked').length;
  if (missing > 0) return t('ui.checklistMissing', { count: missing });
  if (unchecked > 0) return t('ui.checklistUnchecked', { count: unchecked });
  return t('ui.checklistReady');
}

export function Warnings({ warnings, t }: { warnings: Message[]; t: SentinelaState['translate'] }) {
  return (
    <>
      {warnings.map((warning, index) => (
        <p key={index} role="status" className="warn-line">
          {t(warning)}
        </p>
      ))}
    </>
  );
}

/**
 * Procedure 002 live: what a save to On Hold would still refuse, and what could not be checked. What is
 * still missing (or could not be checked) is listed; the items already done are folded ("9 de 10 ok"),
 * with the one checked last ("· ? observação interna: por último": the saved notes, read once nothing else refuses).
 */
export function Checklist({ items, warnings, state }: { items: ChecklistItem[]; warnings: Message[]; state: SentinelaState }) {
  const t = state.translate;
  // Checked last (the saved notes, issue 16): folded with the done ones, and said on the folded line.
  const open = items.filter((item) => item.state !== 'ok' && !item.deferred);
  const ok = items.filter((item) => item.state === 'ok');
  const folded = items.filter((item) => item.state === 'ok' || item.deferred);
  return (
    <div data-testid="os-checklist">
      <p className="quiet" data-testid="checklist-summary">{summary(items, t)}</p>
      {open.length > 0 ? (
        <ul className="checklist">
          {open.map((item) => (
            <Item key={item.id} item={item} state={state} />
          ))}
        </ul>
      ) : null}
      {folded.length > 0 ? (
        <details className="checklist-done" data-testid="checklist-done">
          <summary>{t(folded.length > ok.length ? 'ui.checklistOkLater' : 'ui.checklistOk', { ok: ok.length, total: items.length })}</summary>
          <ul className="checklist">
            {folded.map((item) => (
              <Item key={item.id} item={item} state={state} />
            ))}
          </ul>
        </details>
      ) : null}
      <Warnings warnings={warnings} t={t} />
    </div>
  );
}
