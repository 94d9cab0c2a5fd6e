import { graphql } from './gql/gql.ts';

/*
 * Every document the dashboard sends, typed by GraphQL Code Generator from schema.graphql
 * (`npm run web:codegen`). Page sizes are literals so the server's cost bound stays small.
 */

export const TalkItemFragment = graphql(`
  fragment TalkItem on Talk {
    slug
    title
    kind
    day
    date
    start
    end
    event { slug name }
    appearances { speaker { slug name } organization { slug name } }
  }
`);

export const FacetsFragment = graphql(`
  fragment FacetsOfTalks on TalkFacets {
    dates(orderBy: VALUE) { value label count }
    days(orderBy: VALUE) { value label count }
    events(orderBy: VALUE) { value label count }
    organizations(first: 12) { value label count }
    topics(first: 15) { value label count }
    kinds { value label count }
  }
`);

export const OverviewQuery = graphql(`
  query Overview($filter: TalkFilter) {
    talks(filter: $filter, first: 1) {
      totalCount
      facets { ...FacetsOfTalks }
    }
  }
`);

export const TalkPageQuery = graphql(`
  query TalkPage($filter: TalkFilter, $after: String, $orderBy: TalkOrder) {
    talks(filter: $filter, first: 20, after: $after, orderBy: $orderBy) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { ...TalkItem }
    }
  }
`);

export const SearchQuery = graphql(`
  query Search($q: String!) {
    search(query: $q, first: 30) {
      score
      field
      snippet
      node {
        __typename
        ... on Talk { slug title event { name } }
        ... on Speaker { slug name talkCount }
        ... on Organization { slug name talkCount }
        ... on Topic { slug name talkCount }
      }
    }
    ask(question: $q) {
      interpretation
      filter
      unrecognized
      corrections { from to }
      alternatives { interpretation filter talkCount }
      talks(first: 1) { totalCount }
    }
  }
`);

export const TalkQuery = graphql(`
  query Talk($slug: String!) {
    talk(slug: $slug) {
      ...TalkItem
      url
      abstract
      timezone
      startsAt
      appearances { nameAsWritten organizationAsWritten role speaker { slug name } organization { slug name } }
      topicTags { field keyword topic { slug name } }
      related(first: 8) { score reasons talk { slug title event { name } } }
      overlapping { slug title start end }
      sources { file line }
    }
  }
`);

export const SpeakerQuery = graphql(`
  query Speaker($slug: String!) {
    speaker(slug: $slug) {
      slug
      name
      aliases
      talkCount
      organizations { slug name }
      coSpeakers { talkCount speaker { slug name } }
      doubleBookings { overlapMinutes talks { slug title date start end event { slug } } }
    }
  }
`);

export const OrganizationQuery = graphql(`
  query Organization($slug: String!) {
    organization(slug: $slug) {
      slug
      name
      aliases
      url
      talkCount
      speakerCount
      speakers(first: 100) { totalCount nodes { slug name talkCount } }
      topics { talkCount weight topic { slug name } }
      parallelTalks { overlapMinutes talks { slug title date start event { slug } } }
    }
  }
`);

/** Values to suggest when a chip of one kind is edited: the most frequent among the talks the other chips keep. */
export const ChipSuggestionsQuery = graphql(`
  query ChipSuggestions($filter: TalkFilter, $organization: Boolean!, $speaker: Boolean!, $topic: Boolean!, $event: Boolean!) {
    talks(filter: $filter, first: 1) {
      facets {
        organizations(first: 30) @include(if: $organization) { value label count }
        speakers(first: 30) @include(if: $speaker) { value label count }
        topics(first: 30) @include(if: $topic) { value label count }
        events(first: 30) @include(if: $event) { value label count }
      }
    }
  }
`);

/** Topics of the talks of one filter (an organization in one year): one bucket per topic, all of them. */
export const TopicCountsQuery = graphql(`
  query TopicCounts($filter: TalkFilter) {
    talks(filter: $filter, first: 1) {
      totalCount
      facets { topics { value label count } }
    }
  }
`);

export const TopicQuery = graphql(`
  query Topic($slug: String!) {
    topic(slug: $slug) {
      slug
      name
      description
      keywords
      talkCount
      parent { slug name }
      children { slug name talkCount }
      relatedTopics(first: 10) { count lift topic { slug name } }
    }
  }
`);

export const EventQuery = graphql(`
  query Event($slug: String!) {
    event(slug: $slug) {
      slug
      name
      aliases
      city
      country
      timezone
      startDate
      endDate
      url
      parent { slug name }
      coLocatedEvents { slug name }
    }
  }
`);

export const EventsQuery = graphql(`
  query Events {
    events(first: 100) { totalCount nodes { slug name city startDate endDate parent { slug } } }
  }
`);

export const ScheduleDaysQuery = graphql(`
  query ScheduleDays($event: String!) {
    event(slug: $event) {
      slug
      name
      timezone
      talks(first: 1) { totalCount facets { dates(orderBy: VALUE) { value count } } }
    }
  }
`);

/** One day of an event (co-located events included), 100 talks at a time in start order. */
export const ScheduleDayQuery = graphql(`
  query ScheduleDay($event: String!, $date: LocalDate!, $after: String) {
    event(slug: $event) {
      talks(filter: { date: { from: $date, to: $date } }, first: 100, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes { slug title kind day start end event { slug name } appearances { speaker { slug name } organization { slug name } } }
      }
    }
  }
`);

export const ClashesQuery = graphql(`
  query Clashes($organization: String!, $speaker: String!, $withOrganization: Boolean!, $withSpeaker: Boolean!) {
    organization(slug: $organization) @include(if: $withOrganization) {
      name
      parallelTalks { overlapMinutes talks { slug date } }
    }
    speaker(slug: $speaker) @include(if: $withSpeaker) {
      name
      doubleBookings { overlapMinutes talks { slug date } }
    }
  }
`);

export const QualityQuery = graphql(`
  query Quality {
    ingestReport {
      graphVersion
      counts { posts talks speakers organizations topics events diagnostics errors warnings }
      diagnosticsByCode { value count }
      diagnosticsByFile(first: 20) { value count }
      nearDuplicates { kind names ids distance }
    }
  }
`);

export const DiagnosticsOfPageFragment = graphql(`
  fragment DiagnosticsOfPage on DiagnosticConnection {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    nodes { code severity file line message }
  }
`);

/** One page of 50 diagnostics (optionally of one code): forward after a cursor, or backward before one. */
export const DiagnosticsPageQuery = graphql(`
  query DiagnosticsPage($code: [String!], $after: String, $before: String, $forward: Boolean!) {
    ingestReport {
      forward: diagnostics(first: 50, after: $after, code: $code) @include(if: $forward) { ...DiagnosticsOfPage }
      backward: diagnostics(last: 50, before: $before, code: $code) @skip(if: $forward) { ...DiagnosticsOfPage }
    }
  }
`);
