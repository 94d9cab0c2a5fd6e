import { detached, foldKey, slugify } from '../domain/text.ts';
import { shortHash } from './short-hash.ts';

/** Counts letters outside ASCII: the spelling with more of them is usually the careful one. */
function diacriticWeight(name: string): number {
  return [...name].filter((c) => c.charCodeAt(0) > 127).length;
}

interface NameGroup {
  id: string;
  fixedName: string | null;
  spellings: Map<string, number>;
  order: number;
}

/** Folds spellings of names into groups keyed by slug; reference entries pin the canonical name. */
export class NameRegistry {
  private readonly byKey = new Map<string, NameGroup>();
  private readonly groups = new Map<string, NameGroup>();
  private counter = 0;

  constructor(definitions: ReadonlyArray<{ slug: string; name: string; aliases: string[] }>) {
    for (const def of definitions) {
      const group: NameGroup = { id: def.slug, fixedName: def.name, spellings: new Map(), order: this.counter++ };
      this.groups.set(def.slug, group);
      for (const spelling of [def.name, ...def.aliases]) this.byKey.set(foldKey(spelling), group);
    }
  }

  resolve(asWritten: string): string {
    const key = foldKey(asWritten);
    let group = this.byKey.get(key) ?? this.byKey.get(key.replace(/^the /, ''));
    if (!group) {
      let id = slugify(asWritten);
      if (this.groups.has(id)) id = `${id}-${shortHash(key)}`; // a reference slug taken by another name
      group = { id, fixedName: null, spellings: new Map(), order: this.counter++ };
      this.groups.set(id, group);
      this.byKey.set(key, group);
    }
    if (!group.spellings.has(asWritten)) group.spellings.set(detached(asWritten), 0);
    group.spellings.set(asWritten, group.spellings.get(asWritten)! + 1);
    return group.id;
  }

  /** Used groups with their canonical name and every spelling seen. */
  entries(): Array<{ id: string; name: string; aliases: string[] }> {
    return [...this.groups.values()]
      .filter((g) => g.spellings.size > 0)
      .sort((a, b) => a.order - b.order)
      .map((g) => {
        const spellings = [...g.spellings.entries()];
        const best = [...spellings].sort((a, b) => diacriticWeight(b[0]) - diacriticWeight(a[0]) || b[1] - a[1])[0]![0];
        const name = g.fixedName ?? best;
        return {
          id: g.id,
          name,
          aliases: spellings
            .map(([s]) => s)
            .filter((s) => s !== name)
            .sort(),
        };
      });
  }
}
