// Domain records shared by every layer. Plain data: no behaviour, no library types.

export const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const TALK_KINDS = ['TALK', 'KEYNOTE', 'SPONSORED_KEYNOTE', 'TUTORIAL', 'LIGHTNING_TALK', 'PANEL', 'MEETING', 'WORKSHOP', 'OPENING_REMARKS'] as const;
export type TalkKind = (typeof TALK_KINDS)[number];

export type Severity = 'error' | 'warning' | 'info';

export interface SourceLocation {
  file: string;
  line: number;
}

export interface Diagnostic extends SourceLocation {
  severity: Severity;
  code: string;
  message: string;
}

/** One speaker of a talk as the post wrote it. */
export interface SpeakerMention {
  name: string;
  organization: string | null;
  role: string | null;
}

/** A talk as read from one post, before names, organizations and topics are resolved. */
export interface TalkEntry {
  title: string;
  url: string | null;
  kind: TalkKind;
  abstract: string;
  speakers: SpeakerMention[];
  eventSlug: string | null;
  /** Local calendar date, YYYY-MM-DD, when the post gives one. */
  date: string | null;
  /** Local wall-clock times, HH:MM. */
  start: string | null;
  end: string | null;
  /** Time-zone abbreviation written next to the time, if any (CEST, BST …). */
  zoneAbbreviation: string | null;
  source: SourceLocation;
}

export interface PostRecord {
  file: string;
  slug: string;
  title: string;
  /** Publication date, YYYY-MM-DD. */
  date: string | null;
  path: string | null;
  author: string | null;
  tags: string[];
  eventSlug: string | null;
  /** IANA time zone from front matter, used when the event has none. */
  timezone: string | null;
}

/** A talk entry with the topics its title and abstract mention (tagged while parsing: it needs nothing else). */
export interface ParsedTalk extends TalkEntry {
  tags: TopicTag[];
}

export interface ParsedPost {
  /** Hash of the file name and text the record was read from: the graph version is built from these. */
  digest: string;
  post: PostRecord;
  talks: ParsedTalk[];
  diagnostics: Diagnostic[];
  /** Events the post names that the reference data does not know, made from what the post says. */
  events?: EventDefinition[];
}

// ---- Reference data (data/*.yaml) ----

export interface TopicDefinition {
  slug: string;
  name: string;
  description: string | null;
  keywords: string[];
  parent: string | null;
}

export interface EventDefinition {
  slug: string;
  name: string;
  city: string | null;
  country: string | null;
  timezone: string | null;
  startDate: string | null;
  endDate: string | null;
  aliases: string[];
  parent: string | null;
  url: string | null;
}

export interface OrganizationDefinition {
  slug: string;
  name: string;
  aliases: string[];
  url: string | null;
}

export interface SpeakerDefinition {
  slug: string;
  name: string;
  aliases: string[];
}

export interface ReferenceData {
  topics: TopicDefinition[];
  events: EventDefinition[];
  organizations: OrganizationDefinition[];
  speakers: SpeakerDefinition[];
}

// ---- Resolved graph records ----

export interface TopicTag {
  topicId: string;
  keyword: string;
  field: 'title' | 'abstract';
}

export interface Appearance {
  speakerId: string;
  nameAsWritten: string;
  organizationId: string | null;
  organizationAsWritten: string | null;
  role: string | null;
}

export interface Talk {
  id: string;
  title: string;
  url: string | null;
  kind: TalkKind;
  abstract: string;
  eventId: string | null;
  postId: string;
  day: Weekday | null;
  date: string | null;
  start: string | null;
  end: string | null;
  startsAt: string | null;
  endsAt: string | null;
  timezone: string | null;
  appearances: Appearance[];
  speakerIds: string[];
  organizationIds: string[];
  tags: TopicTag[];
  topicIds: string[];
  sources: SourceLocation[];
}

export interface Speaker {
  id: string;
  name: string;
  aliases: string[];
  talkIds: string[];
  organizationIds: string[];
}

export interface Organization {
  id: string;
  name: string;
  aliases: string[];
  url: string | null;
  talkIds: string[];
  speakerIds: string[];
}

export interface Topic {
  id: string;
  name: string;
  description: string | null;
  keywords: string[];
  parentId: string | null;
  childIds: string[];
  talkIds: string[];
}

export interface Event {
  id: string;
  name: string;
  /** Other names posts use; names without a year may be shared with other editions. */
  aliases: string[];
  city: string | null;
  country: string | null;
  timezone: string | null;
  startDate: string | null;
  endDate: string | null;
  parentId: string | null;
  url: string | null;
  talkIds: string[];
}

export interface Post {
  id: string;
  file: string;
  title: string;
  date: string | null;
  path: string | null;
  author: string | null;
  tags: string[];
  eventId: string | null;
  talkIds: string[];
  diagnostics: Diagnostic[];
}

/** Everything the graph is built from: the output of ingest's resolution step. */
export interface GraphData {
  posts: Post[];
  events: Event[];
  talks: Talk[];
  speakers: Speaker[];
  organizations: Organization[];
  topics: Topic[];
  diagnostics: Diagnostic[];
  /**
   * Hash of everything the records were made from (post digests in order, reference data, the ingest
   * code when the loader passes its revision), when
   * they were made by resolveGraphData; hashing that is much cheaper than hashing the records.
   */
  inputDigest?: string;
}
