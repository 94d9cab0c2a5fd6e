import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useQuery } from '../api.ts';
import { chipLabel, type Chip, type FilterParam } from '../filter.ts';
import { formatDay, formatKind } from '../format.ts';
import type { TalkFilter, TalkKind, Weekday } from '../gql/graphql.ts';
import { ChipSuggestionsQuery } from '../queries.ts';
import { chipId, editParamOf, searchHref, withDropToggled, type ReadChip, type SearchState } from '../search-state.ts';

const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const satisfies readonly Weekday[];
const KINDS = [
  'TALK',
  'KEYNOTE',
  'SPONSORED_KEYNOTE',
  'LIGHTNING_TALK',
  'PANEL',
  'TUTORIAL',
  'WORKSHOP',
  'MEETING',
  'OPENING_REMARKS',
] as const satisfies readonly TalkKind[];

const HINTS: Partial<Record<FilterParam, string>> = {
  organization: 'A name or slug, e.g. Google',
  speaker: 'A name or slug',
  topic: 'A name or slug, e.g. Tetragon',
  event: 'A name or slug',
  text: 'Words to search for',
};

type Suggestion = { value: string; label: string; count: number };

/** The most frequent values of the chip's kind among the talks `others` (the rest of the reading) keeps. */
function useSuggestions(param: FilterParam, others: TalkFilter | null, open: boolean): readonly Suggestion[] {
  const entity = param === 'organization' || param === 'speaker' || param === 'topic' || param === 'event';
  const { data } = useQuery(
    ChipSuggestionsQuery,
    { filter: others, organization: param === 'organization', speaker: param === 'speaker', topic: param === 'topic', event: param === 'event' },
    !open || !entity,
  );
  const facets = data?.talks.facets;
  return (
    (param === 'organization' ? facets?.organizations : param === 'speaker' ? facets?.speakers : param === 'topic' ? facets?.topics : facets?.events) ?? []
  );
}

/** The control that edits one kind of chip: a list for days and kinds, a date picker, or a text box (with suggestions). */
function ValueControl({ chip, id, name, suggestions }: { chip: Chip; id: string; name: string; suggestions: readonly Suggestion[] }) {
  const describedBy = HINTS[chip.param] ? `${id}-hint` : undefined;
  if (chip.param === 'day' || chip.param === 'kind') {
    const values: readonly string[] = chip.param === 'day' ? DAYS : KINDS;
    const current = chip.value.toUpperCase();
    return (
      <select id={id} name={name}>
        {values.map((v) => (
          <option key={v} value={v} selected={v === current}>
            {chip.param === 'day' ? formatDay(v) : formatKind(v)}
          </option>
        ))}
      </select>
    );
  }
  if (chip.param === 'date') return <input id={id} name={name} type="date" required defaultValue={chip.value} />;
  return (
    <>
      <input
        id={id}
        name={name}
        type="text"
        required
        defaultValue={chip.value}
        aria-describedby={describedBy}
        autoComplete="off"
        list={suggestions.length ? `${id}-suggestions` : undefined}
      />
      {suggestions.length ? (
        <datalist id={`${id}-suggestions`} data-testid="chip-suggestions">
          {suggestions.map((s) => (
            <option key={s.value} value={s.label}>{`${s.count} talks`}</option>
          ))}
        </datalist>
      ) : null}
      {describedBy ? (
        <span id={describedBy} class="hint">
          {HINTS[chip.param]}
        </span>
      ) : null}
    </>
  );
}

/**
 * One chip of a question's reading: its value can be edited in place (a small form that opens under
 * it, Escape closes it; names are suggested from the talks the other chips keep) or the chip removed and restored. Both are links or GET forms to the search
 * URL, so each change is a new history entry and can be shared.
 */
export function EditableChip({ chip, state, others }: { chip: ReadChip; state: SearchState; others: TalkFilter | null }) {
  const [open, setOpen] = useState(false);
  const suggestions = useSuggestions(chip.original.param, others, open);
  const toggle = useRef<HTMLButtonElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const id = chipId(chip.original);
  const domId = `edit-${id.replace(/[^a-z0-9]+/gi, '-')}`;
  const label = chipLabel(chip.current);
  // In the same task as the form appears (not after paint), so the focus is never a frame behind aria-expanded.
  useLayoutEffect(() => {
    if (open) form.current?.querySelector<HTMLElement>('select, input:not([type="hidden"])')?.focus();
  }, [open]);
  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  const otherEdits = [...state.edits].filter(([editId]) => editId !== id);
  return (
    <li class={`chip${chip.off ? ' off' : ''}${chip.edited ? ' edited' : ''}`} data-chip={id} data-value={chip.current.value}>
      <span>{label}</span>
      {chip.edited ? <span class="was">(read as {chip.original.value})</span> : null}
      {chip.off ? null : (
        <button
          type="button"
          class="chip-button"
          ref={toggle}
          aria-expanded={open}
          aria-controls={domId}
          aria-label={`Edit ${label}`}
          title="Edit"
          onClick={() => setOpen(!open)}
        >
          ✎
        </button>
      )}
      <a
        href={searchHref(withDropToggled(state, chip.original))}
        aria-label={`${chip.off ? 'Restore' : 'Remove'} ${label}`}
        title={chip.off ? 'Restore' : 'Remove'}
      >
        {chip.off ? '+' : '×'}
      </a>
      {open ? (
        <form
          id={domId}
          ref={form}
          class="chip-edit"
          action="/search"
          method="get"
          aria-label={`Edit ${label}`}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              close();
            }
          }}
          onSubmit={() => setOpen(false)}
        >
          <input type="hidden" name="q" value={state.q} />
          {[...state.dropped].map((d) => (
            <input key={d} type="hidden" name="drop" value={d} />
          ))}
          {otherEdits.map(([editId, value]) => (
            <input key={editId} type="hidden" name={`edit:${editId}`} value={value} />
          ))}
          <label for={`${domId}-value`}>New {chip.original.param}</label>
          <ValueControl key={chip.current.value} chip={chip.current} id={`${domId}-value`} name={editParamOf(chip.original)} suggestions={suggestions} />
          <button type="submit">Apply</button>
          <button type="button" onClick={close}>
            Cancel
          </button>
        </form>
      ) : null}
    </li>
  );
}
