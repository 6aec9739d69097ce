// @vitest-environment node
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bundledScenarioFiles, readScenario, server, startScenario, until } from '../../harness/testing';
import { isSidebarEvent, NOT_SENT_TO_SIDEBAR, SIDEBAR_EVENTS } from '../../harness/zafEvents';
import { TicketModel } from '../../harness/ticketModel';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('only the events Zendesk sends to a ticket_sidebar app (harness/zafEvents.ts, with sources)', () => {
  it.each(bundledScenarioFiles())('%s: the app subscribes to none other, and never to ticket.saved', async (file) => {
    const { client, sentinela } = await startScenario(file);
    await until(() => sentinela.getState().phase, (phase) => phase !== 'starting');
    const subscribed = client.subscriptions();
    expect(subscribed).toContain('ticket.save');
    expect(subscribed.filter((name) => !isSidebarEvent(name))).toEqual([]);
    expect(subscribed).not.toContain('ticket.saved');
  });

  it('the list says why ticket.saved and ticket.organization.changed are out', () => {
    expect(isSidebarEvent('ticket.saved')).toBe(false);
    expect(NOT_SENT_TO_SIDEBAR['ticket.saved']).toMatch(/background/);
    expect(isSidebarEvent('ticket.organization.changed')).toBe(false);
    expect(isSidebarEvent('ticket.custom_field_360008.changed')).toBe(true);
    expect(isSidebarEvent('request:3.done')).toBe(true);
    expect(SIDEBAR_EVENTS.every((entry) => entry.source.length > 0)).toBe(true);
  });

  it('the stand-in sends no event Zendesk would not send: every edit, macro and save of a scenario', () => {
    const model = new TicketModel(readScenario('04-no-organization'));
    const sent: string[] = [];
    model.onEvent((name) => sent.push(name));
    model.set('ticket.status', 'open');
    model.set('ticket.requester', { email: 'beatriz@gamma.example' });
    model.invoke('ticket.collaborators.add', [{ email: 'cliente.chat@gmail.example' }]);
    model.set('ticket.comment.text', 'nota');
    model.commitSave();
    expect(sent.filter((name) => !isSidebarEvent(name))).toEqual([]);
    expect(sent).toEqual(expect.arrayContaining(['ticket.requester.id.changed', 'ticket.submit.start', 'ticket.submit.done', 'ticket.submit.always']));
    expect(sent).not.toContain('ticket.saved');
  });

  it('events can be made late or missing, as a test world must', () => {
    const model = new TicketModel(readScenario('07-os-missing-fields'));
    const sent: string[] = [];
    model.onEvent((name) => sent.push(name));
    model.holdEvents(['ticket.submit.done']);
    model.dropEvents(['ticket.submit.always']);
    model.commitSave();
    expect(sent).toEqual(['ticket.submit.start']);
    model.releaseEvents();
    expect(sent).toEqual(['ticket.submit.start', 'ticket.submit.done']);
  });
});
