// @vitest-environment node
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCapture } from './cli';
import { startStandIn } from './standIn';
import { parseScenario, type Scenario } from '../scenario';
import { findingsOf, readScenario, server, startScenario, until } from '../testing';
import { osChecklist } from '../../src/domain/saveGuard';

beforeAll(() => server.listen({ onUnhandledRequest: 'bypass' }));
afterAll(() => server.close());

const EMAIL = 'qa@example.com';
const TOKEN = 'secret-token';
const AUTH = `Basic ${Buffer.from(`${EMAIL}/token:${TOKEN}`).toString('base64')}`;
const dir = mkdtempSync(join(tmpdir(), 'sentinela-capture-'));

async function capture(source: Scenario, args: string[], env: Record<string, string> = {}) {
  const standIn = await startStandIn(source, { authorization: AUTH, rateLimitOnce: ['/comments'] });
  const said: string[] = [];
  const warned: string[] = [];
  const sleeps: number[] = [];
  const out = join(dir, `${source.ticket.id}-${args.join('_').replace(/\W/g, '')}.json`);
  try {
    const code = await runCapture(['--out', out, ...args], { ZENDESK_BASE_URL: standIn.baseUrl, ZENDESK_EMAIL: EMAIL, ZENDESK_API_TOKEN: TOKEN, ...env }, { say: (l) => said.push(l), warn: (l) => warned.push(l) }, { sleep: async (ms) => void sleeps.push(ms) });
    return { code, said, warned, sleeps, requests: standIn.requests, served: standIn.account.scenario, file: code === 0 ? readFileSync(out, 'utf8') : '' };
  } finally {
    await standIn.close();
  }
}

/** What the rules see when the harness replays a scenario: findings, the O.S. checklist, save verdicts. */
async function replay(scenario: Scenario) {
  const { client, sentinela } = await startScenario(scenario);
  await until(() => sentinela.getState(), (s) => Object.values(s.macros).every((lookup) => lookup?.state !== 'loading') && s.organizationSearch.state !== 'loading' && s.savedComments.state !== 'loading');
  const state = sentinela.getState();
  const findings = findingsOf(state);
  const checklist = osChecklist({ context: state.context!, settings: state.settings, savedComments: state.savedComments, savedStatus: state.savedStatus }).map((item) => `${item.id}:${item.state}`);
  const verdicts = [];
  for (const status of ['hold', 'solved']) {
    client.agentSet('ticket.status', status);
    await until(() => sentinela.getState().context?.ticket.status, (s) => s === status);
    verdicts.push(await client.save());
  }
  return { findings: findings.map((f) => `${f.severity}:${f.id}:${f.text.key}:${(f.actions ?? []).map((a) => a.kind).join(',')}`), checklist, verdicts };
}

