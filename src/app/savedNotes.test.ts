// @vitest-environment node
/*
 * When the saved notes are read (issue 16 item 4: "only where they can change a verdict"), against the
 * inputs a review of that change found (2026-11-29): a stored change by someone else, the last field and
 * "Submit as On-hold" in one gesture, the note being written switched to public, unreadable ZAF paths,
 * a refusal for another item, a read that failed while the agent types, seed 002's Open → On Hold; and a
 * second review's: a stored change arriving while a read is under way, a stale read that fails, a save
 * whose ticket.submit.done never came.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FAST_POLICY, server, startScenario as startWith, until } from '../../harness/testing';
import type { Scenario } from '../../harness/scenario';
import { osChecklist } from '../domain/saveGuard';
import { REFUSAL_07 } from '../../harness/saveGuardTable';
import type { SentinelaState } from './sentinela';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const POLICY = { ...FAST_POLICY, timeoutMs: 10_000 };
const DEADLINE = 1000;
const startScenario = (source: Parameters<typeof startWith>[0], options: Parameters<typeof startWith>[1] = {}) => startWith(source, { policy: POLICY, deadlineMs: DEADLINE, ...options });
type Started = Awaited<ReturnType<typeof startScenario>>;

const NOTE = 'O.S. aberta no Workfinity. CNPJ 49.327.015/0001-58, Razão Social Restaurante Sabor Caseiro Ltda';
const REFUSE_NOTE = 'Sentinela: Inclua observação interna com CNPJ 49.327.015/0001-58 e Razão Social Restaurante Sabor Caseiro Ltda.';
const CATEGORIA = 360006;

type Calls = { calls: { kind: string; target: string }[] };
const requests = (client: Calls) => client.calls.filter((c) => c.kind === 'request').map((c) => c.target);
const settled = (state: SentinelaState) => state.lookupsStarted && state.savedComments.state !== 'loading' && state.savedStatus.state !== 'loading';
async function quiet(run: Started) {
  let count = -1;
  while (count !== requests(run.client).length || !settled(run.sentinela.getState())) {
    count = requests(run.client).length;
    await new Promise((resolve) => setTimeout(resolve, 60));
  }
  return requests(run.client);
}
const noteItem = (state: SentinelaState) =>
  osChecklist({ context: state.context!, settings: state.settings, savedComments: state.savedComments, savedStatus: state.savedStatus, sentNotes: state.sentNotes }).find((item) => item.id === 'internalNote');
/** 11-os-complete without its saved internal note. */
const noSavedNote = (s: Scenario) => void (s.comments = s.comments.filter((comment) => comment.public !== false));
const without = (id: number) => (s: Scenario) => void (s.ticket.custom_fields = s.ticket.custom_fields.filter((field) => field.id !== id));
const both = (...edits: ((s: Scenario) => void)[]) => (s: Scenario) => edits.forEach((edit) => edit(s));
/** Zendesk's ticket.updated (another agent stored a change); the stand-in sends it for a test only. */
const ticketUpdated = (run: Started) => (run.model as unknown as { emit(name: string, data: unknown): void }).emit('ticket.updated', {});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const commentReads = (run: Started) => requests(run.client).filter((url) => url.includes('/comments')).length;
const slowComments = (ms: number) => (s: Scenario) => void s.faults.requests.push({ match: '/comments', kind: 'slow', delayMs: ms, status: 500 });
const faults = (run: Started) => (run.model as unknown as { scenario: Scenario }).scenario.faults.requests;
/** Waits until a /comments request has reached the stand-in (its answer is taken then, sent delayMs later). */
async function readInFlight(run: Started, before: number) {
  await until(() => commentReads(run), (n) => n > before);
  await sleep(150); // the stand-in has taken its answer (sent 600 ms after the request)
  expect(run.sentinela.getState().savedComments.state).toBe('loading');
}


