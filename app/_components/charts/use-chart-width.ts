'use client';

import { useEffect, useRef, useState } from 'react';
import { DEFAULT_WIDTH } from '@/lib/charts/constants';

/**
 * Measures the chart container. The server renders at DEFAULT_WIDTH (the SVG scales to fit
 * until the browser measures); afterwards the chart is laid out again at its real width.
 */
export function useChartWidth<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(DEFAULT_WIDTH);
  const [measured, setMeasured] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => {
      const w = Math.round(el.getBoundingClientRect().width);
      if (w > 0) {
        setWidth(w);
        setMeasured(true);
      }
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return { ref, width, measured };
}
