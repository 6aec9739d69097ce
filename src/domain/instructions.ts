import type { Fix } from './saveGuard';
import type { Message } from './message';
import { capitalize } from './text';

/** Renders a Message in the agent's language (the app's Translate; a parameter keeps this module pure). */
export type Render = (message: Message | string, params?: Message['params']) => string;

/** "A", "A e B", "A, B e C": the language's own conjunction (`guard.list.and`, with its spaces). */
export function listOf(items: readonly string[], t: Render): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')}${t('guard.list.and')}${items[items.length - 1]}`;
}


/** One fix as one instruction, for the sidebar's list of what is missing ("Preencha Categoria"). */
export function fixText(fix: Fix, t: Render): string {
  switch (fix.kind) {
    case 'fill':
      return capitalize(t('guard.do.fill', { items: t(fix.what) }));
    case 'choose':
      return capitalize(t('guard.do.choose', { items: t(fix.what) }));
    case 'clear':
      return capitalize(t('guard.do.clear', { items: t(fix.what) }));
    case 'note':
      return capitalize(t(fix.ifMissing ? 'guard.do.noteIfMissing' : 'guard.do.note', { cnpj: fix.cnpj || '—', razaoSocial: fix.razaoSocial || '—' }));
    case 'sendOpenFirst':
      return capitalize(t('guard.do.sendOpenFirst'));
    case 'solvedOnly':
      return capitalize(t('guard.do.solvedOnly'));
  }
}
