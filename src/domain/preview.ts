import type { Settings } from '../settings';
import { FIELD_ID_PARAMETERS } from '../settings';
import type { TicketContext } from './ticket';
import type { EffectTarget } from './effects';
import { fieldIdOf } from './effects';
import type { Plan } from './procedures';
import { planEffects } from './procedures';
import { optionForValue } from './catalog';
import { msg, type Message } from './message';

/** Zendesk's own status names, per locale (translation keys status.<value>); a custom value as it is. */
export const STATUSES = ['new', 'open', 'pending', 'hold', 'solved', 'closed'] as const;
export function statusName(value: string): Message | string {
  return (STATUSES as readonly string[]).includes(value) ? msg(`status.${value}`) : value;
}

/** A field's name: the setting that configures it names it (field.marcaFieldId = "Marca"), else its ID. */
export function fieldLabel(fieldId: number, settings: Settings): Message {
  const parameter = FIELD_ID_PARAMETERS.find((name) => settings[name] === fieldId);
  return parameter ? msg(`field.${parameter}`) : msg('field.other', { id: fieldId });
}

/** A dropdown value as agents read it: its option's last level (`…::Posicionamento de ticket`), else the value. */
export function fieldValueLabel(context: TicketContext, fieldId: number, value: unknown): string {
  const label = optionForValue(context.fieldOptions[fieldId], value)?.label;
  return label ? (label.split('::').pop() ?? label).trim() : String(value ?? '');
}

/** How a target is named in a question or a preview. */
export function targetLabel(target: EffectTarget, settings: Settings): Message {
  const fieldId = fieldIdOf(target);
  return fieldId === null ? msg(`target.${target}`) : fieldLabel(fieldId, settings);
}

/** How a value of a target reads: a status by Zendesk's name, a dropdown by its option, text as it is. */
export function valueLabel(target: EffectTarget, value: unknown, context: TicketContext): Message | string {
  if (target === 'status') return statusName(String(value));
  if (target === 'form') return msg('preview.formValue', { id: String(value) });
  const fieldId = fieldIdOf(target);
  return fieldId === null ? String(value ?? '') : fieldValueLabel(context, fieldId, value);
}

/**
 * The one-line preview shown before Apply: macro · title · status · fields · comment, from the plan
 * (the macro's own actions included). A plan that cannot apply previews its problem.
 */
export function previewOf(plan: Plan, context: TicketContext, settings: Settings): Message[] {
  if (!plan.ok) return plan.problems;
  const parts: Message[] = [];
  if (plan.macro) parts.push(msg('preview.macro', { title: plan.macro.title.split('::').pop()?.trim() ?? plan.macro.title }));
  if (plan.macro?.unknown) parts.push(msg('preview.macroUnknown'));
  const effects = planEffects(plan);
  // Each target once, as it ends.
  const last = new Map<EffectTarget, (typeof effects)[number]>();
  for (const effect of effects) if (effect.change === 'set') last.set(effect.target, effect);
  for (const [target, effect] of last) {
    if (target === 'subject') parts.push(effect.value === '' ? msg('preview.subjectFromQuestion') : msg('preview.subject', { title: String(effect.value) }));
    else if (target === 'status') parts.push(msg('preview.status', { status: statusName(String(effect.value)) }));
    else if (target === 'draftType') parts.push(msg(effect.value === 'internalNote' ? 'preview.internal' : 'preview.public'));
    else if (target === 'form') parts.push(settings.formulario0800FormId === effect.value ? msg('preview.form0800') : msg('preview.form', { id: String(effect.value) }));
    else parts.push(msg('preview.field', { field: targetLabel(target, settings), value: valueLabel(target, effect.value, context) }));
  }
  for (const effect of effects) {
    if (effect.target !== 'draft') continue;
    if (effect.by === 'macro') parts.push(msg('preview.macroComment'));
    else parts.push(msg(plan.id === 'transferN2' ? 'preview.n2Block' : 'preview.osNote'));
  }
  for (const other of plan.macro?.others ?? []) parts.push(msg(`preview.other.${other}`));
  if (parts.length === 0) parts.push(msg('preview.nothing'));
  return parts;
}
