/**
 * A user-visible text, by translation key: the domain says what, the UI says it in the agent's
 * language. A parameter may itself be a message (a status name, a field label, a setting's label as
 * Admin Center shows it): it is translated too; a list of messages is said as a comma-separated list.
 */
export type MessageParam = string | number | Message | readonly Message[];

export interface Message {
  key: string;
  params?: Record<string, MessageParam>;
}

export function msg(key: string, params?: Record<string, MessageParam>): Message {
  return params ? { key, params } : { key };
}

/** A setting named as Admin Center shows it: its translated label (app.parameters.<name>.label). */
export function parameterLabel(name: string): Message {
  return { key: `parameter.${name}` };
}
