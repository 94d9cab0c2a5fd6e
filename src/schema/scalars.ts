import { GraphQLError } from 'graphql';
import { TALK_KINDS, WEEKDAYS } from '../domain/types.ts';
import { builder } from './builder.ts';

function stringScalar(name: 'DateTime' | 'LocalDate' | 'LocalTime', description: string, valid: (v: string) => boolean, shape: string) {
  return builder.scalarType(name, {
    description,
    serialize: (value) => String(value),
    parseValue: (value) => {
      if (typeof value !== 'string' || !valid(value)) {
        throw new GraphQLError(`${name} expects ${shape}; got ${JSON.stringify(value)}.`, { extensions: { code: 'BAD_USER_INPUT', accepted: [shape] } });
      }
      return value;
    },
  });
}

export const DateTimeScalar = stringScalar(
  'DateTime',
  'An instant in ISO 8601 with the offset of its event, e.g. 2023-04-21T11:55:00+02:00.',
  (v) => !Number.isNaN(Date.parse(v)),
  'an ISO 8601 date-time',
);
export const LocalDateScalar = stringScalar(
  'LocalDate',
  'A calendar date, YYYY-MM-DD, in the local time of its event.',
  (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)),
  'YYYY-MM-DD',
);
export const LocalTimeScalar = stringScalar(
  'LocalTime',
  'A wall-clock time, HH:MM (24h), in the local time of its event.',
  (v) => /^([01]\d|2[0-3]):[0-5]\d$/.test(v),
  'HH:MM',
);

builder.scalarType('JSON', {
  description: 'Any JSON value.',
  serialize: (value) => value,
  parseValue: (value) => value,
});

export const WeekdayEnum = builder.enumType('Weekday', {
  description: 'Day of the week, in the local time of the event.',
  values: Object.fromEntries(WEEKDAYS.map((d) => [d, { value: d, description: `${d[0]}${d.slice(1).toLowerCase()}.` }])) as Record<
    (typeof WEEKDAYS)[number],
    { value: (typeof WEEKDAYS)[number]; description: string }
  >,
});

const KIND_DESCRIPTIONS: Record<(typeof TALK_KINDS)[number], string> = {
  TALK: 'A regular session.',
  KEYNOTE: 'A keynote.',
  SPONSORED_KEYNOTE: 'A keynote given by a sponsor.',
  TUTORIAL: 'A hands-on tutorial.',
  LIGHTNING_TALK: 'A short lightning talk.',
  PANEL: 'A panel discussion.',
  MEETING: 'A meeting, such as a project meeting.',
  WORKSHOP: 'A workshop.',
  OPENING_REMARKS: 'Welcome, opening or closing remarks.',
};

export const TalkKindEnum = builder.enumType('TalkKind', {
  description: 'What sort of session a talk is, read from its title ("Keynote:", "Tutorial:" …).',
  values: Object.fromEntries(TALK_KINDS.map((k) => [k, { value: k, description: KIND_DESCRIPTIONS[k] }])) as Record<
    (typeof TALK_KINDS)[number],
    { value: (typeof TALK_KINDS)[number]; description: string }
  >,
});
