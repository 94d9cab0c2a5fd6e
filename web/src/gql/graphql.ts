/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Calendar dates, both ends inclusive; leave an end out to keep it open. */
export type DateRange = {
  /** First date (YYYY-MM-DD), inclusive. */
  from?: string | null | undefined;
  /** Last date (YYYY-MM-DD), inclusive. */
  to?: string | null | undefined;
};

/** Instants, both ends inclusive; leave an end out to keep it open. */
export type InstantRange = {
  /** Earliest start (ISO 8601 with offset), inclusive. */
  from?: string | null | undefined;
  /** Latest start (ISO 8601 with offset), inclusive. */
  to?: string | null | undefined;
};

/** What kind of names a near-duplicate pair compares. */
export type NearDuplicateKind =
  /** Organization names. */
  | 'ORGANIZATION'
  /** Speaker names. */
  | 'SPEAKER'
  /** Talk titles. */
  | 'TALK';

/** How much a diagnostic matters. */
export type Severity =
  /** Something was skipped or is wrong. */
  | 'ERROR'
  /** Worth knowing; nothing is wrong. */
  | 'INFO'
  /** Something was guessed or is incomplete. */
  | 'WARNING';

/** Which talks to keep. Fields combine with AND; use `and`, `or` and `not` to nest. Organization, speaker, topic and event values match by slug, name or alias (case and accents ignored). */
export type TalkFilter = {
  /** Every one of these filters must match. */
  and?: Array<TalkFilter> | null | undefined;
  /** Local calendar date range. */
  date?: DateRange | null | undefined;
  /** Local weekday of the talk; several days mean any of them. */
  day?: Array<Weekday> | null | undefined;
  /** An event (any of these), including its co-located events. */
  event?: Array<string> | null | undefined;
  /** true: only talks with speakers; false: only talks without (meetings). */
  hasSpeakers?: boolean | null | undefined;
  /** Whether a topic also matches its subtopics (Tetragon talks for eBPF). Default true. */
  includeSubtopics?: boolean | null | undefined;
  /** Kind of session (any of these). */
  kind?: Array<TalkKind> | null | undefined;
  /** This filter must not match. */
  not?: TalkFilter | null | undefined;
  /** At least one of these filters must match. */
  or?: Array<TalkFilter> | null | undefined;
  /** A speaker's organization (any of these). */
  organization?: Array<string> | null | undefined;
  /** A speaker (any of these). */
  speaker?: Array<string> | null | undefined;
  /** Start instant range. */
  startsAt?: InstantRange | null | undefined;
  /** Full-text search over title, speakers, organizations, topics and abstract (prefix and typo tolerant, accents ignored). */
  text?: string | null | undefined;
  /** Local start-time window, e.g. { from: "09:00", to: "12:00" } for mornings. */
  timeOfDay?: TimeOfDayRange | null | undefined;
  /** A topic (any of these); includes subtopics unless includeSubtopics is false. */
  topic?: Array<string> | null | undefined;
};

/** What sort of session a talk is, read from its title ("Keynote:", "Tutorial:" …). */
export type TalkKind =
  /** A keynote. */
  | 'KEYNOTE'
  /** A short lightning talk. */
  | 'LIGHTNING_TALK'
  /** A meeting, such as a project meeting. */
  | 'MEETING'
  /** Welcome, opening or closing remarks. */
  | 'OPENING_REMARKS'
  /** A panel discussion. */
  | 'PANEL'
  /** A keynote given by a sponsor. */
  | 'SPONSORED_KEYNOTE'
  /** A regular session. */
  | 'TALK'
  /** A hands-on tutorial. */
  | 'TUTORIAL'
  /** A workshop. */
  | 'WORKSHOP';

/** Order of a talk list. Ties are broken by schedule order, then id, so pages are stable. */
export type TalkOrder =
  /** By full-text relevance to filter.text (falls back to START_TIME without text). */
  | 'RELEVANCE'
  /** By start instant (talks without a time last). */
  | 'START_TIME'
  /** By title, alphabetically. */
  | 'TITLE';

/** Local wall-clock window of a talk's start: from inclusive, to exclusive. */
export type TimeOfDayRange = {
  /** Starts at or after this time (HH:MM). */
  from?: string | null | undefined;
  /** Starts before this time (HH:MM). */
  to?: string | null | undefined;
};

/** Which part of a talk mentioned a topic keyword. */
export type TopicEvidenceField =
  /** The abstract. */
  | 'ABSTRACT'
  /** The title. */
  | 'TITLE';

