import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, FrameLocator, Locator, Page } from 'playwright-core';
import { expectedSetupSettings, SETUP_MAPPING, SETUP_SCENARIO } from './fixtures/setupMapping';
import { appCalls, expectNoProblems, hostCalls, launch, openInHost, openScenario, screenshot, sidebar, watchedPage, type Watched } from './browser';

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(async () => browser?.close());

const SCENARIO = SETUP_SCENARIO;
const MAPPING = SETUP_MAPPING;
const expectedSettings = expectedSetupSettings;

type Root = Locator | FrameLocator;
const valueOf = (root: Root, parameter: string) => root.locator(`[data-setting="${parameter}"] [data-testid="setup-value"]`).innerText();

/** Opens the assistant from the configuration fold and waits for its proposal. */
async function openAssistant(root: Root) {
  await root.getByTestId('open-setup').click();
  await root.locator('[data-testid="setup-assistant"][data-phase="ready"]').waitFor({ timeout: 20_000 });
}

async function done(watched: Watched) {
  expectNoProblems(watched);
  await watched.page.context().close();
}

describe('the setup assistant (admin)', () => {
  it('a fresh install with no IDs: proposes every mapping, writes exactly those settings once confirmed, and the checks are on', async () => {
    const watched = await watchedPage(browser);
    const { page } = watched;
    await openScenario(page, SCENARIO);
    const root = sidebar(page);
    // 15: the categorised "WhatsApp::1. Atendimento Whatsapp Transferência N2(oficial)" stands for its title (issue 16).
    await root.getByText('Configuração (15)').waitFor();
    expect(await root.getByTestId('os-checklist').count()).toBe(0);

    await openAssistant(root);
    for (const [parameter, value] of Object.entries(MAPPING)) expect(await valueOf(root, parameter)).toContain(value);
    expect(await root.locator('[data-setting][data-status="proposed"]').count()).toBe(Object.keys(MAPPING).length);
    expect(await root.locator('[data-setting][data-status="conflict"], [data-setting][data-status="missing"]').count()).toBe(0);
    // The diff names each setting by its translated label, before → after.
    const diff = root.getByTestId('setup-diff');
    expect(await diff.locator('li[data-parameter]').count()).toBe(Object.keys(MAPPING).length);
    expect(await diff.locator('li[data-parameter="cnpjFieldId"]').innerText()).toMatch(/ID do campo CNPJ da sessão[\s\S]*\(vazio\)[\s\S]*→[\s\S]*CNPJ \(sessão\) · 4100001/);
    expect(await root.getByTestId('setup-catalog').getAttribute('data-state')).toBe('checked');
    await screenshot(page, 'setup-assistant');

    await root.getByTestId('setup-confirm').click();
    await root.locator('[data-testid="setup-result"][data-result="written"]').waitFor();
    expect(await page.evaluate(() => window.zafMock!.installationWrites)).toEqual([{ settings: expectedSettings() }]);
    const puts = (await appCalls(page)).filter((call) => call.kind === 'request' && (call.args[0] as { type?: string }).type === 'PUT');
    expect(puts.map((call) => call.target)).toEqual(['/api/v2/apps/installations/360777.json']);

    // The sidebar runs on the new settings, without a reload: the O.S. checklist, the CNPJ, the wallet.
    await root.getByTestId('os-checklist').waitFor();
    await root.getByText('Prime · Carteira B · Silver').waitFor();
    expect(await root.getByTestId('cnpj-value').first().innerText()).toBe('11.222.333/0001-81');
    await root.getByText('Configuração (15)').waitFor({ state: 'detached' });
    await done(watched);
  });

  it('a conflict is resolved by the admin’s pick, and a catalog rule that is not an option is listed with the nearest options', async () => {
    const watched = await watchedPage(browser);
    const { page } = watched;
    await openScenario(page, '22-setup-conflicts');
    const root = sidebar(page);
    await openAssistant(root);
    expect(await root.locator('[data-setting="cnpjFieldId"]').getAttribute('data-status')).toBe('conflict');
    expect(await root.locator('[data-setting="numeroReferenciaFieldId"]').getAttribute('data-status')).toBe('missing');
    const problem = root.getByTestId('setup-catalog-problem');
    expect(await problem.count()).toBe(1);
    expect(await problem.innerText()).toContain('Distribuição >> Linha Winthor >> 10 > 002 >> Emissao de NFe');
    expect(await problem.getByTestId('setup-catalog-nearest').first().innerText()).toMatch(/^Distribuição >> Linha Winthor >> 10 > 002 >> Emissão de NF-e \(\d+% parecido\)$/);

    await root.locator('[data-setting="cnpjFieldId"] select').selectOption('4100012');
    expect(await valueOf(root, 'cnpjFieldId')).toContain('4100012');
    await root.getByTestId('setup-confirm').click();
    await root.locator('[data-testid="setup-result"][data-result="written"]').waitFor();
    const [write] = await page.evaluate(() => window.zafMock!.installationWrites);
    expect(write.settings).toMatchObject({ cnpjFieldId: '4100012', catalogFieldId: '4100003', numeroReferenciaFieldId: '' });
    await done(watched);
  });

  it('Zendesk refuses the values (422): the assistant says why, nothing is written, the sidebar is unchanged', async () => {
    const watched = await watchedPage(browser);
    const { page } = watched;
    await openScenario(page, SCENARIO, '&fault=setup-invalid');
    const root = sidebar(page);
    await openAssistant(root);
    await root.getByTestId('setup-confirm').click();
    const result = root.locator('[data-testid="setup-result"][data-result="failed"]');
    await result.waitFor();
    expect(await result.getAttribute('data-reason')).toBe('invalid');
    expect(await result.innerText()).toContain('O Zendesk recusou os valores (422).');
    expect(await result.innerText()).toContain('Nada foi alterado.');
    expect(await page.evaluate(() => window.zafMock!.installationWrites)).toEqual([]);
    expect(await root.getByText('Configuração (15)').count()).toBe(1);
    watched.problems = watched.problems.filter((problem) => !/status of 422/.test(problem));
    await done(watched);
  });
});

