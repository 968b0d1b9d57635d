import { expect, test } from '@playwright/test';
import { toInteraction } from '../../src/course/questions.ts';
import { formatScorm12, formatScorm2004, MAX_PATTERNS_2004 } from '../../src/scorm/interaction-format.ts';
import { QUESTIONS } from '../support/sample-course.ts';
import { FakeClock, fakeLms } from '../support/fakes.ts';
import { elementProblem } from '../support/strict-scorm.ts';

const { single, multiple, true_false, matching, ordering, numeric } = QUESTIONS;

const cases = [
  { q: single, a: ['c'], s12: ['choice', 'c', 'b'], s04: ['choice', 'c', 'b'] },
  { q: multiple, a: ['c', 'a'], s12: ['choice', 'a,c', 'a,c'], s04: ['choice', 'a[,]c', 'a[,]c'] },
  { q: true_false, a: ['true'], s12: ['true-false', 't', 'f'], s04: ['true-false', 'true', 'false'] },
  {
    q: matching,
    a: ['i1.t2', 'i2.t3'],
    s12: ['matching', 'a.b,b.c', 'a.b,b.a,c.c'],
    s04: ['matching', 'i1[.]t2[,]i2[.]t3', 'i1[.]t2[,]i2[.]t1[,]i3[.]t3'],
  },
  { q: ordering, a: ['z', 'x', 'y'], s12: ['sequencing', 'c,a,b', 'a,b,c'], s04: ['sequencing', 'z[,]x[,]y', 'x[,]y[,]z'] },
  { q: numeric, a: ['23.0'], s12: ['numeric', '23', '23'], s04: ['numeric', '23', '23[:]23'] },
  { q: { ...numeric, tolerance: 2 }, a: ['21'], s12: ['numeric', '21', '23'], s04: ['numeric', '21', '21[:]25'] },
] as const;

for (const c of cases) {
  test(`${c.q.type}${'tolerance' in c.q && c.q.tolerance ? ' with a range' : ''}: responses and patterns in each version's own format`, () => {
    const answer = toInteraction(c.q, [...c.a]);
    const f12 = formatScorm12(answer);
    const f04 = formatScorm2004(answer);
    expect([f12.type, f12.response, f12.pattern]).toEqual(c.s12);
    expect([f04.type, f04.response, f04.pattern]).toEqual(c.s04);
    for (const v of [f12.response ?? '', f12.pattern ?? ''])
      expect(elementProblem('12', 'cmi.interactions.0.student_response', v)).toBeNull();
    for (const v of [f04.response ?? '', f04.pattern ?? ''])
      expect(elementProblem('2004', 'cmi.interactions.0.learner_response', v)).toBeNull();
  });
}

test('an unanswered question sends no response (an empty one is invalid in 2004)', () => {
  for (const q of Object.values(QUESTIONS)) {
    expect(formatScorm2004(toInteraction(q, undefined)).response).toBeNull();
    expect(formatScorm12(toInteraction(q, undefined)).response).toBeNull();
  }
});

test('numeric answers are sent as the LMS can store them', () => {
  const numeric = { type: 'numeric' as const, response: '', min: 0.2 - 0.1, max: 0.2 + 0.1 };
  expect(formatScorm2004({ ...numeric, response: '0.25' })).toEqual({ type: 'numeric', response: '0.25', pattern: '0.1[:]0.3' });
  // Beyond what the LMS's decimal holds (Moodle: 3 integer digits in 1.2, 5 in 2004): kept as typed, in a fill-in record.
  expect(formatScorm12({ ...numeric, response: '1000' })).toEqual({ type: 'fill-in', response: '1000', pattern: '0.2' });
  expect(formatScorm12({ ...numeric, response: '-999.5' })).toEqual({ type: 'numeric', response: '-999.5', pattern: '0.2' });
  expect(formatScorm2004({ ...numeric, response: '1000' }).response).toBe('1000');
  expect(formatScorm2004({ ...numeric, response: '123456' })).toEqual({ type: 'fill-in', response: '123456', pattern: '0.2' });
  expect(formatScorm12({ ...numeric, response: '-12.5' }).response).toBe('-12.5');
  expect(formatScorm12({ ...numeric, response: 'twelve' })).toEqual({ type: 'numeric', response: null, pattern: '0.2' });
  // An expected value the decimal cannot hold: every answer to that question is a fill-in record.
  const litres = { type: 'numeric' as const, response: '12', min: 1450, max: 1550 };
  expect(formatScorm12(litres)).toEqual({ type: 'fill-in', response: '12', pattern: '1500' });
  expect(formatScorm2004(litres)).toEqual({ type: 'numeric', response: '12', pattern: '1450[:]1550' });
});

