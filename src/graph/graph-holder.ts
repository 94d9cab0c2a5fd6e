import type { KnowledgeGraph } from './knowledge-graph.ts';

/**
 * Holds the graph being served. A reload swaps the reference atomically; a request takes the
 * graph once, when its context is made, so in-flight requests finish on the graph they started with.
 */
export class GraphHolder {
  private graph: KnowledgeGraph | null;
  private stopping = false;
  private readonly listeners = new Set<(graph: KnowledgeGraph) => void>();

  constructor(initial: KnowledgeGraph | null = null) {
    this.graph = initial;
  }

  get ready(): boolean {
    return this.graph !== null;
  }

  /**
   * True once the process has been asked to stop: `/ready` answers 503 so balancers stop sending,
   * while requests still get answers from the graph until the listener closes.
   */
  get draining(): boolean {
    return this.stopping;
  }

  drain(): void {
    this.stopping = true;
  }

  current(): KnowledgeGraph {
    if (!this.graph) throw new Error('The graph is not loaded yet.');
    return this.graph;
  }

  swap(next: KnowledgeGraph): void {
    this.graph = next;
    for (const listener of this.listeners) listener(next);
  }

  /** Calls `listener` with each graph swapped in from now on; returns the function that stops it. */
  onSwap(listener: (graph: KnowledgeGraph) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
}
