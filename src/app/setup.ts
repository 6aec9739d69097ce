import type { ParameterName } from '../settings';
import { parseSettings } from '../settings';
import type { ZafClient } from '../zendesk/client';
import { DEFAULT_POLICY, type RestPolicy } from '../zendesk/restApi';
import { accountObjects, readAccount, type AccountRead } from '../zendesk/setupApi';
import { readInstallationSettings, writeInstallationSettings, type WriteFailure } from '../zendesk/installationApi';
import { proposeMapping, type SetupProposal } from '../domain/setupProposal';
import { chosenValues, settingsDiff, settingsToWrite, unresolvedConflicts, type SettingChange, type SetupChoices, type StoredSettings } from '../domain/setupSettings';
import { catalogRuleProblems, type CatalogRuleProblem } from '../domain/setupCatalog';
import { duplicatesOf } from '../domain/setupProposal';
import { ADMIN_ROLE } from '../domain/configuration';

/**
 * The setup assistant without React: reads the account (ticket fields, forms, organization fields,
 * active macros) and the installation's stored settings, proposes a mapping, takes the admin's picks,
 * and on confirmation writes the complete settings set with PUT /api/v2/apps/installations/{id}; the
 * sidebar then runs on the new settings. Admins only: the role is read afresh before the account is
 * read and again before the write, so no agent gets here by any path (not only the UI's).
 */

/**
 * A fresh read of the role, right before the assistant reads the account or writes the settings: the
 * code path itself refuses a non-admin, whatever the UI shows. Never rejects; false when unreadable.
 */
export async function confirmAdmin(client: ZafClient): Promise<boolean> {
  try {
    const { values, errors } = await client.get(['currentUser.role']);
    return !('currentUser.role' in errors) && values['currentUser.role'] === ADMIN_ROLE;
  } catch {
    return false;
  }
}

export type WriteResult =
  /** Written; `answerLost`: Zendesk's answer did not arrive, reading the installation back showed the new settings. */
  | { state: 'written'; changes: SettingChange[]; answerLost: boolean }
  /** Not written. `unchanged`: true when Zendesk refused it (or a read-back shows the old settings), null when that could not be told. */
  | { state: 'failed'; reason: WriteFailure; status: number; retryAfterSeconds: number | null; detail: string | null; unchanged: true | null }
  | { state: 'nothingToWrite' }
  /** Refused by the app before any request: not an admin, or no installation to write to (zcli apps:server). */
  | { state: 'refused'; reason: 'notAdmin' | 'noInstallation' };

export interface SetupState {
  phase: 'checking' | 'refused' | 'reading' | 'ready' | 'writing';
  installationId: number | null;
  read: AccountRead | null;
  /** The stored settings the proposal and the diff start from. */
  stored: Record<string, unknown>;
  /** `installation`: read now from Zendesk; `startup`: the installation's settings as ZAF gave them when the sidebar started (the read failed). */
  storedFrom: 'installation' | 'startup';
  proposal: SetupProposal | null;
  choices: SetupChoices;
  result: WriteResult | null;
}

export type CatalogCheck =
  | { state: 'noField' }
  | { state: 'unknown' }
  | { state: 'checked'; fieldTitle: string; rules: number; problems: CatalogRuleProblem[]; badLines: number[] };

/** What confirming would do now, derived from the state. */
export interface SetupPlan {
  /** The complete settings set the PUT would send. */
  settings: StoredSettings;
  changes: SettingChange[];
  unresolved: ParameterName[];
  duplicates: SetupProposal['duplicates'];
  catalog: CatalogCheck;
}

export interface SetupDependencies {
  client: ZafClient;
  policy?: RestPolicy;
  /** metadata().installationId: null outside an installation (zcli apps:server). */
  installationId: number | null;
  /** metadata().settings, used when the installation cannot be read now. */
  startupSettings: Record<string, unknown>;
  /** Puts new settings to work in this sidebar (sentinela.applySettings). */
  applySettings(raw: Record<string, unknown>): Promise<void>;
}

/** Reasons after which a write may or may not have happened: the installation is read back to tell. */
const UNCERTAIN: readonly WriteFailure[] = ['timeout', 'network', 'server', 'malformed'];

const asText = (value: unknown) => (value === null || value === undefined ? '' : String(value).trim());
const sameSettings = (stored: Record<string, unknown>, sent: Record<string, unknown>) => Object.entries(sent).every(([name, value]) => asText(stored[name]) === asText(value));

function catalogCheck(state: SetupState, settings: StoredSettings): CatalogCheck {
  const id = asText(settings.catalogFieldId);
  if (id === '') return { state: 'noField' };
  const fields = state.read?.ticketFields;
  const field = fields?.ok ? fields.items.find((candidate) => String(candidate.id) === String(Number(id))) : undefined;
  if (!field) return { state: 'unknown' };
  const parsed = parseSettings(settings);
  const badLines = parsed.issues.filter((issue) => issue.parameter === 'catalogRules').map((issue) => issue.line ?? 0);
  const options = field.options.map((option) => ({ label: option.name, value: option.value }));
  return { state: 'checked', fieldTitle: field.title, rules: parsed.settings.catalogRules.length, problems: catalogRuleProblems(parsed.settings.catalogRules, options), badLines };
}

