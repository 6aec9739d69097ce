// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createWire } from './wire';

const settle = (ms = 30) => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * Every message sent has been delivered: a condition, not a sleep (a fixed 30 ms was shorter than three
 * delivery tasks take on a loaded machine: 'delivers first in, first out' saw [a, b], 2026-11-29).
 */
async function delivered(wire: { readonly pending: number }, timeoutMs = 5000) {
  for (const started = performance.now(); wire.pending > 0; ) {
    if (performance.now() - started > timeoutMs) throw new Error(`${wire.pending} messages still pending after ${timeoutMs} ms`);
    await settle(5);
  }
}

describe('createWire: one direction of postMessage', () => {
  it('delivers first in, first out, never in the sending task', async () => {
    const wire = createWire();
    const seen: string[] = [];
    for (const name of ['a', 'b', 'c']) wire.send(() => seen.push(name));
    expect(seen).toEqual([]);
    expect(wire.pending).toBe(3);
    await delivered(wire);
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(wire.pending).toBe(0);
  });

  it('delivers each message in its own task: what one handler starts settles before the next message', async () => {
    const wire = createWire();
    const seen: string[] = [];
    wire.send(() => void Promise.resolve().then(() => seen.push('microtask of a')));
    wire.send(() => seen.push('b'));
    await delivered(wire);
    expect(seen).toEqual(['microtask of a', 'b']);
  });

  it('keeps the order with a delay, and a message sent during delivery goes after those already queued', async () => {
    const wire = createWire(20);
    const seen: string[] = [];
    const started = performance.now();
    wire.send(() => {
      seen.push('a');
      wire.send(() => seen.push('c (sent by a)'));
    });
    wire.send(() => seen.push('b'));
    await settle(10);
    expect(seen).toEqual([]);
    await delivered(wire);
    expect(seen).toEqual(['a', 'b', 'c (sent by a)']);
    expect(performance.now() - started).toBeGreaterThanOrEqual(20);
  });

  it('a handler that throws does not stop the messages after it', async () => {
    const wire = createWire();
    const seen: string[] = [];
    const errors: unknown[] = [];
    const onError = (error: unknown) => errors.push(error);
    process.on('uncaughtException', onError);
    try {
      wire.send(() => {
        throw new Error('handler bug');
      });
      wire.send(() => seen.push('next'));
      await delivered(wire);
    } finally {
      process.off('uncaughtException', onError);
    }
    expect(seen).toEqual(['next']);
    expect(errors).toEqual([new Error('handler bug')]);
  });
});
