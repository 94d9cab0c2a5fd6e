// Where the accuracy harness finds its cases: the expectation files a person wrote by reading each
// post, and the posts themselves, read IN PLACE from the shared corpus folders (the seed from data/posts).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { PostSource } from '../../src/ingest/read-post-file.ts';
import { CORPUS_DIR, REPO_ROOT } from './corpus.ts';

export const ROOT_DIR = REPO_ROOT;
export const EXPECTATIONS_DIR = path.join(ROOT_DIR, 'test/expectations');
/** The shared corpora: ../shared/corpus from the repository root (test/support/corpus.ts; TALK_GRAPH_CORPUS overrides it). */
export { CORPUS_DIR };

export interface ExpectedSpeaker {
  name: string;
  organization: string | null;
}

export interface ExpectedTalk {
  title: string;
  url: string | null;
  speakers: ExpectedSpeaker[];
  date: string | null;
  start: string | null;
  end: string | null;
  /** Optional: the event's full name with its year; undefined when the expectation does not say. */
  event?: string;
  /** Optional: IANA zone of the talk's local times; undefined when the expectation does not say. */
  timezone?: string;
}

export interface AccuracyCase {
  /** Expectation file stem (= post file stem). */
  name: string;
  /** "cilium" for the first corpus; for other-blogs the part of the file name before `__`. */
  project: string;
  corpus: string;
  post: PostSource;
  expected: ExpectedTalk[];
}

export interface Corpus {
  name: string;
  expectationsDir: string;
  /** Folders of the shared corpus the posts are read from, in order. */
  corpusDirs: string[];
  /** Folders inside the repository searched after the corpus folders (the seed). */
  repoDirs: string[];
  projectOf(stem: string): string;
}

export const CORPORA: readonly Corpus[] = [
  {
    name: 'cilium',
    expectationsDir: EXPECTATIONS_DIR,
    corpusDirs: [path.join(CORPUS_DIR, 'talk-posts'), path.join(CORPUS_DIR, 'other-posts')],
    repoDirs: [path.join(ROOT_DIR, 'data/posts')],
    projectOf: () => 'cilium',
  },
  {
    name: 'other-blogs',
    expectationsDir: path.join(EXPECTATIONS_DIR, 'other-blogs'),
    corpusDirs: [path.join(CORPUS_DIR, 'other-blogs/talk-posts'), path.join(CORPUS_DIR, 'other-blogs/other-posts')],
    repoDirs: [],
    projectOf: (stem) => stem.split('__')[0]!,
  },
];

/** Expectations whose posts could not be read because a corpus folder is absent. */
export interface SkippedCorpus {
  corpus: string;
  missingDirs: string[];
  expectations: string[];
}

export interface AccuracySuite {
  cases: AccuracyCase[];
  skipped: SkippedCorpus[];
}

function str(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

function optional(value: unknown): string | undefined {
  return value === null || value === undefined ? undefined : String(value);
}

export function readExpectation(file: string): { post: string; talks: ExpectedTalk[] } {
  const doc = YAML.parse(readFileSync(file, 'utf8'), { schema: 'core' }) as { post?: unknown; talks?: unknown };
  if (typeof doc?.post !== 'string' || !Array.isArray(doc.talks)) throw new Error(`${file}: needs "post" and a "talks" list`);
  const talks = (doc.talks as Array<Record<string, unknown>>).map((t) => {
    const talk: ExpectedTalk = {
      title: String(t.title),
      url: str(t.url),
      speakers: ((t.speakers as Array<Record<string, unknown>> | undefined) ?? []).map((s) => ({ name: String(s.name), organization: str(s.organization) })),
      date: str(t.date),
      start: str(t.start),
      end: str(t.end),
    };
    const event = optional(t.event);
    const timezone = optional(t.timezone);
    if (event !== undefined) talk.event = event;
    if (timezone !== undefined) talk.timezone = timezone;
    return talk;
  });
  return { post: doc.post, talks };
}

/** Every expectation file of every corpus with the text of the post it describes. */
export function loadAccuracySuite(corpora: readonly Corpus[] = CORPORA): AccuracySuite {
  const cases: AccuracyCase[] = [];
  const skipped: SkippedCorpus[] = [];
  for (const corpus of corpora) {
    const missingDirs = corpus.corpusDirs.filter((d) => !existsSync(d));
    const skippedHere: string[] = [];
    const files = existsSync(corpus.expectationsDir)
      ? readdirSync(corpus.expectationsDir)
          .filter((f) => f.endsWith('.yaml'))
          .sort()
      : [];
    for (const f of files) {
      const { post, talks } = readExpectation(path.join(corpus.expectationsDir, f));
      const dir = [...corpus.corpusDirs, ...corpus.repoDirs].find((d) => existsSync(path.join(d, post)));
      if (!dir) {
        if (missingDirs.length > 0) {
          skippedHere.push(f);
          continue;
        }
        throw new Error(`${f}: post ${post} not found in ${[...corpus.corpusDirs, ...corpus.repoDirs].join(', ')}`);
      }
      const file = path.join(dir, post);
      const name = f.replace(/\.yaml$/, '');
      cases.push({
        name,
        project: corpus.projectOf(name),
        corpus: corpus.name,
        post: { file: path.relative(ROOT_DIR, file), text: readFileSync(file, 'utf8') },
        expected: talks,
      });
    }
    if (skippedHere.length > 0) skipped.push({ corpus: corpus.name, missingDirs, expectations: skippedHere });
  }
  return { cases, skipped };
}

/** One visible line per skipped corpus, for the script and the test. */
export function describeSkipped(s: SkippedCorpus): string {
  return `accuracy: skipped ${s.expectations.length} expectation(s) of corpus "${s.corpus}": ${s.missingDirs.map((d) => path.relative(ROOT_DIR, d)).join(', ')} not found`;
}

/** Every case whose post could be read (see loadAccuracySuite for the skipped ones). */
export function loadAccuracyCases(): AccuracyCase[] {
  return loadAccuracySuite().cases;
}