/** Day of the week, in the local time of the event. */
export type Weekday =
  /** Friday. */
  | 'FRIDAY'
  /** Monday. */
  | 'MONDAY'
  /** Saturday. */
  | 'SATURDAY'
  /** Sunday. */
  | 'SUNDAY'
  /** Thursday. */
  | 'THURSDAY'
  /** Tuesday. */
  | 'TUESDAY'
  /** Wednesday. */
  | 'WEDNESDAY';

export type GraphVersionSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type GraphVersionSubscription = { graphVersion: string };

export type TalkItemFragment = { slug: string, title: string, kind: TalkKind, day: Weekday | null, date: string | null, start: string | null, end: string | null, event: { slug: string, name: string } | null, appearances: Array<{ speaker: { slug: string, name: string }, organization: { slug: string, name: string } | null }> };

export type FacetsOfTalksFragment = { dates: Array<{ value: string, label: string, count: number }>, days: Array<{ value: string, label: string, count: number }>, events: Array<{ value: string, label: string, count: number }>, organizations: Array<{ value: string, label: string, count: number }>, topics: Array<{ value: string, label: string, count: number }>, kinds: Array<{ value: string, label: string, count: number }> };

export type OverviewQueryVariables = Exact<{
  filter?: TalkFilter | null | undefined;
}>;


export type OverviewQuery = { talks: { totalCount: number, facets: { dates: Array<{ value: string, label: string, count: number }>, days: Array<{ value: string, label: string, count: number }>, events: Array<{ value: string, label: string, count: number }>, organizations: Array<{ value: string, label: string, count: number }>, topics: Array<{ value: string, label: string, count: number }>, kinds: Array<{ value: string, label: string, count: number }> } } };

export type TalkPageQueryVariables = Exact<{
  filter?: TalkFilter | null | undefined;
  after?: string | null | undefined;
  orderBy?: TalkOrder | null | undefined;
}>;


export type TalkPageQuery = { talks: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ slug: string, title: string, kind: TalkKind, day: Weekday | null, date: string | null, start: string | null, end: string | null, event: { slug: string, name: string } | null, appearances: Array<{ speaker: { slug: string, name: string }, organization: { slug: string, name: string } | null }> }> } };

export type SearchQueryVariables = Exact<{
  q: string;
}>;


export type SearchQuery = { search: Array<{ score: number, field: string, snippet: string, node:
      | { __typename: 'Organization', slug: string, name: string, talkCount: number }
      | { __typename: 'Speaker', slug: string, name: string, talkCount: number }
      | { __typename: 'Talk', slug: string, title: string, event: { name: string } | null }
      | { __typename: 'Topic', slug: string, name: string, talkCount: number }
     }>, ask: { interpretation: string, filter: unknown, unrecognized: Array<string>, corrections: Array<{ from: string, to: string }>, alternatives: Array<{ interpretation: string, filter: unknown, talkCount: number }>, talks: { totalCount: number } } };

export type TalkQueryVariables = Exact<{
  slug: string;
}>;


export type TalkQuery = { talk: { url: string | null, abstract: string, timezone: string | null, startsAt: string | null, slug: string, title: string, kind: TalkKind, day: Weekday | null, date: string | null, start: string | null, end: string | null, appearances: Array<{ nameAsWritten: string, organizationAsWritten: string | null, role: string | null, speaker: { slug: string, name: string }, organization: { slug: string, name: string } | null }>, topicTags: Array<{ field: TopicEvidenceField, keyword: string, topic: { slug: string, name: string } }>, related: Array<{ score: number, reasons: Array<string>, talk: { slug: string, title: string, event: { name: string } | null } }>, overlapping: Array<{ slug: string, title: string, start: string | null, end: string | null }>, sources: Array<{ file: string, line: number }>, event: { slug: string, name: string } | null } | null };

export type SpeakerQueryVariables = Exact<{
  slug: string;
}>;


export type SpeakerQuery = { speaker: { slug: string, name: string, aliases: Array<string>, talkCount: number, organizations: Array<{ slug: string, name: string }>, coSpeakers: Array<{ talkCount: number, speaker: { slug: string, name: string } }>, doubleBookings: Array<{ overlapMinutes: number, talks: Array<{ slug: string, title: string, date: string | null, start: string | null, end: string | null, event: { slug: string } | null }> }> } | null };

export type OrganizationQueryVariables = Exact<{
  slug: string;
}>;


