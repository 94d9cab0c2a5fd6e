import { builder } from './builder.ts';
import { DiagnosticRef } from './diagnostic.ts';
import type { Post } from '../domain/types.ts';
import { addListQuery, namedConnection } from './list-connection.ts';
import { EventRef, PostRef } from './refs.ts';
import { LocalDateScalar } from './scalars.ts';
import { talkConnectionField } from './talk-connection.ts';

PostRef.implement({
  description: 'One source file: a blog post that lists talks (or, for some, none).',
  fields: (t) => ({
    slug: t.exposeString('id', { description: 'Stable id: slug of the file name.' }),
    file: t.exposeString('file', { description: 'Path relative to the data folder.' }),
    title: t.exposeString('title', { description: 'Title from the front matter.' }),
    date: t.field({ type: LocalDateScalar, nullable: true, description: 'Publication date.', resolve: (p) => p.date }),
    path: t.exposeString('path', { nullable: true, description: "The post's path on its blog, from the front matter." }),
    author: t.exposeString('author', { nullable: true, description: 'Author from the front matter.' }),
    tags: t.exposeStringList('tags', { description: 'Tags from the front matter.' }),
    event: t.field({ type: EventRef, nullable: true, description: 'The event the post is about, when it names one.', resolve: (p) => p.eventId }),
    diagnostics: t.field({ type: [DiagnosticRef], description: 'What the ingest noticed in this post.', resolve: (p) => p.diagnostics }),
    talks: talkConnectionField(t, 'Talks read from this post.', { name: 'talksOfPost', owners: (post: { id: string }) => [post.id] }),
  }),
});

function newestFirst(a: Post, b: Post): number {
  return (b.date ?? '').localeCompare(a.date ?? '') || a.id.localeCompare(b.id);
}

const PostConnectionRef = namedConnection(PostRef, 'PostConnection', 'posts');

addListQuery('posts', PostRef, PostConnectionRef, 'All posts, newest first.', (graph) => graph.allPosts(), newestFirst);

builder.queryField('post', (t) =>
  t.field({
    type: PostRef,
    nullable: true,
    description: 'One post by slug (file name without extension); null when there is none.',
    args: { slug: t.arg.string({ required: true, description: 'The post slug.' }) },
    resolve: (_root, args, ctx) => ctx.graph.post(args.slug) ?? null,
  }),
);
