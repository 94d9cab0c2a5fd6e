import { readDataFolder } from '../src/ingest/read-data-dir.ts';
import { ingestPosts } from '../src/ingest/ingest-posts.ts';
import { formatDiagnostic } from '../src/ingest/diagnostic-catalogue.ts';
const folder = await readDataFolder([process.argv[2]!]);
const g = ingestPosts(folder.posts, folder.reference);
for (const t of g.talks) console.log(t.postId.slice(0,14), t.eventId, t.day, t.date, t.start, t.end, t.startsAt, '|', t.title, '|', t.appearances.map(a=>`${a.nameAsWritten}{${a.organizationAsWritten}${a.role?'/'+a.role:''}}`).join('; '), '|', t.url?.slice(0,30), '|', t.topicIds.join(','), t.kind);
console.log(g.talks.length, 'talks', g.speakers.length, 'speakers', g.organizations.length, 'orgs');
for (const d of [...folder.diagnostics, ...g.diagnostics]) console.log(formatDiagnostic(d));
