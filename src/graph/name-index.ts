import type { Event } from '../domain/types.ts';
import { foldKey } from '../domain/text.ts';

/** Maps every folded name and alias (and the slug) to the id it names. */
export function nameIndex(items: ReadonlyArray<{ id: string; name: string; aliases?: string[]; keywords?: string[] }>): ReadonlyMap<string, string> {
  const index = new Map<string, string>();
  for (const item of items) {
    for (const name of [item.id, item.name, ...(item.aliases ?? []), ...(item.keywords ?? [])]) {
      const key = foldKey(name);
      if (key && !index.has(key)) index.set(key, item.id);
    }
  }
  return index;
}

/** A name index read back from a snapshot's [folded names, ids]. */
export function mapOf([keys, values]: [string[], string[]]): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (let i = 0; i < keys.length; i++) map.set(keys[i]!, values[i]!);
  return map;
}

/** Aliases of an event that no other event shares ("KubeCon EU" names every edition, so it resolves none). */
export function uniqueAliases(events: readonly Event[], event: Event): string[] {
  return event.aliases.filter((alias) => !events.some((other) => other !== event && other.aliases.some((a) => foldKey(a) === foldKey(alias))));
}
