import type { Speaker } from '../domain/types.ts';
import { coSpeakers, type Weighted } from '../graph/relations.ts';
import { clashingPairs } from '../graph/schedule.ts';
import { builder } from './builder.ts';
import { addLookupQuery } from './lookup-query.ts';
import { ClashRef } from './clash.ts';
import { compareByName, namedConnection, pageOf, sortedOnce } from './list-connection.ts';
import { OrganizationRef, SpeakerRef } from './refs.ts';
import { talkConnectionField } from './talk-connection.ts';
import { primeTalksOf, talksOf } from './talks-of.ts';
import { foldKey } from '../domain/text.ts';

SpeakerRef.implement({
  description: 'A person who speaks at talks. Spellings that differ only in accents, case or spacing are one speaker.',
  fields: (t) => ({
    slug: t.exposeString('id', { description: 'Stable id: slug of the canonical name.' }),
    name: t.exposeString('name', { description: 'Canonical name (the most carefully accented spelling seen).' }),
    aliases: t.exposeStringList('aliases', { description: 'Other spellings seen in posts.' }),
    talkCount: t.int({ description: 'Number of talks.', resolve: (s) => s.talkIds.length }),
    organizations: t.field({ type: [OrganizationRef], description: 'Organizations the speaker was listed with.', resolve: (s) => s.organizationIds }),
    coSpeakers: t.field({
      type: [CoSpeakerRef],
      description: 'People who shared a talk with this speaker, most shared talks first.',
      resolve: (speaker, _args, ctx) => coSpeakers(ctx.graph, speaker.id),
    }),
    doubleBookings: t.field({
      type: [ClashRef],
      description: "Pairs of this speaker's talks that run at the same time.",
      extensions: primeTalksOf('talksOfSpeaker', (speaker: { id: string }) => [speaker.id]),
      resolve: (speaker, _args, ctx) => clashingPairs(ctx.graph, talksOf(ctx, 'talksOfSpeaker', [speaker.id])),
    }),
    talks: talkConnectionField(t, "The speaker's talks.", { name: 'talksOfSpeaker', owners: (speaker: { id: string }) => [speaker.id] }),
  }),
});

const CoSpeakerRef = builder.objectRef<Weighted<Speaker>>('CoSpeaker').implement({
  description: 'A person who spoke together with another speaker.',
  fields: (t) => ({
    speaker: t.field({ type: SpeakerRef, description: 'The co-speaker.', resolve: (w) => w.item }),
    talkCount: t.exposeInt('count', { description: 'Number of talks they gave together.' }),
  }),
});

export const SpeakerConnectionRef = namedConnection(SpeakerRef, 'SpeakerConnection', 'speakers');

builder.queryField('speakers', (t) =>
  t.connection(
    {
      type: SpeakerRef,
      description: 'All speakers, by name.',
      args: { search: t.arg.string({ required: false, description: 'Keep speakers whose name or alias contains this (accents and case ignored).' }) },
      resolve: (_root, args, ctx) => {
        const needle = args.search ? foldKey(args.search) : null;
        // Filtering the list sorted once per graph keeps its order: no sort per request.
        const all = sortedOnce(ctx.graph.allSpeakers(), compareByName);
        return pageOf(needle ? all.filter((s) => [s.name, ...s.aliases].some((n) => foldKey(n).includes(needle))) : all, args);
      },
    },
    SpeakerConnectionRef,
  ),
);

addLookupQuery('speaker', SpeakerRef, 'One speaker by slug, name or alias; null when there is none.', 'Slug, name or alias.');