describe('npm run scenario:capture', () => {
  it('captures a ticket through cursor pagination and a 429, with a progress line per step, into a valid scenario', async () => {
    // 150 comments: two pages of the stand-in's cursor pagination (at most 100 each, as Zendesk).
    const source = { ...readScenario('11-os-complete'), generate: { comments: 150 } };
    const result = await capture(source, ['--ticket', String(source.ticket.id), '--no-mask']);
    expect(result.code).toBe(0);
    expect(result.sleeps).toEqual([1000]);
    expect(result.requests.filter((r) => r.startsWith('/api/v2/tickets/4531/comments'))).toHaveLength(3); // 429, page 1, page 2
    expect(result.said).toEqual(expect.arrayContaining(['fetching ticket 4531', 'fetching comments', '  rate limited on comments: waiting 1 s (Retry-After)', 'fetching ticket fields and forms']));
    expect(result.warned[0]).toMatch(/REAL PERSONAL DATA/);
    const captured = parseScenario(result.file);
    expect(captured.comments).toHaveLength(150);
    expect(captured.comments.map((c) => c.body)).toEqual(result.served.comments.map((c) => c.body));
    expect(captured.macros.map((m) => m.id).sort()).toEqual([31, 32, 33]);
    expect(captured.ticket_fields).toHaveLength(10);
  });

  it('says what failed on 401 and 404, and when credentials are missing', async () => {
    const source = readScenario('01-prime-gold-clean');
    const missing = await capture(source, ['--ticket', '999']);
    expect([missing.code, missing.warned]).toEqual([1, ['ticket 999: 404 Not Found (GET /api/v2/tickets/999.json).']]);
    const denied = await capture(source, ['--ticket', '4521'], { ZENDESK_API_TOKEN: 'wrong' });
    expect(denied.warned[0]).toBe('app installations: 401 Unauthorized (GET /api/v2/apps/installations.json) — check the credentials of qa@example.com.');
    const none = await runCapture(['--ticket', '1'], {}, { say: () => undefined, warn: (l) => expect(l).toMatch(/ZENDESK_SUBDOMAIN/) });
    expect(none).toBe(1);
  });

  it('takes the settings from --settings instead of the installation', async () => {
    const source = readScenario('01-prime-gold-clean');
    const settingsFile = join(dir, 'settings.json');
    writeFileSync(settingsFile, JSON.stringify({ ...source.settings, cnpjFieldId: '360001' }));
    const result = await capture(source, ['--ticket', '4521', '--settings', settingsFile]);
    expect(result.code).toBe(0);
    expect(result.requests.some((r) => r.includes('installations'))).toBe(false);
    expect(parseScenario(result.file).settings.cnpjFieldId).toBe('360001');
  });

  it('prints what it masked, and the masked file holds none of the personal data', async () => {
    const source = readScenario('04-no-organization');
    const result = await capture(source, ['--ticket', '4524']);
    expect(result.said).toEqual(expect.arrayContaining(['masked (CNPJs and organization names kept: company registry data):', expect.stringMatching(/^ {2}e-mails: 4 distinct, \d+ replaced$/)]));
    for (const user of source.users.filter((u) => u.id !== 5)) {
      expect(result.file).not.toContain(user.email);
      expect(result.file).not.toContain(user.name);
    }
    expect(result.file).toContain('Gamma Comércio Varejista Ltda');
    expect(result.file).not.toContain('203.0.113.9'); // request metadata of comments is dropped
    expect(result.file).toContain('33.592.001/0001-21');
  });

  it.each(['01-prime-gold-clean', '03-financial-pending', '04-no-organization', '07-os-missing-fields', '11-os-complete', '14-sodexo-os', '19-html-in-customer-data'])(
    '%s: the masked and the unmasked capture give the same findings and save verdicts',
    async (name) => {
      const source = readScenario(name);
      const plain = await capture(source, ['--ticket', String(source.ticket.id), '--no-mask']);
      const masked = await capture(source, ['--ticket', String(source.ticket.id)]);
      const [a, b] = [await replay(parseScenario(plain.file)), await replay(parseScenario(masked.file))];
      expect(b).toEqual(a);
    },
  );

  it('--mask-companies replaces CNPJs (valid, same root/branch relations) and organization names; the rules see the same', async () => {
    const source = readScenario('11-os-complete');
    const plain = await capture(source, ['--ticket', '4531', '--no-mask']);
    const masked = await capture(source, ['--ticket', '4531', '--mask-companies']);
    expect(masked.file).not.toContain('Restaurante Sabor Caseiro');
    expect(masked.file).not.toContain('49327015');
    expect(masked.file).not.toContain('49.327.015');
    const [a, b] = [await replay(parseScenario(plain.file)), await replay(parseScenario(masked.file))];
    expect(b.findings).toEqual(a.findings);
    expect(b.checklist).toEqual(a.checklist);
    expect(b.verdicts.map((v) => v.allowed)).toEqual(a.verdicts.map((v) => v.allowed));
  });
});
