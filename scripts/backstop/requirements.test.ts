// @vitest-environment node
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import reference from './triggerReference.json';
import { planBackstop, TRIGGER_KEYS } from './requirements';
import { customFieldOperators, triggerProblems, type TicketFieldDefinition, type TriggerDefinition } from './reference';
import { BACKSTOP_TAG } from '../../src/domain/backstop';
import { readScenario } from '../../harness/testing';
import { installationSettings } from '../../harness/ticketModel';

const MARCA_OPTIONS = [
  { name: 'Bematech Hardware', value: 'bematech_hardware' },
  { name: 'Winthor', value: 'winthor' },
];
const fields = (types: Partial<Record<number, string>> = {}): TicketFieldDefinition[] => [
  { id: 4, type: types[4] ?? 'tagger', title: 'Marca', custom_field_options: MARCA_OPTIONS },
  { id: 6, type: types[6] ?? 'tagger', title: 'Categoria', custom_field_options: [{ name: 'PDV', value: 'cat_pdv' }] },
  { id: 7, type: types[7] ?? 'tagger', title: 'Motivo', custom_field_options: [{ name: 'Led', value: 'motivo_led' }] },
  { id: 8, type: types[8] ?? 'text', title: 'Número da O.S.' },
  { id: 9, type: types[9] ?? 'text', title: 'Área responsável (0800)' },
];
const SETTINGS = { formulario0800FormId: '12', marcaFieldId: '4', categoriaFieldId: '6', motivoFieldId: '7', osNumberFieldId: '8', areaResponsavelFieldId: '9' };

