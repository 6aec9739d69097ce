/**
 * One direction of the ZAF postMessage channel between Zendesk and the app's iframe, as the browser
 * delivers it: messages arrive in the order they were sent (first in, first out), each one in its own
 * task (the microtasks a handler starts settle before the next message is handled), `delayMs` after it
 * was sent. The harness's fake client and the protocol test host send everything Zendesk sends — get /
 * set / invoke replies, `*.changed` events, the `ticket.save` hook — through one wire each way, so an
 * agent's edit followed at once by a save reaches the app as Zendesk would deliver it: the change event
 * first, then `ticket.save`.
 *
 * Order of delivery: HTML Living Standard, "Cross-document messaging" — postMessage queues a task on the
 * posted message task source, and tasks of one source run in the order queued
 * (https://html.spec.whatwg.org/multipage/web-messaging.html#posting-messages).
 */
export interface Wire {
  /** Runs `deliver` in its own task, after every message sent before it, no sooner than `delayMs` from now. */
  send(deliver: () => void): void;
  /** Messages sent and not yet delivered. */
  readonly pending: number;
}

export function createWire(delayMs = 0): Wire {
  const queue: { due: number; deliver: () => void }[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;

  function schedule() {
    if (timer !== null || queue.length === 0) return;
    timer = setTimeout(pump, Math.max(0, queue[0].due - performance.now()));
  }

  /** One message per task, as postMessage delivers them. */
  function pump() {
    timer = null;
    const next = queue[0];
    if (next && next.due <= performance.now()) {
      queue.shift();
      try {
        next.deliver();
      } finally {
        schedule();
      }
      return;
    }
    schedule();
  }

  return {
    send(deliver) {
      // Never before a message sent earlier: a constant delay keeps the order, this keeps it whatever the clock does.
      const due = Math.max(performance.now() + delayMs, queue.at(-1)?.due ?? 0);
      queue.push({ due, deliver });
      schedule();
    },
    get pending() {
      return queue.length;
    },
  };
}
