import { lexicographicSortSchema, printSchema } from 'graphql';
import { builder } from './builder.ts';
import './scalars.ts';
import './diagnostic.ts';
import './talk.ts';
import './speaker.ts';
import './organization.ts';
import './topic.ts';
import './event.ts';
import './post.ts';
import './ask.ts';
import './schedule.ts';
import './search.ts';
import './ingest-report.ts';
import './graph-version.ts';

export const schema = builder.toSchema();

/** The committed form of the schema: printed and lexicographically sorted. */
export function printSortedSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
