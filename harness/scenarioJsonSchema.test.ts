// @vitest-environment node
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema, SCHEMA_FILE } from './scenarioJsonSchema';
import { bundledScenarioFiles, SCENARIO_DIR } from './testing';
import { schemaReference } from './capture/cli';

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

  it.each(bundledScenarioFiles())('%s points editors at the schema file, from where it is', (file) => {
    const reference = JSON.parse(readFileSync(resolve(SCENARIO_DIR, file), 'utf8')).$schema;
    expect(reference).toBe('../scenario.schema.json');
    expect(resolve(SCENARIO_DIR, reference)).toBe(path);
    expect(existsSync(resolve(SCENARIO_DIR, reference))).toBe(true);
  });

  it('a captured scenario points at the schema from wherever it is written', () => {
    for (const out of [resolve(SCENARIO_DIR, '21-x.json'), resolve(SCENARIO_DIR, '..', '..', 'scenario-ticket-1.json'), resolve(SCENARIO_DIR, '..', '..', 'tests/fixtures/x.json')]) {
      expect(resolve(dirname(out), schemaReference(out))).toBe(path);
    }
    expect(schemaReference(resolve(SCENARIO_DIR, 'x.json'))).toBe('../scenario.schema.json');
  });
});
