import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { BASE_URL, server, startScenario } from '../harness/testing';
import { expectNoProblems, launch, openInHost, openScenario, watchedPage } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
  server.listen({ onUnhandledRequest: 'bypass' });
});
afterAll(async () => {
  server.close();
  await browser?.close();
});

type Json = Record<string, unknown>;
const PAGED = '/api/v2/macros/active.json?per_page=100&page=6';

/** The body with every absolute URL made relative, so that answers from different origins compare. */
function relative(body: unknown, origin: string): unknown {
  return JSON.parse(JSON.stringify(body).split(origin).join(''));
}

describe('one /api/v2 stand-in: the Node helper, the harness and the protocol host answer alike', () => {
  it('page 6 of 650 active macros: 100 macros, absolute next_page/previous_page on its own origin, count 650 — the same everywhere', async () => {
    // The Node helper: MSW under Node, as the unit tests of the app use it.
    await startScenario('23-macros-650-pending-at-561', { start: false });
    const inNode = (await (await fetch(`${BASE_URL}${PAGED}`)).json()) as Json;
    expect(inNode).toMatchObject({ count: 650, next_page: `${BASE_URL}/api/v2/macros/active.json?per_page=100&page=7`, previous_page: `${BASE_URL}/api/v2/macros/active.json?per_page=100&page=5` });
    expect(inNode.macros).toHaveLength(100);

    // The browser harness: MSW's service worker answers the page's own origin.
    const harness = await watchedPage(browser);
    await openScenario(harness.page, '23-macros-650-pending-at-561');
    const { origin: harnessOrigin, body: inHarness } = await harness.page.evaluate(async (url) => ({ origin: window.location.origin, body: await (await fetch(url)).json() }), PAGED);
    expect((inHarness as Json).next_page).toBe(`${harnessOrigin}/api/v2/macros/active.json?per_page=100&page=7`);

    // The protocol host: what it posts back for a client.request of the production build.
    const host = await watchedPage(browser);
    await openInHost(host, '23-macros-650-pending-at-561');
    const [data, textStatus] = (await host.page.evaluate((url) => window.zendeskHost!.answerOf(url), PAGED)) as [{ status: number; responseJSON: Json }, string];
    expect([data.status, textStatus]).toEqual([200, 'success']);
    expect(data.responseJSON.next_page).toBe('https://sentinela-test.zendesk.com/api/v2/macros/active.json?per_page=100&page=7');

    const expected = relative(inNode, BASE_URL);
    expect(relative(inHarness, harnessOrigin)).toEqual(expected);
    expect(relative(data.responseJSON, 'https://sentinela-test.zendesk.com')).toEqual(expected);
    expectNoProblems(harness);
    expectNoProblems(host);
    await harness.page.context().close();
    await host.page.context().close();
  });

  it('the account changes under the open app through zafMock.changeAccount and zendeskHost.changeAccount', async () => {
    const harness = await watchedPage(browser);
    await openScenario(harness.page, '25-personal-macro-same-title');
    const inHarness = await harness.page.evaluate(async () => {
      const removed = window.zafMock!.changeAccount({ delete: 'macros', id: 31 });
      const created = window.zafMock!.changeAccount({ create: 'macros', record: { title: removed.title, actions: removed.actions } });
      const gone = (await fetch('/api/v2/macros/31.json')).status;
      const active = (await (await fetch('/api/v2/macros/active.json')).json()) as { macros: { id: number; title: string }[] };
      return { createdId: created.id, gone, titles: active.macros.filter((macro) => macro.title === 'Atendimento Whatsapp (Oficial)').map((macro) => macro.id).sort() };
    });
    expect(inHarness).toEqual({ createdId: 38, gone: 404, titles: [35, 38] });

    const host = await watchedPage(browser);
    await openInHost(host, '25-personal-macro-same-title');
    const inHost = await host.page.evaluate(() => {
      window.zendeskHost!.changeAccount({ update: 'macros', id: 31, changes: { title: 'Atendimento Whatsapp (Oficial) 2' } });
      const [data] = window.zendeskHost!.answerOf('/api/v2/macros/31.json') as [{ responseJSON: { macro: { title: string; raw_title: string } } }];
      return data.responseJSON.macro;
    });
    expect(inHost).toMatchObject({ title: 'Atendimento Whatsapp (Oficial) 2', raw_title: 'Atendimento Whatsapp (Oficial) 2' });
    await harness.page.context().close();
    await host.page.context().close();
  });
});
