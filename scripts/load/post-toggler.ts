import { readFileSync, writeFileSync } from 'node:fs';

const SUFFIX = ' (updated)';

const toggleSuffix = (text: string) => (text.endsWith(SUFFIX) ? text.slice(0, -SUFFIX.length) : `${text}${SUFFIX}`);

/**
 * The post's text with " (updated)" added to (or removed from) its front-matter `title:` and its
 * last line of text, as an editor touching a post would: the post title alone is not part of the
 * graph's version, the last paragraph (an abstract or the outro) is.
 */
export function toggleEdit(text: string): string {
  const title = /^title:\s*(['"]?)(.*)\1\s*$/m.exec(text);
  if (!title) throw new Error('the post has no front-matter title line to toggle');
  const [line, quote, value] = title as unknown as [string, string, string];
  const edited = text.replace(line, `title: ${quote}${toggleSuffix(value)}${quote}`);
  const trimmed = edited.trimEnd();
  return `${toggleSuffix(trimmed)}${edited.slice(trimmed.length)}`;
}

export interface Toggler {
  /** Rewrites done so far. */
  readonly writes: number;
  stop(): void;
}

/**
 * Rewrites `file` every `everyMs` (see toggleEdit), as an editor saving the post would, so the
 * watching server re-ingests and swaps its graph while it answers requests. No write at or after
 * `untilMs` (epoch ms): it then stops by itself, even if stop() is never reached.
 */
export function startToggler(file: string, everyMs: number, untilMs: number): Toggler {
  let writes = 0;
  const timer = setInterval(() => {
    if (Date.now() >= untilMs) {
      clearInterval(timer);
      return;
    }
    writeFileSync(file, toggleEdit(readFileSync(file, 'utf8')));
    writes++;
  }, everyMs);
  return {
    get writes() {
      return writes;
    },
    stop: () => clearInterval(timer),
  };
}
