import { FIELD_ID_PARAMETERS, type Settings } from '../settings';
import type { TicketContext, TicketPart } from '../domain/ticket';
import type { ZafClient } from './client';
import { configuredIds, fieldPath, OPTION_SETTINGS, optionsPath, PART_PATHS, toTicketContext } from './ticketContext';

/**
 * What the save guard decides on, read fresh when Zendesk asks `ticket.save` (SPEC §5, issue 17): the
 * status being saved, form, type, organization with its fields, the draft and its type, the subject (its
 * warnings), the ticket id (a look-up's key) — and every configured field. Requester and description
 * are not read again.
 */
export const SAVE_PARTS: readonly TicketPart[] = ['id', 'status', 'subject', 'type', 'form', 'organization', 'draft', 'draftType'];

/** The save guard's one batched get; the dropdown definitions only when no earlier read has them. */
export function savePaths(settings: Settings, withOptions: boolean): string[] {
  return [
    ...SAVE_PARTS.map((part) => PART_PATHS[part]),
    ...configuredIds(settings, FIELD_ID_PARAMETERS).map(fieldPath),
    ...(withOptions ? configuredIds(settings, OPTION_SETTINGS).map(optionsPath) : []),
  ];
}

/**
 * The save guard's fresh read (one batched get, see SAVE_PARTS) over what the app already holds. A
 * get that fails as a whole makes every part it asked for unreadable.
 */
export async function readSaveContext(client: ZafClient, settings: Settings, base: TicketContext | null): Promise<TicketContext> {
  const paths = savePaths(settings, base === null);
  let answer: { values: Record<string, unknown>; errors: Record<string, string> };
  try {
    answer = await client.get(paths);
  } catch (error) {
    answer = unanswered(paths, error);
  }
  return toTicketContext(answer.values, answer.errors, settings, { parts: SAVE_PARTS, base });
}

/** What a get that never answered tells: every path it asked for is unreadable. */
export function unanswered(paths: readonly string[], reason: unknown): { values: Record<string, unknown>; errors: Record<string, string> } {
  const message = reason instanceof Error ? reason.message : String(reason);
  return { values: {}, errors: Object.fromEntries(paths.map((path) => [path, message])) };
}

/** The context when the save's get did not answer in time: the parts it asked for are unknown. */
export function unreadSaveContext(settings: Settings, base: TicketContext | null, reason: string): TicketContext {
  const { values, errors } = unanswered(savePaths(settings, base === null), reason);
  return toTicketContext(values, errors, settings, { parts: SAVE_PARTS, base });
}
