import { Field, Select } from '@zendeskgarden/react-forms';
import { Tag } from '@zendeskgarden/react-tags';
import type { ParameterName } from '../../settings';
import type { SettingProposal, SetupProposal } from '../../domain/setupProposal';
import type { SetupChoices } from '../../domain/setupSettings';
import type { TargetObject } from '../../domain/setupTargets';
import type { AdminTexts } from './adminTexts';
import { describeValue } from './describe';

const GROUPS: TargetObject[] = ['ticketField', 'ticketForm', 'organizationField', 'macro'];
const TAG_HUE = { kept: 'grey', proposed: 'green', conflict: 'red', missing: 'yellow', unknown: 'yellow' } as const;
/** Select values that are not account objects. */
const PROPOSAL = '\u0000proposal';
const EMPTY = '\u0000empty';

/** Why the stored value is not kept, and what the candidates and rejected objects say. */
function Notes({ setting, texts }: { setting: SettingProposal; texts: AdminTexts }) {
  const { t } = texts;
  const lines: string[] = [];
  if (setting.currentState === 'absent' || setting.currentState === 'wrongType' || setting.currentState === 'inactive' || setting.currentState === 'ambiguous') {
    lines.push(t(`setup.currentState.${setting.currentState}`, { value: setting.current }));
  }
  if (setting.status === 'conflict') lines.push(t('setup.conflict', { count: setting.candidates.filter((c) => c.match !== 'similar' && c.match === setting.candidates[0].match && c.rank === setting.candidates[0].rank).length }));
  if (setting.status === 'missing') lines.push(t(setting.target.optional ? 'setup.missingOptional' : setting.candidates.length > 0 ? 'setup.similar' : 'setup.missing'));
  for (const rejected of setting.rejected) lines.push(t(`setup.rejected.${rejected.reason}`, { title: rejected.title, type: rejected.type ?? '' }));
  const chosen = setting.candidates.find((candidate) => candidate.value === setting.value);
  for (const note of chosen?.notes ?? []) lines.push(t(`setup.note.${note}`));
  if (lines.length === 0) return null;
  return (
    <ul className="setup-notes">
      {lines.map((line, index) => (
        <li key={index}>{line}</li>
      ))}
    </ul>
  );
}

function SettingRow({ setting, choice, texts, onChoose }: { setting: SettingProposal; choice: string | undefined; texts: AdminTexts; onChoose: (parameter: ParameterName, value: string | undefined) => void }) {
  const { t, label } = texts;
  const parameter = setting.target.parameter;
  const value = choice ?? setting.value;
  const shown = describeValue(setting, value);
  const selected = choice === undefined ? PROPOSAL : choice === '' ? EMPTY : choice;
  return (
    <li className="setup-setting" data-setting={parameter} data-status={setting.status}>
      <div className="setup-head">
        <span className="setup-label">{label(parameter)}</span>
        <Tag size="small" hue={TAG_HUE[setting.status]}>
          {t(`setup.status.${setting.status}`)}
        </Tag>
      </div>
      <div className="value" data-testid="setup-value">
        {shown === '' ? <span className="quiet">{t('setup.empty')}</span> : shown}
      </div>
      <Notes setting={setting} texts={texts} />
      {setting.status !== 'unknown' && setting.choices.length > 0 ? (
        <Field>
          <Field.Label hidden>{t('setup.choose', { label: label(parameter) })}</Field.Label>
          <Select isCompact value={selected} onChange={(event) => onChoose(parameter, event.target.value === PROPOSAL ? undefined : event.target.value === EMPTY ? '' : event.target.value)}>
            <option value={PROPOSAL}>{t('setup.choice.proposal', { value: describeValue(setting, setting.value) || t('setup.empty') })}</option>
            {setting.choices.map((option) => (
              <option key={option.value} value={option.value}>
                {setting.target.object === 'macro' ? option.title : `${option.title} · ${option.value}`}
              </option>
            ))}
            <option value={EMPTY}>{t('setup.empty')}</option>
          </Select>
        </Field>
      ) : null}
    </li>
  );
}

/** Every mapped setting, grouped by the kind of object it names, with its status and the admin's choice. */
export function MappingList({ proposal, choices, duplicates, texts, onChoose }: { proposal: SetupProposal; choices: SetupChoices; duplicates: SetupProposal['duplicates']; texts: AdminTexts; onChoose: (parameter: ParameterName, value: string | undefined) => void }) {
  const { t, label } = texts;
  return (
    <div className="setup-mapping" data-testid="setup-mapping">
      {GROUPS.map((group) => (
        <section key={group} aria-label={t(`setup.group.${group}`)}>
          <h3 className="setup-group">{t(`setup.group.${group}`)}</h3>
          <ul className="setup-settings">
            {proposal.settings
              .filter((setting) => setting.target.object === group)
              .map((setting) => (
                <SettingRow key={setting.target.parameter} setting={setting} choice={choices[setting.target.parameter]} texts={texts} onChoose={onChoose} />
              ))}
          </ul>
        </section>
      ))}
      {duplicates.map((duplicate) => (
        <p key={duplicate.value} className="warn-line" role="status" data-testid="setup-duplicate">
          {t('setup.duplicate', { value: duplicate.value, labels: duplicate.parameters.map(label).join(', ') })}
        </p>
      ))}
    </div>
  );
}