export function createSetup(deps: SetupDependencies) {
  const policy = deps.policy ?? DEFAULT_POLICY;
  let state: SetupState = { phase: 'checking', installationId: deps.installationId, read: null, stored: deps.startupSettings, storedFrom: 'startup', proposal: null, choices: {}, result: null };
  const listeners = new Set<() => void>();
  const update = (patch: Partial<SetupState>) => {
    state = { ...state, ...patch };
    for (const listener of listeners) listener();
  };

  /** What confirming would send and change now (empty before the proposal exists); computed once per state. */
  let planned: { from: SetupState; plan: SetupPlan } | null = null;
  function plan(): SetupPlan {
    if (planned?.from !== state) planned = { from: state, plan: computePlan() };
    return planned.plan;
  }

  function computePlan(): SetupPlan {
    const values = state.proposal ? chosenValues(state.proposal, state.choices) : {};
    const settings = settingsToWrite(state.stored, values);
    const proposal = state.proposal;
    return {
      settings,
      changes: proposal ? settingsDiff(state.stored, settings) : [],
      unresolved: proposal ? unresolvedConflicts(proposal, state.choices) : [],
      duplicates: proposal ? duplicatesOf(proposal.settings.map((setting) => ({ target: setting.target, value: values[setting.target.parameter] ?? setting.value }))) : [],
      catalog: proposal ? catalogCheck(state, settings) : { state: 'unknown' },
    };
  }

  /** Reads the account and the stored settings, and proposes. Refuses (no request) unless the user is an admin. */
  async function start() {
    update({ phase: 'checking', result: null });
    if (!(await confirmAdmin(deps.client))) {
      update({ phase: 'refused', result: { state: 'refused', reason: 'notAdmin' } });
      return;
    }
    update({ phase: 'reading' });
    const installationId = deps.installationId;
    const [read, stored] = await Promise.all([
      readAccount(deps.client, policy),
      installationId === null ? Promise.resolve(null) : readInstallationSettings(deps.client, installationId, policy).catch(() => null),
    ]);
    const before = stored ?? deps.startupSettings;
    update({ phase: 'ready', read, stored: before, storedFrom: stored ? 'installation' : 'startup', proposal: proposeMapping(before, accountObjects(read)), choices: {} });
  }

  /** The admin's pick for one setting ('' leaves it empty); undefined goes back to the proposal. */
  function choose(parameter: ParameterName, value: string | undefined) {
    const choices = { ...state.choices };
    if (value === undefined) delete choices[parameter];
    else choices[parameter] = value;
    update({ choices, result: null });
  }

  /**
   * Writes the complete settings set, once the diff was shown. Refuses without a request when the user
   * is not an admin (read afresh) or there is no installation; a failure says why and changes nothing
   * in the sidebar; success puts the new settings to work here.
   */
  async function confirm(): Promise<WriteResult> {
    if (state.phase !== 'ready' || !state.proposal) return state.result ?? { state: 'refused', reason: 'notAdmin' };
    const finish = (result: WriteResult, patch: Partial<SetupState> = {}) => (update({ phase: 'ready', result, ...patch }), result);
    update({ phase: 'writing', result: null });
    if (!(await confirmAdmin(deps.client))) return finish({ state: 'refused', reason: 'notAdmin' }, { phase: 'refused' });
    if (deps.installationId === null) return finish({ state: 'refused', reason: 'noInstallation' });
    const { settings, changes } = plan();
    if (changes.length === 0) return finish({ state: 'nothingToWrite' });

    const outcome = await writeInstallationSettings(deps.client, deps.installationId, settings, policy);
    if (outcome.ok) {
      const stored = outcome.settings ?? settings;
      await deps.applySettings(stored);
      return finish({ state: 'written', changes, answerLost: false }, { stored, storedFrom: 'installation', proposal: proposeMapping(stored, accountObjects(state.read!)), choices: {} });
    }
    const failed = { state: 'failed' as const, reason: outcome.reason, status: outcome.status, retryAfterSeconds: outcome.retryAfterSeconds, detail: outcome.detail };
    if (!UNCERTAIN.includes(outcome.reason)) return finish({ ...failed, unchanged: true });
    // The answer was lost or broken: what Zendesk stores now tells whether the write happened.
    const now = await readInstallationSettings(deps.client, deps.installationId, policy).catch(() => null);
    if (now && sameSettings(now, settings)) {
      await deps.applySettings(now);
      return finish({ state: 'written', changes, answerLost: true }, { stored: now, storedFrom: 'installation', proposal: proposeMapping(now, accountObjects(state.read!)), choices: {} });
    }
    return finish({ ...failed, unchanged: now ? true : null });
  }

  return {
    start,
    choose,
    confirm,
    plan,
    getState: () => state,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

export type Setup = ReturnType<typeof createSetup>;
