import { z } from 'zod';
import { scenarioSchema } from './scenario';

/** The JSON Schema editors use to check scenario files, generated from the zod schema the harness parses with. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const properties = { $schema: { type: 'string', description: 'This schema, for editors.' }, ...(schema.properties as Record<string, unknown>) };
  return { ...schema, $id: 'https://sentinela.example/scenario.schema.json', title: 'Sentinela QA scenario', description: 'Zendesk REST API objects as Zendesk returns them, plus the draft, the locale and faults (README: QA).', properties };
}

export const SCHEMA_FILE = 'harness/scenario.schema.json';
