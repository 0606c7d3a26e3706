'use client';

import { useCallback, useRef, useState, type KeyboardEvent } from 'react';

/**
 * Keyboard and pointer behaviour shared by the charts: one Tab stop per chart, arrow keys move
 * between data points (roving tabindex), Home/End jump to the ends, Escape hides the tooltip,
 * and hover, focus or a tap shows it. `neighbour` replaces the list order for arrow keys (the
 * map moves to the nearest state in the arrow's direction); it returns null to stay put.
 */
export function useRovingPoints(count: number, neighbour?: (from: number, key: string) => number | null | undefined) {
  const [active, setActive] = useState<number | null>(null);
  const [current, setCurrent] = useState(0);
  const elements = useRef<Array<Element | null>>([]);

  const show = useCallback((i: number | null) => {
    if (i !== null && typeof performance !== 'undefined') performance.mark('tooltip:start');
    setActive(i);
  }, []);

  const move = useCallback(
    (to: number) => {
      const next = Math.max(0, Math.min(count - 1, to));
      setCurrent(next);
      show(next);
      (elements.current[next] as HTMLElement | SVGElement | null)?.focus();
    },
    [count, show],
  );

  const onKeyDown = useCallback(
    (e: KeyboardEvent, i: number) => {
      const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
      const next = step !== undefined && neighbour ? neighbour(i, e.key) : undefined;
      if (next !== undefined) {
        e.preventDefault();
        if (next !== null) move(next);
      } else if (step !== undefined) {
        e.preventDefault();
        move(i + step);
      } else if (e.key === 'Home') {
        e.preventDefault();
        move(0);
      } else if (e.key === 'End') {
        e.preventDefault();
        move(count - 1);
      } else if (e.key === 'Escape') {
        show(null);
      }
    },
    [count, move, show, neighbour],
  );

  const bind = (i: number) => ({
    ref: (el: Element | null) => {
      elements.current[i] = el;
    },
    tabIndex: i === Math.min(current, count - 1) ? 0 : -1,
    onFocus: () => {
      setCurrent(i);
      show(i);
    },
    onBlur: () => show(null),
    onPointerEnter: (e: React.PointerEvent) => {
      if (e.pointerType === 'mouse') show(i);
    },
    onPointerLeave: (e: React.PointerEvent) => {
      if (e.pointerType === 'mouse') show(null);
    },
    onKeyDown: (e: KeyboardEvent) => onKeyDown(e, i),
  });

  /** One step back or forward from the active point (or the current Tab stop), for on-screen buttons. */
  const step = useCallback((by: number) => move((active ?? current) + by), [active, current, move]);

  return { active, setActive: show, bind, step };
}
