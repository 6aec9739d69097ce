// @vitest-environment node
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema, SCHEMA_FILE } from './scenarioJsonSchema';
import { bundledScenarioFiles, SCENARIO_DIR } from './testing';

const path = resolve(import.meta.dirname, '..', SCHEMA_FILE);

describe('scenario JSON Schema', () => {
  it('is the one generated from the zod schema (UPDATE_SCHEMA=1 npx vitest run harness/scenarioJsonSchema rewrites it)', () => {
    const generated = `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
    if (process.env.UPDATE_SCHEMA) writeFileSync(path, generated);
    expect(readFileSync(path, 'utf8')).toBe(generated);
  });

  it('describes the parts QA fills in, with what is required', () => {
    const schema = scenarioJsonSchema() as { required: string[]; properties: Record<string, { required?: string[] }> };
    expect(schema.required).toEqual(['name', 'ticket']);
    expect(schema.properties.ticket.required).toEqual(['id', 'status']);
  });

  it.each(bundledScenarioFiles())('%s points editors at the schema', (file) => {
    expect(JSON.parse(readFileSync(resolve(SCENARIO_DIR, file), 'utf8')).$schema).toBe('./scenario.schema.json');
  });
});
