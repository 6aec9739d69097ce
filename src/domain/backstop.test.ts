import { describe, expect, it } from 'vitest';
import { BACKSTOP_CHECKS, BACKSTOP_TAG, backstopFindings, backstopItems } from './backstop';
import { osChecklist } from './saveGuard';
import { context, FIELD, FORM_0800, testSettings } from './fixtures';
import type { Ticket, TicketContext } from './ticket';

/** An O.S. ticket the backstop put back: Open, tagged, O.S. number and Motivo still empty. */
function putBack(ticket: Partial<Ticket> = {}, extra: Partial<Omit<TicketContext, 'ticket'>> = {}): TicketContext {
  return context(
    {
      status: 'open',
      type: 'incident',
      formId: FORM_0800,
      tags: ['vip', BACKSTOP_TAG],
      fields: { [FIELD.marca]: 'bematech_hardware', [FIELD.familia]: 'familia_hardware', [FIELD.categoria]: 'cat_impressora', [FIELD.motivo]: null, [FIELD.osNumber]: '', [FIELD.areaResponsavel]: null },
      ...ticket,
    },
    extra,
  );
}
const keys = (ctx: TicketContext, settings = testSettings()) => backstopFindings(ctx, settings).map((finding) => [finding.id, finding.severity, finding.text.key, ...(finding.details ?? []).map((detail) => detail.key)]);

describe('the backstop finding', () => {
  it('says the ticket was put back, and which items the trigger covers are missing now', () => {
    expect(keys(putBack())).toEqual([['backstop', 'warn', 'finding.backstop.title', 'finding.backstop.missing', 'guard.item.osNumber', 'guard.item.motivo']]);
    expect(backstopFindings(putBack(), testSettings())[0].text.params).toEqual({ tag: BACKSTOP_TAG });
  });

  it('says when the covered fields are complete now (items the trigger cannot see play no part)', () => {
    const complete = putBack({ fields: { [FIELD.categoria]: 'cat_pdv', [FIELD.motivo]: 'motivo_led', [FIELD.osNumber]: 'OS-9', [FIELD.areaResponsavel]: '' }, type: null });
    expect(keys(complete)).toEqual([['backstop', 'warn', 'finding.backstop.title', 'finding.backstop.completeNow']]);
  });

  it('says "could not read" rather than "complete" when a covered field is unreadable', () => {
    const ctx = putBack({ fields: { [FIELD.categoria]: 'cat_pdv', [FIELD.motivo]: 'motivo_led', [FIELD.osNumber]: 'OS-9' } }, { unreadableFields: [FIELD.areaResponsavel] });
    expect(keys(ctx)).toEqual([['backstop', 'warn', 'finding.backstop.title', 'finding.backstop.unchecked', 'guard.item.areaResponsavel']]);
  });

  it('says nothing without the tag, whatever is missing', () => {
    expect(keys(putBack({ tags: ['vip'] }))).toEqual([]);
  });

  it('on an O.S. ticket whose tags could not be read: not known (never "no tag"); elsewhere nothing', () => {
    expect(keys(putBack({ tags: [] }, { unreadable: ['tags'] }))).toEqual([['backstop.unknown', 'info', 'finding.backstop.tagsUnreadable']]);
    expect(keys(putBack({ tags: [], formId: 11, fields: {} }, { unreadable: ['tags'] }))).toEqual([]);
  });

  it('covers exactly the items of the sidebar checklist it names, read through the checklist itself', () => {
    const ids = osChecklist({ context: putBack(), settings: testSettings(), savedComments: { state: 'idle' }, savedStatus: { state: 'done', value: 'open' } }).map((item) => item.id);
    for (const check of BACKSTOP_CHECKS) expect(ids).toContain(check.item);
    expect(backstopItems(putBack(), testSettings()).map((item) => item.id)).toEqual(BACKSTOP_CHECKS.map((check) => check.item));
  });
});
