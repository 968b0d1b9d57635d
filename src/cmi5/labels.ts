import type { Course } from '../course/types.ts';

type Labels = (optionId: string) => string;

/** Every `{ id, text }` option a question holds (choices, items, targets…), whatever its type. */
function optionTexts(question: object): Map<string, string> {
  const texts = new Map<string, string>();
  for (const value of Object.values(question))
    if (Array.isArray(value))
      for (const v of value as unknown[])
        if (typeof v === 'object' && v !== null) {
          const { id, text } = v as { id?: unknown; text?: unknown };
          if (typeof id === 'string' && typeof text === 'string' && !texts.has(id)) texts.set(id, text);
        }
  return texts;
}

/**
 * The option texts behind an interaction's ids, for the xAPI definitions that let an LRS show
 * readable answers: exam questions by `<quiz id>-<question id>`, evaluation answers by their
 * `evaluation-<question id>…` prefix. An id without a text stands for itself.
 */
export function optionLabels(course: Course): (interactionId: string) => Labels {
  const byId = new Map<string, Map<string, string>>();
  for (const quiz of course.quizzes) for (const q of quiz.questions) byId.set(`${quiz.id}-${q.id}`, optionTexts(q));
  const evaluation = (course.evaluation?.questions ?? []).map((q) => ({ prefix: `evaluation-${q.id}`, texts: optionTexts(q) }));
  return (interactionId) => {
    const texts =
      byId.get(interactionId) ??
      evaluation
        .filter((e) => interactionId === e.prefix || interactionId.startsWith(`${e.prefix}-`))
        .sort((a, b) => b.prefix.length - a.prefix.length)[0]?.texts;
    return (id) => texts?.get(id) ?? id;
  };
}
