import path from 'node:path';
import type { Diagnostic, ParsedPost } from '../domain/types.ts';
import { diagnose } from './diagnostic-catalogue.ts';
import type { PostSource } from './read-post-file.ts';

const isError = (d: Diagnostic) => d.severity === 'error';

/**
 * The optional stage of the ingest pipeline that keeps, per post file, the last version that read
 * without errors (watch mode). In a run, a file whose new version has error-level diagnostics
 * (unreadable bytes, broken front matter …), that cannot be read at all, or that sits below a folder
 * that cannot be listed, is replaced by its last good version, re-parsed with today's reference
 * data; a broken edit never takes talks away. The new version's errors are still reported.
 */
export class LastGoodVersions {
  private readonly sources = new Map<string, PostSource>();

  /** A run of the pipeline: one reload. */
  startRun(): LastGoodRun {
    return new LastGoodRun(this.sources);
  }
}

/** One run of the stage; its hooks are called by the pipeline in this order. */
export class LastGoodRun {
  /** Files whose new version had errors (parsed, then replaced), in file order. */
  private readonly keptBroken: string[] = [];
  /** Files below folders that could not be listed, then files that could not be read. */
  private readonly keptUnreadable: string[] = [];
  private readonly brokenErrors: Diagnostic[] = [];
  private readonly readProblems: Diagnostic[] = [];
  private readonly seen = new Set<string>();
  /** The versions read in this run, by file. */
  private readonly current = new Map<string, PostSource>();

  private readonly sources: Map<string, PostSource>;

  constructor(sources: Map<string, PostSource>) {
    this.sources = sources;
  }

  /** Before reading: the last good versions of the files below folders that could not be listed. */
  unlisted(listingProblems: readonly Diagnostic[]): PostSource[] {
    const kept: PostSource[] = [];
    for (const d of listingProblems.filter(isError)) {
      for (const file of [...this.sources.keys()].filter((f) => f === d.file || f.startsWith(`${d.file}${path.sep}`))) {
        if (this.seen.has(file)) continue;
        this.seen.add(file);
        this.keptUnreadable.push(file);
        kept.push(this.sources.get(file)!);
      }
    }
    return kept;
  }

  /** After reading a file: its new text, else (it could not be read) its last good version, if any. */
  read(file: string, source: PostSource | null, problems: readonly Diagnostic[]): PostSource | null {
    if (source) {
      this.seen.add(file);
      this.current.set(file, source);
      return source;
    }
    this.readProblems.push(...problems);
    const previous = this.sources.get(file);
    if (!previous || this.seen.has(file) || !problems.some(isError)) return null;
    this.seen.add(file);
    this.keptUnreadable.push(file);
    return previous;
  }

  /** After parsing: the record to resolve, the new one or that of the last good version (parsed again with `parse`). */
  parsed(record: ParsedPost, parse: (source: PostSource) => ParsedPost): ParsedPost {
    const file = record.post.file;
    const source = this.current.get(file);
    if (!source) return record; // a last good version taken before parsing
    const errors = record.diagnostics.filter((d) => d.file === file && isError(d));
    const previous = this.sources.get(file);
    if (errors.length > 0 && previous) {
      this.keptBroken.push(file);
      this.brokenErrors.push(...errors);
      return parse(previous);
    }
    if (errors.length === 0) this.sources.set(file, source);
    return record;
  }

  /** After the run: deleted files are forgotten; the kept files, their errors, and one KEPT_LAST_GOOD note for each. */
  finish(): { keptLastGood: string[]; keptErrors: Diagnostic[]; notes: Diagnostic[] } {
    for (const file of [...this.sources.keys()]) if (!this.seen.has(file)) this.sources.delete(file);
    const keptLastGood = [...this.keptBroken, ...this.keptUnreadable];
    const errorsOf = (file: string) => [...this.brokenErrors, ...this.readProblems].filter((d) => d.file === file && isError(d));
    const notes = keptLastGood.map((file) =>
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
    const keptErrors = [...this.brokenErrors, ...this.readProblems.filter((d) => isError(d) && keptLastGood.includes(d.file))];
    return { keptLastGood, keptErrors, notes };
  }
}
