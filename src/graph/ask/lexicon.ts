import type { TalkKind, Weekday } from '../../domain/types.ts';
import type { Range } from '../talk-filter.ts';
import type { FunctionRole } from './ask-types.ts';

// The words every question may use, whatever the data. Names (speakers, organizations, topics,
// events) come from the graph itself; see build-vocabulary.ts.

const FILLERS = `a an the all any every some show me us list find get give tell let lets please i im we you they
  talk talks session sessions presentation presentations which what whats who whos whom whose is are was were be
  been being will would can could should do does did there here of in for to that this these those how many much
  when where held happening scheduled given giving gives presenting presented presents present speaking speak speaks
  talking talks speakers speaker people folks engineers employees staff team presenters presenter during day days
  conference schedule also too only just want like see watch attend going go has have had any anything else either
  starting start starts begin begins beginning after before since until till til at between around past later
  earlier than`;

/** Words right after a name that say it is who gives the talk ("Grafana speakers"). */
export const AGENT_AFTER: ReadonlySet<string> = new Set(
  'speakers speaker people folks engineers employees staff team presenters presenter presenting presents present speaking speak speaks talking gives giving give'.split(
    ' ',
  ),
);

const ROLES: ReadonlyArray<[FunctionRole, string[]]> = [
  ['agentCue', ['by', 'from', 'with', 'featuring', 'given by', 'presented by']],
  [
    'subjectCue',
    [
      'about',
      'on',
      'covering',
      'covers',
      'cover',
      'regarding',
      'concerning',
      'mentioning',
      'mention',
      'mentions',
      'discussing',
      'discuss',
      'involving',
      'related to',
      'tagged',
      'using',
    ],
  ],
  [
    'negation',
    [
      'not',
      'except',
      'excluding',
      'exclude',
      'without',
      'other than',
      'apart from',
      'besides',
      'but not',
      'no',
      'non',
      'neither',
      'isnt',
      'arent',
      'dont',
      'doesnt',
      'never',
    ],
  ],
  ['or', ['or', 'nor']],
  ['and', ['and', ',', 'plus', 'as well as', 'but']],
];

/** Function words and phrases with their role (fillers last, so a role wins over "filler"). */
export function functionWords(): Array<[string, FunctionRole]> {
  const out: Array<[string, FunctionRole]> = [];
  for (const [role, words] of ROLES) for (const w of words) out.push([w, role]);
  for (const w of FILLERS.split(/\s+/)) if (w) out.push([w, 'filler']);
  return out;
}

export interface KindWord {
  phrases: string[];
  kinds: TalkKind[];
  label: string;
}

/** "keynotes" includes sponsored keynotes; "talks" alone is a filler, "regular talks" is the TALK kind. */
export const KIND_WORDS: readonly KindWord[] = [
  { phrases: ['keynote', 'keynotes'], kinds: ['KEYNOTE', 'SPONSORED_KEYNOTE'], label: 'keynotes (sponsored ones included)' },
  {
    phrases: ['sponsored keynote', 'sponsored keynotes', 'sponsor keynote', 'sponsor keynotes', 'sponsored'],
    kinds: ['SPONSORED_KEYNOTE'],
    label: 'sponsored keynotes',
  },
  { phrases: ['tutorial', 'tutorials'], kinds: ['TUTORIAL'], label: 'tutorials' },
  { phrases: ['lightning talk', 'lightning talks', 'lightning'], kinds: ['LIGHTNING_TALK'], label: 'lightning talks' },
  { phrases: ['panel', 'panels', 'panel discussion', 'panel discussions'], kinds: ['PANEL'], label: 'panels' },
  { phrases: ['meeting', 'meetings', 'project meeting', 'project meetings'], kinds: ['MEETING'], label: 'meetings' },
  { phrases: ['workshop', 'workshops'], kinds: ['WORKSHOP'], label: 'workshops' },
  { phrases: ['opening remarks', 'closing remarks', 'welcome remarks', 'remarks'], kinds: ['OPENING_REMARKS'], label: 'opening or closing remarks' },
  { phrases: ['regular talk', 'regular talks', 'regular session', 'regular sessions'], kinds: ['TALK'], label: 'regular talks' },
];

export const WEEKDAY_WORDS: ReadonlyArray<[Weekday, string[]]> = [
  ['MONDAY', ['monday', 'mondays', 'mon']],
  ['TUESDAY', ['tuesday', 'tuesdays', 'tue', 'tues']],
  ['WEDNESDAY', ['wednesday', 'wednesdays', 'wed']],
  ['THURSDAY', ['thursday', 'thursdays', 'thu', 'thur', 'thurs']],
  ['FRIDAY', ['friday', 'fridays', 'fri']],
  ['SATURDAY', ['saturday', 'saturdays', 'sat']],
  ['SUNDAY', ['sunday', 'sundays', 'sun']],
];

export interface PartOfDay {
  phrases: string[];
  range: Range;
  label: string;
}

/** Parts of the day as local start-time windows (from inclusive, to exclusive). */
export const PARTS_OF_DAY: readonly PartOfDay[] = [
  { phrases: ['morning', 'mornings'], range: { to: '12:00' }, label: 'in the morning (starting before 12:00)' },
  { phrases: ['afternoon', 'afternoons'], range: { from: '12:00', to: '17:00' }, label: 'in the afternoon (starting 12:00–17:00)' },
  { phrases: ['evening', 'evenings', 'night', 'tonight'], range: { from: '17:00' }, label: 'in the evening (starting at 17:00 or later)' },
];

export const NO_SPEAKER_PHRASES = [
  'without speakers',
  'without speaker',
  'without a speaker',
  'with no speakers',
  'with no speaker',
  'no speakers',
  'no speaker',
  'speakerless',
];

export const MONTHS: Readonly<Record<string, number>> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Words too common to stand for an organization or event on their own ("Cloud" of "Cloud Native …"). */
export const COMMON_WORDS: ReadonlySet<string> = new Set(
  'cloud native open linux service services community summit europe north america south asia day days data network networks security systems labs group global international new'.split(
    ' ',
  ),
);

/** Time words usable after a cue ("before noon"). */
export const NAMED_TIMES: Readonly<Record<string, string>> = { noon: '12:00', midday: '12:00' };
