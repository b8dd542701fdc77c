import type { RecordedCall } from '../../src/simulators/simulator-server';

/**
 * The most calls found in any window of `windowMs`, wherever it starts (every window starting at a
 * recorded call is checked, which is where a maximum is reached). Timestamps are the simulator's.
 */
export function mostCallsInAnyWindow(calls: readonly Pick<RecordedCall, 'at'>[], windowMs: number): number {
  const times = calls.map((call) => call.at).sort((a, b) => a - b);
  let most = 0;
  let end = 0;
  for (let start = 0; start < times.length; start++) {
    while (end < times.length && (times[end] as number) < (times[start] as number) + windowMs) end++;
    most = Math.max(most, end - start);
  }
  return most;
}
