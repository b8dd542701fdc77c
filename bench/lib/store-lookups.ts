/** signals_store_lookups_total of one server process, summed by result (hit_memory, hit_redis, miss, error). */
export async function storeLookups(metricsUrl: string | undefined): Promise<Record<string, number>> {
  if (!metricsUrl) throw new Error('store lookups: this server was started without a metrics port');
  const response = await fetch(metricsUrl);
  if (response.status !== 200) throw new Error(`store lookups: ${metricsUrl} answered ${response.status}`);
  const totals: Record<string, number> = {};
  for (const line of (await response.text()).split('\n')) {
    const match = /^signals_store_lookups_total\{[^}]*result="([^"]+)"[^}]*\}\s+(\S+)/.exec(line);
    if (match?.[1] && match[2]) totals[match[1]] = (totals[match[1]] ?? 0) + Number(match[2]);
  }
  return totals;
}

/** What one run added: `after − before` per result. */
export function lookupsBetween(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(after).map(([result, count]) => [result, count - (before[result] ?? 0)]));
}
