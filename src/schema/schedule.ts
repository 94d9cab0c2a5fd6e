import { GraphQLError } from 'graphql';
import type { ScheduleDay, TimeSlot } from '../graph/schedule.ts';
import { buildSchedule } from '../graph/schedule.ts';
import { builder } from './builder.ts';
import { EventRef, TalkRef } from './refs.ts';
import { DateTimeScalar, LocalDateScalar, LocalTimeScalar, WeekdayEnum } from './scalars.ts';

const TimeSlotRef = builder.objectRef<TimeSlot>('TimeSlot').implement({
  description: 'Talks that start at the same local time.',
  fields: (t) => ({
    start: t.field({ type: LocalTimeScalar, description: 'Local start time.', resolve: (s) => s.start }),
    end: t.field({ type: LocalTimeScalar, nullable: true, description: 'Latest local end time of the talks in the slot.', resolve: (s) => s.end }),
    startsAt: t.field({ type: DateTimeScalar, nullable: true, description: 'Start instant.', resolve: (s) => s.startsAt }),
    talks: t.field({ type: [TalkRef], description: 'Talks of the slot, in schedule order.', resolve: (s) => s.talks }),
  }),
});

const ScheduleDayRef = builder.objectRef<ScheduleDay>('ScheduleDay').implement({
  description: 'One day of an event, in time slots.',
  fields: (t) => ({
    date: t.field({ type: LocalDateScalar, description: 'Local date.', resolve: (d) => d.date }),
    day: t.field({ type: WeekdayEnum, nullable: true, description: 'Local weekday.', resolve: (d) => d.day }),
    slots: t.field({ type: [TimeSlotRef], description: 'Time slots in start order.', resolve: (d) => d.slots }),
  }),
});

interface ScheduleShape {
  eventId: string;
  days: ScheduleDay[];
}

const ScheduleRef = builder.objectRef<ScheduleShape>('Schedule').implement({
  description: "An event's talks (co-located events included) as a timetable.",
  fields: (t) => ({
    event: t.field({ type: EventRef, description: 'The event.', resolve: (s) => s.eventId }),
    days: t.field({ type: [ScheduleDayRef], description: 'Days in date order.', resolve: (s) => s.days }),
  }),
});

builder.queryField('schedule', (t) =>
  t.field({
    type: ScheduleRef,
    description: 'The timetable of an event, optionally one day of it, grouped into time slots.',
    args: {
      event: t.arg.string({ required: true, description: 'Event slug or name.' }),
      day: t.arg({ type: WeekdayEnum, required: false, description: 'Only this weekday.' }),
      date: t.arg({ type: LocalDateScalar, required: false, description: 'Only this date.' }),
    },
    resolve: (_root, args, ctx) => {
      const eventId = ctx.graph.resolveName('event', args.event);
      if (!eventId) {
        throw new GraphQLError(`Unknown event "${args.event}".`, {
          extensions: { code: 'UNKNOWN_FILTER_VALUE', field: 'event', accepted: ctx.graph.acceptedNames('event') },
        });
      }
      const days = buildSchedule(ctx.graph, eventId, (talk) => (!args.day || talk.day === args.day) && (!args.date || talk.date === args.date));
      return { eventId, days };
    },
  }),
);
