export interface PostgresWatch {
  /** The store's change counter and when this process learned of it; null while unknown. */
  current(): { value: string; changedAt: number } | null;
  stop(): Promise<void>;
}

export function watchPostgres(url: string, options?: { now?: () => number }): PostgresWatch;
