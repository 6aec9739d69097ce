// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createWire } from './wire';

const settle = (ms = 30) => new Promise((resolve) => setTimeout(resolve, ms));

describe('createWire: one direction of postMessage', () => {
  it('delivers first in, first out, never in the sending task', async () => {
    const wire = createWire();
    const seen: string[] = [];
    for (const name of ['a', 'b', 'c']) wire.send(() => seen.push(name));
    expect(seen).toEqual([]);
    expect(wire.pending).toBe(3);
    await settle();
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(wire.pending).toBe(0);
  });

  it('delivers each message in its own task: what one handler starts settles before the next message', async () => {
    const wire = createWire();
    const seen: string[] = [];
    wire.send(() => void Promise.resolve().then(() => seen.push('microtask of a')));
    wire.send(() => seen.push('b'));
    await settle();
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
    await settle(80);
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
      await settle();
    } finally {
      process.off('uncaughtException', onError);
    }
    expect(seen).toEqual(['next']);
    expect(errors).toEqual([new Error('handler bug')]);
  });
});
