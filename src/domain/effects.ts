import type { Macro, MacroAction } from './macros';

/**
 * What applying something does to the ticket, part by part: the words a plan, its preview and its
 * question are made of. A target is a part of the ticket the agent can also edit.
 */
export type EffectTarget = 'subject' | 'status' | 'draft' | 'draftType' | 'form' | `field:${number}`;

/** Parts a macro can change that the app does not read: listed in the preview, never checked. */
export type OtherTarget = 'priority' | 'type' | 'tags' | 'assignee' | 'group' | 'followers' | 'other';

export interface Effect {
  target: EffectTarget;
  /** `append` adds text after the draft (the draft's own text stays); `set` replaces the value. */
  change: 'set' | 'append';
  /**
   * subject/status: the new text; draft: the text appended (plain or HTML); draftType: 'internalNote'
   * or 'publicReply'; form: the form id; field: the value (a dropdown's tag).
   */
  value: string | number;
  by: 'macro' | 'app';
}

export interface MacroEffects {
  effects: Effect[];
  /** Actions on parts the app does not read (tags, priority…), by kind, in order, once each. */
  others: OtherTarget[];
  /** The macro's actions could not be read: what it does is not known. */
  unknown: boolean;
}

export const fieldTarget = (fieldId: number): EffectTarget => `field:${fieldId}`;

export function fieldIdOf(target: EffectTarget): number | null {
  return target.startsWith('field:') ? Number(target.slice('field:'.length)) : null;
}

/** A `comment_value` is a string, or `["channel:all", "text"]` in older macros: the text is the last string. */
function commentText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return String([...value].reverse().find((item) => typeof item === 'string') ?? '');
  return value === null || value === undefined ? '' : String(value);
}

const OTHER_FIELDS: Record<string, OtherTarget> = {
  priority: 'priority',
  type: 'type',
  set_tags: 'tags',
  current_tags: 'tags',
  remove_tags: 'tags',
  assignee_id: 'assignee',
  group_id: 'group',
  follower: 'followers',
  cc: 'followers',
};

/**
 * What applying a macro does, from its `actions` (Zendesk's Actions reference for macros:
 * https://developer.zendesk.com/documentation/ticketing/reference-guides/actions-reference/ and
 * https://developer.zendesk.com/api-reference/ticketing/business-rules/macros/):
 * `subject` sets the title; `comment_value` / `comment_value_html` add the macro's comment to the
 * comment being composed — Zendesk appends it after what the composer already holds, it does not
 * replace it; `comment_mode_is_public` false makes the comment an internal note; `status`,
 * `ticket_form_id` and `custom_fields_<id>` set those values. Anything else is listed as "other".
 */
export function macroEffects(macro: { actions?: Macro['actions'] }): MacroEffects {
  if (!macro.actions) return { effects: [], others: [], unknown: true };
  const effects: Effect[] = [];
  const others: OtherTarget[] = [];
  for (const action of macro.actions as MacroAction[]) {
    const { field, value } = action;
    const custom = /^custom_fields_(\d+)$/.exec(field);
    if (field === 'subject') effects.push({ target: 'subject', change: 'set', value: String(value ?? ''), by: 'macro' });
    else if (field === 'status') effects.push({ target: 'status', change: 'set', value: String(value ?? ''), by: 'macro' });
    else if (field === 'comment_value' || field === 'comment_value_html') {
      const text = commentText(value);
      if (text.trim() !== '') effects.push({ target: 'draft', change: 'append', value: text, by: 'macro' });
    } else if (field === 'comment_mode_is_public') {
      const isPublic = !(value === false || value === 'false');
      effects.push({ target: 'draftType', change: 'set', value: isPublic ? 'publicReply' : 'internalNote', by: 'macro' });
    } else if (field === 'ticket_form_id') effects.push({ target: 'form', change: 'set', value: Number(value), by: 'macro' });
    else if (custom) effects.push({ target: fieldTarget(Number(custom[1])), change: 'set', value: String(value ?? ''), by: 'macro' });
    else {
      const other = OTHER_FIELDS[field] ?? 'other';
      if (!others.includes(other)) others.push(other);
    }
  }
  return { effects, others, unknown: false };
}
