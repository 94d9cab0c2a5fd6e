import { type FSWatcher, watch } from 'node:fs';
import type { GraphHolder } from './graph/graph-holder.ts';
import { LastGoodVersions } from './ingest/keep-last-good.ts';
import { type KeptVersions, type LoadedGraph, loadGraph } from './load-graph.ts';

/** A reload's graph, with the files kept at their last good version and the errors of their new versions. */
export type ReloadResult = LoadedGraph & KeptVersions;

export interface LiveDataOptions {
  /** Starts watching one target folder, recursively (default: fs.watch); tests wrap it to reach the watcher. */
  watchFolder?: (target: string, listener: (event: string, name: string | Buffer | null) => void) => FSWatcher;
}

/**
 * Watch mode: loads a data folder through the ingest pipeline with its last-good stage (a file whose
 * new version has errors is served at its last good version, see keep-last-good.ts), reloads when
 * files change, and swaps each new graph in atomically: requests already running keep the graph
 * their context took.
 */
export class LiveData {
  private readonly lastGood = new LastGoodVersions();
  private running: Promise<ReloadResult> | null = null;
  private pending = false;

  private readonly targets: readonly string[];
  private readonly graphs: GraphHolder;
  private readonly options: LiveDataOptions;

  constructor(targets: readonly string[], graphs: GraphHolder, options: LiveDataOptions = {}) {
    this.targets = targets;
    this.graphs = graphs;
    this.options = options;
  }

  private watchFolder(target: string, listener: (event: string, name: string | Buffer | null) => void): FSWatcher {
    return (this.options.watchFolder ?? ((folder, onChange) => watch(folder, { recursive: true }, onChange)))(target, listener);
  }

  async reload(): Promise<ReloadResult> {
    // Coalesce bursts of changes: at most one reload runs, and one more follows it.
    if (this.running) {
      this.pending = true;
      return this.running;
    }
    this.running = this.load().finally(() => {
      this.running = null;
    });
    const result = await this.running;
    if (this.pending) {
      this.pending = false;
      return this.reload();
    }
    return result;
  }

  /** One run of the ingest pipeline with the last-good stage; the new graph is swapped in. */
  private async load(): Promise<ReloadResult> {
    const loaded = await loadGraph(this.targets, { lastGood: this.lastGood });
    this.graphs.swap(loaded.graph);
    return loaded;
  }

  /**
   * Re-ingests when a post or reference file below the targets changes (debounced). The watcher
   * survives every file-system error (a symlink loop, an unreadable folder, folders created and
   * removed while it walks them): the error goes to `onWatchError`, the last good graph stays
   * served, and the watcher is closed and armed again after `rearmMs` (then a reload catches up on
   * whatever it missed). A target that cannot be watched at all is retried the same way.
   */
  watch(
    onReload: (result: ReloadResult | Error) => void,
    debounceMs = 150,
    onWatchError: (error: Error) => void = () => undefined,
    rearmMs = 1000,
  ): () => void {
    let timer: NodeJS.Timeout | null = null;
    let stopped = false;
    const reloadSoon = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        this.reload().then(onReload, (error: Error) => onReload(error));
      }, debounceMs);
    };
    const schedule = (_event: string, name: string | Buffer | null) => {
      if (name && !/\.(mdx?|ya?ml)$/i.test(String(name))) return;
      reloadSoon();
    };
    const watchers = new Map<string, FSWatcher>();
    const rearmTimers = new Set<NodeJS.Timeout>();
    const rearmLater = (target: string) => {
      const rearm = setTimeout(() => {
        rearmTimers.delete(rearm);
        if (stopped) return;
        arm(target);
        reloadSoon(); // changes made while it was not watching
      }, rearmMs);
      rearmTimers.add(rearm);
    };
    const arm = (target: string) => {
      let watcher: FSWatcher;
      try {
        watcher = this.watchFolder(target, schedule);
      } catch (error) {
        onWatchError(error as Error);
        rearmLater(target);
        return;
      }
      watchers.set(target, watcher);
      let failed = false;
      const fail = (error: Error | null) => {
        if (failed || stopped || watchers.get(target) !== watcher) return;
        failed = true;
        watchers.delete(target);
        if (error) onWatchError(error);
        watcher.close();
        rearmLater(target);
      };
      watcher.on('error', (error: Error) => fail(error));
      watcher.on('close', () => fail(null)); // closed by someone else than stop()
    };
    for (const target of this.targets) arm(target);
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      for (const rearm of rearmTimers) clearTimeout(rearm);
      for (const w of watchers.values()) w.close();
      watchers.clear();
    };
  }
}
