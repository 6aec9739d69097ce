import { describe, expect, it } from 'vitest';
import { contextPaths, readOptions, readOrganization, readPerson, toTicketContext } from './ticketContext';
import { readSaveContext, savePaths, unreadSaveContext } from './saveContext';
import type { ZafClient } from './client';
import { testSettings } from '../domain/fixtures';

describe('contextPaths', () => {
  it('asks for the ticket, the configured fields and the dropdown definitions in one list', () => {
    const paths = contextPaths(testSettings());
    expect(paths).toContain('ticket.organization');
    expect(paths).toContain('ticket.customField:custom_field_1');
    expect(paths).toContain('ticketFields:custom_field_3');
    expect(new Set(paths).size).toBe(paths.length);
    expect(contextPaths(testSettings({ cnpjFieldId: '', catalogFieldId: '' }))).not.toContain('ticket.customField:custom_field_1');
  });
});

describe('toTicketContext', () => {
  it('reads the ZAF shapes', () => {
    const context = toTicketContext(
      {
        'ticket.id': 4521,
        'ticket.status': 'open',
        'ticket.subject': 'Assunto',
        'ticket.form': { id: 12 },
        'ticket.requester': { id: 9, name: 'Maria', email: 'm@x.example' },
        'ticket.organization': { id: 77, name: 'Org', organizationFields: { cnpj: '1' } },
        'ticket.customField:custom_field_1': '11.222.333/0001-81',
        'ticketFields:custom_field_3': { optionValues: [{ name: 'A::B', value: 'a_b' }, { label: 'C', value: 'c' }, { value: 'no-name' }] },
        'ticket.comment.text': 'rascunho',
        'ticket.comment.type': 'internalNote',
        'currentUser.locale': 'es-419',
      },
      { 'ticket.customField:custom_field_8': 'not a field' },
      testSettings(),
    );
    expect(context.ticket).toMatchObject({ id: 4521, status: 'open', formId: 12, requester: { id: 9, email: 'm@x.example' }, organization: { id: 77, fields: { cnpj: '1' } }, draft: { text: 'rascunho', internal: true } });
    expect(context.ticket.fields[1]).toBe('11.222.333/0001-81');
    expect(8 in context.ticket.fields).toBe(false);
    expect(context.unreadableFields).toEqual([8]);
    expect(context.unreadable).toEqual([]);
    expect(context.fieldOptions[3]).toEqual([{ label: 'A::B', value: 'a_b' }, { label: 'C', value: 'c' }]);
    expect(context.locale).toBe('es-419');
  });
  it('survives missing and odd values: no organization, no requester, a new ticket', () => {
    const context = toTicketContext({ 'ticket.organization': null, 'ticket.requester': 'x', 'ticket.id': 'abc' }, {}, testSettings());
    expect(context.ticket).toMatchObject({ id: null, status: 'new', organization: null, requester: null, formId: null, draft: { text: '', internal: false } });
    expect(context.locale).toBe('pt-BR');
  });
  it('names the parts of the ticket it could not read, so that rules never take them for empty', () => {
    const context = toTicketContext({ 'ticket.id': 1 }, { 'ticket.organization': 'x', 'ticket.comment.text': 'x', 'ticket.status': 'x' }, testSettings());
    expect(context.unreadable.sort()).toEqual(['draft', 'organization', 'status']);
    expect(context.unreadablePaths.sort()).toEqual(['ticket.comment.text', 'ticket.organization', 'ticket.status']);
  });
  it('reads people and organizations defensively', () => {
    expect(readPerson({ id: '9', name: 'A', email: '' })).toEqual({ id: 9, name: 'A', email: null, phone: null });
    expect(readOrganization({ id: 0, name: 'x' })).toBeNull();
    expect(readOptions(null)).toBeNull();
  });
});

describe('the save guard read (issue 17: decide on what is being saved)', () => {
  const settings = testSettings();
  const startup = toTicketContext(
    { 'ticket.id': 4521, 'ticket.status': 'open', 'ticket.description': 'Primeiro comentário', 'ticket.requester': { id: 9, name: 'Maria' }, 'ticket.type': 'incident', 'ticketFields:custom_field_4': { optionValues: [{ name: 'Bematech Hardware', value: 'bematech_hardware' }] } },
    {},
    settings,
  );
  const fakeGet = (answer: Record<string, unknown> | Error) => {
    const asked: string[][] = [];
    const client = {
      async get(paths: readonly string[]) {
        asked.push([...paths]);
        if (answer instanceof Error) throw answer;
        const { errors = {}, ...values } = answer as { errors?: Record<string, string> };
        return { values, errors };
      },
    } as unknown as ZafClient;
    return { client, asked };
  };

  it('asks, in one get, what the guard decides on: status, form, type, organization, draft and its type, every configured field', () => {
    const paths = savePaths(settings, false);
    for (const path of ['ticket.status', 'ticket.form', 'ticket.type', 'ticket.organization', 'ticket.comment.text', 'ticket.comment.type', 'ticket.customField:custom_field_8']) expect(paths).toContain(path);
    expect(paths).not.toContain('ticket.requester');
    expect(paths.some((path) => path.startsWith('ticketFields:'))).toBe(false);
    expect(savePaths(settings, true)).toContain('ticketFields:custom_field_4');
  });

  it('takes what it reads over what the app held, and keeps what it did not ask for', async () => {
    const { client, asked } = fakeGet({ 'ticket.id': 4521, 'ticket.status': 'hold', 'ticket.type': null, 'ticket.organization': null, 'ticket.comment.text': 'nota', 'ticket.comment.type': 'internalNote', errors: { 'ticket.form': 'x' } });
    const fresh = await readSaveContext(client, settings, startup);
    expect(asked).toHaveLength(1);
    expect(fresh.ticket).toMatchObject({ status: 'hold', type: null, organization: null, draft: { text: 'nota', internal: true }, description: 'Primeiro comentário', requester: { id: 9 } });
    expect(fresh.unreadable).toEqual(['form']);
    expect(fresh.fieldOptions[4]).toEqual([{ label: 'Bematech Hardware', value: 'bematech_hardware' }]);
  });

  it('without an earlier read, what it did not ask for is unreadable, not empty', async () => {
    const { client } = fakeGet({ 'ticket.status': 'hold' });
    const fresh = await readSaveContext(client, settings, null);
    expect(fresh.unreadable.sort()).toEqual(['description', 'requester', 'tags']);
  });

  it('a get that fails, or does not answer in time, leaves every part it asked for unknown', async () => {
    const { client } = fakeGet(new Error('Invocation request timeout'));
    const failed = await readSaveContext(client, settings, startup);
    expect(failed.unreadable.sort()).toEqual(['draft', 'draftType', 'form', 'id', 'organization', 'status', 'subject', 'type']);
    expect(failed.unreadableFields).toContain(8);
    expect(unreadSaveContext(settings, startup, 'timeout').unreadable.sort()).toEqual(failed.unreadable.sort());
  });
});
