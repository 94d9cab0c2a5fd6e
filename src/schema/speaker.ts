import { builder } from './builder.ts';
import { byName, namedConnection, pageOf } from './list-connection.ts';
import { OrganizationRef, SpeakerRef } from './refs.ts';
import { talkConnectionField } from './talk-connection.ts';
import { talksOf } from './talks-of.ts';
import { foldKey } from '../domain/text.ts';

SpeakerRef.implement({
  description: 'A person who speaks at talks. Spellings that differ only in accents, case or spacing are one speaker.',
  fields: (t) => ({
    slug: t.exposeString('id', { description: 'Stable id: slug of the canonical name.' }),
    name: t.exposeString('name', { description: 'Canonical name (the most carefully accented spelling seen).' }),
    aliases: t.exposeStringList('aliases', { description: 'Other spellings seen in posts.' }),
    talkCount: t.int({ description: 'Number of talks.', resolve: (s) => s.talkIds.length }),
    organizations: t.field({ type: [OrganizationRef], description: 'Organizations the speaker was listed with.', resolve: (s) => s.organizationIds }),
    talks: talkConnectionField(t, "The speaker's talks.", (speaker: { id: string }, ctx) => talksOf(ctx, 'talksOfSpeaker', [speaker.id])),
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
        const speakers = ctx.graph.allSpeakers().filter((s) => !needle || [s.name, ...s.aliases].some((n) => foldKey(n).includes(needle)));
        return pageOf(byName(speakers), args);
      },
    },
    SpeakerConnectionRef,
  ),
);

builder.queryField('speaker', (t) =>
  t.field({
    type: SpeakerRef,
    nullable: true,
    description: 'One speaker by slug, name or alias; null when there is none.',
    args: { slug: t.arg.string({ required: true, description: 'Slug, name or alias.' }) },
    resolve: (_root, args, ctx) => {
      const id = ctx.graph.resolveName('speaker', args.slug);
      return id ? (ctx.graph.speaker(id) ?? null) : null;
    },
  }),
);
