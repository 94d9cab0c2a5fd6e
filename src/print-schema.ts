import { writeFileSync } from 'node:fs';
import { printSortedSchema } from './schema/index.ts';

// Writes schema.graphql at the project root (run from there: `npm run schema`).
writeFileSync(new URL('../schema.graphql', import.meta.url), printSortedSchema());
console.error('wrote schema.graphql');