export type OrganizationQuery = { organization: { slug: string, name: string, aliases: Array<string>, url: string | null, talkCount: number, speakerCount: number, speakers: { totalCount: number, nodes: Array<{ slug: string, name: string, talkCount: number }> }, topics: Array<{ talkCount: number, weight: number, topic: { slug: string, name: string } }>, parallelTalks: Array<{ overlapMinutes: number, talks: Array<{ slug: string, title: string, date: string | null, start: string | null, event: { slug: string } | null }> }> } | null };

export type TopicQueryVariables = Exact<{
  slug: string;
}>;


export type TopicQuery = { topic: { slug: string, name: string, description: string | null, keywords: Array<string>, talkCount: number, parent: { slug: string, name: string } | null, children: Array<{ slug: string, name: string, talkCount: number }>, relatedTopics: Array<{ count: number, lift: number, topic: { slug: string, name: string } }> } | null };

export type EventQueryVariables = Exact<{
  slug: string;
}>;


export type EventQuery = { event: { slug: string, name: string, aliases: Array<string>, city: string | null, country: string | null, timezone: string | null, startDate: string | null, endDate: string | null, url: string | null, parent: { slug: string, name: string } | null, coLocatedEvents: Array<{ slug: string, name: string }> } | null };

export type EventsQueryVariables = Exact<{ [key: string]: never; }>;


export type EventsQuery = { events: { totalCount: number, nodes: Array<{ slug: string, name: string, city: string | null, startDate: string | null, endDate: string | null, parent: { slug: string } | null }> } };

export type ScheduleDaysQueryVariables = Exact<{
  event: string;
}>;


export type ScheduleDaysQuery = { event: { slug: string, name: string, timezone: string | null, talks: { totalCount: number, facets: { dates: Array<{ value: string, count: number }> } } } | null };

export type ScheduleDayQueryVariables = Exact<{
  event: string;
  date: string;
  after?: string | null | undefined;
}>;


export type ScheduleDayQuery = { event: { talks: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ slug: string, title: string, kind: TalkKind, day: Weekday | null, start: string | null, end: string | null, event: { slug: string, name: string } | null, appearances: Array<{ speaker: { slug: string, name: string }, organization: { slug: string, name: string } | null }> }> } } | null };

export type ClashesQueryVariables = Exact<{
  organization: string;
  speaker: string;
  withOrganization: boolean;
  withSpeaker: boolean;
}>;


export type ClashesQuery = { organization?: { name: string, parallelTalks: Array<{ overlapMinutes: number, talks: Array<{ slug: string, date: string | null }> }> } | null, speaker?: { name: string, doubleBookings: Array<{ overlapMinutes: number, talks: Array<{ slug: string, date: string | null }> }> } | null };

export type QualityQueryVariables = Exact<{ [key: string]: never; }>;


