'use client';

import { startTransition, useEffect, useState } from 'react';
import { DEFAULT_WIDTH } from '@/lib/charts/constants';

/**
 * Measures the chart container. The server renders at DEFAULT_WIDTH (the SVG scales to fit
 * until the browser measures); afterwards the chart is laid out again at its real width. The ref
 * is a callback, so a container that appears later (after a "Loading…" or empty state, when the
 * figures arrive) is measured too, not only one present at the first render. The new width is a
 * transition: the charts are laid out again in slices React can pause for input, not in one long
 * task after hydration.
 */
export function useChartWidth<T extends HTMLElement>() {
  const [element, ref] = useState<T | null>(null);
  const [width, setWidth] = useState(DEFAULT_WIDTH);
  const [measured, setMeasured] = useState(false);
  useEffect(() => {
    if (!element) return;
    const update = () => {
      const w = Math.round(element.getBoundingClientRect().width);
      if (w > 0) {
        startTransition(() => {
          setWidth(w);
          setMeasured(true);
        });
      }
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return { ref, width, measured };
}
