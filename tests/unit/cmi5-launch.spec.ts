import { expect, test } from '@playwright/test';
import { readCmi5Launch } from '../../src/cmi5/launch-params.ts';
import { formatXapi } from '../../src/cmi5/xapi-interaction.ts';

const actor = { objectType: 'Agent', name: 'Dana Reyes', account: { homePage: 'https://lms.test', name: 'learner-42' } };
const params = (over: Record<string, string | null> = {}) => {
  const q = new URLSearchParams({
    endpoint: 'https://lrs.test/xapi',
    fetch: 'https://lms.test/fetch/1',
    actor: JSON.stringify(actor),
    registration: 'c0ffee00-0000-4000-8000-000000000042',
    activityId: 'https://lms.test/course/7/au/0',
  });
  for (const [k, v] of Object.entries(over))
    if (v === null) q.delete(k);
    else q.set(k, v);
  return `?${q}`;
};

test('a cmi5 launch needs all five parameters and an actor with an account; anything else is a SCORM launch', () => {
  expect(readCmi5Launch(params())).toEqual({
    endpoint: 'https://lrs.test/xapi/',
    fetch: 'https://lms.test/fetch/1',
    actor,
    registration: 'c0ffee00-0000-4000-8000-000000000042',
    activityId: 'https://lms.test/course/7/au/0',
  });
  for (const missing of ['endpoint', 'fetch', 'actor', 'registration', 'activityId'])
    expect(readCmi5Launch(params({ [missing]: null }))).toBeNull();
  expect(readCmi5Launch(params({ actor: '{not json' }))).toBeNull();
  expect(readCmi5Launch(params({ actor: JSON.stringify({ mbox: 'mailto:a@b.test' }) }))).toBeNull();
  expect(readCmi5Launch('')).toBeNull();
});

test('answers in xAPI form: SCORM 2004 delimiters, option texts as components, no response when none was given', () => {
  const label = (id: string) => `text of ${id}`;
  expect(formatXapi({ type: 'choice', options: ['a', 'b', 'c'], response: ['b', 'c'], correct: ['b'] }, label)).toEqual({
    interactionType: 'choice',
    choices: ['a', 'b', 'c'].map((id) => ({ id, description: { 'en-US': `text of ${id}` } })),
    correctResponsesPattern: ['b'],
    response: 'b[,]c',
  });
  expect(formatXapi({ type: 'true-false', response: null, correct: false }, label)).toEqual({
    interactionType: 'true-false',
    correctResponsesPattern: ['false'],
    response: null,
  });
  const matching = formatXapi(
    {
      type: 'matching',
      sources: ['s1', 's2'],
      targets: ['t1', 't2'],
      response: [['s1', 't2']],
      correct: [
        ['s1', 't1'],
        ['s2', 't2'],
      ],
    },
    label,
  );
  expect(matching).toMatchObject({ interactionType: 'matching', correctResponsesPattern: ['s1[.]t1[,]s2[.]t2'], response: 's1[.]t2' });
  expect(matching.source?.map((c) => c.description['en-US'])).toEqual(['text of s1', 'text of s2']);
  expect(formatXapi({ type: 'numeric', response: '2400', min: 3, max: 3 }, label)).toEqual({
    interactionType: 'numeric',
    correctResponsesPattern: ['3[:]3'],
    response: '2400',
  });
  expect(formatXapi({ type: 'likert', scale: ['a', 'b'], response: 'b' }, label)).toMatchObject({
    interactionType: 'likert',
    response: 'b',
  });
  expect(formatXapi({ type: 'text', response: '' }, label)).toEqual({ interactionType: 'long-fill-in', response: null });
  expect(formatXapi({ type: 'number', response: '45' }, label)).toEqual({ interactionType: 'numeric', response: '45' });
});
