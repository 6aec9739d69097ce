import type { RestClient } from './zendeskRest';
import { CaptureError } from './zendeskRest';
import { FIELD_ID_PARAMETERS, parseSettings, type Settings } from '../../src/settings';
import { readCnpj } from '../../src/domain/cnpj';
import { normalize } from '../../src/domain/text';

type Json = Record<string, unknown>;

/** The installation's settings: from a file QA gives, or from the app's installation on the account. */
export async function installationSettings(rest: RestClient): Promise<Record<string, unknown>> {
  const body = await rest.get('/api/v2/apps/installations.json', 'app installations');
  const installations = (Array.isArray(body.installations) ? body.installations : []) as Json[];
  const ours = installations.find((installation) => {
    const settings = installation.settings as Json | undefined;
    return settings && ('cnpjFieldId' in settings || 'formulario0800FormId' in settings);
  });
  if (!ours) throw new CaptureError('app installations: no installation of Sentinela on this account; pass --settings <file>.');
  const { name: _name, ...settings } = ours.settings as Json;
  return settings;
}

/**
 * Everything a scenario holds for one ticket (SPEC §6), as Zendesk returns it: the ticket, its comments,
 * requester and CCs, the organization (or the ones its session CNPJ names), their users and recent
 * tickets, the configured ticket fields, the forms, and the macros the settings name.
 */
export async function captureTicket(rest: RestClient, ticketId: number, rawSettings: Record<string, unknown>, progress: (line: string) => void = () => undefined) {
  const { settings } = parseSettings(rawSettings);
  progress(`ticket ${ticketId}`);
  const ticket = (await rest.get(`/api/v2/tickets/${ticketId}.json`, `ticket ${ticketId}`)).ticket as Json;
  progress('comments');
  const comments = await rest.pages(`/api/v2/tickets/${ticketId}/comments.json`, 'comments', 'comments');

  const organizationIds = new Set<number>();
  if (typeof ticket.organization_id === 'number') organizationIds.add(ticket.organization_id);
  else {
    const session = sessionCnpj(ticket, settings);
    if (session && settings.orgCnpjField) {
      progress(`organizations with CNPJ ${session.formatted}`);
      for (const term of [`"${session.formatted}"`, session.value]) {
        const found = await rest.pages(`/api/v2/search.json?query=${encodeURIComponent(`type:organization ${settings.orgCnpjField}:${term}`)}`, 'results', 'organization search');
        for (const organization of found) if (typeof organization.id === 'number') organizationIds.add(organization.id);
        if (organizationIds.size > 0) break;
      }
    }
  }
  const organizations: Json[] = [];
  const users = new Map<number, Json>();
  const tickets: Json[] = [];
  for (const id of organizationIds) {
    progress(`organization ${id}, its users and recent tickets`);
    organizations.push((await rest.get(`/api/v2/organizations/${id}.json`, `organization ${id}`)).organization as Json);
    for (const user of await rest.pages(`/api/v2/organizations/${id}/users.json`, 'users', `users of organization ${id}`)) users.set(user.id as number, user);
    tickets.push(...(await rest.pages(`/api/v2/organizations/${id}/tickets.json?sort=-updated_at`, 'tickets', `tickets of organization ${id}`)));
  }
  const people = [ticket.requester_id, ...((ticket.collaborator_ids as number[] | undefined) ?? []), ...comments.map((comment) => comment.author_id)].filter((id): id is number => typeof id === 'number' && !users.has(id));
  if (people.length > 0) {
    progress('requester, CCs and comment authors');
    for (const user of await rest.pages(`/api/v2/users/show_many.json?ids=${[...new Set(people)].join(',')}`, 'users', 'requester and CCs')) users.set(user.id as number, user);
  }
  progress('ticket fields and forms');
  const fieldIds = [...new Set(FIELD_ID_PARAMETERS.map((name) => settings[name]).filter((id): id is number => id !== null))];
  const ticketFields: Json[] = [];
  for (const id of fieldIds) ticketFields.push((await rest.get(`/api/v2/ticket_fields/${id}.json`, `ticket field ${id}`)).ticket_field as Json);
  const ticketForms = await rest.pages('/api/v2/ticket_forms.json', 'ticket_forms', 'ticket forms');
  progress('macros named by the settings');
  const titles = [settings.macroCloseWhatsapp, settings.macroTransferN2, settings.macroRegistrationPending].filter((title): title is string => Boolean(title)).map(normalize);
  const macros = (await rest.pages('/api/v2/macros/active.json', 'macros', 'macros')).filter((macro) => titles.includes(normalize(macro.title)));

  return {
    name: `Ticket ${ticketId} (captured)`,
    description: `Captured from ${typeof ticket.url === 'string' ? new URL(ticket.url).host : 'Zendesk'} by npm run scenario:capture.`,
    settings: rawSettings,
    ticket: { ...ticket, description: ticket.description ?? comments[0]?.body },
    comments,
    users: [...users.values()],
    organizations,
    ticket_fields: ticketFields,
    ticket_forms: ticketForms,
    macros,
    tickets,
  };
}

function sessionCnpj(ticket: Json, settings: Settings) {
  if (settings.cnpjFieldId === null) return null;
  const field = ((ticket.custom_fields as Json[] | undefined) ?? []).find((candidate) => candidate.id === settings.cnpjFieldId);
  const reading = readCnpj(field?.value);
  return reading.kind === 'valid' ? reading : null;
}
