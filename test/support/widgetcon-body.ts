import type { TalkEntry } from '../../src/domain/types.ts';
import { createIngestContext } from '../../src/ingest/create-ingest-context.ts';
import { parsePost } from '../../src/ingest/parse-post.ts';
import { bundledReference } from '../helpers.ts';

// An invented post about an invented conference (WidgetCon 2031): tests give only its body.
/** The bundled reference data's ingest context, shared by these tests. */
export const ctx = createIngestContext(bundledReference());
export const FRONT = "title: 'Our Project at WidgetCon'\ndate: '2031-05-02'";

/** The talks the ingest reads in a post with this body (and a title and date in its front matter). */
export const talksOfWidgetConBody = (body: string) => parsePost('posts/t.md', `---\n${FRONT}\n---\n\n${body}\n`, ctx).talks;

/** A talk's title, url and speakers' names: what most of these tests compare. */
export const brief = (t: TalkEntry) => ({ title: t.title, url: t.url, speakers: t.speakers.map((s) => s.name) });