/**
 * The agent empties Categoria (the notes cannot decide now: not read again), then another agent stores the
 * internal note (REST API / their own sidebar) and Zendesk sends ticket.updated.
 */
async function categoriaEmptiedThenNoteAddedElsewhere(run: Started) {
  run.client.agentSet(`ticket.customField:custom_field_${CATEGORIA}`, null);
  await quiet(run);
  run.model.apiUpdate({ comment: { body: NOTE, public: false } });
  ticketUpdated(run);
  await quiet(run);
}

describe('ticket.updated: notes read before it are not used after it', () => {
  it('another agent adds the internal note while Categoria is empty; the agent fills Categoria and saves On Hold: allowed', async () => {
    // Open O.S., everything in place, no internal note saved: the notes are read at load (none found).
    const run = await startScenario('11-os-complete', { edit: noSavedNote });
    await until(() => run.sentinela.getState().savedComments.state, (s) => s === 'done');
    expect(noteItem(run.sentinela.getState())?.state).toBe('missing');
    await categoriaEmptiedThenNoteAddedElsewhere(run);
    const before = requests(run.client).length;
    // The agent fills Categoria again: the notes can decide now, and must be read from Zendesk, not from
    // the cache this view filled before the update.
    run.client.agentSet(`ticket.customField:custom_field_${CATEGORIA}`, 'cat_impressora');
    await quiet(run);
    const readAfterUpdate = requests(run.client).slice(before).filter((url) => url.includes('/comments'));
    run.client.agentSet('ticket.status', 'hold');
    const verdict = await run.client.save();
    expect({ readAfterUpdate: readAfterUpdate.length, verdict }).toEqual({ readAfterUpdate: 1, verdict: { allowed: true, message: null } });
  });
});

describe('the last field filled, then "Submit as On-hold" in the same tick', () => {
  it('note saved (11 without Categoria): 1 request, allowed', async () => {
    const run = await startScenario('11-os-complete', { edit: without(CATEGORIA) });
    await quiet(run);
    expect(requests(run.client)).toEqual([]);
    run.client.agentSet(`ticket.customField:custom_field_${CATEGORIA}`, 'cat_impressora');
    const verdict = await run.client.submitAs('hold');
    expect({ verdict, requests: (await quiet(run)).length }).toEqual({ verdict: { allowed: true, message: null }, requests: 1 });
  });

  it('no note saved: 1 request, refused for the note (without "se ainda não houver": the notes were read)', async () => {
    const run = await startScenario('11-os-complete', { edit: both(without(CATEGORIA), noSavedNote) });
    await quiet(run);
    run.client.agentSet(`ticket.customField:custom_field_${CATEGORIA}`, 'cat_impressora');
    const verdict = await run.client.submitAs('hold');
    expect({ verdict, requests: (await quiet(run)).length }).toEqual({ verdict: { allowed: false, message: REFUSE_NOTE }, requests: 1 });
  });

});

describe('the internal note being written, switched to public just before the save', () => {
  it('no saved note: the switch reads the notes, and the save is refused for the note', async () => {
    const run = await startScenario('11-os-complete', { edit: both(noSavedNote, (s) => void (s.draft = { text: NOTE, type: 'internalNote' })) });
    await quiet(run);
    expect(requests(run.client)).toEqual([]);
    expect(noteItem(run.sentinela.getState())?.state).toBe('ok');
    run.client.agentSet('ticket.comment.type', 'publicReply');
    const verdict = await run.client.submitAs('hold');
    expect({ verdict, requests: (await quiet(run)).length }).toEqual({ verdict: { allowed: false, message: REFUSE_NOTE }, requests: 1 });
  });

  it('comment.type.changed never arrives (dropped): the save still reads the notes and refuses', async () => {
    const run = await startScenario('11-os-complete', { edit: both(noSavedNote, (s) => void (s.draft = { text: NOTE, type: 'internalNote' })) });
    await quiet(run);
    run.model.dropEvents(['comment.type.changed']);
    run.client.agentSet('ticket.comment.type', 'publicReply');
    const verdict = await run.client.submitAs('hold');
    expect(verdict).toEqual({ allowed: false, message: REFUSE_NOTE });
  });
});

