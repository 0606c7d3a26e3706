'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState, type MouseEvent, type PointerEvent } from 'react';

/**
 * Links to state profiles inside a chart. A mouse click or Enter opens the profile; on a touch
 * screen the first tap on a state shows its figure (there is no hover) and a second tap opens it.
 */
export function useTapToOpen(show: (index: number) => void) {
  const router = useRouter();
  const [tapped, setTapped] = useState<string | null>(null);
  const armed = useRef(false);
  const pointer = useRef<string | null>(null);

  const handlers = (code: string, index: number) => ({
    onPointerDown: (e: PointerEvent) => {
      pointer.current = e.pointerType;
      if (e.pointerType === 'mouse') return;
      armed.current = tapped === code;
      setTapped(code);
      show(index);
    },
    onClick: (e: MouseEvent) => {
      if (e.metaKey || e.ctrlKey || e.shiftKey) return; // let the browser open a new tab
      e.preventDefault();
      const type = pointer.current;
      pointer.current = null;
      if ((type === 'touch' || type === 'pen') && !armed.current) return;
      // Inside an embed on another site, the profile opens in a new tab, not inside the frame.
      if (window.self !== window.top) window.open(`/states/${code}`, '_blank', 'noopener');
      else router.push(`/states/${code}`);
    },
  });

  return { tapped, handlers };
}
