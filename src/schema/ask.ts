import { GraphQLError } from 'graphql';
import type { Correction } from '../graph/ask/ask-types.ts';
import { AskError, MAX_QUESTION_LENGTH, interpretQuestion, type AskAlternative, type AskInterpretation } from '../graph/ask/interpret-question.ts';
import { builder } from './builder.ts';
import type { GraphContext } from './context.ts';
import { talkConnectionField } from './talk-connection.ts';
import { selectTalks } from '../graph/talk-query.ts';

const CorrectionRef = builder.objectRef<Correction>('Correction').implement({
  description: 'A spelling slip that was forgiven (one edit away from a known word of at least 5 letters).',
  fields: (t) => ({
    from: t.exposeString('from', { description: 'The word as written ("Isovalnet").' }),
    to: t.exposeString('to', { description: 'The known word it was read as ("Isovalent").' }),
  }),
});

const AlternativeRef = builder.objectRef<AskAlternative>('Alternative').implement({
  description: 'Another way to read an ambiguous question (for example "Grafana" as the organization instead of the topic).',
  fields: (t) => ({
    interpretation: t.exposeString('interpretation', { description: 'What this reading understands, as one sentence.' }),
    filter: t.field({ type: 'JSON', description: 'The TalkFilter of this reading, ready for `talks(filter:)`.', resolve: (a) => a.filter }),
    talkCount: t.int({ description: 'How many talks this reading matches.', resolve: (a, _args, ctx) => selectTalks(ctx.graph, a.filter).length }),
  }),
});

const AnswerRef = builder.objectRef<AskInterpretation>('Answer').implement({
  description: 'A plain-words question read into a talk filter, with the talks that answer it and an account of what was understood.',
  fields: (t) => ({
    question: t.exposeString('question', { description: 'The question as asked.' }),
    interpretation: t.exposeString('interpretation', {
      description:
        'One readable sentence of what was understood, e.g. "talks with a speaker from Isovalent, on Friday (2023-04-21)"; notes in parentheses say which reading of an ambiguous word was chosen and why, and which spellings were corrected.',
    }),
    filter: t.field({
      type: 'JSON',
      description: 'The equivalent TalkFilter: pass it to `talks(filter:)` to move to the precise query.',
      resolve: (a) => a.filter,
    }),
    unrecognized: t.exposeStringList('unrecognized', {
      description: 'Words that could not be placed, as written; empty when everything was understood. They do not narrow the answer.',
    }),
    corrections: t.field({ type: [CorrectionRef], description: 'Spelling slips that were forgiven.', resolve: (a) => a.corrections }),
    alternatives: t.field({
      type: [AlternativeRef],
      description: 'Other readings of ambiguous words, each with its own filter; empty when the question had one reading.',
      resolve: (a) => a.alternatives,
    }),
    talks: talkConnectionField(
      t,
      'The talks that answer the question (those matching `filter`), further filtered, ordered and paged by the arguments.',
      (answer: AskInterpretation, ctx: GraphContext) => selectTalks(ctx.graph, answer.filter),
    ),
  }),
});

builder.queryField('ask', (t) =>
  t.field({
    type: AnswerRef,
    description:
      'Answers a question in plain words ("talks by Isovalent speakers on Friday", "keynotes on Tuesday morning", "what is Liz Rice presenting on Wednesday") from the vocabulary of the graph: organization, speaker, topic and event names, kinds, weekdays, dates, times, "not"/"except" and "or". Deterministic: no language model; the same question always gets the same answer.',
    args: { question: t.arg.string({ required: true, description: `The question (at most ${MAX_QUESTION_LENGTH} characters).` }) },
    resolve: (_root, args, ctx) => {
      try {
        return interpretQuestion(ctx.graph, args.question);
      } catch (error) {
        if (error instanceof AskError) throw new GraphQLError(error.message, { extensions: { code: error.code, maxLength: error.limit } });
        throw error;
      }
    },
  }),
);