describe('requirements.json generated from the settings', () => {
  it('for the bundled O.S. scenario: one put-back trigger per O.S. criterion and one that clears the tag', () => {
    const scenario = readScenario('07-os-missing-fields');
    const plan = planBackstop(installationSettings(scenario), scenario.ticket_fields, scenario.ticket_forms);
    expect(plan.problems).toEqual([]);
    expect(Object.keys(plan.requirements!)).toEqual(['triggers']);
    const triggers = plan.requirements!.triggers;
    expect(Object.keys(triggers)).toEqual([TRIGGER_KEYS.form, TRIGGER_KEYS.marca, TRIGGER_KEYS.clear]);
    const missing = [
      { field: 'custom_fields_360008', operator: 'not_present', value: null },
      { field: 'custom_fields_360006', operator: 'not_present', value: null },
      { field: 'custom_fields_360007', operator: 'not_present', value: null },
      { field: 'custom_fields_360009', operator: 'present', value: null },
    ];
    const putBack = [{ field: 'status', value: 'open' }, { field: 'current_tags', value: BACKSTOP_TAG }];
    expect(triggers[TRIGGER_KEYS.form]).toMatchObject({ active: true, conditions: { all: [{ field: 'status', operator: 'value', value: 'hold' }, { field: 'ticket_form_id', operator: 'is', value: '12' }], any: missing }, actions: putBack });
    expect(triggers[TRIGGER_KEYS.marca]).toMatchObject({ conditions: { all: [{ field: 'status', operator: 'value', value: 'hold' }, { field: 'custom_fields_360004', operator: 'is', value: 'bematech_hardware' }], any: missing }, actions: putBack });
    expect(triggers[TRIGGER_KEYS.clear]).toMatchObject({
      conditions: {
        all: [
          { field: 'status', operator: 'value', value: 'hold' },
          { field: 'current_tags', operator: 'includes', value: BACKSTOP_TAG },
          { field: 'custom_fields_360008', operator: 'present', value: null },
          { field: 'custom_fields_360006', operator: 'present', value: null },
          { field: 'custom_fields_360007', operator: 'present', value: null },
          { field: 'custom_fields_360009', operator: 'not_present', value: null },
        ],
        any: [],
      },
      actions: [{ field: 'remove_tags', value: BACKSTOP_TAG }],
    });
    expect(plan.covered.map((check) => check.item)).toEqual(['osNumber', 'categoria', 'motivo', 'areaResponsavel']);
    for (const trigger of Object.values(triggers)) expect(trigger.title.length).toBeLessThan(255);
  });

  it('every trigger it generates passes the trigger reference, for any configuration (2,000 cases)', () => {
    const fieldType = fc.constantFrom('tagger', 'text', 'textarea', 'integer', 'multiselect', 'checkbox', 'date', 'decimal', 'regexp');
    const seen = { generated: 0, refused: 0, byMarca: 0 };
    fc.assert(
      fc.property(
        fc.record({ formulario0800FormId: fc.option(fc.integer({ min: 1, max: 99 }), { nil: null }), marcaFieldId: fc.option(fc.constant(4), { nil: null }), categoriaFieldId: fc.option(fc.constant(6), { nil: null }), motivoFieldId: fc.option(fc.constant(7), { nil: null }), osNumberFieldId: fc.option(fc.constant(8), { nil: null }), areaResponsavelFieldId: fc.option(fc.constant(9), { nil: null }) }),
        fc.tuple(fieldType, fieldType, fieldType, fieldType, fieldType),
        fc.constantFrom('Bematech Hardware', 'bematech_hardware', 'BEMATECH hardware', 'Winthor', 'Epson'),
        (ids, [t4, t6, t7, t8, t9], marcaValue) => {
          const accountFields = fields({ 4: t4, 6: t6, 7: t7, 8: t8, 9: t9 });
          const settings = Object.fromEntries(Object.entries({ ...ids, marcaValue }).map(([name, value]) => [name, value === null ? '' : String(value)]));
          const plan = planBackstop(settings, accountFields);
          if (!plan.requirements) {
            expect(plan.problems.length).toBeGreaterThan(0);
            seen.refused += 1;
            return;
          }
          seen.generated += 1;
          if (plan.criteria.marcaTags.length > 0) seen.byMarca += 1;
          expect(plan.problems).toEqual([]);
          for (const trigger of Object.values(plan.requirements.triggers)) expect(triggerProblems(trigger, accountFields)).toEqual([]);
          // Only fields whose type has the condition are read; the Marca criterion only on a drop-down.
          for (const check of plan.covered) expect(customFieldOperators(accountFields.find((field) => field.id === check.fieldId)!.type)).toHaveProperty(check.wants === 'filled' ? 'not_present' : 'present');
          if (plan.criteria.marcaTags.length > 0) expect(customFieldOperators(t4)).toHaveProperty('is');
          expect(Object.keys(plan.requirements.triggers)).toHaveLength((ids.formulario0800FormId === null ? 0 : 1) + plan.criteria.marcaTags.length + 1);
        },
      ),
      { numRuns: 2000 },
    );
    // Not vacuous: the cases cover generated backstops (by form and by Marca) and refused ones.
    expect(Math.min(seen.generated, seen.refused, seen.byMarca)).toBeGreaterThan(100);
  });

  it('recognizes O.S. tickets by their form alone when Marca is a text field, and says so', () => {
    const plan = planBackstop({ ...SETTINGS, marcaValue: 'Bematech Hardware' }, fields({ 4: 'text' }));
    expect(plan.criteria).toEqual({ formId: 12, marcaTags: [] });
    expect(Object.keys(plan.requirements!.triggers)).toEqual([TRIGGER_KEYS.form, TRIGGER_KEYS.clear]);
    expect(plan.notes.join('\n')).toMatch(/Marca: field 4 is a "text" field; a trigger can compare only a drop-down's value/);
  });

  it('uses the Marca options the sidebar reads as the configured value (by name or by tag)', () => {
    expect(planBackstop({ ...SETTINGS, marcaValue: 'BEMATECH  hardware' }, fields()).criteria.marcaTags).toEqual(['bematech_hardware']);
    expect(planBackstop({ ...SETTINGS, marcaValue: 'winthor' }, fields()).criteria.marcaTags).toEqual(['winthor']);
    const none = planBackstop({ ...SETTINGS, marcaValue: 'Epson' }, fields());
    expect(none.criteria.marcaTags).toEqual([]);
    expect(none.notes.join('\n')).toContain('no option of field 4 stands for "Epson"');
  });

  it('refuses to generate what Zendesk would refuse or what would catch every ticket, naming why', () => {
    expect(planBackstop({ ...SETTINGS, formulario0800FormId: '', marcaFieldId: '' }, fields()).problems).toEqual(['no O.S. criterion a trigger can see: set formulario0800FormId, or marcaFieldId (a drop-down) and marcaValue']);
    expect(planBackstop({ formulario0800FormId: '12' }, fields()).problems).toEqual(['no field a trigger can check is configured (osNumberFieldId, categoriaFieldId, motivoFieldId, areaResponsavelFieldId)']);
    expect(planBackstop({ ...SETTINGS, osNumberFieldId: '999' }, fields()).problems).toEqual(["setting osNumberFieldId: ticket field 999 is not among the account's ticket fields (Zendesk would refuse a trigger naming it)"]);
    expect(planBackstop({ ...SETTINGS, categoriaFieldId: 'categoria' }, fields()).problems).toEqual(['setting categoriaFieldId: notAnId (the sidebar would use its default instead)']);
    expect(planBackstop(SETTINGS, fields(), [{ id: 11, name: 'Padrão' }]).problems).toEqual(["setting formulario0800FormId: ticket form 12 is not among the account's forms"]);
    expect(planBackstop({ ...SETTINGS, osNumberFieldId: '999' }, fields()).requirements).toBeNull();
  });

  it('leaves a field of a type with no documented condition to the sidebar, and says so', () => {
    const plan = planBackstop(SETTINGS, fields({ 8: 'regexp' }));
    expect(plan.covered.map((check) => check.item)).toEqual(['categoria', 'motivo', 'areaResponsavel']);
    expect(plan.notes.join('\n')).toContain('osNumber: field 8 is a "regexp" field, for which no "not_present" trigger condition is documented here');
  });
});

describe('the trigger reference check', () => {
  const good = (): TriggerDefinition => planBackstop(SETTINGS, fields()).requirements!.triggers[TRIGGER_KEYS.form];

  it.each([
    ['a comment (macro-only)', (t: TriggerDefinition) => t.actions.push({ field: 'comment_value', value: 'Faltam campos' }), /macro-only: a trigger cannot add a comment/],
    ['a subject (macro-only)', (t: TriggerDefinition) => t.actions.push({ field: 'subject', value: 'x' }), /macro-only/],
    ['a webhook (needs a server)', (t: TriggerDefinition) => t.actions.push({ field: 'notification_webhook', value: '01H' }), /needs a webhook/],
    ['"is" on a text field', (t: TriggerDefinition) => t.conditions.any.push({ field: 'custom_fields_8', operator: 'is', value: 'x' }), /operator "is" is not allowed \(present, not_present\)/],
    ['a value on a terminal operator', (t: TriggerDefinition) => (t.conditions.any[0] = { field: 'custom_fields_8', operator: 'not_present', value: 'x' }), /"not_present" takes no value/],
    ['a drop-down value that is no option', (t: TriggerDefinition) => t.conditions.all.push({ field: 'custom_fields_4', operator: 'is', value: 'epson' }), /wants one of bematech_hardware, winthor/],
    ['an unknown field', (t: TriggerDefinition) => t.conditions.all.push({ field: 'custom_fields_5', operator: 'present', value: null }), /ticket field 5 is not among the account's fields/],
    ['a status that does not exist', (t: TriggerDefinition) => (t.conditions.all[0] = { field: 'status', operator: 'value', value: 'on_hold' }), /wants one of new, open, pending, hold, solved, closed/],
    ['a form id that is not an id', (t: TriggerDefinition) => (t.conditions.all[1] = { field: 'ticket_form_id', operator: 'is', value: '0800' }), /wants an id/],
    ['set_tags with an empty tag list', (t: TriggerDefinition) => t.actions.push({ field: 'set_tags', value: '' }), /wants tags/],
    ['no conditions', (t: TriggerDefinition) => (t.conditions = { all: [], any: [] }), /fires on every update/],
    ['no title', (t: TriggerDefinition) => (t.title = ' '), /title: required/],
  ])('refuses %s', (_name, edit, problem) => {
    const trigger = structuredClone(good());
    edit(trigger);
    expect(triggerProblems(trigger, fields()).join('\n')).toMatch(problem);
  });

  it('names a source for every entry, and its sources are Zendesk URLs or Zendesk OpenAPI examples', () => {
    for (const entry of Object.values(reference.conditions)) expect(Object.keys(reference.sources)).toContain(entry.source);
    expect(Object.keys(reference.sources)).toContain(reference.customFieldConditions.source);
    expect(Object.keys(reference.sources)).toContain(reference.triggerActions.source);
    for (const source of Object.values(reference.sources)) expect(source).toMatch(/^https:\/\/(developer|support)\.zendesk\.com\/|^Zendesk Support API OpenAPI example/);
  });
});
