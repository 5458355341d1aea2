// Numbers derived from the sandbox's call log ({at, end} per Billing call, ms).

/**
 * Sequential round trips on the critical path: the longest chain of calls where each one starts
 * after the previous one has ended. Parallel calls count once; a call that waited for another counts twice.
 */
export function criticalPath(calls) {
  const sorted = [...calls].sort((a, b) => a.at - b.at);
  const depth = [];
  let best = 0;
  for (let i = 0; i < sorted.length; i += 1) {
    let d = 1;
    for (let j = 0; j < i; j += 1) if (sorted[j].end <= sorted[i].at) d = Math.max(d, depth[j] + 1);
    depth[i] = d;
    best = Math.max(best, d);
  }
  return best;
}

/** Most calls in flight at the same instant. */
export function maxConcurrency(calls) {
  const events = [];
  for (const c of calls) {
    events.push([c.at, 1]);
    events.push([c.end, -1]);
  }
  // Ends before starts at the same instant: back-to-back calls are not concurrent.
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let open = 0;
  let max = 0;
  for (const [, d] of events) {
    open += d;
    max = Math.max(max, open);
  }
  return max;
}

/** Most calls in any sliding 60-second window (timestamps in ms). */
export function peakPerMinute(times) {
  const t = [...times].sort((a, b) => a - b);
  let max = 0;
  let start = 0;
  for (let end = 0; end < t.length; end += 1) {
    while (t[end] - t[start] >= 60_000) start += 1;
    max = Math.max(max, end - start + 1);
  }
  return max;
}

/** Calls for the same URL whose lifetimes overlap: identical requests in flight together (should be 0). */
export function duplicatesInFlight(calls) {
  let n = 0;
  for (let i = 0; i < calls.length; i += 1) {
    for (let j = i + 1; j < calls.length; j += 1) {
      const a = calls[i];
      const b = calls[j];
      if (a.method === b.method && a.url === b.url && a.at < b.end && b.at < a.end) n += 1;
    }
  }
  return n;
}
