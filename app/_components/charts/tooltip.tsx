'use client';

import { useLayoutEffect } from 'react';

export interface TooltipContent {
  title: string;
  lines: string[];
}

/**
 * Where a tooltip may go instead of beside its point: inside a column of the chart (the ranking's
 * bar area, never over the state names), above or below the active row (never over it).
 */
export interface TooltipColumn {
  left: number;
  right: number;
  /** Gap (px) between the point's y and the tooltip's edge. */
  gap: number;
  /** Height of the chart body, to put the tooltip above a point in the lower half. */
  height: number;
}

/**
 * A length in the chart's drawing, in the page: the drawing is scaled to its container's width,
 * by `--chart-scale` on the chart body (use-chart-width.ts; 1 when drawn at that width). `extra`
 * px are added unscaled.
 */
const scaled = (px: number, extra = 0) => `calc(${px}px * var(--chart-scale, 1)${extra ? ` + ${extra}px` : ''})`;

/**
 * The visual tooltip. Screen readers get the same text from the focused point's label, so this
 * box is hidden from them. Placed at (x, y) in the chart's drawing, flipped to stay inside;
 * or, with `column`, inside that column above or below y.
 */
export function Tooltip({ content, x, y, width, column }: { content: TooltipContent | null; x: number; y: number; width: number; column?: TooltipColumn }) {
  useLayoutEffect(() => {
    if (content && typeof performance !== 'undefined' && performance.getEntriesByName('tooltip:start').length) {
      performance.measure('tooltip', 'tooltip:start');
      performance.clearMarks('tooltip:start');
    }
  }, [content]);
  if (!content) return null;
  const left = x > width / 2;
  const style = column
    ? {
        transform: 'none',
        left: scaled(column.left),
        maxWidth: `max(160px, ${scaled(column.right - column.left)})`,
        ...(y > column.height / 2 ? { bottom: scaled(column.height - y + column.gap) } : { top: scaled(y + column.gap) }),
      }
    : { top: scaled(y), left: left ? undefined : scaled(x, 12), right: left ? scaled(width - x, 12) : undefined };
  return (
    <div className="tooltip" aria-hidden="true" data-testid="tooltip" style={style}>
      <strong>{content.title}</strong>
      {content.lines.map((line) => (
        <span key={line}>{line}</span>
      ))}
    </div>
  );
}
