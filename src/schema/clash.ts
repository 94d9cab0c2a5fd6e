import type { Clash } from '../graph/schedule.ts';
import { builder } from './builder.ts';
import { TalkRef } from './refs.ts';

export const ClashRef = builder.objectRef<Clash>('Clash').implement({
  description: 'Two talks that run at the same time.',
  fields: (t) => ({
    talks: t.field({ type: [TalkRef], description: 'The two talks, in schedule order.', resolve: (c) => c.talks }),
    overlapMinutes: t.exposeInt('overlapMinutes', { description: 'Minutes they run at the same time.' }),
  }),
});
