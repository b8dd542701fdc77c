/** The samples of one metric in a server's Prometheus text, summed over their labels. */
export async function readMetric(metricsUrl: string | undefined, name: string): Promise<number> {
  if (!metricsUrl) throw new Error(`${name}: this server was started without a metrics port`);
  const response = await fetch(metricsUrl);
  if (response.status !== 200) throw new Error(`${name}: ${metricsUrl} answered ${response.status}`);
  let total = 0;
  for (const line of (await response.text()).split('\n')) {
    const match = /^(\S+?)(?:\{[^}]*\})?\s+(\S+)/.exec(line);
    if (match?.[1] === name) total += Number(match[2]);
  }
  return total;
}
