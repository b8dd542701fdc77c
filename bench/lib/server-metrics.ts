/**
 * Metrics of one server from a single Prometheus scrape (so figures read together are of one moment),
 * each summed over its labels; a metric the scrape lacks is 0.
 */
export async function readMetrics<N extends string>(metricsUrl: string | undefined, names: readonly N[]): Promise<Record<N, number>> {
  if (!metricsUrl) throw new Error(`${names.join(', ')}: this server was started without a metrics port`);
  const response = await fetch(metricsUrl);
  if (response.status !== 200) throw new Error(`${names.join(', ')}: ${metricsUrl} answered ${response.status}`);
  const totals = Object.fromEntries(names.map((name) => [name, 0])) as Record<N, number>;
  for (const line of (await response.text()).split('\n')) {
    const match = /^(\S+?)(?:\{[^}]*\})?\s+(\S+)/.exec(line);
    const name = match?.[1] as N | undefined;
    if (name !== undefined && name in totals) totals[name] += Number(match?.[2]);
  }
  return totals;
}
