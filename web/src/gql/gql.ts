/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  subscription GraphVersion {\n    graphVersion\n  }\n": typeof types.GraphVersionDocument,
    "\n  fragment TalkItem on Talk {\n    slug\n    title\n    kind\n    day\n    date\n    start\n    end\n    event { slug name }\n    appearances { speaker { slug name } organization { slug name } }\n  }\n": typeof types.TalkItemFragmentDoc,
    "\n  fragment FacetsOfTalks on TalkFacets {\n    dates(orderBy: VALUE) { value label count }\n    days(orderBy: VALUE) { value label count }\n    events(orderBy: VALUE) { value label count }\n    organizations(first: 12) { value label count }\n    topics(first: 15) { value label count }\n    kinds { value label count }\n  }\n": typeof types.FacetsOfTalksFragmentDoc,
    "\n  query Overview($filter: TalkFilter) {\n    talks(filter: $filter, first: 1) {\n      totalCount\n      facets { ...FacetsOfTalks }\n    }\n  }\n": typeof types.OverviewDocument,
    "\n  query TalkPage($filter: TalkFilter, $after: String, $orderBy: TalkOrder) {\n    talks(filter: $filter, first: 20, after: $after, orderBy: $orderBy) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { ...TalkItem }\n    }\n  }\n": typeof types.TalkPageDocument,
    "\n  query Search($q: String!) {\n    search(query: $q, first: 30) {\n      score\n      field\n      snippet\n      node {\n        __typename\n        ... on Talk { slug title event { name } }\n        ... on Speaker { slug name talkCount }\n        ... on Organization { slug name talkCount }\n        ... on Topic { slug name talkCount }\n      }\n    }\n    ask(question: $q) {\n      interpretation\n      filter\n      unrecognized\n      corrections { from to }\n      alternatives { interpretation filter talkCount }\n      talks(first: 1) { totalCount }\n    }\n  }\n": typeof types.SearchDocument,
    "\n  query Talk($slug: String!) {\n    talk(slug: $slug) {\n      ...TalkItem\n      url\n      abstract\n      timezone\n      startsAt\n      appearances { nameAsWritten organizationAsWritten role speaker { slug name } organization { slug name } }\n      topicTags { field keyword topic { slug name } }\n      related(first: 8) { score reasons talk { slug title event { name } } }\n      overlapping { slug title start end }\n      sources { file line }\n    }\n  }\n": typeof types.TalkDocument,
    "\n  query Speaker($slug: String!) {\n    speaker(slug: $slug) {\n      slug\n      name\n      aliases\n      talkCount\n      organizations { slug name }\n      coSpeakers { talkCount speaker { slug name } }\n      doubleBookings { overlapMinutes talks { slug title date start end event { slug } } }\n    }\n  }\n": typeof types.SpeakerDocument,
    "\n  query Organization($slug: String!) {\n    organization(slug: $slug) {\n      slug\n      name\n      aliases\n      url\n      talkCount\n      speakerCount\n      speakers(first: 100) { totalCount nodes { slug name talkCount } }\n      topics { talkCount weight topic { slug name } }\n      parallelTalks { overlapMinutes talks { slug title date start event { slug } } }\n    }\n  }\n": typeof types.OrganizationDocument,
    "\n  query ChipSuggestions($filter: TalkFilter, $organization: Boolean!, $speaker: Boolean!, $topic: Boolean!, $event: Boolean!) {\n    talks(filter: $filter, first: 1) {\n      facets {\n        organizations(first: 30) @include(if: $organization) { value label count }\n        speakers(first: 30) @include(if: $speaker) { value label count }\n        topics(first: 30) @include(if: $topic) { value label count }\n        events(first: 30) @include(if: $event) { value label count }\n      }\n    }\n  }\n": typeof types.ChipSuggestionsDocument,
    "\n  query TopicCounts($filter: TalkFilter) {\n    talks(filter: $filter, first: 1) {\n      totalCount\n      facets { topics { value label count } }\n    }\n  }\n": typeof types.TopicCountsDocument,
    "\n  query Topic($slug: String!) {\n    topic(slug: $slug) {\n      slug\n      name\n      description\n      keywords\n      talkCount\n      parent { slug name }\n      children { slug name talkCount }\n      relatedTopics(first: 10) { count lift topic { slug name } }\n    }\n  }\n": typeof types.TopicDocument,
    "\n  query Event($slug: String!) {\n    event(slug: $slug) {\n      slug\n      name\n      aliases\n      city\n      country\n      timezone\n      startDate\n      endDate\n      url\n      parent { slug name }\n      coLocatedEvents { slug name }\n    }\n  }\n": typeof types.EventDocument,
    "\n  query Events {\n    events(first: 100) { totalCount nodes { slug name city startDate endDate parent { slug } } }\n  }\n": typeof types.EventsDocument,
    "\n  query ScheduleDays($event: String!) {\n    event(slug: $event) {\n      slug\n      name\n      timezone\n      talks(first: 1) { totalCount facets { dates(orderBy: VALUE) { value count } } }\n    }\n  }\n": typeof types.ScheduleDaysDocument,
    "\n  query ScheduleDay($event: String!, $date: LocalDate!, $after: String) {\n    event(slug: $event) {\n      talks(filter: { date: { from: $date, to: $date } }, first: 100, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        nodes { slug title kind day start end event { slug name } appearances { speaker { slug name } organization { slug name } } }\n      }\n    }\n  }\n": typeof types.ScheduleDayDocument,
    "\n  query Clashes($organization: String!, $speaker: String!, $withOrganization: Boolean!, $withSpeaker: Boolean!) {\n    organization(slug: $organization) @include(if: $withOrganization) {\n      name\n      parallelTalks { overlapMinutes talks { slug date } }\n    }\n    speaker(slug: $speaker) @include(if: $withSpeaker) {\n      name\n      doubleBookings { overlapMinutes talks { slug date } }\n    }\n  }\n": typeof types.ClashesDocument,
    "\n  query Quality {\n    ingestReport {\n      graphVersion\n      counts { posts talks speakers organizations topics events diagnostics errors warnings }\n      diagnosticsByCode { value count }\n      diagnosticsByFile(first: 20) { value count }\n      nearDuplicates { kind names ids distance }\n    }\n  }\n": typeof types.QualityDocument,
    "\n  fragment DiagnosticsOfPage on DiagnosticConnection {\n    totalCount\n    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    nodes { code severity file line message }\n  }\n": typeof types.DiagnosticsOfPageFragmentDoc,
    "\n  query DiagnosticsPage($code: [String!], $after: String, $before: String, $forward: Boolean!) {\n    ingestReport {\n      forward: diagnostics(first: 50, after: $after, code: $code) @include(if: $forward) { ...DiagnosticsOfPage }\n      backward: diagnostics(last: 50, before: $before, code: $code) @skip(if: $forward) { ...DiagnosticsOfPage }\n    }\n  }\n": typeof types.DiagnosticsPageDocument,
};
const documents: Documents = {
    "\n  subscription GraphVersion {\n    graphVersion\n  }\n": types.GraphVersionDocument,
    "\n  fragment TalkItem on Talk {\n    slug\n    title\n    kind\n    day\n    date\n    start\n    end\n    event { slug name }\n    appearances { speaker { slug name } organization { slug name } }\n  }\n": types.TalkItemFragmentDoc,
    "\n  fragment FacetsOfTalks on TalkFacets {\n    dates(orderBy: VALUE) { value label count }\n    days(orderBy: VALUE) { value label count }\n    events(orderBy: VALUE) { value label count }\n    organizations(first: 12) { value label count }\n    topics(first: 15) { value label count }\n    kinds { value label count }\n  }\n": types.FacetsOfTalksFragmentDoc,
    "\n  query Overview($filter: TalkFilter) {\n    talks(filter: $filter, first: 1) {\n      totalCount\n      facets { ...FacetsOfTalks }\n    }\n  }\n": types.OverviewDocument,
    "\n  query TalkPage($filter: TalkFilter, $after: String, $orderBy: TalkOrder) {\n    talks(filter: $filter, first: 20, after: $after, orderBy: $orderBy) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { ...TalkItem }\n    }\n  }\n": types.TalkPageDocument,
    "\n  query Search($q: String!) {\n    search(query: $q, first: 30) {\n      score\n      field\n      snippet\n      node {\n        __typename\n        ... on Talk { slug title event { name } }\n        ... on Speaker { slug name talkCount }\n        ... on Organization { slug name talkCount }\n        ... on Topic { slug name talkCount }\n      }\n    }\n    ask(question: $q) {\n      interpretation\n      filter\n      unrecognized\n      corrections { from to }\n      alternatives { interpretation filter talkCount }\n      talks(first: 1) { totalCount }\n    }\n  }\n": types.SearchDocument,
    "\n  query Talk($slug: String!) {\n    talk(slug: $slug) {\n      ...TalkItem\n      url\n      abstract\n      timezone\n      startsAt\n      appearances { nameAsWritten organizationAsWritten role speaker { slug name } organization { slug name } }\n      topicTags { field keyword topic { slug name } }\n      related(first: 8) { score reasons talk { slug title event { name } } }\n      overlapping { slug title start end }\n      sources { file line }\n    }\n  }\n": types.TalkDocument,
    "\n  query Speaker($slug: String!) {\n    speaker(slug: $slug) {\n      slug\n      name\n      aliases\n      talkCount\n      organizations { slug name }\n      coSpeakers { talkCount speaker { slug name } }\n      doubleBookings { overlapMinutes talks { slug title date start end event { slug } } }\n    }\n  }\n": types.SpeakerDocument,
    "\n  query Organization($slug: String!) {\n    organization(slug: $slug) {\n      slug\n      name\n      aliases\n      url\n      talkCount\n      speakerCount\n      speakers(first: 100) { totalCount nodes { slug name talkCount } }\n      topics { talkCount weight topic { slug name } }\n      parallelTalks { overlapMinutes talks { slug title date start event { slug } } }\n    }\n  }\n": types.OrganizationDocument,
    "\n  query ChipSuggestions($filter: TalkFilter, $organization: Boolean!, $speaker: Boolean!, $topic: Boolean!, $event: Boolean!) {\n    talks(filter: $filter, first: 1) {\n      facets {\n        organizations(first: 30) @include(if: $organization) { value label count }\n        speakers(first: 30) @include(if: $speaker) { value label count }\n        topics(first: 30) @include(if: $topic) { value label count }\n        events(first: 30) @include(if: $event) { value label count }\n      }\n    }\n  }\n": types.ChipSuggestionsDocument,
    "\n  query TopicCounts($filter: TalkFilter) {\n    talks(filter: $filter, first: 1) {\n      totalCount\n      facets { topics { value label count } }\n    }\n  }\n": types.TopicCountsDocument,
    "\n  query Topic($slug: String!) {\n    topic(slug: $slug) {\n      slug\n      name\n      description\n      keywords\n      talkCount\n      parent { slug name }\n      children { slug name talkCount }\n      relatedTopics(first: 10) { count lift topic { slug name } }\n    }\n  }\n": types.TopicDocument,
    "\n  query Event($slug: String!) {\n    event(slug: $slug) {\n      slug\n      name\n      aliases\n      city\n      country\n      timezone\n      startDate\n      endDate\n      url\n      parent { slug name }\n      coLocatedEvents { slug name }\n    }\n  }\n": types.EventDocument,
    "\n  query Events {\n    events(first: 100) { totalCount nodes { slug name city startDate endDate parent { slug } } }\n  }\n": types.EventsDocument,
    "\n  query ScheduleDays($event: String!) {\n    event(slug: $event) {\n      slug\n      name\n      timezone\n      talks(first: 1) { totalCount facets { dates(orderBy: VALUE) { value count } } }\n    }\n  }\n": types.ScheduleDaysDocument,
    "\n  query ScheduleDay($event: String!, $date: LocalDate!, $after: String) {\n    event(slug: $event) {\n      talks(filter: { date: { from: $date, to: $date } }, first: 100, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        nodes { slug title kind day start end event { slug name } appearances { speaker { slug name } organization { slug name } } }\n      }\n    }\n  }\n": types.ScheduleDayDocument,
    "\n  query Clashes($organization: String!, $speaker: String!, $withOrganization: Boolean!, $withSpeaker: Boolean!) {\n    organization(slug: $organization) @include(if: $withOrganization) {\n      name\n      parallelTalks { overlapMinutes talks { slug date } }\n    }\n    speaker(slug: $speaker) @include(if: $withSpeaker) {\n      name\n      doubleBookings { overlapMinutes talks { slug date } }\n    }\n  }\n": types.ClashesDocument,
    "\n  query Quality {\n    ingestReport {\n      graphVersion\n      counts { posts talks speakers organizations topics events diagnostics errors warnings }\n      diagnosticsByCode { value count }\n      diagnosticsByFile(first: 20) { value count }\n      nearDuplicates { kind names ids distance }\n    }\n  }\n": types.QualityDocument,
    "\n  fragment DiagnosticsOfPage on DiagnosticConnection {\n    totalCount\n    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    nodes { code severity file line message }\n  }\n": types.DiagnosticsOfPageFragmentDoc,
    "\n  query DiagnosticsPage($code: [String!], $after: String, $before: String, $forward: Boolean!) {\n    ingestReport {\n      forward: diagnostics(first: 50, after: $after, code: $code) @include(if: $forward) { ...DiagnosticsOfPage }\n      backward: diagnostics(last: 50, before: $before, code: $code) @skip(if: $forward) { ...DiagnosticsOfPage }\n    }\n  }\n": types.DiagnosticsPageDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription GraphVersion {\n    graphVersion\n  }\n"): typeof import('./graphql').GraphVersionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TalkItem on Talk {\n    slug\n    title\n    kind\n    day\n    date\n    start\n    end\n    event { slug name }\n    appearances { speaker { slug name } organization { slug name } }\n  }\n"): typeof import('./graphql').TalkItemFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FacetsOfTalks on TalkFacets {\n    dates(orderBy: VALUE) { value label count }\n    days(orderBy: VALUE) { value label count }\n    events(orderBy: VALUE) { value label count }\n    organizations(first: 12) { value label count }\n    topics(first: 15) { value label count }\n    kinds { value label count }\n  }\n"): typeof import('./graphql').FacetsOfTalksFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Overview($filter: TalkFilter) {\n    talks(filter: $filter, first: 1) {\n      totalCount\n      facets { ...FacetsOfTalks }\n    }\n  }\n"): typeof import('./graphql').OverviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TalkPage($filter: TalkFilter, $after: String, $orderBy: TalkOrder) {\n    talks(filter: $filter, first: 20, after: $after, orderBy: $orderBy) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { ...TalkItem }\n    }\n  }\n"): typeof import('./graphql').TalkPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Search($q: String!) {\n    search(query: $q, first: 30) {\n      score\n      field\n      snippet\n      node {\n        __typename\n        ... on Talk { slug title event { name } }\n        ... on Speaker { slug name talkCount }\n        ... on Organization { slug name talkCount }\n        ... on Topic { slug name talkCount }\n      }\n    }\n    ask(question: $q) {\n      interpretation\n      filter\n      unrecognized\n      corrections { from to }\n      alternatives { interpretation filter talkCount }\n      talks(first: 1) { totalCount }\n    }\n  }\n"): typeof import('./graphql').SearchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Talk($slug: String!) {\n    talk(slug: $slug) {\n      ...TalkItem\n      url\n      abstract\n      timezone\n      startsAt\n      appearances { nameAsWritten organizationAsWritten role speaker { slug name } organization { slug name } }\n      topicTags { field keyword topic { slug name } }\n      related(first: 8) { score reasons talk { slug title event { name } } }\n      overlapping { slug title start end }\n      sources { file line }\n    }\n  }\n"): typeof import('./graphql').TalkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Speaker($slug: String!) {\n    speaker(slug: $slug) {\n      slug\n      name\n      aliases\n      talkCount\n      organizations { slug name }\n      coSpeakers { talkCount speaker { slug name } }\n      doubleBookings { overlapMinutes talks { slug title date start end event { slug } } }\n    }\n  }\n"): typeof import('./graphql').SpeakerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Organization($slug: String!) {\n    organization(slug: $slug) {\n      slug\n      name\n      aliases\n      url\n      talkCount\n      speakerCount\n      speakers(first: 100) { totalCount nodes { slug name talkCount } }\n      topics { talkCount weight topic { slug name } }\n      parallelTalks { overlapMinutes talks { slug title date start event { slug } } }\n    }\n  }\n"): typeof import('./graphql').OrganizationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ChipSuggestions($filter: TalkFilter, $organization: Boolean!, $speaker: Boolean!, $topic: Boolean!, $event: Boolean!) {\n    talks(filter: $filter, first: 1) {\n      facets {\n        organizations(first: 30) @include(if: $organization) { value label count }\n        speakers(first: 30) @include(if: $speaker) { value label count }\n        topics(first: 30) @include(if: $topic) { value label count }\n        events(first: 30) @include(if: $event) { value label count }\n      }\n    }\n  }\n"): typeof import('./graphql').ChipSuggestionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TopicCounts($filter: TalkFilter) {\n    talks(filter: $filter, first: 1) {\n      totalCount\n      facets { topics { value label count } }\n    }\n  }\n"): typeof import('./graphql').TopicCountsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Topic($slug: String!) {\n    topic(slug: $slug) {\n      slug\n      name\n      description\n      keywords\n      talkCount\n      parent { slug name }\n      children { slug name talkCount }\n      relatedTopics(first: 10) { count lift topic { slug name } }\n    }\n  }\n"): typeof import('./graphql').TopicDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Event($slug: String!) {\n    event(slug: $slug) {\n      slug\n      name\n      aliases\n      city\n      country\n      timezone\n      startDate\n      endDate\n      url\n      parent { slug name }\n      coLocatedEvents { slug name }\n    }\n  }\n"): typeof import('./graphql').EventDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Events {\n    events(first: 100) { totalCount nodes { slug name city startDate endDate parent { slug } } }\n  }\n"): typeof import('./graphql').EventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScheduleDays($event: String!) {\n    event(slug: $event) {\n      slug\n      name\n      timezone\n      talks(first: 1) { totalCount facets { dates(orderBy: VALUE) { value count } } }\n    }\n  }\n"): typeof import('./graphql').ScheduleDaysDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScheduleDay($event: String!, $date: LocalDate!, $after: String) {\n    event(slug: $event) {\n      talks(filter: { date: { from: $date, to: $date } }, first: 100, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        nodes { slug title kind day start end event { slug name } appearances { speaker { slug name } organization { slug name } } }\n      }\n    }\n  }\n"): typeof import('./graphql').ScheduleDayDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Clashes($organization: String!, $speaker: String!, $withOrganization: Boolean!, $withSpeaker: Boolean!) {\n    organization(slug: $organization) @include(if: $withOrganization) {\n      name\n      parallelTalks { overlapMinutes talks { slug date } }\n    }\n    speaker(slug: $speaker) @include(if: $withSpeaker) {\n      name\n      doubleBookings { overlapMinutes talks { slug date } }\n    }\n  }\n"): typeof import('./graphql').ClashesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Quality {\n    ingestReport {\n      graphVersion\n      counts { posts talks speakers organizations topics events diagnostics errors warnings }\n      diagnosticsByCode { value count }\n      diagnosticsByFile(first: 20) { value count }\n      nearDuplicates { kind names ids distance }\n    }\n  }\n"): typeof import('./graphql').QualityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DiagnosticsOfPage on DiagnosticConnection {\n    totalCount\n    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    nodes { code severity file line message }\n  }\n"): typeof import('./graphql').DiagnosticsOfPageFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DiagnosticsPage($code: [String!], $after: String, $before: String, $forward: Boolean!) {\n    ingestReport {\n      forward: diagnostics(first: 50, after: $after, code: $code) @include(if: $forward) { ...DiagnosticsOfPage }\n      backward: diagnostics(last: 50, before: $before, code: $code) @skip(if: $forward) { ...DiagnosticsOfPage }\n    }\n  }\n"): typeof import('./graphql').DiagnosticsPageDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
