'use client';

import { createContext, startTransition, useCallback, useContext, useEffect, useRef, useState } from 'react';
import { DEFAULT_WIDTH, MAX_UPSCALE } from '@/lib/charts/constants';

/**
 * The first layout of each chart at its real width, one chart at a time. Hydration finishes with
 * every chart drawn at DEFAULT_WIDTH; laying all of them out again in one render would end in one
 * long commit (every mark of five charts moved at once), which on a slow phone blocks input for
 * half a second. Instead each chart's first new layout waits its turn: the next chart starts only
 * after the previous one's new layout has been committed and the browser has had an idle moment.
 * A chart that keeps its drawing, only scaled, needs no turn.
 */
const queue: Array<() => void> = [];
let running = false;

function whenIdle(callback: () => void) {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(callback, { timeout: 200 });
  else setTimeout(callback, 1);
}

function runNext() {
  const job = queue.shift();
  if (job) job();
  else running = false;
}

function enqueue(job: () => void) {
  queue.push(job);
  if (!running) {
    running = true;
    whenIdle(runNext);
  }
}

function dequeue(job: () => void) {
  const i = queue.indexOf(job);
  if (i >= 0) queue.splice(i, 1);
}

/**
 * The width the server drew the charts at: its guess from the request (lib/http/touch.ts), which
 * the first render must repeat to hydrate the server's SVG. Without a provider: DEFAULT_WIDTH.
 */
export const WidthGuess = createContext(DEFAULT_WIDTH);

/**
 * A chart body's height for a drawing `height` px tall: scaled with the drawing when the browser
 * keeps it in a slightly wider container (`--chart-scale`, set below), so the body fits it.
 */
export const scaledHeight = (height: number) => `calc(${height}px * var(--chart-scale, 1))`;

/** Whether a chart drawn `drawn` px wide may be kept, scaled up, in a container `measured` px wide. */
export function closeEnough(drawn: number, measured: number): boolean {
  return measured >= drawn && measured <= drawn * (1 + MAX_UPSCALE);
}

/**
 * Measures the chart container. The server renders at its guessed width (the SVG scales to fit
 * until the browser measures); afterwards, in its turn (see above), the chart is laid out again at
 * its real width unless that is at most MAX_UPSCALE wider than the drawn one, and again whenever the
 * container resizes. Widths come from a ResizeObserver, which reports them after the browser's own
 * layout: asking for one (getBoundingClientRect) would force a layout, and for a chart in a section
 * the browser has not rendered yet (content-visibility, below the fold) a layout of that whole
 * section, undoing what the skip saved. Such a chart is measured once its section nears the screen
 * and is rendered. The container gets `data-laid-out` once its drawing is final for its current
 * width, so tests know points will not move under a pointer. The ref is a callback, so a
 * container that appears later (after a "Loading…" or empty state, when the figures arrive) is
 * measured too; it keeps no state of its own, because a state set while React attaches refs would
 * re-render every chart synchronously straight after hydration. Each new width is a transition,
 * rendered in slices React can pause for input.
 */
export function useChartWidth<T extends HTMLElement>() {
  const guess = useContext(WidthGuess);
  const [width, setWidth] = useState(guess);
  const current = useRef(guess);
  // Set while this chart's first layout is being rendered: called once it has been committed.
  const release = useRef<(() => void) | null>(null);
  // The container whose drawing is being replaced: marked laid out once the new one is committed.
  const pending = useRef<T | null>(null);

  const ref = useCallback((element: T | null) => {
    if (!element) return;
    let started = false;
    let finished = false;
    // The container's last measured width, which a resize must change to lay the chart out again.
    let seen = 0;
    // The width the observer reported last: the first layout uses it when its turn comes.
    let latest = 0;
    const finish = () => {
      if (finished) return;
      finished = true;
      release.current = null;
      whenIdle(runNext);
    };
    // The drawing is scaled by CSS to the container's width; tooltips and the body's height follow.
    const scale = (w: number) => element.style.setProperty('--chart-scale', String(w / current.current));
    const apply = (w: number) => {
      current.current = w;
      pending.current = element;
      element.removeAttribute('data-laid-out');
      startTransition(() => setWidth(w));
    };
    const first = () => {
      started = true;
      const w = (seen = latest);
      if (w > 0 && !closeEnough(current.current, w)) {
        release.current = finish;
        apply(w);
      } else {
        if (w > 0) scale(w);
        element.setAttribute('data-laid-out', '');
        finish();
      }
    };
    let queued = false;
    const observer = new ResizeObserver((entries) => {
      const entry = entries[entries.length - 1];
      const w = Math.round(entry.borderBoxSize?.[0]?.inlineSize ?? entry.contentRect.width);
      latest = w;
      if (!started) {
        if (w <= 0 || queued) return;
        if (closeEnough(current.current, w)) {
          // Kept as drawn, only scaled: a CSS variable, no render, so no turn to wait for. Set here,
          // after the browser's layout and before its paint, the scaled height is the first one seen.
          started = finished = true;
          seen = w;
          scale(w);
          element.setAttribute('data-laid-out', '');
          return;
        }
        // The first report of a width far from the drawing: a new layout, which waits its turn.
        queued = true;
        enqueue(first);
        return;
      }
      if (w > 0 && w !== seen) {
        seen = w;
        if (w !== current.current) apply(w);
        else scale(w);
      }
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      if (!started) dequeue(first);
      else finish();
    };
  }, []);

  // The new width is on screen: let the next chart take its turn.
  useEffect(() => {
    if (pending.current && current.current === width) {
      pending.current.style.removeProperty('--chart-scale');
      pending.current.setAttribute('data-laid-out', '');
      pending.current = null;
    }
    release.current?.();
  }, [width]);

  return { ref, width };
}
