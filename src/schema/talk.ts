import type { Appearance, TopicTag } from '../domain/types.ts';
import { relatedTalks, type RelatedTalk } from '../graph/relations.ts';
import { overlappingTalks } from '../graph/schedule.ts';
import { builder } from './builder.ts';
import { SourceLocationRef } from './diagnostic.ts';
import { EventRef, OrganizationRef, PostRef, SpeakerRef, TalkRef, TopicRef } from './refs.ts';
import { DateTimeScalar, LocalDateScalar, LocalTimeScalar, TalkKindEnum, WeekdayEnum } from './scalars.ts';
import { talkConnectionField } from './talk-connection.ts';

const AppearanceRef = builder.objectRef<Appearance>('Appearance').implement({
  description: 'A speaker on one talk, with the affiliation as that talk wrote it.',
  fields: (t) => ({
    speaker: t.field({ type: SpeakerRef, description: 'The (merged) speaker.', resolve: (a) => a.speakerId }),
    nameAsWritten: t.exposeString('nameAsWritten', { description: 'The name exactly as the post spelled it.' }),
    organization: t.field({
      type: OrganizationRef,
      nullable: true,
      description: 'The canonical organization the affiliation resolves to.',
      resolve: (a) => a.organizationId,
    }),
    organizationAsWritten: t.exposeString('organizationAsWritten', {
      nullable: true,
      description: 'The affiliation exactly as written ("Isovalent at Cisco").',
    }),
    role: t.exposeString('role', { nullable: true, description: 'A role written before the organization ("CTO"), if any.' }),
  }),
});

const TopicFieldEnum = builder.enumType('TopicEvidenceField', {
  description: 'Which part of a talk mentioned a topic keyword.',
  values: { TITLE: { value: 'title', description: 'The title.' }, ABSTRACT: { value: 'abstract', description: 'The abstract.' } } as const,
});

const TopicTagRef = builder.objectRef<TopicTag>('TopicTag').implement({
  description: 'Why a talk is tagged with a topic: the keyword that matched and where.',
  fields: (t) => ({
    topic: t.field({ type: TopicRef, description: 'The topic.', resolve: (tag) => tag.topicId }),
    keyword: t.exposeString('keyword', { description: 'The taxonomy keyword that matched.' }),
    field: t.field({ type: TopicFieldEnum, description: 'Where it matched.', resolve: (tag) => tag.field }),
  }),
});

TalkRef.implement({
  description: 'A session at an event: a talk, keynote, tutorial, panel, lightning talk or meeting.',
  fields: (t) => ({
    slug: t.exposeString('id', { description: 'Stable, content-derived id (title slug plus a hash of the schedule URL).' }),
    title: t.exposeString('title', { description: 'Title without the speakers, kind prefix kept ("Tutorial: …").' }),
    url: t.exposeString('url', { nullable: true, description: 'Schedule or recording link.' }),
    kind: t.field({ type: TalkKindEnum, description: 'Kind of session, from the title prefix.', resolve: (talk) => talk.kind }),
    abstract: t.exposeString('abstract', { description: 'Abstract as written (paragraphs separated by blank lines); empty when the post has none.' }),
    day: t.field({ type: WeekdayEnum, nullable: true, description: 'Local weekday.', resolve: (talk) => talk.day }),
    date: t.field({ type: LocalDateScalar, nullable: true, description: 'Local date, YYYY-MM-DD.', resolve: (talk) => talk.date }),
    start: t.field({ type: LocalTimeScalar, nullable: true, description: 'Local start time, HH:MM.', resolve: (talk) => talk.start }),
    end: t.field({ type: LocalTimeScalar, nullable: true, description: 'Local end time, HH:MM.', resolve: (talk) => talk.end }),
    startsAt: t.field({
      type: DateTimeScalar,
      nullable: true,
      description: "Start instant with the event's UTC offset; null when the time zone is unknown.",
      resolve: (talk) => talk.startsAt,
    }),
    endsAt: t.field({ type: DateTimeScalar, nullable: true, description: "End instant with the event's UTC offset.", resolve: (talk) => talk.endsAt }),
    timezone: t.exposeString('timezone', { nullable: true, description: 'IANA time zone the local times are in.' }),
    event: t.field({ type: EventRef, nullable: true, description: 'The event (or co-located event) the talk is part of.', resolve: (talk) => talk.eventId }),
    post: t.field({ type: PostRef, description: 'The post the talk was first read from.', resolve: (talk) => talk.postId }),
    speakers: t.field({ type: [SpeakerRef], description: 'Speakers in the order written.', resolve: (talk) => talk.speakerIds }),
    appearances: t.field({
      type: [AppearanceRef],
      description: 'Speakers with their affiliation as written on this talk.',
      resolve: (talk) => talk.appearances,
    }),
    organizations: t.field({ type: [OrganizationRef], description: "Organizations of the talk's speakers.", resolve: (talk) => talk.organizationIds }),
    topics: t.field({ type: [TopicRef], description: 'Topics tagged by keyword.', resolve: (talk) => talk.topicIds }),
    topicTags: t.field({ type: [TopicTagRef], description: 'Topic tags with their evidence.', resolve: (talk) => talk.tags }),
    sources: t.field({
      type: [SourceLocationRef],
      description: 'Every place the talk is listed (several posts may list one talk).',
      resolve: (talk) => talk.sources,
    }),
    overlapping: t.field({
      type: [TalkRef],
      description: 'Other talks of the same conference (co-located events included) that run at the same time.',
      resolve: (talk, _args, ctx) => overlappingTalks(ctx.graph, talk),
    }),
    related: t.field({
      type: [RelatedTalkRef],
      description: 'Talks most like this one, scored by shared speakers, topics (rarer topics weigh more), organizations and event; reasons say why.',
      args: { first: t.arg.int({ required: false, defaultValue: 5, description: 'How many (default 5, at most 50).' }) },
      resolve: (talk, args, ctx) => relatedTalks(ctx.graph, talk, Math.min(Math.max(args.first ?? 5, 0), 50)),
    }),
  }),
});

const RelatedTalkRef = builder.objectRef<RelatedTalk>('RelatedTalk').implement({
  description: 'A talk related to another one, with the score and the reasons.',
  fields: (t) => ({
    talk: t.field({ type: TalkRef, description: 'The related talk.', resolve: (r) => r.talk }),
    score: t.exposeFloat('score', {
      description:
        'Higher is more related: 3 per shared speaker, 1 per shared organization, log(1 + talks/topic talks) per shared topic, 0.5 for the same event.',
    }),
    reasons: t.exposeStringList('reasons', { description: 'Why, one reason per shared speaker, topic, organization or event.' }),
  }),
});

builder.queryField('talks', (t) => talkConnectionField(t, 'Talks, filtered, ordered (start time by default) and paged.', null));

builder.queryField('talk', (t) =>
  t.field({
    type: TalkRef,
    nullable: true,
    description: 'One talk by its slug (the `slug` field); null when there is none.',
    args: { slug: t.arg.string({ required: true, description: 'The talk slug.' }) },
    resolve: (_root, args, ctx) => ctx.graph.talk(args.slug) ?? null,
  }),
);
