// dist/zcli.apps.config.json for `zcli apps:server dist`: zcli prompts for every manifest parameter its
// config file lacks (zcli-apps getAppSettings: "paramsNotInConfig" are prompted, whatever their default),
// so the file names them all: the defaults, your earlier values, then a settings file's values.
//
//   node scripts/zcli-config.mjs [my-settings.json]     (npm run build writes it with the defaults)
//
// The settings file is either flat, {"cnpjFieldId": 360001, ...}, or zcli's own shape,
// {"parameters": {"cnpjFieldId": 360001, ...}}. An unknown key, a missing file or JSON that does not
// parse stops it with one sentence, and nothing is written.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '..');
export const CONFIG_FILE = 'zcli.apps.config.json';

/** A problem an admin can fix, said in one sentence (never a stack trace). */
export class SettingsFileError extends Error {}

function readJson(path, what) {
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new SettingsFileError(error?.code === 'ENOENT' ? `${what} ${path} does not exist.` : `${what} ${path} cannot be read (${error?.code ?? error?.message}).`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new SettingsFileError(`${what} ${path} is not valid JSON: ${error.message}.`);
  }
}

/** The closest parameter name, for a key that is not one (case or one typo away). */
function suggestion(key, names) {
  const lower = key.toLowerCase();
  const exact = names.find((name) => name.toLowerCase() === lower);
  if (exact) return exact;
  const distance = (a, b) => {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i += 1) {
      let diagonal = row[0];
      row[0] = i;
      for (let j = 1; j <= b.length; j += 1) {
        const above = row[j];
        row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
        diagonal = above;
      }
    }
    return row[b.length];
  };
  const best = names.map((name) => ({ name, d: distance(lower, name.toLowerCase()) })).sort((x, y) => x.d - y.d)[0];
  return best && best.d <= 3 ? best.name : null;
}

/** A value as zcli hands it to the app: scalars as they are, a list or object (catalog rules) as JSON text. */
const asSetting = (value) => (value !== null && typeof value === 'object' ? JSON.stringify(value) : value ?? '');

/**
 * The settings a file gives, in either shape, checked against the manifest's parameter names.
 * Throws SettingsFileError naming unknown keys (with the parameter they probably meant).
 */
export function settingsFromFile(content, names, label = 'The settings file') {
  if (content === null || typeof content !== 'object' || Array.isArray(content)) {
    throw new SettingsFileError(`${label} must hold a JSON object, like {"cnpjFieldId": 360001}.`);
  }
  const zcliShape = content.parameters !== null && typeof content.parameters === 'object' && !Array.isArray(content.parameters) && !names.includes('parameters');
  const given = zcliShape ? content.parameters : content;
  const extra = zcliShape ? Object.keys(content).filter((key) => key !== 'parameters' && key !== 'app_id') : [];
  const unknown = [...extra.map((key) => `${key} (outside "parameters")`), ...Object.keys(given).filter((key) => !names.includes(key))];
  if (unknown.length > 0) {
    const named = unknown.map((key) => {
      const guess = suggestion(key.replace(/ \(outside "parameters"\)$/, ''), names);
      return guess && !key.endsWith(')') ? `${key} (did you mean ${guess}?)` : key;
    });
    throw new SettingsFileError(`${label} has ${unknown.length === 1 ? 'a key that is not a parameter' : 'keys that are not parameters'} of manifest.json: ${named.join(', ')}.`);
  }
  return { parameters: Object.fromEntries(Object.entries(given).map(([name, value]) => [name, asSetting(value)])), appId: zcliShape ? content.app_id : undefined };
}

/**
 * Writes `<dist>/zcli.apps.config.json`: every manifest parameter, at its default, overridden by the
 * values the file already had (zcli's app_id kept too), then by the settings file's. Returns a summary.
 */
export function writeZcliConfig({ root = ROOT, dist = resolve(root, 'dist'), settingsFile = null } = {}) {
  const manifest = readJson(resolve(root, 'manifest.json'), 'The manifest');
  const names = manifest.parameters.map((parameter) => parameter.name);
  const target = resolve(dist, CONFIG_FILE);
  const previous = existsSync(target) ? readJson(target, 'The existing') : {};
  const kept = Object.fromEntries(Object.entries(previous?.parameters ?? {}).filter(([name]) => names.includes(name)));
  const dropped = Object.keys(previous?.parameters ?? {}).filter((name) => !names.includes(name));
  const fromFile = settingsFile ? settingsFromFile(readJson(resolve(settingsFile), 'The settings file'), names, settingsFile) : { parameters: {} };
  const defaults = Object.fromEntries(manifest.parameters.map((parameter) => [parameter.name, parameter.default ?? (parameter.type === 'checkbox' ? false : '')]));
  const config = { ...previous, parameters: { ...defaults, ...kept, ...fromFile.parameters } };
  if (fromFile.appId !== undefined) config.app_id = fromFile.appId;
  mkdirSync(dist, { recursive: true });
  writeFileSync(target, `${JSON.stringify(config, null, 2)}\n`);
  const empty = manifest.parameters.filter((parameter) => parameter.required && config.parameters[parameter.name] === '').map((parameter) => parameter.name);
  const changedKept = Object.keys(kept).filter((name) => kept[name] !== defaults[name] && !(name in fromFile.parameters));
  return { path: target, count: names.length, fromFile: Object.keys(fromFile.parameters).length, kept: changedKept.length, dropped, empty };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const settingsFile = process.argv[2] ?? null;
    const result = writeZcliConfig({ settingsFile });
    console.log(`${result.path}: ${result.count} parameters${settingsFile ? `, ${result.fromFile} from ${settingsFile}` : ''}${result.kept ? `, ${result.kept} of your earlier values kept` : ''}; zcli apps:server will not prompt.`);
    if (result.dropped.length) console.log(`  dropped (no longer parameters): ${result.dropped.join(', ')}`);
    if (result.empty.length) console.log(`  still empty, so their checks stay off: ${result.empty.join(', ')}`);
  } catch (error) {
    if (!(error instanceof SettingsFileError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
