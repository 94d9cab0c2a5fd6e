import { GraphQLError } from 'graphql';
import { searchEntities, type SearchHit } from '../graph/entity-search.ts';
import { builder } from './builder.ts';
import { OrganizationRef, SpeakerRef, TalkRef, TopicRef } from './refs.ts';

const SearchResultUnion = builder.unionType('SearchResult', {
  description: 'Anything `search` can find.',
  types: [TalkRef, SpeakerRef, OrganizationRef, TopicRef],
  resolveType: (value) => {
    const v = value as object;
    if ('title' in v) return 'Talk';
    if ('keywords' in v) return 'Topic';
    if ('speakerIds' in v) return 'Organization';
    return 'Speaker';
  },
});

const SearchHitRef = builder.objectRef<SearchHit>('SearchHit').implement({
  description: 'One search result with its score and a highlighted snippet.',
  fields: (t) => ({
    node: t.field({ type: SearchResultUnion, description: 'The talk, speaker, organization or topic found.', resolve: (h) => h.target.entity as never }),
    score: t.exposeFloat('score', { description: 'Relevance (BM25+ with prefix and fuzzy matches); higher is better.' }),
    field: t.exposeString('field', {
      description: 'Where the snippet comes from: name (title), aliases (speakers/spellings/keywords) or body (abstract/description).',
    }),
    snippet: t.exposeString('snippet', { description: 'Text around the match, HTML-escaped, matched words wrapped in <mark>…</mark>.' }),
    terms: t.exposeStringList('terms', { description: 'Indexed terms that matched the query (after prefix/typo expansion).' }),
  }),
});

const MAX_QUERY_LENGTH = 200;

builder.queryField('search', (t) =>
  t.field({
    type: [SearchHitRef],
    description:
      'Full-text search across talks, speakers, organizations and topics: ranked, prefix and typo tolerant, accents ignored ("kapuscinska" finds Kapuścińska).',
    args: {
      query: t.arg.string({ required: true, description: `Words to find (at most ${MAX_QUERY_LENGTH} characters).` }),
      first: t.arg.int({ required: false, defaultValue: 10, description: 'How many hits (default 10, at most 100).' }),
    },
    resolve: (_root, args, ctx) => {
      if (args.query.length > MAX_QUERY_LENGTH) {
        throw new GraphQLError(`The search query is ${args.query.length} characters; at most ${MAX_QUERY_LENGTH} are allowed.`, {
          extensions: { code: 'QUERY_TOO_LONG' },
        });
      }
      const first = args.first ?? 10;
      if (first < 0 || first > 100)
        throw new GraphQLError(`"first" must be between 0 and 100; got ${first}.`, { extensions: { code: 'PAGE_SIZE_EXCEEDED', maxPageSize: 100 } });
      return searchEntities(ctx.graph, args.query, first);
    },
  }),
);