export type QualityQuery = { ingestReport: { graphVersion: string, counts: { posts: number, talks: number, speakers: number, organizations: number, topics: number, events: number, diagnostics: number, errors: number, warnings: number }, diagnostics: { totalCount: number, nodes: Array<{ code: string, severity: Severity, file: string, line: number, message: string }> }, nearDuplicates: Array<{ kind: NearDuplicateKind, names: Array<string>, ids: Array<string>, distance: number }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const TalkItemFragmentDoc = new TypedDocumentString(`
    fragment TalkItem on Talk {
  slug
  title
  kind
  day
  date
  start
  end
  event {
    slug
    name
  }
  appearances {
    speaker {
      slug
      name
    }
    organization {
      slug
      name
    }
  }
}
    `, {"fragmentName":"TalkItem"}) as unknown as TypedDocumentString<TalkItemFragment, unknown>;
export const FacetsOfTalksFragmentDoc = new TypedDocumentString(`
    fragment FacetsOfTalks on TalkFacets {
  dates(orderBy: VALUE) {
    value
    label
    count
  }
  days(orderBy: VALUE) {
    value
    label
    count
  }
  events(orderBy: VALUE) {
    value
    label
    count
  }
  organizations(first: 12) {
    value
    label
    count
  }
  topics(first: 15) {
    value
    label
    count
  }
  kinds {
    value
    label
    count
  }
}
    `, {"fragmentName":"FacetsOfTalks"}) as unknown as TypedDocumentString<FacetsOfTalksFragment, unknown>;
export const GraphVersionDocument = new TypedDocumentString(`
    subscription GraphVersion {
  graphVersion
}
    `, {"hash":"sha256:f481f1dbf06e9af7997eeed20073bd233fc8e5af3a612acd707a7aa529f7cc78"}) as unknown as TypedDocumentString<GraphVersionSubscription, GraphVersionSubscriptionVariables>;
export const OverviewDocument = new TypedDocumentString(`
    query Overview($filter: TalkFilter) {
  talks(filter: $filter, first: 1) {
    totalCount
    facets {
      ...FacetsOfTalks
    }
  }
}
    fragment FacetsOfTalks on TalkFacets {
  dates(orderBy: VALUE) {
    value
    label
    count
  }
  days(orderBy: VALUE) {
    value
    label
    count
  }
  events(orderBy: VALUE) {
    value
    label
    count
  }
  organizations(first: 12) {
    value
    label
    count
  }
  topics(first: 15) {
    value
    label
    count
  }
  kinds {
    value
    label
    count
  }
}`, {"hash":"sha256:638e1b78837c493c73a526ccb58bab1e591b57d96e377d483867ffe9d686db1a"}) as unknown as TypedDocumentString<OverviewQuery, OverviewQueryVariables>;
export const TalkPageDocument = new TypedDocumentString(`
    query TalkPage($filter: TalkFilter, $after: String, $orderBy: TalkOrder) {
  talks(filter: $filter, first: 20, after: $after, orderBy: $orderBy) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      ...TalkItem
    }
  }
}
    fragment TalkItem on Talk {
  slug
  title
  kind
  day
  date
  start
  end
  event {
    slug
    name
  }
  appearances {
    speaker {
      slug
      name
    }
    organization {
      slug
      name
    }
  }
}`, {"hash":"sha256:e2afdaa544e90371216cd0c28d260e7bb9c98bced77c88538f7f08367b6b76af"}) as unknown as TypedDocumentString<TalkPageQuery, TalkPageQueryVariables>;
export const SearchDocument = new TypedDocumentString(`
    query Search($q: String!) {
  search(query: $q, first: 30) {
    score
    field
    snippet
    node {
      __typename
      ... on Talk {
        slug
        title
        event {
          name
        }
      }
      ... on Speaker {
        slug
        name
        talkCount
      }
      ... on Organization {
        slug
        name
        talkCount
      }
      ... on Topic {
        slug
        name
        talkCount
      }
    }
  }
  ask(question: $q) {
    interpretation
    filter
    unrecognized
    corrections {
      from
      to
    }
    alternatives {
      interpretation
      filter
      talkCount
    }
    talks(first: 1) {
      totalCount
    }
  }
}
    `, {"hash":"sha256:bfbcf0fbc36b94c5949a3622fd63dcb02c8ddab0d7d85bc734e5daf39be360fe"}) as unknown as TypedDocumentString<SearchQuery, SearchQueryVariables>;
export const TalkDocument = new TypedDocumentString(`
    query Talk($slug: String!) {
  talk(slug: $slug) {
    ...TalkItem
    url
    abstract
    timezone
    startsAt
    appearances {
      nameAsWritten
      organizationAsWritten
      role
      speaker {
        slug
        name
      }
      organization {
        slug
        name
      }
    }
    topicTags {
      field
      keyword
      topic {
        slug
        name
      }
    }
    related(first: 8) {
      score
      reasons
      talk {
        slug
        title
        event {
          name
        }
      }
    }
    overlapping {
      slug
      title
      start
      end
    }
    sources {
      file
      line
    }
  }
}
    fragment TalkItem on Talk {
  slug
  title
  kind
  day
  date
  start
  end
  event {
    slug
    name
  }
  appearances {
    speaker {
      slug
      name
    }
    organization {
      slug
      name
    }
  }
}`, {"hash":"sha256:d8e5d2c23c020a082091e76be290a326b620702fd0cb2eee20f6b1522af5e564"}) as unknown as TypedDocumentString<TalkQuery, TalkQueryVariables>;
export const SpeakerDocument = new TypedDocumentString(`
    query Speaker($slug: String!) {
  speaker(slug: $slug) {
    slug
    name
    aliases
    talkCount
    organizations {
      slug
      name
    }
    coSpeakers {
      talkCount
      speaker {
        slug
        name
      }
    }
    doubleBookings {
      overlapMinutes
      talks {
        slug
        title
        date
        start
        end
        event {
          slug
        }
      }
    }
  }
}
    `, {"hash":"sha256:531fba2948bd6f0c82b8e206c301f9bd46715eb953a4ff683711756be6e50530"}) as unknown as TypedDocumentString<SpeakerQuery, SpeakerQueryVariables>;
export const OrganizationDocument = new TypedDocumentString(`
    query Organization($slug: String!) {
  organization(slug: $slug) {
    slug
    name
    aliases
    url
    talkCount
    speakerCount
    speakers(first: 100) {
      totalCount
      nodes {
        slug
        name
        talkCount
      }
    }
    topics {
      talkCount
      weight
      topic {
        slug
        name
      }
    }
    parallelTalks {
      overlapMinutes
      talks {
        slug
        title
        date
        start
        event {
          slug
        }
      }
    }
  }
}
    `, {"hash":"sha256:85e208d097b9d2484dbdff8053320c1e4e93c6a970cba15566edfdfc8fdfe17f"}) as unknown as TypedDocumentString<OrganizationQuery, OrganizationQueryVariables>;
export const TopicDocument = new TypedDocumentString(`
    query Topic($slug: String!) {
  topic(slug: $slug) {
    slug
    name
    description
    keywords
    talkCount
    parent {
      slug
      name
    }
    children {
      slug
      name
      talkCount
    }
    relatedTopics(first: 10) {
      count
      lift
      topic {
        slug
        name
      }
    }
  }
}
    `, {"hash":"sha256:41d9572d7008ca22f20841c6fef49baa252c7156380e4462d947c6f7d60ca25d"}) as unknown as TypedDocumentString<TopicQuery, TopicQueryVariables>;
export const EventDocument = new TypedDocumentString(`
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
    parent {
      slug
      name
    }
    coLocatedEvents {
      slug
      name
    }
  }
}
    `, {"hash":"sha256:efb7372e3999b8d53341ff7b2a3dfe7653464329eac1ddf808ec9cc0217e2ffb"}) as unknown as TypedDocumentString<EventQuery, EventQueryVariables>;
export const EventsDocument = new TypedDocumentString(`
    query Events {
  events(first: 100) {
    totalCount
    nodes {
      slug
      name
      city
      startDate
      endDate
      parent {
        slug
      }
    }
  }
}
    `, {"hash":"sha256:dc2faa6c1e2a36badc4b0eb6759088a345be78113d974872c88b45f5ad2ad7f8"}) as unknown as TypedDocumentString<EventsQuery, EventsQueryVariables>;
export const ScheduleDaysDocument = new TypedDocumentString(`
    query ScheduleDays($event: String!) {
  event(slug: $event) {
    slug
    name
    timezone
    talks(first: 1) {
      totalCount
      facets {
        dates(orderBy: VALUE) {
          value
          count
        }
      }
    }
  }
}
    `, {"hash":"sha256:b61531d8b7e420c911567b363114d6d5b6096d0a1032b2f823bba55c44fced23"}) as unknown as TypedDocumentString<ScheduleDaysQuery, ScheduleDaysQueryVariables>;
export const ScheduleDayDocument = new TypedDocumentString(`
    query ScheduleDay($event: String!, $date: LocalDate!, $after: String) {
  event(slug: $event) {
    talks(filter: {date: {from: $date, to: $date}}, first: 100, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        slug
        title
        kind
        day
        start
        end
        event {
          slug
          name
        }
        appearances {
          speaker {
            slug
            name
          }
          organization {
            slug
            name
          }
        }
      }
    }
  }
}
    `, {"hash":"sha256:4dc729828512e147eda50038f732865b5fd364a7058f5087bcde685542b3d578"}) as unknown as TypedDocumentString<ScheduleDayQuery, ScheduleDayQueryVariables>;
export const ClashesDocument = new TypedDocumentString(`
    query Clashes($organization: String!, $speaker: String!, $withOrganization: Boolean!, $withSpeaker: Boolean!) {
  organization(slug: $organization) @include(if: $withOrganization) {
    name
    parallelTalks {
      overlapMinutes
      talks {
        slug
        date
      }
    }
  }
  speaker(slug: $speaker) @include(if: $withSpeaker) {
    name
    doubleBookings {
      overlapMinutes
      talks {
        slug
        date
      }
    }
  }
}
    `, {"hash":"sha256:e8f1508c419b06e60cb8d7d24bcd97dd4d2b5011465bbe583cfab08c08b39d5a"}) as unknown as TypedDocumentString<ClashesQuery, ClashesQueryVariables>;
export const QualityDocument = new TypedDocumentString(`
    query Quality {
  ingestReport {
    graphVersion
    counts {
      posts
      talks
      speakers
      organizations
      topics
      events
      diagnostics
      errors
      warnings
    }
    diagnostics(first: 500) {
      totalCount
      nodes {
        code
        severity
        file
        line
        message
      }
    }
    nearDuplicates {
      kind
      names
      ids
      distance
    }
  }
}
    `, {"hash":"sha256:37e8b77363f00bb684c2f5899a66903cc2b870f6288309e4f0cfa51636db8dd4"}) as unknown as TypedDocumentString<QualityQuery, QualityQueryVariables>;