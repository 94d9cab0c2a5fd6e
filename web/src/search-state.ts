import type { Chip } from './filter.ts';

/**
 * What a reader did to the reading of a question, kept in the search URL so that it can be shared
 * and the back button undoes it: `drop=day:FRIDAY` removes a chip, `edit:day:FRIDAY=THURSDAY`
 * changes its value. Chips are named by what `ask` read (`param:value`), so an edit survives
 * being removed and restored.
 */
export interface SearchState {
  q: string;
  dropped: ReadonlySet<string>;
  /** Original chip id → the value the reader chose instead. */
  edits: ReadonlyMap<string, string>;
}

const EDIT = 'edit:';

export const chipId = (chip: Chip): string => `${chip.param}:${chip.value}`;

/** The name of the URL parameter that carries an edit of this chip. */
export const editParamOf = (chip: Chip): string => `${EDIT}${chipId(chip)}`;

export function searchStateOf(params: URLSearchParams): SearchState {
  const edits = new Map<string, string>();
  for (const [name, value] of params) {
    if (!name.startsWith(EDIT)) continue;
    const id = name.slice(EDIT.length);
    const original = id.slice(id.indexOf(':') + 1);
    if (value.trim() && value !== original) edits.set(id, value.trim());
  }
  return { q: (params.get('q') ?? '').trim(), dropped: new Set(params.getAll('drop')), edits };
}

/** `/search?q=…&drop=…&edit:…=…` in a stable order. */
export function searchHref(state: SearchState): string {
  const params = new URLSearchParams({ q: state.q });
  for (const id of state.dropped) params.append('drop', id);
  for (const [id, value] of state.edits) params.append(`${EDIT}${id}`, value);
  return `/search?${params}`;
}

export function withDropToggled(state: SearchState, chip: Chip): SearchState {
  const id = chipId(chip);
  const dropped = new Set(state.dropped);
  if (dropped.has(id)) dropped.delete(id);
  else dropped.add(id);
  return { ...state, dropped };
}

/** A chip of the reading as the reader left it: its current value, whether it was edited or removed. */
export interface ReadChip {
  original: Chip;
  current: Chip;
  edited: boolean;
  off: boolean;
}

export function readChipsOf(chips: readonly Chip[], state: SearchState): ReadChip[] {
  return chips.map((original) => {
    const id = chipId(original);
    const value = state.edits.get(id);
    return {
      original,
      current: value === undefined ? original : { param: original.param, value },
      edited: value !== undefined,
      off: state.dropped.has(id),
    };
  });
}
