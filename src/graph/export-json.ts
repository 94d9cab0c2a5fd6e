import type { KnowledgeGraph } from './knowledge-graph.ts';

/**
 * The JSON export contract (DESIGN.md): `{ posts, events, talks, speakers, organizations, topics, diagnostics }`.
 * Talks carry names rather than ids for their relations so the file reads on its own.
 */
export function exportGraphJson(graph: KnowledgeGraph) {
  const nameOf = <T extends { name: string }>(entity: T | undefined) => entity?.name ?? null;
  return {
    posts: graph
      .allPosts()
      .map((p) => ({ id: p.id, file: p.file, title: p.title, date: p.date, path: p.path, author: p.author, event: p.eventId, talks: p.talkIds.length })),
    events: graph.allEvents().map((e) => ({
      id: e.id,
      name: e.name,
      city: e.city,
      country: e.country,
      timezone: e.timezone,
      startDate: e.startDate,
      endDate: e.endDate,
      parent: e.parentId,
      talks: e.talkIds.length,
    })),
    talks: graph.allTalks().map((t) => ({
      id: t.id,
      title: t.title,
      url: t.url,
      kind: t.kind,
      event: nameOf(t.eventId ? graph.event(t.eventId) : undefined),
      eventId: t.eventId,
      day: t.day,
      date: t.date,
      start: t.start,
      end: t.end,
      startsAt: t.startsAt,
      endsAt: t.endsAt,
      timezone: t.timezone,
      speakers: t.appearances.map((a) => ({
        name: nameOf(graph.speaker(a.speakerId)),
        nameAsWritten: a.nameAsWritten,
        organization: nameOf(a.organizationId ? graph.organization(a.organizationId) : undefined),
        organizationAsWritten: a.organizationAsWritten,
        role: a.role,
      })),
      topics: t.topicIds.map((id) => nameOf(graph.topic(id))),
      topicTags: t.tags.map((tag) => ({ topic: nameOf(graph.topic(tag.topicId)), keyword: tag.keyword, field: tag.field })),
      abstract: t.abstract,
      source: t.sources[0],
      sources: t.sources,
    })),
    speakers: graph.allSpeakers().map((s) => ({
      id: s.id,
      name: s.name,
      aliases: s.aliases,
      organizations: s.organizationIds.map((id) => nameOf(graph.organization(id))),
      talks: s.talkIds.length,
    })),
    organizations: graph
      .allOrganizations()
      .map((o) => ({ id: o.id, name: o.name, aliases: o.aliases, speakers: o.speakerIds.length, talks: o.talkIds.length })),
    topics: graph.allTopics().map((t) => ({ id: t.id, name: t.name, parent: t.parentId, keywords: t.keywords, talks: t.talkIds.length })),
    diagnostics: graph.data.diagnostics,
  };
}
