import { Alert } from '@zendeskgarden/react-notifications';
import type { SentinelaState } from '../app/sentinela';
import type { ChecklistItem } from '../domain/saveGuard';
import { msg, type Message } from '../domain/message';
import { fixText } from '../domain/instructions';
import { MARK, summary, Warnings } from './Checklist';
import '../laterTexts';

/**
 * The same checklist at the top of the sidebar, as an error alert, once the status is set On Hold or a
 * save was refused: only what is missing (each as an instruction) and what could not be checked. Its own
 * chunk, loaded as the app starts (with the texts it says, in `later`): first paint does not show it.
 */
export default function ChecklistAlert({ items, warnings, state }: { items: ChecklistItem[]; warnings: Message[]; state: SentinelaState }) {
  const t = state.translate;
  // In the refusal's order: what is missing first, the internal note last of those (refusal.ts), then what could
  // not be checked, and what is checked last (the saved notes not read yet) at the end.
  const rank = (item: ChecklistItem) => (item.state === 'missing' ? (item.id === 'internalNote' ? 1 : 0) : item.deferred ? 3 : 2);
  const open = items.filter((item) => item.state !== 'ok').sort((a, b) => rank(a) - rank(b));
  return (
    <Alert type="error" role="alert" data-testid="os-checklist" data-urgent="true" className="finding">
      <Alert.Title>{state.refusedSave ? t('ui.checklistRefused') : t('ui.checklistBeforeHold')}</Alert.Title>
      <p className="quiet" data-testid="checklist-summary">{summary(items, t)}</p>
      <ul className="checklist">
        {open.map((item) => (
          <li key={item.id} data-item={item.id} data-state={item.state} className={`check-${item.state}`}>
            <span aria-hidden="true" className="mark">{MARK[item.state]}</span>
            {/* An unchecked item's line says "Não verificado: …" itself: no hidden prefix to say it twice (review 9). */}
            {item.state === 'unchecked' && !item.deferred ? null : <span className="visually-hidden">{t(`ui.check.${item.state}`)}: </span>}
            {item.state === 'missing'
              ? fixText(item.fix, t)
              : // Checked last (the saved notes not read while another item refuses): asked for "if not there yet".
                item.deferred && item.fix.kind === 'note'
                ? fixText({ ...item.fix, ifMissing: true }, t)
                : t('guard.uncheckedItem', { what: item.what, why: item.note ?? msg('ui.check.unchecked') })}
          </li>
        ))}
      </ul>
      <Warnings warnings={warnings} t={t} />
    </Alert>
  );
}