test('a fill-in with several accepted answers: each is a correct pattern in 2004, the first in 1.2', () => {
  const answer = { type: 'fill-in' as const, response: 'Cauda  equina\nsyndrome', correct: ['cauda equina syndrome', 'CES', '{ces}'] };
  const f12 = formatScorm12(answer);
  const f04 = formatScorm2004(answer);
  expect(f12).toEqual({ type: 'fill-in', response: 'Cauda  equina\nsyndrome', pattern: 'cauda equina syndrome' });
  expect(f04).toEqual({
    type: 'fill-in',
    response: 'Cauda equina syndrome',
    pattern: 'cauda equina syndrome',
    alsoCorrect: ['CES', '(ces}'],
  });
  // Each value is what the strict checks accept at its place in the record, the second pattern and later included.
  const set12 = [
    ['cmi.interactions.0.student_response', f12.response],
    ['cmi.interactions.0.correct_responses.0.pattern', f12.pattern],
  ];
  for (const [element, value] of set12) expect(elementProblem('12', element!, value!, 'fill-in'), element!).toBeNull();
  const patterns04 = [f04.pattern, ...(f04.alsoCorrect ?? [])];
  expect(elementProblem('2004', 'cmi.interactions.0.learner_response', f04.response!, 'fill-in')).toBeNull();
  patterns04.forEach((p, n) =>
    expect(elementProblem('2004', `cmi.interactions.0.correct_responses.${n}.pattern`, p!, 'fill-in')).toBeNull(),
  );
  // A learner's "[,]" cannot split the response into several strings.
  expect(formatScorm2004({ ...answer, response: 'a[,]b' }).response).toBe('a,b');
  // No accepted answer listed: no pattern; one: no further patterns.
  expect(formatScorm2004({ ...answer, correct: [] })).toEqual({ type: 'fill-in', response: 'Cauda equina syndrome', pattern: null });
  expect(formatScorm2004({ ...answer, correct: ['CES'] }).alsoCorrect).toBeUndefined();
  // At most MAX_PATTERNS_2004 in all.
  const many = formatScorm2004({ ...answer, correct: Array.from({ length: 9 }, (_, i) => `answer ${i}`) });
  expect([many.pattern, ...(many.alsoCorrect ?? [])]).toHaveLength(MAX_PATTERNS_2004);
});

test('through the session, a fill-in with several accepted answers writes each as a correct pattern in 2004, the first in 1.2', () => {
  const clock = new FakeClock();
  for (const version of ['12', '2004'] as const) {
    const lms = fakeLms(version);
    const session = lms.session(clock);
    expect(session.start()?.recordsResults).toBe(true);
    session.recordInteraction({
      id: 'final_exam-syndrome_name',
      description: 'Name the syndrome.',
      answer: { type: 'fill-in', response: 'CES', correct: ['cauda equina syndrome', 'CES'] },
      result: 'correct',
      weighting: 1,
      shownAt: new Date(clock.now()),
      answeredAt: new Date(clock.now()),
      latencyMs: 4000,
      objectives: ['red_flags'],
    });
    const patterns = Object.entries(lms.cmi).filter(([k]) => /^cmi\.interactions\.0\.correct_responses\.\d+\.pattern$/.test(k));
    expect(patterns.map(([, v]) => v)).toEqual(version === '12' ? ['cauda equina syndrome'] : ['cauda equina syndrome', 'CES']);
    for (const [k, v] of Object.entries(lms.cmi))
      if (k.startsWith('cmi.interactions.0.')) expect(elementProblem(version, k, v, 'fill-in'), `${k}=${v}`).toBeNull();
  }
});
