import { relatedTopics, type RelatedTopic } from '../graph/relations.ts';
import { builder } from './builder.ts';
import { addLookupQuery } from './lookup-query.ts';
import { addListQuery, compareByName, namedConnection } from './list-connection.ts';
import { TopicRef } from './refs.ts';
import { talkConnectionField } from './talk-connection.ts';

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
    relatedTopics: t.field({
      type: [RelatedTopicRef],
      description: 'Topics that appear on the same talks, most shared talks first, with lift.',
      args: { first: t.arg.int({ required: false, description: 'Keep only the first N.' }) },
      resolve: (topic, args, ctx) => {
        const related = relatedTopics(ctx.graph, topic.id);
        return args.first !== null && args.first !== undefined ? related.slice(0, Math.max(0, args.first)) : related;
      },
    }),
    talks: talkConnectionField(t, 'Talks tagged with this topic or, by default, one of its subtopics.', {
      name: 'talksOfTopic',
      owners: (topic: { id: string }, ctx) => [...ctx.graph.topicScope(topic.id)],
    }),
  }),
});

const RelatedTopicRef = builder.objectRef<RelatedTopic>('RelatedTopic').implement({
  description: 'A topic that co-occurs with another on talks.',
  fields: (t) => ({
    topic: t.field({ type: TopicRef, description: 'The co-occurring topic.', resolve: (r) => r.topic }),
    count: t.exposeInt('count', { description: 'Talks tagged with both.' }),
    lift: t.exposeFloat('lift', { description: 'count × all talks ÷ (talks of one × talks of the other): above 1 means they go together more than chance.' }),
  }),
});

const TopicConnectionRef = namedConnection(TopicRef, 'TopicConnection', 'topics');

addListQuery('topics', TopicRef, TopicConnectionRef, 'All topics, by name.', (graph) => graph.allTopics(), compareByName);

addLookupQuery('topic', TopicRef, 'One topic by slug, name or keyword ("clustermesh", "Cluster Mesh"); null when there is none.', 'Slug, name or keyword.');
