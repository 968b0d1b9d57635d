import type { InteractionAnswer } from '../scorm/session.ts';

/** A language map, as xAPI holds every text. */
export type LanguageMap = Record<string, string>;

interface Component {
  id: string;
  description: LanguageMap;
}

/** An xAPI interaction activity definition (xAPI 1.0.3, 2.4.4.1) with the learner's response. */
export interface XapiInteraction {
  interactionType: 'choice' | 'true-false' | 'matching' | 'sequencing' | 'numeric' | 'likert' | 'fill-in' | 'long-fill-in';
  correctResponsesPattern?: string[];
  choices?: Component[];
  scale?: Component[];
  source?: Component[];
  target?: Component[];
  /** Null when no answer was given. */
  response: string | null;
}

export const LANG = 'en-US';

/**
 * The xAPI form of an answer, beside its SCORM 1.2 and 2004 forms (`scorm/interaction-format.ts`):
 * the same identifiers and delimiters as SCORM 2004 (`[,]`, `[.]`, `[:]`), plus the option texts
 * (`label`: an option id to the text the learner saw) so an LRS shows readable answers.
 */
export function formatXapi(a: InteractionAnswer, label: (id: string) => string): XapiInteraction {
  const components = (ids: readonly string[]): Component[] => ids.map((id) => ({ id, description: { [LANG]: label(id) } }));
  const orNull = (s: string) => (s === '' ? null : s);
  switch (a.type) {
    case 'choice':
    case 'sequencing':
      return {
        interactionType: a.type,
        choices: components(a.options),
        correctResponsesPattern: [a.correct.join('[,]')],
        response: orNull(a.response.join('[,]')),
      };
    case 'true-false':
      return {
        interactionType: 'true-false',
        correctResponsesPattern: [String(a.correct)],
        response: a.response === null ? null : String(a.response),
      };
    case 'matching': {
      const pairs = (ps: [string, string][]) => ps.map(([s, t]) => `${s}[.]${t}`).join('[,]');
      return {
        interactionType: 'matching',
        source: components(a.sources),
        target: components(a.targets),
        correctResponsesPattern: [pairs(a.correct)],
        response: orNull(pairs(a.response)),
      };
    }
    case 'numeric': {
      const n = a.response.trim() === '' ? NaN : Number(a.response);
      const decimal = (x: number) => String(Number(x.toFixed(7)));
      // xAPI numeric responses are numbers; anything else the learner typed is kept as text.
      return {
        interactionType: Number.isFinite(n) ? 'numeric' : 'fill-in',
        correctResponsesPattern: [`${decimal(a.min)}[:]${decimal(a.max)}`],
        response: Number.isFinite(n) ? decimal(n) : orNull(a.response),
      };
    }
    case 'likert':
      return { interactionType: 'likert', scale: components(a.scale), response: a.response };
    case 'number':
      return { interactionType: 'numeric', response: orNull(a.response.trim()) };
    case 'fill-in':
      // xAPI, like SCORM 2004, takes each accepted answer as a correct pattern.
      return { interactionType: 'fill-in', correctResponsesPattern: [...a.correct], response: orNull(a.response) };
    case 'text':
      return { interactionType: 'long-fill-in', response: orNull(a.response) };
  }
}
