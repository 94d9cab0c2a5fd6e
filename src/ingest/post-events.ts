import type { Diagnostic, EventDefinition, TalkEntry } from '../domain/types.ts';
import { slugify } from '../domain/text.ts';
import { diagnose } from './diagnostic-catalogue.ts';
import type { EventMatcher } from './event-matcher.ts';
import { coLocatedName } from './co-located-events.ts';
import { yearOfEvent } from './event-matcher.ts';
import { cityOfEvent, findNamedEvent } from './learn-event.ts';
import { zoneInfo } from './zone-abbreviations.ts';

/**
 * The events one post names: known ones (events.yaml) and the ones learned from what the post says,
 * with the diagnostics that naming them leaves (EVENT_CODE_UNKNOWN, EVENT_LEARNED).
 */
export class PostEvents {
  private readonly learned = new Map<string, EventDefinition>();

  private readonly events: EventMatcher;
  private readonly file: string;
  /** The post's date: tells apart the events of a year that share a name. */
  private readonly near: string | null;
  private readonly diagnostics: Diagnostic[];

  constructor(events: EventMatcher, file: string, near: string | null, diagnostics: Diagnostic[]) {
    this.events = events;
    this.file = file;
    this.near = near;
    this.diagnostics = diagnostics;
  }

  /** A known or learned event by slug. */
  eventOf(slug: string | null): EventDefinition | null {
    return slug ? (this.events.bySlug(slug) ?? this.learned.get(slug) ?? null) : null;
  }

  /** True for a learned event whose city is still unknown: a later sentence may give it. */
  lacksCity(slug: string | null): boolean {
    const event = slug ? this.learned.get(slug) : undefined;
    return event !== undefined && !event.city;
  }

  /** The event a text names by name and year, learning it when events.yaml does not know it. */
  name(text: string, year: number | null, line: number, parentSlug?: string | null): EventDefinition | null {
    const named = findNamedEvent(text, year, this.events, parentSlug, this.near);
    if (!named) {
      this.placeLearned(text);
      return null;
    }
    if (!named.learned) return named.event;
    const kept = this.learned.get(named.event.slug);
    if (!kept) {
      this.learned.set(named.event.slug, named.event);
      const { name, city, timezone } = named.event;
      this.diagnostics.push(diagnose('EVENT_LEARNED', { file: this.file, line }, `"${name}"${city ? ` in ${city}` : ''}${timezone ? ` (${timezone})` : ''}.`));
    } else {
      // Named again with its city ("… India 2026 in Mumbai" after a title without one), or its day.
      const { city, country, timezone, startDate, endDate } = named.event;
      if (!kept.city && city) this.learned.set(kept.slug, { ...kept, city, country, timezone });
      if (!kept.startDate && startDate) this.learned.set(kept.slug, { ...this.learned.get(kept.slug)!, startDate, endDate });
    }
    return this.learned.get(named.event.slug)!;
  }

  /**
   * An event named without its year at a conference (`hostSlug`): "Cilium + eBPF Day", "OpenFeature Summit".
   * Matched by name and year (the host's, or `year` when the text gives one): a known event, preferring the
   * host's co-located ones; else learned as held at the host's place ("OpenFeature Summit Europe 2025", the
   * host's city and zone), dated by its talks, else by the host's first day. `peek` learns nothing.
   */
  coLocated(name: string, year: number | null, line: number, hostSlug: string | null, peek = false): EventDefinition | null {
    const host = this.eventOf(hostSlug);
    const hostYear = host ? yearOfEvent(host) : null;
    const editionYear = year ?? hostYear;
    if (editionYear === null) return null;
    const known = this.events.match(name, editionYear, hostSlug, this.near);
    if (known) return known;
    const atHost = host !== null && hostYear === editionYear;
    const full = coLocatedName(name, atHost ? host.name : null, editionYear);
    if (this.events.namesKnownEvent(full, editionYear)) return null;
    const slug = slugify(full);
    const kept = this.events.bySlug(slug) ?? this.learned.get(slug);
    if (kept) return kept;
    const event: EventDefinition = {
      slug,
      name: full,
      city: atHost ? host.city : null,
      country: atHost ? host.country : null,
      timezone: atHost ? host.timezone : null,
      startDate: null,
      endDate: null,
      aliases: [name.replace(/_/g, ' ')],
      parent: atHost ? host.slug : null,
      url: null,
    };
    if (peek) return event; // what naming it would give, learned only when the caller settles on it
    this.learned.set(slug, event);
    this.diagnostics.push(
      diagnose('EVENT_LEARNED', { file: this.file, line }, `"${full}"${event.city ? ` in ${event.city}` : ''}${event.timezone ? ` (${event.timezone})` : ''}.`),
    );
    return event;
  }

  /**
   * A sentence may say where a learned event takes place without writing its whole name again ("cdCon,
   * taking place on May 8–9, 2023 in Vancouver" for "cdCon + GitOpsCon 2023"): its city, if still unknown.
   */
  private placeLearned(text: string): void {
    for (const event of this.learned.values()) {
      if (event.city) continue;
      const city = cityOfEvent(text, { name: event.name, year: Number(/((?:19|20)\d\d)$/.exec(event.name)?.[1]) || null });
      if (city) this.learned.set(event.slug, { ...event, city: city.city, country: city.country, timezone: city.timezone });
    }
  }

  /**
   * The event of `event:` in the front matter: a slug of events.yaml, or a name matched by name and
   * year ("KubeCon EU 2026"). Anything else is EVENT_CODE_UNKNOWN with the closest slugs.
   */
  declared(code: string, year: number | null): EventDefinition | null {
    const known = this.events.bySlug(code);
    if (known) return known;
    const named = /\s/.test(code) ? this.name(code, year, 1) : null;
    if (!named || this.learned.has(named.slug)) {
      const suggestions = this.events.suggest(code);
      this.diagnostics.push(
        diagnose(
          'EVENT_CODE_UNKNOWN',
          { file: this.file, line: 1 },
          `"${code}"${suggestions.length > 0 ? `; did you mean ${suggestions.join(' or ')}?` : '.'}`,
        ),
      );
    }
    return named;
  }

  /** The learned events with the dates of their talks, and a zone from their talks' abbreviations when no city gave one. */
  learnedWithDates(talks: readonly TalkEntry[]): { events?: EventDefinition[] } {
    if (this.learned.size === 0) return {};
    const events = [...this.learned.values()].map((event) => {
      const own = talks.filter((t) => t.eventSlug === event.slug);
      const dates = own
        .map((t) => t.date)
        .filter((d): d is string => d !== null)
        .sort();
      const abbreviation = own.map((t) => t.zoneAbbreviation).find((z) => z !== null);
      if (event.startDate) dates.push(event.startDate, event.endDate ?? event.startDate);
      // A co-located event no talk dates is held on its conference's first day.
      const hostDay = dates.length === 0 && event.parent ? this.eventOf(event.parent)?.startDate : null;
      if (hostDay) dates.push(hostDay);
      dates.sort();
      return {
        ...event,
        startDate: dates[0] ?? null,
        endDate: dates[dates.length - 1] ?? null,
        timezone: event.timezone ?? (abbreviation ? (zoneInfo(abbreviation)?.zone ?? null) : null),
      };
    });
    return { events };
  }
}
