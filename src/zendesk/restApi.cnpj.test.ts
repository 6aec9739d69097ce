// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createZendeskApi, DEFAULT_POLICY } from './restApi';
import type { RestResponse, ZafClient } from './client';
import { readCnpj } from '../domain/cnpj';

/** Zendesk search over one organization whose CNPJ field holds `stored` (exact field text, as the harness answers). */
function searchClient(stored: unknown) {
  const queries: string[] = [];
  const org = { id: 5, name: 'Zeros Ltda', organization_fields: { cnpj: stored } };
  const client: ZafClient = {
    metadata: async () => ({ settings: {} }),
    get: async () => ({ values: {}, errors: {} }),
    set: async () => undefined,
    invoke: async () => undefined,
    on: () => undefined,
    request: async ({ url }): Promise<RestResponse> => {
      const body = (results: unknown[], key: string) => ({ status: 200, headers: {}, body: { [key]: results, next_page: null } });
      if (url.startsWith('/api/v2/search')) {
        const query = decodeURIComponent(new URL(url, 'https://x.invalid').searchParams.get('query') ?? '');
        queries.push(query);
        return body(query.endsWith(`cnpj:${String(stored)}`) || query.endsWith(`cnpj:"${String(stored)}"`) ? [org] : [], 'results');
      }
      return body([], url.includes('/users') ? 'users' : 'tickets');
    },
  };
  return { client, queries };
}

describe('organizationsByCnpj with a CNPJ that lost its leading zeros (issue 19)', () => {
  it.each([['1234567000195'], [1234567000195]])('finds the organization whose field holds %j from the session CNPJ 01.234.567/0001-95', async (stored) => {
    const { client, queries } = searchClient(stored);
    const session = readCnpj('01.234.567/0001-95');
    if (session.kind !== 'valid') throw new Error('fixture');
    const found = await createZendeskApi(client, { shared: null, personal: null }, DEFAULT_POLICY).organizationsByCnpj('cnpj', session);
    expect(found.matches.map((match) => match.organization.id)).toEqual([5]);
    expect(queries).toEqual(['type:organization cnpj:"01.234.567/0001-95"', 'type:organization cnpj:01234567000195', 'type:organization cnpj:1234567000195']);
  });
});
