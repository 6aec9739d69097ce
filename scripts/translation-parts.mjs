// The Vite plugin behind `virtual:translations/<locale>/<part>` (src/i18n.ts, src/laterTexts.ts): shared by
// vite.config.ts (the app's build and dev server) and scripts/servers.mjs (the harness built for the tests).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const PREFIX = 'virtual:translations/';

/**
 * `virtual:translations/<locale>/<part>`: one part (`ui`, `later`) of translations/<locale>.json as its
 * own module, so the texts first paint never shows (`later`) land in the chunks that show them instead
 * of the first-paint bundle (a JSON module imported from both would stay whole in the first chunk).
 */
export function translationParts() {
  return {
    name: 'sentinela-translation-parts',
    resolveId: (id) => (id.startsWith(PREFIX) ? `\0${id}` : undefined),
    load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return undefined;
      const [locale, part] = id.slice(PREFIX.length + 1).split('/');
      const file = resolve(ROOT, 'translations', `${locale}.json`);
      this.addWatchFile(file);
      const texts = JSON.parse(readFileSync(file, 'utf8'))[part];
      if (!texts || typeof texts !== 'object') this.error(`${file} has no "${part}" texts`);
      return `export default ${JSON.stringify(texts)};`;
    },
  };
}
