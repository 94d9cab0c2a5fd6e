import type { Diagnostic, SpeakerMention, TalkEntry } from '../domain/types.ts';
import type { OpenEntry } from './assemble-talk-entry.ts';
import type { PostDates } from './decide-post-dates.ts';
import type { Block } from './markdown-blocks.ts';
import type { SpeakerGrammarOptions } from './parse-speakers.ts';
import type { WhenParts } from './parse-when.ts';
import type { PostEvents } from './post-events.ts';

// The state of the section walk over a post's blocks (`walk-post-blocks.ts`).

/** What headings and intro sentences have said so far: it applies to the talks below them. */
export interface Section {
  depth: number;
  eventSlug: string | null;
  date: WhenParts | null;
  /** Speakers an intro sentence gave the talks below it ("Catch his two talks…"). */
  speakers: SpeakerMention[] | null;
  /** Paragraphs read in the section so far: only its first few introduce it. */
  paragraphs?: number;
}

/** What the walk over a post's blocks needs to know about the post. */
export interface PostScope {
  file: string;
  grammar: SpeakerGrammarOptions;
  events: PostEvents;
  dates: PostDates;
  /** The event the post is about, from its front matter or title. */
  eventSlug: string | null;
  /** The post's author's name ("I" in a recap), when the front matter gives one. */
  author: string | null;
  /** The person the post is about, when its title names one. */
  subject: SpeakerMention | null;
  /** Talks named only by a link in running text are read in posts about an event, not in newsletters or release notes. */
  aboutAnEvent: boolean;
}

/** The walk's state: the sections open above the current block, the entry being read, the talks read so far. */
export interface Walk {
  readonly scope: PostScope;
  readonly blocks: readonly Block[];
  readonly diagnostics: Diagnostic[];
  readonly sections: Section[];
  readonly talks: TalkEntry[];
  open: OpenEntry | null;
  /** The table read last (tables are read whole, at their first row). */
  tableRead: number | undefined;
  /** The post's event: an intro sentence of the post (not of a section) may name it. */
  postEventSlug: string | null;
  /** The zone of the city a post about no event says its gathering was held in ("held at … in Nuremberg"). */
  gatheringZone?: string | null;
  /** The blocks' texts, gathered when a talk page's address asks which event name the post writes. */
  texts?: string[];
}

/** The innermost section open above the current block. */
export function currentSection(walk: Walk): Section {
  return walk.sections[walk.sections.length - 1]!;
}
