/**
 * Runs `task` over `items` with at most `limit` in flight, keeping results in input order. Failures are
 * returned in place (as Error values) rather than thrown, so one customer's failure never hides the
 * others' results: this is the shape DataLoader batch functions must return.
 */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<Array<R | Error>> {
  const results = new Array<R | Error>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      try {
        results[index] = await task(items[index] as T);
      } catch (error) {
        results[index] = error instanceof Error ? error : new Error(String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
