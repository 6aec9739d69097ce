// Checks an app folder (manifest.json, translations/, assets/) against the rules of Zendesk's app
// validator (zendesk_apps_support, what `zcli apps:validate` runs server-side) for a v2 iframe app.
// Usage: node scripts/validate-app.mjs [dir]   (default: dist). Exit 1 on any error.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

const PARAMETER_TYPES = ['text', 'checkbox', 'url', 'number', 'multiline', 'hidden', 'oauth'];
const LOCATIONS = { support: ['ticket_sidebar', 'new_ticket_sidebar', 'user_sidebar', 'organization_sidebar', 'top_bar', 'nav_bar', 'background', 'modal', 'ticket_editor'] };
const ALLOWED_FILES = ['.html', '.js', '.css', '.json', '.png', '.jpg', '.jpeg', '.gif', '.svg', '.ico', '.woff', '.woff2', '.ttf', '.txt', '.md'];
const LOCALE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,4})?$/;

/** JSON.parse keeps the last of two equal keys; the validator refuses them. Returns the duplicated keys. */
export function duplicateKeys(text) {
  const found = [];
  const stack = [];
  let index = 0;
  const skipString = () => {
    let end = index + 1;
    while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
    const value = JSON.parse(text.slice(index, end + 1));
    index = end + 1;
    return value;
  };
  while (index < text.length) {
    const char = text[index];
    if (char === '{') stack.push({ keys: new Set(), expectKey: true }), (index += 1);
    else if (char === '[') stack.push(null), (index += 1);
    else if (char === '}' || char === ']') stack.pop(), (index += 1);
    else if (char === ',') {
      const top = stack.at(-1);
      if (top) top.expectKey = true;
      index += 1;
    } else if (char === '"') {
      const top = stack.at(-1);
      const value = skipString();
      if (top && top.expectKey) {
        if (top.keys.has(value)) found.push(value);
        top.keys.add(value);
        top.expectKey = false;
      }
    } else index += 1;
  }
  return found;
}

function readJson(path, errors, label) {
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    errors.push(`${label}: missing`);
    return null;
  }
  try {
    const value = JSON.parse(text);
    for (const key of duplicateKeys(text)) errors.push(`${label}: duplicate key "${key}"`);
    return value;
  } catch (error) {
    errors.push(`${label}: not valid JSON (${error.message})`);
    return null;
  }
}

