// Zips the built app folder (dist/) into sentinela.zip, ready for `zcli apps:create` / `apps:update`.
// `zcli apps:package` and `apps:validate` need a Zendesk account; this needs none. Run: npm run package
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';
import { validateApp } from './validate-app.mjs';

const dir = process.argv[2] ?? 'dist';
const out = process.argv[3] ?? 'sentinela.zip';
const errors = validateApp(dir);
if (errors.length > 0) {
  console.error(`Not packaged: ${errors.length} problem(s):\n${errors.map((e) => `  - ${e}`).join('\n')}`);
  process.exit(1);
}
const entries = {};
const walk = (folder) => {
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (relative(dir, path) === 'zcli.apps.config.json') console.log('  (zcli.apps.config.json left out: local settings for zcli apps:server)');
    else entries[relative(dir, path).split('\\').join('/')] = [readFileSync(path), { mtime: new Date('2026-01-01T00:00:00Z') }];
  }
};
walk(dir);
writeFileSync(out, zipSync(entries, { level: 9 }));
console.log(`${out}: ${Object.keys(entries).length} files, ${statSync(out).size} bytes`);
for (const name of Object.keys(entries)) console.log(`  ${name}`);
