import { ui as ptBR } from '../translations/pt-br.json';
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

/** pt-BR ships with first paint; en and es load on demand. */
export async function loadDictionary(locale: Locale): Promise<Dictionary> {
  if (locale === 'en') return (await import('../translations/en.json')).ui;
  if (locale === 'es') return (await import('../translations/es.json')).ui;
  return ptBR;
}

export function createTranslate(dictionary: Dictionary, fallback: Dictionary = DEFAULT_DICTIONARY): Translate {
  const translate: Translate = (message, extra) => {
    const { key, params } = typeof message === 'string' ? { key: message, params: extra } : message;
    const template = dictionary[key] ?? fallback[key] ?? key;
    const say = (param: MessageParam): string =>
      typeof param === 'object' ? ('key' in param ? translate(param as Message) : (param as readonly Message[]).map((item) => translate(item)).join(', ')) : String(param);
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (params && name in params ? say(params[name]) : whole));
  };
  return translate;
}