function files(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

function pngSize(path) {
  const data = readFileSync(path);
  return data.length > 24 && data.toString('ascii', 1, 4) === 'PNG' ? { width: data.readUInt32BE(16), height: data.readUInt32BE(20) } : null;
}

/** Every rule broken by the app in `dir`, as a list of messages naming the file and the part. */
export function validateApp(dir) {
  const errors = [];
  const manifest = readJson(join(dir, 'manifest.json'), errors, 'manifest.json');
  if (!manifest) return errors;
  const author = manifest.author ?? {};
  if (!author.name) errors.push('manifest.json: author.name is required');
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(author.email ?? '')) errors.push('manifest.json: author.email must be an e-mail address');
  if (author.url !== undefined && !/^https?:\/\/[^\s/]+\.[^\s]+$/.test(author.url)) errors.push('manifest.json: author.url must be a full URL');
  if (manifest.frameworkVersion !== '2.0') errors.push('manifest.json: frameworkVersion must be "2.0"');
  if (!manifest.defaultLocale || !LOCALE.test(manifest.defaultLocale)) errors.push('manifest.json: defaultLocale is missing or not a locale');
  const location = manifest.location ?? {};
  if (Object.keys(location).length === 0) errors.push('manifest.json: location must name at least one location');
  for (const [product, places] of Object.entries(location)) {
    if (!LOCATIONS[product]) {
      errors.push(`manifest.json: location.${product} is not a known product`);
      continue;
    }
    for (const [place, spec] of Object.entries(places ?? {})) {
      if (!LOCATIONS[product].includes(place)) errors.push(`manifest.json: location.${product}.${place} is not a known location`);
      const url = typeof spec === 'string' ? spec : spec?.url;
      if (typeof url !== 'string' || !(url.startsWith('https://') || (url.startsWith('assets/') && existsSync(join(dir, url))))) {
        errors.push(`manifest.json: location.${product}.${place}.url must be https:// or an existing file under assets/ (${url})`);
      }
      if (spec && typeof spec === 'object' && 'flexible' in spec && typeof spec.flexible !== 'boolean') errors.push(`manifest.json: location.${product}.${place}.flexible must be a boolean`);
    }
  }
  const parameters = Array.isArray(manifest.parameters) ? manifest.parameters : [];
  const names = new Set();
  for (const [index, parameter] of parameters.entries()) {
    const where = `manifest.json: parameters[${index}] (${parameter?.name})`;
    if (!parameter?.name) errors.push(`${where}: name is required`);
    if (parameter?.name === 'name') errors.push(`${where}: a parameter cannot be called "name"`);
    if (names.has(parameter?.name)) errors.push(`${where}: duplicate parameter name`);
    names.add(parameter?.name);
    if (!PARAMETER_TYPES.includes(parameter?.type ?? 'text')) errors.push(`${where}: type must be one of ${PARAMETER_TYPES.join(', ')}`);
    if (parameter?.type === 'hidden' && parameter.required) errors.push(`${where}: a hidden parameter cannot be required`);
    if (parameter?.scopes && !parameter.secure) errors.push(`${where}: scopes are only allowed on secure parameters`);
  }
  const translationDir = join(dir, 'translations');
  const translationFiles = existsSync(translationDir) ? readdirSync(translationDir) : [];
  for (const file of translationFiles) {
    if (!file.endsWith('.json') || !LOCALE.test(file.slice(0, -5))) errors.push(`translations/${file}: not named after a locale`);
  }
  const fallback = readJson(join(translationDir, `${manifest.defaultLocale}.json`), errors, `translations/${manifest.defaultLocale}.json`);
  for (const file of translationFiles.filter((name) => name !== `${manifest.defaultLocale}.json`)) readJson(join(translationDir, file), errors, `translations/${file}`);
  if (fallback) {
    const app = fallback.app ?? {};
    if (!app.name) errors.push(`translations/${manifest.defaultLocale}.json: app.name is required`);
    for (const parameter of parameters) {
      if (!app.parameters?.[parameter.name]?.label) errors.push(`translations/${manifest.defaultLocale}.json: app.parameters.${parameter.name}.label is required`);
    }
    if (!manifest.private) {
      for (const key of ['short_description', 'long_description', 'installation_instructions']) if (!app[key]) errors.push(`translations/${manifest.defaultLocale}.json: app.${key} is required for a public app`);
    }
  }
  for (const path of files(dir)) {
    const name = relative(dir, path);
    if (name === 'zcli.apps.config.json') continue; // zcli apps:server's settings; never packaged
    if (!ALLOWED_FILES.includes(extname(path).toLowerCase())) errors.push(`${name}: file type not allowed in an app package`);
    if (name === join('assets', 'banner.png')) {
      const size = pngSize(path);
      if (!size || size.width !== 830 || size.height !== 200) errors.push(`${name}: must be an 830×200 PNG`);
    }
    if (/(^|\/)(node_modules|src|tests)\//.test(name)) errors.push(`${name}: sources and dependencies do not belong in the package`);
  }
  return errors;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.argv[2] ?? 'dist';
  const errors = validateApp(dir);
  if (errors.length > 0) {
    console.error(`${dir}: ${errors.length} problem(s) Zendesk's validator would refuse:\n${errors.map((e) => `  - ${e}`).join('\n')}`);
    process.exit(1);
  }
  console.log(`${dir}: manifest, translations and assets pass the validator's rules.`);
}
