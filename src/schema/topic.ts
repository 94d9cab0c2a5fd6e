import { builder } from './builder.ts';
import { byName, namedConnection, pageOf } from './list-connection.ts';
import { TopicRef } from './refs.ts';
import { talkConnectionField } from './talk-connection.ts';
import { talksOf } from './talks-of.ts';

TopicRef.implement({
  description: 'A subject from the keyword taxonomy (data/topics.yaml). Topics nest: Tetragon ⊂ Cilium ⊂ eBPF.',
  fields: (t) => ({
    slug: t.exposeString('id', { description: 'Stable id from the taxonomy.' }),
    name: t.exposeString('name', { description: 'Display name.' }),
    description: t.exposeString('description', { nullable: true, description: 'What the topic covers.' }),
    keywords: t.exposeStringList('keywords', { description: 'Keywords and synonyms that tag a talk with this topic.' }),
    parent: t.field({ type: TopicRef, nullable: true, description: 'The broader topic.', resolve: (topic) => topic.parentId }),
    children: t.field({ type: [TopicRef], description: 'Narrower topics.', resolve: (topic) => topic.childIds }),
    talkCount: t.int({ description: 'Number of talks tagged with this topic itself (subtopics not counted).', resolve: (topic) => topic.talkIds.length }),
    talks: talkConnectionField(t, 'Talks tagged with this topic or, by default, one of its subtopics.', (topic: { id: string }, ctx) =>
      talksOf(ctx, 'talksOfTopic', [...ctx.graph.topicScope(topic.id)]),
    ),
  }),
});

const TopicConnectionRef = namedConnection(TopicRef, 'TopicConnection', 'topics');

builder.queryField('topics', (t) =>
  t.connection({ type: TopicRef, description: 'All topics, by name.', resolve: (_root, args, ctx) => pageOf(byName(ctx.graph.allTopics()), args) }, TopicConnectionRef),
);

builder.queryField('topic', (t) =>
  t.field({
    type: TopicRef,
    nullable: true,
    description: 'One topic by slug, name or keyword ("clustermesh", "Cluster Mesh"); null when there is none.',
    args: { slug: t.arg.string({ required: true, description: 'Slug, name or keyword.' }) },
    resolve: (_root, args, ctx) => {
      const id = ctx.graph.resolveName('topic', args.slug);
      return id ? (ctx.graph.topic(id) ?? null) : null;
    },
  }),
);
