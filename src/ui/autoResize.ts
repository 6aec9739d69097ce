import { useEffect, useRef } from 'react';

/** How long the sidebar's height must stay still before Zendesk is asked to resize the frame. */
export const RESIZE_SETTLE_MS = 150;
/** The longest the first resize waits for the look-ups and the procedures panel to settle. */
export const RESIZE_MAX_WAIT_MS = 2500;

/**
 * Keeps the sidebar iframe as tall as its content with at most one `resize` per settled render: a
 * height is sent once the view is settled (ticket read, look-ups answered, procedures panel loaded —
 * or, for the first one only, RESIZE_MAX_WAIT_MS passed; after that an unsettled view only when it grows) and has not
 * changed for RESIZE_SETTLE_MS, and never twice the same.
 * (ZAF `client.invoke('resize', { width, height })`, docs/zendesk-facts §8.)
 */
export function useAutoResize(onResize: ((height: number) => void) | undefined, settled: boolean) {
  const ref = useRef<HTMLDivElement>(null);
  const settledNow = useRef(settled);
  settledNow.current = settled;
  const schedule = useRef<() => void>(() => undefined);
  useEffect(() => {
    const element = ref.current;
    if (!element || !onResize || typeof ResizeObserver === 'undefined') return;
    const started = Date.now();
    let sent = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const settle = () => {
      timer = null;
      const height = Math.ceil(element.getBoundingClientRect().height) + 8;
      // Unsettled, the first resize waits at most RESIZE_MAX_WAIT_MS. After it, an unsettled view is sent only when it
      // grows (the agent never gets a clipped sidebar, e.g. "Mais" opened during a 429 back-off); a shrink waits until
      // the view is settled — not one resize per passing height (a slow machine showed 350 → 430 → 346 px, 2026-11-29).
      if (!settledNow.current && (sent === 0 ? Date.now() - started < RESIZE_MAX_WAIT_MS : height <= sent + 2)) {
        timer = setTimeout(settle, RESIZE_SETTLE_MS);
        return;
      }
      if (Math.abs(height - sent) > 2) {
        sent = height;
        onResize(height);
      }
    };
    schedule.current = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(settle, RESIZE_SETTLE_MS);
    };
    const observer = new ResizeObserver(() => schedule.current());
    observer.observe(element);
    return () => {
      observer.disconnect();
      if (timer) clearTimeout(timer);
      schedule.current = () => undefined;
    };
  }, [onResize]);
  useEffect(() => {
    if (settled) schedule.current();
  }, [settled]);
  return ref;
}
