import { builder } from './builder.ts';
import { addLookupQuery } from './lookup-query.ts';
import { addListQuery, byNameWithin, compareByName, namedConnection, pageOf } from './list-connection.ts';
import { OrganizationRef, SpeakerRef, TopicRef } from './refs.ts';
import { SpeakerConnectionRef } from './speaker.ts';
import { talkConnectionField } from './talk-connection.ts';
import { primeTalksOf, talksOf } from './talks-of.ts';
import type { Speaker, Topic } from '../domain/types.ts';
import { organizationTopics, type Weighted } from '../graph/relations.ts';
import { clashingPairs } from '../graph/schedule.ts';
import { ClashRef } from './clash.ts';

OrganizationRef.implement({
  description: 'A company or institution speakers come from. Aliases ("Isovalent at Cisco", "Bloomberg LP") resolve to one organization.',
  fields: (t) => ({
    slug: t.exposeString('id', { description: 'Stable id: slug of the canonical name.' }),
    name: t.exposeString('name', { description: 'Canonical name.' }),
    aliases: t.exposeStringList('aliases', { description: 'Other names posts used for it.' }),
    url: t.exposeString('url', { nullable: true, description: 'Website, when known.' }),
    talkCount: t.int({ description: 'Number of talks with a speaker from this organization.', resolve: (o) => o.talkIds.length }),
    speakerCount: t.int({ description: 'Number of speakers listed with this organization.', resolve: (o) => o.speakerIds.length }),
    speakers: t.connection(
      {
        type: SpeakerRef,
        description: 'Speakers listed with this organization, by name.',
        resolve: (org, args, ctx) => {
          const speakers = ctx.graph.getMany('speaker', org.speakerIds).filter((s): s is Speaker => s !== undefined);
          return pageOf(byNameWithin(speakers, ctx.graph.allSpeakers()), args);
        },
      },
      SpeakerConnectionRef,
    ),
    topics: t.field({
      type: [OrganizationTopicRef],
      description: "Topics of this organization's talks, weighted by the share of its talks.",
      resolve: (org, _args, ctx) => organizationTopics(ctx.graph, org.id),
    }),
    parallelTalks: t.field({
      type: [ClashRef],
      description: "Pairs of this organization's talks that run at the same time (its people cannot be in both).",
      extensions: primeTalksOf('talksOfOrganization', (org: { id: string }) => [org.id]),
      resolve: (org, _args, ctx) => clashingPairs(ctx.graph, talksOf(ctx, 'talksOfOrganization', [org.id])),
    }),
    talks: talkConnectionField(t, 'Talks with a speaker from this organization.', { name: 'talksOfOrganization', owners: (org: { id: string }) => [org.id] }),
  }),
});

const OrganizationTopicRef = builder.objectRef<Weighted<Topic> & { weight: number }>('OrganizationTopic').implement({
  description: "A topic of an organization's talks, with its weight.",
  fields: (t) => ({
    topic: t.field({ type: TopicRef, description: 'The topic.', resolve: (w) => w.item }),
    talkCount: t.exposeInt('count', { description: "Number of the organization's talks with this topic." }),
    weight: t.exposeFloat('weight', { description: "Share of the organization's talks with this topic (0–1)." }),
  }),
});

const OrganizationConnectionRef = namedConnection(OrganizationRef, 'OrganizationConnection', 'organizations');

addListQuery('organizations', OrganizationRef, OrganizationConnectionRef, 'All organizations, by name.', (graph) => graph.allOrganizations(), compareByName);

addLookupQuery(
  'organization',
  OrganizationRef,
  'One organization by slug, name or alias; null when there is none.',
  'Slug, name or alias ("isovalent", "Isovalent at Cisco").',
);
