/** One request of the load: sent through the balancer again and again. */
export interface LoadRequest {
  name: string;
  path: string;
  init?: RequestInit;
}

export interface LoadResult {
  sent: number;
  failed: number;
  firstFailures: string[];
  /** Per request name: each distinct body seen, with how often. */
  bodies: Map<string, Map<string, number>>;
  seconds: number;
}

/**
 * Sends `requests` in turn from `concurrency` loops at no more than `ratePerSecond` in all, until
 * `stop()` is called, `maxRequests` were sent or `maxSeconds` passed — bounded in count and time.
 * A request fails on a network error, a timeout or a status other than 200.
 */
export function startBoundedLoad(
  baseUrl: string,
  requests: readonly LoadRequest[],
  options: { concurrency: number; ratePerSecond: number; maxRequests: number; maxSeconds: number },
): { stop: () => Promise<LoadResult>; sent: () => number } {
  const result: LoadResult = { sent: 0, failed: 0, firstFailures: [], bodies: new Map(requests.map((r) => [r.name, new Map()])), seconds: 0 };
  const started = performance.now();
  let stopping = false;
  const interval = (1000 * options.concurrency) / options.ratePerSecond;
  const fail = (what: string) => {
    result.failed++;
    if (result.firstFailures.length < 10) result.firstFailures.push(what);
  };
  const loop = async (offset: number) => {
    for (let i = offset; !stopping; i += options.concurrency) {
      if (result.sent >= options.maxRequests || performance.now() - started > options.maxSeconds * 1000) break;
      const request = requests[i % requests.length]!;
      const began = performance.now();
      result.sent++;
      try {
        const response = await fetch(`${baseUrl}${request.path}`, { ...request.init, signal: AbortSignal.timeout(15_000) });
        const body = await response.text();
        if (response.status !== 200) fail(`${request.name}: status ${response.status}: ${body.slice(0, 200)}`);
        else {
          const seen = result.bodies.get(request.name)!;
          seen.set(body, (seen.get(body) ?? 0) + 1);
        }
      } catch (error) {
        fail(`${request.name}: ${(error as Error).message}`);
      }
      const wait = interval - (performance.now() - began);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
  };
  const loops = Array.from({ length: options.concurrency }, (_, i) => loop(i));
  return {
    sent: () => result.sent,
    stop: async () => {
      stopping = true;
      await Promise.all(loops);
      result.seconds = (performance.now() - started) / 1000;
      return result;
    },
  };
}
