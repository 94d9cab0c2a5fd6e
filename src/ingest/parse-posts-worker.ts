// Worker thread of parse-posts-parallel.ts: reads and parses its share of the posts and sends the records back in batches.
import { parentPort, workerData } from 'node:worker_threads';
import type { ReferenceData } from '../domain/types.ts';
import { createIngestContext } from './create-ingest-context.ts';
import { parsePostInputs } from './parse-posts-parallel.ts';
import type { PostInput } from './read-post-file.ts';

const { inputs, reference } = workerData as { inputs: PostInput[]; reference: ReferenceData };
parsePostInputs(inputs, createIngestContext(reference), (batch) => parentPort!.postMessage(batch));
parentPort!.postMessage(null);
