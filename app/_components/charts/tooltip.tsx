'use client';

import { useLayoutEffect } from 'react';

export interface TooltipContent {
  title: string;
  lines: string[];
}

/**
 * The visual tooltip. Screen readers get the same text from the focused point's label, so this
 * box is hidden from them. Placed at (x, y) in the chart body's pixels, flipped to stay inside.
 */
export function Tooltip({ content, x, y, width }: { content: TooltipContent | null; x: number; y: number; width: number }) {
  useLayoutEffect(() => {
    if (content && typeof performance !== 'undefined' && performance.getEntriesByName('tooltip:start').length) {
      performance.measure('tooltip', 'tooltip:start');
      performance.clearMarks('tooltip:start');
    }
  }, [content]);
  if (!content) return null;
  const left = x > width / 2;
  return (
    <div
      className="tooltip"
      aria-hidden="true"
      data-testid="tooltip"
      style={{ top: y, left: left ? undefined : x + 12, right: left ? width - x + 12 : undefined }}
    >
      <strong>{content.title}</strong>
      {content.lines.map((line) => (
        <span key={line}>{line}</span>
      ))}
    </div>
  );
}
