import type { Choice } from '../course/types.ts';

/**
 * Text helpers the item-quality rules share (item-quality.ts) with the test-wise learner's
 * strategies (cue-strategies.ts): words, the words that carry a question, lengths as a
 * reader sees them.
 */

/**
 * Options within this share of each other's length look the same length: a few characters
 * in a line of sixty are lost in the differences between letter widths, so a learner
 * choosing by length can only guess among them.
 */
const SAME_LENGTH = 0.05;

/**
 * The options of a question in groups that look the same length, longest group first: an
 * option joins the group when it is within SAME_LENGTH of the group's longest.
 */
export function lengthGroups(choices: Choice[]): Choice[][] {
  const groups: Choice[][] = [];
  for (const c of [...choices].sort((x, y) => y.text.length - x.text.length)) {
    const group = groups.at(-1);
    if (group && c.text.length >= (1 - SAME_LENGTH) * (group[0]?.text.length ?? 0)) group.push(c);
    else groups.push([c]);
  }
  return groups;
}

/** Lower-case words, with typographic quotes, possessive 's and punctuation removed. */
export function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/[‘’]/g, "'")
      .match(/[a-z0-9%]+(?:'[a-z]+)?/g) ?? []
  ).map((w) => w.replace(/'s$/, ''));
}

// Words that carry no question idea: articles, pronouns, auxiliaries, question words,
// prepositions, and the "True or false:" every true/false prompt starts with.
const STOP_WORDS = new Set(
  `a about after against all also an and any are as at be been before being between both but by can could did do does doing
  during each for from had has have he her here him his how i if in into is it its may me might more most must my no nor not
  of on once or other our out over own same she should so some such than that the their them then there these they this those
  through to too true false under until up very was we were what when where which while who whom why will with would you your`.split(/\s+/),
);

/** The words that carry the question, lightly stemmed so that "harms" matches "harm". */
export function contentWords(prompt: string): Set<string> {
  return new Set(
    words(prompt)
      .filter((w) => !STOP_WORDS.has(w))
      .map((w) => w.replace(/(..[^siu])s$/, '$1')),
  );
}
