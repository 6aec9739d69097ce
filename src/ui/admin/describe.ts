import type { SettingProposal } from '../../domain/setupProposal';

/**
 * A setting's value as the admin recognises it: the object's title and its ID or key
 * (`CNPJ (sessão) · 4100001`), a macro by its title; a value naming nothing in the account, as written.
 */
export function describeValue(setting: SettingProposal, value: string): string {
  if (value === '') return '';
  const known = [...setting.choices, ...setting.candidates, ...setting.rejected].find((entry) => entry.value === value || (setting.target.object !== 'organizationField' && setting.target.object !== 'macro' && /^\d+$/.test(value) && Number(entry.value) === Number(value)));
  if (!known) return value;
  return setting.target.object === 'macro' ? known.title : `${known.title} · ${known.value}`;
}
