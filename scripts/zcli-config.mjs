// Writes dist/zcli.apps.config.json for `zcli apps:server dist`: every manifest parameter (zcli asks for
// any it lacks), at its default, overridden by a settings file if given: node scripts/zcli-config.mjs [settings.json]
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(resolve(root, 'manifest.json'), 'utf8'));
const given = process.argv[2] ? JSON.parse(readFileSync(process.argv[2], 'utf8')) : {};
const parameters = Object.fromEntries(manifest.parameters.map((p) => [p.name, String(given[p.name] ?? p.default ?? '')]));
mkdirSync(resolve(root, 'dist'), { recursive: true });
writeFileSync(resolve(root, 'dist/zcli.apps.config.json'), `${JSON.stringify({ parameters }, null, 2)}\n`);
console.log(`dist/zcli.apps.config.json: ${Object.keys(parameters).length} parameters${process.argv[2] ? ` (values from ${process.argv[2]})` : ' (defaults)'}`);
