// Where the tests, `npm run accuracy`, the bench and the load scripts find the corpora: other people's
// posts, read in place at ../shared/corpus (relative to the repository root) and never copied into the
// repository. A clone of the project alone has no such folder: the tests that need it skip, with one
// line saying so. CI always has it, so there (CI=true) its absence is an error, not a skip.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** TALK_GRAPH_CORPUS points elsewhere (or at nothing, to see what a clone of the project alone does). */
export const CORPUS_DIR = path.resolve(REPO_ROOT, process.env.TALK_GRAPH_CORPUS ?? '../shared/corpus');

/** The folders of the corpus, by what they hold. */
export const CORPUS = {
  /** Posts of the Cilium blog that list talks. */
  talkPosts: path.join(CORPUS_DIR, 'talk-posts'),
  /** Posts of the Cilium blog that list no talks. */
  otherPosts: path.join(CORPUS_DIR, 'other-posts'),
  /** Sixteen other projects' blogs: posts that list talks, and posts that list none. */
  otherBlogTalkPosts: path.join(CORPUS_DIR, 'other-blogs/talk-posts'),
  otherBlogOtherPosts: path.join(CORPUS_DIR, 'other-blogs/other-posts'),
} as const;

export const corpusPresent = existsSync(CORPUS.talkPosts) && existsSync(CORPUS.otherPosts);

let warned = false;

/**
 * True when the corpus is there. When it is not: throws under CI (CI always has it), and otherwise
 * prints one line (once per test file) and returns false, so `describe.skipIf(!hasCorpus(...))`
 * skips the suites that read it.
 */
export function hasCorpus(what = 'tests that read the corpus'): boolean {
  if (corpusPresent) return true;
  const where = path.relative(REPO_ROOT, CORPUS_DIR);
  if (process.env.CI === 'true') throw new Error(`${where} is absent, and CI=true: CI always has the corpus (${what} read it)`);
  if (!warned) console.warn(`${where} is absent: skipping ${what}`);
  warned = true;
  return false;
}

/** For scripts: the corpus folder, or exit 2 with one line when it is absent. */
export function requireCorpus(what: string): typeof CORPUS {
  if (!corpusPresent) {
    console.error(`${path.relative(process.cwd(), CORPUS_DIR)} is absent: ${what} reads the corpus in place there`);
    process.exit(2);
  }
  return CORPUS;
}
