'use client';

import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';

const Announce = createContext<(message: string) => void>(() => undefined);
const Current = createContext('');

/**
 * The result of an action taken far down a page (restoring a version from the history table),
 * shown at the top, near the heading: actions call `usePageStatus()(message)`, and `<PageStatus />`
 * shows the message in a status region and moves focus to it, so a screen reader reads it and a
 * sighted user sees it without scrolling.
 */
export function PageStatusProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState('');
  return (
    <Announce.Provider value={setMessage}>
      <Current.Provider value={message}>{children}</Current.Provider>
    </Announce.Provider>
  );
}

export const usePageStatus = () => useContext(Announce);

export function PageStatus() {
  const message = useContext(Current);
  const announce = useContext(Announce);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  const dismiss = useCallback(() => announce(''), [announce]);
  return (
    <div ref={ref} role="status" tabIndex={-1} className={message ? 'page-status form-success' : 'page-status'}>
      {message ? (
        <>
          <span>{message}</span>{' '}
          <button type="button" className="secondary" onClick={dismiss}>
            Dismiss
          </button>
        </>
      ) : null}
    </div>
  );
}
