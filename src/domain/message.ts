/** A user-visible text, by translation key: the domain says what, the UI says it in the agent's language. */
export interface Message {
  key: string;
  params?: Record<string, string | number>;
}

export function msg(key: string, params?: Record<string, string | number>): Message {
  return params ? { key, params } : { key };
}
