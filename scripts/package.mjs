// Zips the built app folder (dist/) into sentinela.zip, ready for `zcli apps:create` / `apps:update`.
// `zcli apps:package` and `apps:validate` need a Zendesk account; this needs none. Run: npm run package
//   npm run package -- --settings <file> [--fields <file>]   also ships the server-side O.S. backstop:
//   npm run package -- --from-account                         requirements.json generated from the settings
// (README: "The server-side backstop"). Positional arguments: [app folder] [zip file].
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';
import { validateApp, validatorWarnings } from './validate-app.mjs';

const BACKSTOP_OPTIONS = ['--settings', '--fields', '--from-account'];
const positional = [];
const backstop = [];
for (let index = 2; index < process.argv.length; index += 1) {
  const arg = process.argv[index];
  if (BACKSTOP_OPTIONS.includes(arg)) {
    backstop.push(arg);
    if (arg !== '--from-account' && process.argv[index + 1] !== undefined) backstop.push(process.argv[(index += 1)]);
  } else if (arg.startsWith('--')) {
    console.error(`unknown argument ${arg} (npm run package -- [--settings <file> [--fields <file>] | --from-account])`);
    process.exit(1);
  } else positional.push(arg);
}
const dir = positional[0] ?? 'dist';
const out = positional[1] ?? 'sentinela.zip';
const requirementsPath = join(dir, 'requirements.json');

if (backstop.length > 0) {
  // Generated now, from the settings given: never a requirements.json left from another configuration.
  rmSync(requirementsPath, { force: true });
  const { generateRequirements } = await import('./requirements.mjs');
  const code = await generateRequirements([...backstop, '--out', requirementsPath]);
  if (code !== 0) {
    console.error('Not packaged: the server-side backstop could not be generated (see above).');
    process.exit(1);
  }
}
const errors = validateApp(dir);
if (errors.length > 0) {
  console.error(`Not packaged: ${errors.length} problem(s):\n${errors.map((e) => `  - ${e}`).join('\n')}`);
  process.exit(1);
}
const warnings = validatorWarnings(dir);
if (warnings.length > 0) console.warn(`${warnings.length} warning(s) Zendesk's validator would show (not refused):\n${warnings.map((w) => `  - ${w}`).join('\n')}`);
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
if (!existsSync(requirementsPath)) {
  console.log('No requirements.json: this package has no server-side O.S. backstop. To ship it, package with');
  console.log('  npm run package -- --settings <your settings file>   (or --from-account; README: "The server-side backstop")');
}
