import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import type { Diagnostic, ParsedPost } from './domain/types.ts';
import { buildGraph } from './graph/build-graph.ts';
import type { GraphHolder } from './graph/graph-holder.ts';
import type { KnowledgeGraph } from './graph/knowledge-graph.ts';
import { diagnose } from './ingest/diagnostic-catalogue.ts';
import { createIngestContext, type PostSource } from './ingest/ingest-posts.ts';
import { resolveGraphData } from './ingest/resolve-graph-data.ts';
import { parsePost } from './ingest/parse-post.ts';
import { parsePostsParallel } from './ingest/parse-posts-parallel.ts';
import { ingestCodeRevision, readDataFolder } from './ingest/read-data-dir.ts';

export interface ReloadResult {
  graph: KnowledgeGraph;
  diagnostics: Diagnostic[];
  /** Files whose new version had errors and whose last good version is served instead. */
  keptLastGood: string[];
  /** The errors of those new versions (code, line, message): why each was not taken. */
  keptErrors: Diagnostic[];
  postCount: number;
}

export interface LiveDataOptions {
  /** Starts watching one target folder, recursively (default: fs.watch); tests wrap it to reach the watcher. */
  watchFolder?: (target: string, listener: (event: string, name: string | Buffer | null) => void) => FSWatcher;
}

/**
 * Loads a data folder and keeps, per post file, the last version that read without errors. On a
 * reload, a file that now has error-level diagnostics (unreadable bytes, broken front matter …) is
 * replaced by its last good version, so a broken edit never takes talks away; its diagnostics are
 * still reported. The new graph is swapped in atomically: requests already running keep the graph
 * their context took.
 */
export class LiveData {
  private readonly lastGood = new Map<string, PostSource>();
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

  private async load(): Promise<ReloadResult> {
    const folder = await readDataFolder(this.targets);
    const context = createIngestContext(folder.reference);
    const hasErrors = (file: string, diagnostics: readonly Diagnostic[]) => diagnostics.some((d) => d.file === file && d.severity === 'error');

    const parsedPosts: ParsedPost[] = [];
    const keptLastGood: string[] = [];
    const seen = new Set<string>();
    const keptErrors: Diagnostic[] = [];
    const keepPrevious = (file: string, previous: PostSource, errors: readonly Diagnostic[] = []) => {
      keptLastGood.push(file);
      keptErrors.push(...errors);
      parsedPosts.push(parsePost(previous.file, previous.text, context)); // re-read with today's reference data
    };
    // Parsed on all cores when the folder is large, as loadGraph does.
    const parsedNow = new Map((await parsePostsParallel(folder.posts, folder.reference)).parsed.map((p) => [p.post.file, p]));
    for (const source of folder.posts) {
      seen.add(source.file);
      const parsed = parsedNow.get(source.file)!;
      const previous = this.lastGood.get(source.file);
      const broken = hasErrors(source.file, parsed.diagnostics);
      if (broken && previous)
        keepPrevious(
          source.file,
          previous,
          parsed.diagnostics.filter((d) => d.file === source.file && d.severity === 'error'),
        );
      else {
        parsedPosts.push(parsed);
        if (!broken) this.lastGood.set(source.file, source);
      }
    }
    // Files the reader could not read at all (binary, too large, no permission) but that were good
    // before, and the good files below a folder that could not be listed.
    for (const d of folder.diagnostics) {
      if (d.severity !== 'error') continue;
      const files =
        d.code === 'PATH_UNREADABLE' ? [...this.lastGood.keys()].filter((file) => file === d.file || file.startsWith(`${d.file}${path.sep}`)) : [d.file];
      for (const file of files) {
        const previous = this.lastGood.get(file);
        if (!previous || seen.has(file)) continue;
        seen.add(file);
        keepPrevious(file, previous);
      }
    }
    for (const file of this.lastGood.keys()) if (!seen.has(file)) this.lastGood.delete(file); // deleted files go away

    // The same order as ingestPosts, so ids and merges do not depend on how the data was loaded.
    parsedPosts.sort((a, b) => a.post.file.localeCompare(b.post.file));
    const data = resolveGraphData(parsedPosts, folder.reference, { codeRevision: ingestCodeRevision() });
    const errorsOf = (file: string) => [...keptErrors, ...folder.diagnostics].filter((d) => d.file === file && d.severity === 'error');
    const keptDiagnostics = keptLastGood.map((file) =>
      diagnose(
        'KEPT_LAST_GOOD',
        { file, line: 1 },
        `The new version's errors: ${
          errorsOf(file)
            .map((d) => `line ${d.line} ${d.code}`)
            .join(', ') || 'none recorded'
        }.`,
      ),
    );
    // The broken version's own errors are reported with their lines, beside the note that it was not taken.
    data.diagnostics.unshift(...folder.diagnostics, ...keptErrors, ...keptDiagnostics);
    const graph = buildGraph(data);
    this.graphs.swap(graph);
    return {
      graph,
      diagnostics: data.diagnostics,
      keptLastGood,
      keptErrors: [...keptErrors, ...folder.diagnostics.filter((d) => d.severity === 'error' && keptLastGood.includes(d.file))],
      postCount: parsedPosts.length,
    };
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
