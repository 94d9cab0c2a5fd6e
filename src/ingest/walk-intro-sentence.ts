import { placeOfSentence } from './learn-event.ts';
import type { Block } from './markdown-blocks.ts';
import { parseWhen } from './parse-when.ts';
import { isEmphasisOnly } from './talk-header.ts';
import { coLocatedEventOfSentence } from './walk-events.ts';
import { currentSection, type Walk } from './walk-state.ts';

// Intro sentences: blocks of prose outside any entry, which set what the section walk knows about the talks below.

/** A sentence that gives the day a gathering is held: "It was held at … on 25th July 2019", "takes place on May 2". */
const HELD_ON = /\b(?:(?:was|is|will be)\s+held|takes?\s+place|took\s+place)\b/i;

/** An intro sentence that gives talks to the person the post is about: "Catch his two talks…". */
const SUBJECT_TALKS = /\b(?:his|her)\s+(?:[\p{L}\d-]+\s+){0,3}(?:talks?|sessions?|presentations?|keynotes?)\b/iu;

/** A block outside any entry (or under a bare heading): an intro sentence that may set the section's date, speakers or event. */
export function applyIntroSentence(walk: Walk, block: Block): void {
  const { events, subject } = walk.scope;
  const section = currentSection(walk);
  if (block.kind === 'paragraph' && !isEmphasisOnly(block) && block.text.length < 2000) {
    // Intro sentences may set the date for the section below them (not bylines, not a range of days);
    // a longer paragraph is read sentence by sentence, its first dated sentence counting.
    const sentences = block.text.length < 300 ? [block.text] : block.text.split(/(?<=[.!?])\s+(?=\p{Lu})/u).filter((t) => t.length < 300);
    const dated = sentences.map((t) => ({ t, w: parseWhen(t) })).find(({ w }) => w.month !== null && w.day !== null);
    const when = dated?.w;
    if (when && when.start === null) section.date = when;
    // "It was held … on 25th July 2019" before any talk, in a post about no known event (an event's own dates speak
    // for it): the day of the whole gathering, also for the sections after this one.
    const gathering = !walk.postEventSlug && walk.talks.length === 0;
    if (gathering && dated && when?.start === null && !when.spansDays && HELD_ON.test(dated.t)) walk.sections[0]!.date ??= when;
    // "It was held at the office in Nuremberg …": the gathering's city gives the zone of its talks' times.
    if (gathering && !walk.gatheringZone) {
      const held = sentences.find((t) => HELD_ON.test(t));
      walk.gatheringZone = (held && placeOfSentence(held)?.timezone) || null;
    }
    if (subject && block.text.length < 300 && SUBJECT_TALKS.test(block.text)) section.speakers = [subject];
  }
  // "… our co-located event, The Widget Summit took place …": the event of the talks below.
  const coLocated = coLocatedEventOfSentence(walk, block, section.eventSlug ?? walk.postEventSlug);
  if (coLocated) section.eventSlug = coLocated.slug;
  // An intro sentence may name the event of a section that has none ("… at KubeCon + CloudNativeCon Europe 2026 in Amsterdam"),
  // or the city of one the post named without it.
  const intro = block.kind === 'paragraph' && walk.talks.length === 0 && (section.paragraphs = (section.paragraphs ?? 0) + 1) <= 3;
  if (intro && block.text.length < 2000 && (!section.eventSlug || events.lacksCity(section.eventSlug))) {
    // In prose, only a name written with its year counts ("KubeCon, Cilium + eBPF Day and …" names no one event).
    const event = events.name(block.text, null, block.line);
    if (event && !section.eventSlug) section.eventSlug = event.slug;
    if (event && walk.sections.length === 1) walk.postEventSlug ??= event.slug;
  }
}