describe('unreadable ZAF paths with the new rule', () => {
  it.each([
    ['ticket.status', ['ticket.status']],
    ['ticket.comment.text', ['ticket.comment.text']],
    ['ticket.comment.type', ['ticket.comment.type']],
    ['Categoria', [`ticket.customField:custom_field_${CATEGORIA}`]],
    ['ticket.organization', ['ticket.organization']],
  ])('%s unreadable, note saved, 11-os-complete: the note item is never "missing"', async (_name, paths) => {
    const run = await startScenario('11-os-complete', { edit: (s) => void s.faults.unreadablePaths.push(...paths) });
    await quiet(run);
    const item = noteItem(run.sentinela.getState());
    expect(item?.state).not.toBe('missing');
  });

  it('ticket.organization unreadable on the large account (a QA re-run found 8 requests cold, 6 warm, 15 with the status unreadable too): no CNPJ search, no notes read — they cannot decide an item the organization leaves unknown — at load or at the save', async () => {
    for (const paths of [['ticket.organization'], ['ticket.organization', 'ticket.status']]) {
      const run = await startScenario('26-large-account', { edit: (s) => void s.faults.unreadablePaths.push(...paths) });
      await quiet(run);
      expect(requests(run.client), paths.join(' + ')).toEqual([]);
      expect(noteItem(run.sentinela.getState())).toMatchObject({ state: 'unchecked', note: { key: 'guard.note.organizationUnreadable' } });
      run.client.agentSet('ticket.status', 'hold');
      await run.client.save();
      expect(await quiet(run), paths.join(' + ')).toEqual(paths.includes('ticket.status') ? ['/api/v2/tickets/4542.json'] : []);
    }
  });
});

describe('failMode closed, a save refused for another item', () => {
  it('07 (fields missing, no note): refused at once; setting On Hold reads the notes beside the save, not on its path, and the next refusal knows the note is missing', async () => {
    const run = await startScenario('07-os-missing-fields', { edit: (s) => void (s.settings.failMode = 'closed') });
    await quiet(run);
    expect(requests(run.client)).toEqual([]);
    const at = Date.now();
    const verdict = await run.client.submitAs('hold');
    expect(Date.now() - at).toBeLessThan(DEADLINE);
    expect(verdict).toEqual({ allowed: false, message: expect.stringMatching(REFUSAL_07) });
    // The move to On Hold is when issue 16's budget allows the read (1 request): the next refusal knows the note.
    expect((await quiet(run)).filter((url) => url.includes('/comments'))).toHaveLength(1);
    expect(noteItem(run.sentinela.getState())?.state).toBe('missing');
    expect((await run.client.save()).message).toBe('Sentinela: Preencha Número da O.S., Categoria e Motivo; apague Área responsável (0800); inclua observação interna com CNPJ 49.327.015/0001-58 e Razão Social Restaurante Sabor Caseiro Ltda.');
  });

  it('14 (SODEXO, Número Referência empty, the note IS saved): setting On Hold reads the notes; no refusal asks for a note that exists once they are in', async () => {
    const run = await startScenario('14-sodexo-os', { edit: (s) => void (s.settings.failMode = 'closed') });
    await quiet(run);
    expect(requests(run.client)).toEqual([]);
    const first = await run.client.submitAs('hold');
    // Refused for Número Referência; the note, if the read was not in yet, asked for "if not there yet".
    expect(first.message).toMatch(/^Sentinela: Preencha Número Referência(; inclua observação interna com CNPJ .*, se ainda não houver)?\.$/);
    await quiet(run);
    expect(requests(run.client).filter((url) => url.includes('/comments'))).toHaveLength(1);
    expect(noteItem(run.sentinela.getState())?.state).toBe('ok');
    expect(await run.client.save()).toEqual({ allowed: false, message: 'Sentinela: Preencha Número Referência.' });
  });
});

