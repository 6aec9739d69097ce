import { createTranslate, resolveLocale, type Dictionary, type Translate } from '../../i18n';
import type { ParameterName } from '../../settings';

/**
 * The setup assistant's texts: the `admin` section of translations/<locale>.json, and the parameters'
 * labels (`app.parameters.<name>.label`, what Admin Center shows beside each setting). Loaded as raw
 * text with the assistant's chunk: pt-br.json's `ui` section is in first paint, and importing the
 * module itself here would pull its other sections into first paint with it.
 */
interface TranslationFile {
  admin?: Dictionary;
  app?: { parameters?: Record<string, { label?: string }> };
}

const FILES: Record<string, () => Promise<string>> = {
  'pt-BR': () => import('../../../translations/pt-br.json?raw').then((module) => module.default),
  en: () => import('../../../translations/en.json?raw').then((module) => module.default),
  es: () => import('../../../translations/es.json?raw').then((module) => module.default),
};

export interface AdminTexts {
  t: Translate;
  /** A setting's translated label, as Admin Center shows it (falls back to pt-BR, then to its name). */
  label(parameter: ParameterName): string;
}

async function load(locale: string): Promise<TranslationFile> {
  return JSON.parse(await FILES[locale]()) as TranslationFile;
}

/** The assistant's texts in the agent's language (pt-BR when it is not one the app speaks). */
export async function loadAdminTexts(agentLocale: string | null | undefined): Promise<AdminTexts> {
  const locale = resolveLocale(agentLocale);
  const fallback = await load('pt-BR');
  const own = locale === 'pt-BR' ? fallback : await load(locale);
  const labels = (file: TranslationFile) => Object.fromEntries(Object.entries(file.app?.parameters ?? {}).map(([name, entry]) => [name, entry.label ?? '']));
  const ownLabels = labels(own);
  const fallbackLabels = labels(fallback);
  return {
    t: createTranslate(own.admin ?? {}, fallback.admin ?? {}),
    label: (parameter) => ownLabels[parameter] || fallbackLabels[parameter] || parameter,
  };
}
