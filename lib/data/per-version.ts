/**
 * The store hands out one array of rows per version of the data (a publish or rollback replaces
 * it), so anything worked out from every row can be worked out once per version and kept.
 */

/** `pick(rows)`, computed once per array of rows and kept as long as the array is. */
export function oncePerRows<R extends object, T>(pick: (rows: R) => T): (rows: R) => T {
  const cache = new WeakMap<R, T>();
  return (rows) => {
    if (!cache.has(rows)) cache.set(rows, pick(rows));
    return cache.get(rows) as T;
  };
}