describe('a save answered before the notes were read: what the notice says', () => {
  it('a save whose notes were not read in time (slow API, failMode open): the notice does not say "checked once the rest is complete"', async () => {
    // The file's deadline (1 s), not a shorter one: the save's batched get must answer within it even on a loaded CI
    // machine (at 300 ms it once did not, and the notice named the parts that get left unread); the notes take 4 s.
    const run = await startScenario('11-os-complete', {
      edit: (s) => void s.faults.requests.push({ match: '/comments', kind: 'slow', delayMs: 4000, status: 500 }),
    });
    run.client.agentSet('ticket.status', 'hold');
    const verdict = await run.client.save();
    const notice = run.sentinela.getState().notices.find((n) => n.sticky);
    const whys = (notice?.details ?? []).map((d) => (d.params as { why: { key: string } }).why.key);
    expect({ allowed: verdict.allowed, whys }).toEqual({ allowed: true, whys: ['guard.note.notesLoading'] });
  });
});

describe('typing in the composer re-evaluates the notes at every keystroke', () => {
  it('API down (comments 500), 11-os-complete: 30 keystrokes make no request and do not flip the note item between "reading" and "could not be read"', async () => {
    const run = await startScenario('11-os-complete', { edit: (s) => void s.faults.requests.push({ match: '/comments', kind: 'status', status: 500, delayMs: 0 }) });
    await quiet(run);
    const before = requests(run.client).length;
    const states: string[] = [run.sentinela.getState().savedComments.state];
    const unsubscribe = run.sentinela.subscribe(() => {
      const state = run.sentinela.getState().savedComments.state;
      if (states.at(-1) !== state) states.push(state);
    });
    let text = '';
    for (const letter of 'Cliente informou que a impre') {
      text += letter;
      run.client.agentSet('ticket.comment.text', text);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await quiet(run);
    unsubscribe();
    expect({ requests: requests(run.client).length - before, transitions: states.length }).toEqual({ requests: 0, transitions: 1 });
  });
});

describe('procedure 002 with the note saved at an earlier save: New → Open → On Hold at once', () => {
  it('the Open save starts the notes read (1 request); the On Hold save right after is judged on them (comments 700 ms)', async () => {
    const run = await startScenario('12-os-new-to-hold', {
      edit: (s) => {
        s.comments.push({ id: 99, public: false, body: NOTE });
        s.draft = { text: '', type: 'publicReply' };
        s.faults.requests.push({ match: '/comments', kind: 'slow', delayMs: 700, status: 500 });
      },
      deadlineMs: 2000,
    });
    await quiet(run);
    expect(requests(run.client)).toEqual([]);
    expect(await run.client.submitAs('open')).toEqual({ allowed: true, message: null });
    const at = Date.now();
    const verdict = await run.client.submitAs('hold');
    const tookMs = Date.now() - at;
    // Known limit (README): a save that follows at once waits for the read that the Open save started, within its deadline.
    expect({ verdict, inTime: tookMs < 2000, requests: (await quiet(run)).length }).toEqual({ verdict: { allowed: true, message: null }, inTime: true, requests: 1 });
  });
});

describe('ticket.updated arrives while a notes read is under way', () => {
  it('read started by forHold (Categoria empty); another agent stores the note during it; the agent fills Categoria and saves On Hold: allowed', async () => {
    const run = await startScenario('11-os-complete', { edit: both(without(CATEGORIA), noSavedNote, slowComments(600)) });
    await quiet(run);
    expect(commentReads(run)).toBe(0);
    run.client.agentSet('ticket.status', 'hold'); // forHold: read beside, even with Categoria missing
    await readInFlight(run, 0);
    // status 'open' given explicitly: the stand-in's apiUpdate writes onto the editor's ticket (with this agent's
    // unsaved On Hold) and stores it — a harness quirk (see REPORT R7-N2); the agent sets On Hold again below.
    run.model.apiUpdate({ comment: { body: NOTE, public: false }, status: 'open' });
    ticketUpdated(run);
    await quiet(run);
    run.client.agentSet('ticket.status', 'hold');
    await quiet(run);
    const afterUpdate = { state: run.sentinela.getState().savedComments.state, item: noteItem(run.sentinela.getState())?.state, reads: commentReads(run) };
    run.client.agentSet(`ticket.customField:custom_field_${CATEGORIA}`, 'cat_impressora');
    await quiet(run);
    const beforeSave = { item: noteItem(run.sentinela.getState())?.state, reads: commentReads(run) };
    const verdict = await run.client.save();
    console.log('R7-A1', JSON.stringify({ afterUpdate, beforeSave, readsAfterSave: commentReads(run), verdict }));
    // The answer that predates ticket.updated must not be taken as what Zendesk holds now: the note is saved.
    expect({ afterUpdate: { item: afterUpdate.item }, verdict }).toEqual({ afterUpdate: { item: expect.not.stringMatching(/^missing$/) }, verdict: { allowed: true, message: null } });
  });

  it('read started by filling the last field (notesCanDecide); the note stored by another agent during it; save On Hold: allowed', async () => {
    const run = await startScenario('11-os-complete', { edit: both(without(CATEGORIA), noSavedNote, slowComments(600)) });
    await quiet(run);
    run.client.agentSet(`ticket.customField:custom_field_${CATEGORIA}`, 'cat_impressora');
    await readInFlight(run, 0);
    run.model.apiUpdate({ comment: { body: NOTE, public: false } });
    ticketUpdated(run);
    await quiet(run);
    const item = noteItem(run.sentinela.getState())?.state;
    run.client.agentSet('ticket.status', 'hold');
    const verdict = await run.client.save();
    console.log('R7-A2', JSON.stringify({ item, reads: commentReads(run), verdict }));
    expect({ item, verdict }).toEqual({ item: expect.not.stringMatching(/^missing$/), verdict: { allowed: true, message: null } });
  });
});

describe('a read started by forHold, then the ticket set back to Open', () => {
  it('14 (note saved): hold → read → Open before it answers: the item ends ok, one request, the Open save allowed', async () => {
    const run = await startScenario('14-sodexo-os', { edit: slowComments(300) });
    await quiet(run);
    run.client.agentSet('ticket.status', 'hold');
    await readInFlight(run, 0);
    run.client.agentSet('ticket.status', 'open');
    await quiet(run);
    const item = noteItem(run.sentinela.getState())?.state;
    const verdict = await run.client.save();
    expect({ item, reads: commentReads(run), verdict }).toEqual({ item: 'ok', reads: 1, verdict: { allowed: true, message: null } });
  });
});

describe('notesStale cleared by a read that then fails', () => {
  it('ticket.updated (note added) → the stale read fails (500) → the API comes back → save On Hold: the note is read from Zendesk, allowed; never "missing" meanwhile', async () => {
    const run = await startScenario('11-os-complete', { edit: noSavedNote });
    await quiet(run);
    expect(noteItem(run.sentinela.getState())?.state).toBe('missing');
    await categoriaEmptiedThenNoteAddedElsewhere(run);
    faults(run).push({ match: '/comments', kind: 'status', status: 500, delayMs: 0 });
    run.client.agentSet(`ticket.customField:custom_field_${CATEGORIA}`, 'cat_impressora'); // stale read → fails
    await quiet(run);
    const failed = { state: run.sentinela.getState().savedComments.state, item: noteItem(run.sentinela.getState())?.state };
    faults(run).splice(0); // Zendesk answers again
    run.client.agentSet('ticket.comment.text', 'x'); // a keystroke: no read, no change
    await quiet(run);
    const afterKey = noteItem(run.sentinela.getState())?.state;
    run.client.agentSet('ticket.status', 'hold');
    const verdict = await run.client.save();
    expect({ failed, afterKey, verdict }).toEqual({ failed: { state: 'failed', item: 'unchecked' }, afterKey: 'unchecked', verdict: { allowed: true, message: null } });
  });

  it('the same, but the stale read is still failing when the agent saves (failMode closed): refused as not checked, never "inclua observação interna" plainly', async () => {
    const run = await startScenario('11-os-complete', { edit: both(noSavedNote, (s) => void (s.settings.failMode = 'closed')) });
    await quiet(run);
    await categoriaEmptiedThenNoteAddedElsewhere(run);
    faults(run).push({ match: '/comments', kind: 'status', status: 500, delayMs: 0 });
    run.client.agentSet(`ticket.customField:custom_field_${CATEGORIA}`, 'cat_impressora');
    await quiet(run);
    run.client.agentSet('ticket.status', 'hold');
    const verdict = await run.client.save();
    expect(verdict.allowed).toBe(false);
    expect(verdict.message).not.toBe('Sentinela: Inclua observação interna com CNPJ 49.327.015/0001-58 e Razão Social Restaurante Sabor Caseiro Ltda.');
  });
});

describe('a save whose ticket.submit.done never came (the note was in it)', () => {
  it('note written and sent as Open (submit.done dropped); Categoria emptied; refused On Hold; Categoria filled; save On Hold: the note is read from Zendesk, allowed', async () => {
    const run = await startScenario('11-os-complete', { edit: noSavedNote });
    await quiet(run);
    expect(noteItem(run.sentinela.getState())?.state).toBe('missing');
    run.client.agentSet('ticket.comment.type', 'internalNote');
    run.client.agentSet('ticket.comment.text', NOTE);
    await quiet(run);
    run.model.dropEvents(['ticket.submit.done']);
    expect(await run.client.submitAs('open')).toEqual({ allowed: true, message: null });
    await quiet(run);
    run.client.agentSet(`ticket.customField:custom_field_${CATEGORIA}`, null);
    await quiet(run);
    const refused = await run.client.submitAs('hold'); // refused for Categoria; the unseen save is settled here
    await quiet(run);
    const readsBefore = commentReads(run);
    run.client.agentSet(`ticket.customField:custom_field_${CATEGORIA}`, 'cat_impressora');
    await quiet(run);
    const item = noteItem(run.sentinela.getState())?.state;
    const verdict = await run.client.save();
    expect({ refusedForCategoria: refused.message?.startsWith('Sentinela: Preencha Categoria'), item, verdict, readFromZendesk: commentReads(run) > readsBefore }).toEqual({
      refusedForCategoria: true,
      item: 'ok',
      verdict: { allowed: true, message: null },
      readFromZendesk: true,
    });
  });
});

describe('a save that asks again for notes whose read failed waits for that read (review 9, R9-1)', () => {
  it.each(['open', 'closed'] as const)('26, comments 503 ×6 (the read at load and the one at On Hold both fail), failMode %s: the save reads them again and is allowed, with no notice', async (failMode) => {
    const run = await startScenario('26-large-account', {
      edit: (s) => {
        s.faults.requests.push({ match: '/comments', kind: 'status', status: 503, delayMs: 0, times: 6 });
        s.settings.failMode = failMode;
      },
    });
    await until(() => run.sentinela.getState().savedComments.state, (s) => s === 'failed');
    run.client.agentSet('ticket.status', 'hold');
    await until(() => commentReads(run), (n) => n === 6);
    await until(() => run.sentinela.getState().savedComments.state, (s) => s === 'failed');
    expect(await run.client.save()).toEqual({ allowed: true, message: null });
    expect(run.sentinela.getState().notices.filter((notice) => notice.sticky)).toEqual([]);
    expect(commentReads(run)).toBe(7);
  });
});