describe('agents', () => {
  it('an agent never sees the assistant, and the app makes no installation request', async () => {
    const watched = await watchedPage(browser);
    const { page } = watched;
    await openScenario(page, SCENARIO, '&role=agent');
    const root = sidebar(page);
    // Agents get the one-line "checks are off" warning, never the configuration list (issue 19).
    await root.getByText(/^Verificações desligadas: .*Peça ao administrador para configurar o Sentinela\.$/).waitFor();
    expect(await root.getByTestId('configuration').count()).toBe(0);
    expect(await root.getByText(/^Configuração \(\d+\)$/).count()).toBe(0);
    expect(await root.getByTestId('open-setup').count()).toBe(0);
    expect(await root.getByTestId('section-setup').count()).toBe(0);
    await page.evaluate(() => window.zafMock!.settled());
    const requests = (await appCalls(page)).filter((call) => call.kind === 'request').map((call) => call.target);
    expect(requests.filter((url) => /installations|ticket_fields|organization_fields|ticket_forms/.test(url))).toEqual([]);
    expect(await page.evaluate(() => window.zafMock!.installationWrites)).toEqual([]);
    await done(watched);
  });
});

describe('through the ZAF protocol (production build, the SDK over postMessage)', () => {
  it('the update goes out as client.request PUT with the complete settings as JSON, and the sidebar’s checks are on', async () => {
    const watched = await watchedPage(browser);
    const frame = await openInHost(watched, SCENARIO);
    await frame.getByText('Configuração (15)').waitFor();
    await openAssistant(frame);
    await frame.getByTestId('setup-confirm').click();
    await frame.locator('[data-testid="setup-result"][data-result="written"]').waitFor();
    const page: Page = watched.page;
    expect(await page.evaluate(() => window.zendeskHost!.installationWrites)).toEqual([{ settings: expectedSettings() }]);
    const put = (await hostCalls(page)).find((call) => call.kind === 'request' && (call.args[0] as { type?: string }).type === 'PUT');
    expect(put?.args[0]).toMatchObject({ url: '/api/v2/apps/installations/360777.json', type: 'PUT', contentType: 'application/json' });
    expect(JSON.parse((put!.args[0] as { data: string }).data)).toEqual({ settings: expectedSettings() });
    await frame.getByTestId('os-checklist').waitFor();
    await done(watched);
  });
});
