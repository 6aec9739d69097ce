import { PARAMETERS, type ParameterName } from '../settings';
import type { SetupProposal } from './setupProposal';

/** A setting's value as an installation stores it (`settings` of GET /api/v2/apps/installations/{id}). */
export type StoredValue = string | number | boolean | null;
export type StoredSettings = Record<ParameterName, StoredValue>;

/** The admin's picks, by setting: a value among the proposal's choices, or '' to leave it empty. */
export type SetupChoices = Partial<Record<ParameterName, string>>;

const asText = (value: unknown): string => (value === null || value === undefined ? '' : String(value).trim());

/** The value each mapped setting ends with: the admin's pick, else the proposal's value. */
export function chosenValues(proposal: SetupProposal, choices: SetupChoices): Partial<Record<ParameterName, string>> {
  return Object.fromEntries(proposal.settings.map((setting) => [setting.target.parameter, choices[setting.target.parameter] ?? setting.value]));
}

/** Settings still in conflict: no pick made, and the stored value is not one of the candidates. */
export function unresolvedConflicts(proposal: SetupProposal, choices: SetupChoices): ParameterName[] {
  return proposal.settings.filter((setting) => setting.status === 'conflict' && choices[setting.target.parameter] === undefined).map((setting) => setting.target.parameter);
}

function storedValueOf(value: unknown): StoredValue {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
}

/**
 * The complete settings set to send with PUT /api/v2/apps/installations/{id}: every manifest
 * parameter, in manifest order. A parameter the mapping changes gets its new value (text, as Zendesk
 * stores text parameters); every other keeps its stored value exactly (a parameter the installation
 * never stored gets its manifest default). Keys that are not parameters of this app are left out.
 *
 * Complete because whether Zendesk merges a partial `settings` with the stored ones or replaces them
 * is not documented (docs/zendesk-facts/rest-and-triggers.md §8): a complete set is right either way.
 */
export function settingsToWrite(stored: Record<string, unknown>, values: Partial<Record<ParameterName, string>>): StoredSettings {
  const result = {} as StoredSettings;
  for (const parameter of PARAMETERS) {
    const name = parameter.name;
    const own = Object.prototype.hasOwnProperty.call(stored, name) ? storedValueOf(stored[name]) : parameter.default;
    const wanted = values[name];
    result[name] = wanted !== undefined && wanted !== asText(own) ? wanted : own;
  }
  return result;
}

export interface SettingChange {
  parameter: ParameterName;
  before: string;
  after: string;
}

/** The settings whose value changes, as text, in manifest order (what the admin confirms). */
export function settingsDiff(before: Record<string, unknown>, after: Record<string, unknown>): SettingChange[] {
  return PARAMETERS.flatMap((parameter) => {
    const [was, will] = [asText(before[parameter.name] ?? parameter.default), asText(after[parameter.name] ?? parameter.default)];
    return was === will ? [] : [{ parameter: parameter.name, before: was, after: will }];
  });
}
