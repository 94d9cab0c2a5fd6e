// Worker thread of parse-posts-parallel.ts: parses its share of the posts and sends the records back.
import { parentPort, workerData } from 'node:worker_threads';
import type { ParsedPost, ReferenceData } from '../domain/types.ts';
import { createIngestContext, type PostSource } from './ingest-posts.ts';
import { parsePost } from './parse-post.ts';

const { sources, reference } = workerData as { sources: PostSource[]; reference: ReferenceData };
const context = createIngestContext(reference);
const parsed: ParsedPost[] = sources.map((source) => parsePost(source.file, source.text, context));
parentPort!.postMessage(parsed);
