import ptBR from 'virtual:translations/pt-br/ui';
import type { Message, MessageParam } from './domain/message';

export type Locale = 'pt-BR' | 'en' | 'es';
export type Dictionary = Record<string, string>;
export type Translate = (message: Message | string, params?: Message['params']) => string;

/** pt-BR when the agent's locale is not one we speak. */
export function resolveLocale(locale: string | null | undefined): Locale {
  const tag = (locale ?? '').toLowerCase();
  if (tag.startsWith('en')) return 'en';
  if (tag.startsWith('es')) return 'es';
  return 'pt-BR';
}

export const DEFAULT_DICTIONARY: Dictionary = ptBR;

/**
 * Texts first paint never shows (procedure forms, previews, questions, the admins' list, look-up
 * failures) are the `later` part of each translation file: pt-BR's arrives with the code that shows
 * them (src/laterTexts.ts), keeping them out of the first-paint bundle.
 */
const laterDefaults: Dictionary = {};
export function addLaterTexts(texts: Dictionary) {
  Object.assign(laterDefaults, texts);
}

/** pt-BR ships with first paint; en and es load on demand, whole. */
export async function loadDictionary(locale: Locale): Promise<Dictionary> {
  if (locale === 'en') {
    const [ui, later] = await Promise.all([import('virtual:translations/en/ui'), import('virtual:translations/en/later')]);
    return { ...ui.default, ...later.default };
  }
  if (locale === 'es') {
    const [ui, later] = await Promise.all([import('virtual:translations/es/ui'), import('virtual:translations/es/later')]);
    return { ...ui.default, ...later.default };
  }
  return ptBR;
}

/** The end of the `{…}` block that starts at `open` (nested braces counted), or -1. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let index = open; index < text.length; index += 1) {
    if (text[index] === '{') depth += 1;
    else if (text[index] === '}' && (depth -= 1) === 0) return index;
  }
  return -1;
}

/** `one {# item} other {# itens}` → { one: '# item', other: '# itens' } (also `=0 {…}`). */
function pluralBranches(body: string): Record<string, string> {
  const branches: Record<string, string> = {};
  let index = 0;
  while (index < body.length) {
    const selector = /\s*(=\d+|zero|one|two|few|many|other)\s*\{/y;
    selector.lastIndex = index;
    const match = selector.exec(body);
    if (!match) break;
    const open = selector.lastIndex - 1;
    const end = closing(body, open);
    if (end < 0) break;
    branches[match[1]] = body.slice(open + 1, end);
    index = end + 1;
  }
  return branches;
}

/**
 * Translates a message: `{name}` takes a parameter (a message parameter is translated itself), and
 * the ICU MessageFormat plural form `{count, plural, =0 {…} one {# item} other {# itens}}` picks the
 * branch the language's CLDR rule gives (the browser's own `Intl.PluralRules`; `#` is the number).
 * Only this subset of ICU is understood: a full ICU library (intl-messageformat, 10 KB gzip) does
 * not fit the first-paint budget, and the app needs nothing else.
 */
export function createTranslate(dictionary: Dictionary, fallback: Dictionary = DEFAULT_DICTIONARY): Translate {
  const lang = dictionary['ui.lang'] ?? fallback['ui.lang'] ?? 'pt-BR';
  let rules: Intl.PluralRules | null = null;
  const pluralOf = (count: number) => (rules ??= new Intl.PluralRules(lang)).select(count);

  const translate: Translate = (message, extra) => {
    const { key, params } = typeof message === 'string' ? { key: message, params: extra } : message;
    const value = (param: MessageParam): string =>
      typeof param === 'object' ? ('key' in param ? translate(param as Message) : (param as readonly Message[]).map((item) => translate(item)).join(', ')) : String(param);
    return format(dictionary[key] ?? fallback[key] ?? laterDefaults[key] ?? key, params, value);
  };

  function format(template: string, params: Message['params'], value: (param: MessageParam) => string): string {
    let out = '';
    let index = 0;
    while (index < template.length) {
      const open = template.indexOf('{', index);
      if (open < 0) break;
      out += template.slice(index, open);
      const end = closing(template, open);
      if (end < 0) {
        index = open;
        break;
      }
      const inner = template.slice(open + 1, end);
      const plural = /^\s*(\w+)\s*,\s*plural\s*,([\s\S]*)$/.exec(inner);
      if (plural && params && plural[1] in params) {
        const count = Number(params[plural[1]]);
        const branches = pluralBranches(plural[2]);
        const branch = branches[`=${count}`] ?? branches[pluralOf(count)] ?? branches.other ?? '';
        out += format(branch.replace(/#/g, String(count)), params, value);
      } else if (/^\w+$/.test(inner) && params && inner in params) {
        out += value(params[inner]);
      } else {
        out += template.slice(open, end + 1);
      }
      index = end + 1;
    }
    return out + template.slice(index);
  }

  return translate;
}
