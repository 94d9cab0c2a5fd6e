import { execute, type GraphQLSchema, parse } from 'graphql';
import { type FacetName, WHOLE_GRAPH_FACETS } from '../graph/facets.ts';
import type { GraphHolder } from '../graph/graph-holder.ts';
import type { KnowledgeGraph } from '../graph/knowledge-graph.ts';
import { createContext } from '../schema/context.ts';
import type { JsonLogger } from './json-logger.ts';
import { loadPersistedDocuments } from './persisted-documents-plugin.ts';

/** The whole-graph facets of the dashboard's overview (its FacetsOfTalks fragment), in the order it asks. */
export const OVERVIEW_FACETS: ReadonlyArray<readonly [FacetName, 'COUNT' | 'VALUE']> = [
  ['dates', 'VALUE'],
  ['days', 'VALUE'],
  ['events', 'VALUE'],
  ['kinds', 'COUNT'],
  ['organizations', 'COUNT'],
  ['topics', 'COUNT'],
];

/** What one warm-up of one graph did. `complete` is false when it stopped early (`stoppedBy`). */
export interface WarmUpReport {
  version: string;
  steps: number;
  ms: number;
  complete: boolean;
  stoppedBy?: 'newer graph' | 'time budget' | 'stopped' | 'draining' | 'error';
  error?: string;
}

export interface GraphWarmUpOptions {
  schema: GraphQLSchema;
  graphs: GraphHolder;
  logger?: JsonLogger;
  /** Wall-clock time one warm-up may take before it gives up (default 30 s); each step runs whole. */
  budgetMs?: number;
  /**
   * Wait before warming the graph already served when the warm-up starts (default 1 s), so the server
   * binds its port and answers its first `/ready` probes first; graphs swapped in later start at once.
   */
  initialDelayMs?: number;
}

export interface GraphWarmUp {
  /** Stops warming: no new step starts, and later swaps are not warmed. */
  stop(): void;
  /** The report of the latest warm-up once it has ended (null when no graph was ever warmed). */
  settled(): Promise<WarmUpReport | null>;
}

/** The dashboard's documents that the warm-up runs once, by operation name (from the persisted manifest). */
function dashboardDocument(name: string) {
  for (const text of loadPersistedDocuments().values()) if (text.includes(`query ${name}(`)) return parse(text);
  return null;
}

/**
 * Warms, in the background, what the dashboard's first view needs from a newly served graph, so the
 * first load after start-up or a reload does not pay for it: the whole-graph facets of the overview
 * (kept by the graph as a derived index, so requests read them), then the overview and a schedule day
 * run once through the executor so their code is compiled. Starts on the current graph (after initialDelayMs) and on every
 * graph swapped in; never delays `/ready` (which only needs the graph) and yields to requests between
 * steps (setImmediate). Stops when a newer graph is swapped in, the server drains, or the time budget
 * is spent. Switched off by WARM_UP=off.
 */
export function startGraphWarmUp(options: GraphWarmUpOptions): GraphWarmUp {
  const { schema, graphs, logger } = options;
  const budgetMs = options.budgetMs ?? 30_000;
  const initialDelayMs = options.initialDelayMs ?? 1000;
  let stopped = false;
  let latest: Promise<WarmUpReport> | null = null;
  let documents: Record<'overview' | 'days' | 'day', ReturnType<typeof dashboardDocument>> | null = null;

  async function warm(graph: KnowledgeGraph, delayMs: number): Promise<WarmUpReport> {
    const started = performance.now();
    let steps = 0;
    const report = (complete: boolean, stoppedBy?: WarmUpReport['stoppedBy'], error?: string): WarmUpReport => ({
      version: graph.version,
      steps,
      ms: Math.round(performance.now() - started),
      complete,
      ...(stoppedBy ? { stoppedBy } : {}),
      ...(error ? { error } : {}),
    });
    /** Yields to waiting requests, then says why to stop, if it should. */
    const pause = async (waitMs = 0): Promise<WarmUpReport['stoppedBy'] | null> => {
      await new Promise<void>((resolve) => (waitMs > 0 ? setTimeout(resolve, waitMs).unref() : setImmediate(resolve)));
      if (stopped) return 'stopped';
      if (graphs.draining) return 'draining';
      if (!graphs.ready || graphs.current() !== graph) return 'newer graph';
      if (performance.now() - started > budgetMs) return 'time budget';
      return null;
    };
    const run = async (document: ReturnType<typeof dashboardDocument>, variables: Record<string, unknown>) => {
      if (!document) return null;
      const result = await execute({ schema, document, variableValues: variables, contextValue: createContext(graph, graphs) });
      if (result.errors?.length) throw new Error(result.errors[0]!.message);
      return result.data as Record<string, unknown> | null;
    };
    try {
      documents ??= { overview: dashboardDocument('Overview'), days: dashboardDocument('ScheduleDays'), day: dashboardDocument('ScheduleDay') };
      const facets = graph.derived(WHOLE_GRAPH_FACETS);
      for (const [i, [facet, orderBy]] of OVERVIEW_FACETS.entries()) {
        const why = await pause(i === 0 ? delayMs : 0);
        if (why) return report(false, why);
        facets.get(facet, orderBy);
        steps++;
      }
      let why = await pause();
      if (why) return report(false, why);
      await run(documents.overview, {});
      steps++;
      // A schedule day of the latest event (the events facet is in schedule order), for its code, not its answer.
      const event = facets.get('events', 'VALUE').at(-1)?.value;
      if (event) {
        why = await pause();
        if (why) return report(false, why);
        const days = await run(documents.days, { event });
        steps++;
        const date = (days?.event as { talks?: { facets?: { dates?: Array<{ value: string }> } } } | null)?.talks?.facets?.dates?.[0]?.value;
        why = await pause();
        if (why) return report(false, why);
        if (date) await run(documents.day, { event, date });
        steps++;
      }
      return report(true);
    } catch (error) {
      return report(false, 'error', (error as Error).message);
    }
  }

  const begin = (graph: KnowledgeGraph, delayMs = 0) => {
    if (stopped) return;
    const previous = latest;
    // One warm-up at a time: a newer graph waits for the older run to notice and stop.
    latest = (previous ?? Promise.resolve(null)).then(() => warm(graph, delayMs));
    void latest.then((r) => {
      if (r.stoppedBy === 'error') logger?.warn('warm-up failed', { ...r });
      else logger?.debug('warm-up', { ...r }); // not a request line: info logs stay one line per request
    });
  };
  const unsubscribe = graphs.onSwap((graph) => begin(graph));
  if (graphs.ready) begin(graphs.current(), initialDelayMs);
  return {
    stop() {
      stopped = true;
      unsubscribe();
    },
    settled: async () => {
      let seen: Promise<WarmUpReport> | null = null;
      // A swap while waiting queues a newer run: wait for the last one.
      while (latest !== seen) {
        seen = latest;
        await seen;
      }
      return seen ? await seen : null;
    },
  };
}
