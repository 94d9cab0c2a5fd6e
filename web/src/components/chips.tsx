import { chipLabel, filterQuery, withoutChip, type Chip } from '../filter.ts';

/** Active filter as chips; each chip's × link is the same view without it. */
export function Chips({ chips, base, label = 'Active filter' }: { chips: readonly Chip[]; base: string; label?: string }) {
  if (chips.length === 0) return null;
  return (
    <ul class="chips" aria-label={label}>
      {chips.map((chip) => (
        <li key={`${chip.param}=${chip.value}`} class="chip" data-chip={`${chip.param}:${chip.value}`}>
          <span>{chipLabel(chip)}</span>
          <a href={`${base}${filterQuery(withoutChip(chips, chip))}`} aria-label={`Remove ${chipLabel(chip)}`} title="Remove">
            ×
          </a>
        </li>
      ))}
    </ul>
  );
}

/** Subscribe link to /calendar.ics with the same filter (webcal-ready: the plain https URL works in calendar apps). */
export function CalendarLink({ chips }: { chips: readonly Chip[] }) {
  const query = filterQuery(chips.filter((c) => c.param !== 'date'));
  const dates = chips.filter((c) => c.param === 'date');
  const href = `/calendar.ics${query}${dates.length ? `${query ? '&' : '?'}${dates.map((d) => `date=${encodeURIComponent(d.value)}`).join('&')}` : ''}`;
  return (
    <a class="calendar-link" href={href} data-testid="calendar-link">
      Subscribe to these talks (iCalendar)
    </a>
  );
}
