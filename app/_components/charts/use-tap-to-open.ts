'use client';

import { useLocale } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useRef, useState, type MouseEvent, type PointerEvent } from 'react';
import { localePath } from '@/lib/i18n/locales';

/**
 * Links to state profiles inside a chart. A mouse click or Enter opens the profile; on a touch
 * screen the first tap on a state shows its figure (there is no hover) and a second tap opens it.
 */
export function useTapToOpen(show: (index: number) => void) {
  const router = useRouter();
  // The profile in the page's language (/es/states/… on a Spanish page).
  const locale = useLocale();
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
      const path = localePath(locale, `/states/${code}`);
      if (window.self !== window.top) window.open(path, '_blank', 'noopener');
      else router.push(path);
    },
  });

  return { tapped, handlers };
}
