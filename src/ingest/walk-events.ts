import type { EventDefinition } from '../domain/types.ts';
import { CO_LOCATED, eventNamesWithoutYear, eventSegmentOfAddress, isEventNameOnly, nameOfSegment } from './co-located-events.ts';
import type { Block } from './markdown-blocks.ts';
import type { Walk } from './walk-state.ts';

// The events the section walk gives sections and entries, besides the ones named with their year: events
// of the post's conference named without one (co-located events, and the events of talk pages' addresses).

/**
 * The event a talk's page address names with its year ("…/cloud-native-rejekts-na-2019/talk/…"), when the
 * post writes that event's name ("Cloud Native Rejekts"): co-located with the post's conference of that year.
 */
export function eventOfTalkAddress(walk: Walk, url: string | null, line: number): EventDefinition | null {
  const address = eventSegmentOfAddress(url);
  if (!address) return null;
  walk.texts ??= walk.blocks.map((b) => b.text);
  const name = nameOfSegment(walk.texts, address.segment);
  return name ? walk.scope.events.coLocated(name, address.year, line, walk.postEventSlug) : null;
}

/** A heading that is only an event's name, without a year ("pre-FOSDEM MySQL Days"), in a post about a conference. */
export function eventOfNameHeading(walk: Walk, block: Block): EventDefinition | null {
  if (!walk.postEventSlug) return null;
  const name = isEventNameOnly(block.text);
  return name ? walk.scope.events.coLocated(name, null, block.line, walk.postEventSlug) : null;
}

/**
 * A sentence that calls one event co-located ("our dedicated, co-located event, The OpenFeature Summit took
 * place the day before KubeCon EU 2025"): the event of the talks below it, when its name is the only one
 * the sentence writes besides the conference's.
 */
export function coLocatedEventOfSentence(walk: Walk, block: Block, hostSlug: string | null): EventDefinition | null {
  if (!hostSlug || block.kind !== 'paragraph' || !CO_LOCATED.test(block.text)) return null;
  for (const sentence of block.text.split(/(?<=[.!?])\s+(?=\p{Lu})/u)) {
    if (!CO_LOCATED.test(sentence)) continue;
    const named = eventNamesWithoutYear(sentence)
      .map((name) => ({ name, event: walk.scope.events.coLocated(name, null, block.line, hostSlug, true) }))
      .filter((n) => n.event !== null && n.event.slug !== hostSlug);
    const slugs = new Set(named.map((n) => n.event!.slug));
    if (slugs.size === 1) return walk.scope.events.coLocated(named[0]!.name, null, block.line, hostSlug);
  }
  return null;
}
