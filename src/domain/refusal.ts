import type { Fix } from './saveGuard';
import type { SaveVerdict } from './saveDecision';
import { listOf, type Render } from './instructions';
import { capitalize } from './text';

/**
 * The refusal of a save as the agent reads it in Zendesk's notification, in one line: what to do, per
 * item, as instructions grouped by verb ("Preencha Número da O.S., Categoria e Motivo; apague Área
 * responsável (0800); inclua observação interna com CNPJ … e Razão Social …"). No newline and no
 * bullet: how Zendesk renders the hook's message is not documented (docs/zendesk-facts §1), and a
 * notification may collapse line breaks. With failMode closed, what could not be checked is named last.
 */
export function refusalText(refused: Pick<SaveVerdict, 'fixes' | 'unchecked'>, failMode: 'open' | 'closed', t: Render): string {
  const { fixes } = refused;
  const has = (kind: Fix['kind']) => fixes.some((fix) => fix.kind === kind);
  const named = (kind: 'fill' | 'choose' | 'clear') => fixes.flatMap((fix) => (fix.kind === kind ? [t(fix.what)] : []));
  const clauses: string[] = [];
  if (has('solvedOnly')) clauses.push(t('guard.do.solvedOnly'));
  if (has('sendOpenFirst')) clauses.push(t('guard.do.sendOpenFirst'));
  const [fill, choose, clear] = [named('fill'), named('choose'), named('clear')];
  if (fill.length > 0) clauses.push(t('guard.do.fill', { items: listOf(fill, t) }));
  if (choose.length > 0) clauses.push(t('guard.do.choose', { items: listOf(choose, t) }));
  if (clear.length > 0) clauses.push(t('guard.do.clear', { items: listOf(clear, t) }));
  for (const fix of fixes) if (fix.kind === 'note') clauses.push(t(fix.ifMissing ? 'guard.do.noteIfMissing' : 'guard.do.note', { cnpj: fix.cnpj, razaoSocial: fix.razaoSocial }));
  if (failMode === 'closed' && refused.unchecked.length > 0) {
    clauses.push(t('guard.do.recheck', { items: listOf([...new Set(refused.unchecked.map((item) => t(item.what)))], t) }));
  }
  // The lead ends the sentence: an action ending in an abbreviation ("O.S.") keeps one full stop.
  return t('guard.refuse.lead', { actions: capitalize(clauses.join('; ')).replace(/\.$/, '') });
}
