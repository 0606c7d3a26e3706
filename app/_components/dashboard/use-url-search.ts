'use client';

import { useSyncExternalStore } from 'react';

/**
 * The page's query string as the single source of the dashboard's view. Read straight from
 * `location` (not from the router), so rapid back/forward presses can never leave the charts
 * showing a different view from the address bar.
 */
const CHANGE = 'atlas:urlchange';

function subscribe(onChange: () => void) {
  window.addEventListener('popstate', onChange);
  window.addEventListener(CHANGE, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(CHANGE, onChange);
  };
}

export function useUrlSearch(serverSearch: string): string {
  return useSyncExternalStore(subscribe, () => window.location.search, () => serverSearch);
}

/** Adds a history entry for a new view (so back/forward step through views) without a server round trip. */
export function pushUrlSearch(search: string) {
  window.history.pushState(null, '', search);
  window.dispatchEvent(new Event(CHANGE));
}

/**
 * Replaces the current history entry with a new view: for steps of one choice still being made
 * (arrowing through a picker), so back goes to the view before the choice, not through each step.
 */
export function replaceUrlSearch(search: string) {
  window.history.replaceState(null, '', search);
  window.dispatchEvent(new Event(CHANGE));
}
