import { expect, test } from '@playwright/test';
import {
  certificateReady,
  confidenceRatings,
  evaluationOpen,
  keptConfidence,
  missingAnswers,
  numberAnswer,
  rateConfidence,
} from '../../src/course/evaluation.ts';
import { correctAnswer } from '../../src/course/questions.ts';
import { CourseStore } from '../../src/course/store.ts';
import { SUSPEND_LIMIT, decodeState, encodeState } from '../../src/course/suspend-codec.ts';
import { initialState } from '../../src/course/state.ts';
import type { Course, Evaluation } from '../../src/course/types.ts';
import { Tracker } from '../../src/tracking/tracker.ts';
import { FakeClock, fakeLms, memoryStorage } from '../support/fakes.ts';
import { QUESTIONS, courseOf, quizOf } from '../support/sample-course.ts';
import { elementProblem } from '../support/strict-scorm.ts';

const SCALE = ['Strongly disagree', 'Disagree', 'Neutral', 'Agree', 'Strongly agree'].map((text, i) => ({
  id: 'abcde'[i] as string,
  text,
}));
const EVALUATION: Evaluation = {
  required: true,
  questions: [
    { id: 'objectives_met', type: 'likert', prompt: 'The learning objectives were met.', scale: SCALE, required: true },
    { id: 'change', type: 'text', prompt: 'What will you change in your practice?', required: true, maxLength: 600 },
    { id: 'comments', type: 'text', prompt: 'Comments', required: false, maxLength: 500 },
  ],
};
const exam = quizOf([QUESTIONS.single, QUESTIONS.true_false], { attempts: 2, passMark: 80 });
const course: Course = { ...courseOf(exam), evaluation: EVALUATION };

async function launch(version: '12' | '2004', cmi: Record<string, string> = {}, c: Course = course) {
  const clock = new FakeClock();
  const lms = fakeLms(version, { cmi });
  const tracker = new Tracker(c, lms.session(clock), {
    log: () => {},
    clock,
    storage: memoryStorage(),
    activity: '/a/1',
    newToken: () => 'tok1',
  });
  const start = await tracker.begin();
  const store = new CourseStore(
    { course: c, now: () => clock.now(), seed: () => 7, timeLimitMs: () => null, passMark: start.passMark },
    start.state,
  );
  tracker.attach(store);
  return { clock, lms, tracker, store };
}

function complete(store: CourseStore): void {
  store.dispatch({ type: 'lesson-viewed', lessonId: 'l1' });
  store.dispatch({ type: 'navigate', location: `quiz:${exam.id}` });
  for (const q of exam.questions) store.dispatch({ type: 'answer', quizId: exam.id, questionId: q.id, value: correctAnswer(q) });
  store.dispatch({ type: 'submit-quiz', quizId: exam.id, timedOut: false });
}

test('the evaluation opens once the course is complete; a required one holds back the certificate until submitted', async () => {
  const { store } = await launch('2004');
  store.dispatch({ type: 'navigate', location: 'evaluation' });
  expect(store.state.location).not.toBe('evaluation');
  complete(store);
  expect(evaluationOpen(course, store.state)).toBe(true);
  expect(certificateReady(course, store.state)).toBe(false);
  store.dispatch({ type: 'navigate', location: 'evaluation' });
  expect(store.state.location).toBe('evaluation');
  store.dispatch({ type: 'submit-evaluation' });
  expect(store.state.evaluation?.submittedAt).toBeNull();
  expect(missingAnswers(course, store.state).map((q) => q.id)).toEqual(['objectives_met', 'change']);
  store.dispatch({ type: 'evaluation-answer', questionId: 'objectives_met', value: 'z' });
  expect(store.state.evaluation?.answers).toEqual({});
  store.dispatch({ type: 'evaluation-answer', questionId: 'objectives_met', value: 'd' });
  store.dispatch({ type: 'evaluation-answer', questionId: 'change', value: 'Ask about red flags at check-in.' });
  store.dispatch({ type: 'submit-evaluation' });
  expect(store.state.evaluation?.submittedAt).not.toBeNull();
  expect(certificateReady(course, store.state)).toBe(true);
  // Submitted answers cannot change.
  store.dispatch({ type: 'evaluation-answer', questionId: 'objectives_met', value: 'a' });
  expect(store.state.evaluation?.answers.objectives_met).toBe('d');
  // An optional evaluation does not hold back the certificate.
  const optional = { ...course, evaluation: { ...EVALUATION, required: false } };
  const done = { ...store.state, evaluation: undefined };
  expect(certificateReady(optional, done)).toBe(true);
});

test('drafts survive a resume; once submitted only the date is kept; long drafts are shortened to fit the limit', () => {
  const stamp = { savedAt: 1_000_000, token: 'tok1' };
  const draft = {
    ...initialState(),
    evaluation: { startedAt: 900_000, submittedAt: null, answers: { objectives_met: 'e', change: 'Use teach-back.' } },
  };
  expect(decodeState(course, encodeState(draft, stamp)).state.evaluation).toEqual(draft.evaluation);
  const submitted = { ...draft, evaluation: { ...draft.evaluation, submittedAt: 950_000 } };
  expect(decodeState(course, encodeState(submitted, stamp)).state.evaluation).toEqual({
    startedAt: 900_000,
    submittedAt: 950_000,
    answers: {},
  });
  // A course without an evaluation ignores the field.
  expect(decodeState({ ...course, evaluation: null }, encodeState(draft, stamp)).state.evaluation).toBeUndefined();
  // Answers that no longer fit their question are dropped.
  const foreign = encodeState({ ...draft, evaluation: { ...draft.evaluation, answers: { objectives_met: 'x', gone: 'text' } } }, stamp);
  expect(decodeState(course, foreign).state.evaluation?.answers).toEqual({});
  // Non-ASCII text takes six characters per letter in the saved data; the whole stays within the limit.
  const long = {
    ...draft,
    evaluation: { ...draft.evaluation, answers: { objectives_met: 'e', change: '\u2019'.repeat(600), comments: 'x'.repeat(500) } },
  };
  const text = encodeState(long, stamp);
  expect(text.length).toBeLessThanOrEqual(SUSPEND_LIMIT);
  const back = decodeState(course, text).state.evaluation;
  expect(back?.answers.objectives_met).toBe('e');
  expect((back?.answers.change ?? '').length + (back?.answers.comments ?? '').length).toBeGreaterThan(300);
});

for (const version of ['12', '2004'] as const) {
  test(`SCORM ${version === '12' ? '1.2' : '2004'}: a submitted evaluation is reported as neutral, unweighted likert and text interactions`, async () => {
    const { store, tracker, lms } = await launch(version);
    complete(store);
    store.dispatch({ type: 'navigate', location: 'evaluation' });
    const long = `${'Check for saddle numbness at every call. '.repeat(8)}{end}`;
    store.dispatch({ type: 'evaluation-answer', questionId: 'objectives_met', value: 'd' });
    store.dispatch({ type: 'evaluation-answer', questionId: 'change', value: long });
    store.dispatch({ type: 'submit-evaluation' });
    tracker.exit();
    const rows = Object.entries(lms.cmi).filter(([k]) => /^cmi\.interactions\.\d+\./.test(k));
    const byId = new Map<string, Record<string, string>>();
    for (const [k, v] of rows) {
      const [, n, field] = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(k) ?? [];
      const id = lms.cmi[`cmi.interactions.${n}.id`] ?? '';
      if (!id.startsWith('evaluation-')) continue;
      byId.set(id, { ...(byId.get(id) ?? {}), [field ?? '']: v });
      expect(elementProblem(version, k, v, lms.cmi[`cmi.interactions.${n}.type`]), `${k}=${v}`).toBeNull();
    }
    const response = version === '12' ? 'student_response' : 'learner_response';
    const likert = byId.get('evaluation-objectives_met');
    // 2004 leaves out the weight of 0 (a compact record: see the dialect); result neutral says it all.
    const unweighted = version === '12' ? '0' : undefined;
    expect([likert?.type, likert?.[response], likert?.result, likert?.weighting]).toEqual(['likert', 'd', 'neutral', unweighted]);
    expect(Object.keys(likert ?? {}).some((f) => f.startsWith('correct_responses'))).toBe(false);
    if (version === '12') {
      // 255 characters per fill-in response: the text continues in a second record.
      expect([byId.get('evaluation-change')?.type, byId.get('evaluation-change-2')?.type]).toEqual(['fill-in', 'fill-in']);
      expect((byId.get('evaluation-change')?.[response] ?? '') + (byId.get('evaluation-change-2')?.[response] ?? '')).toBe(long);
    } else {
      expect(byId.get('evaluation-change')?.type).toBe('long-fill-in');
      expect(byId.get('evaluation-change')?.[response]).toBe(long);
      expect(byId.get('evaluation-change')?.description).toBe('What will you change in your practice?');
    }
    // The optional question left empty is not reported.
    expect([...byId.keys()].some((id) => id.startsWith('evaluation-comments'))).toBe(false);
  });
}

// A time-to-complete question and a before/after confidence rating per lesson.
const CONFIDENCE = ['Not confident', 'Somewhat confident', 'Confident', 'Very confident'].map((text, i) => ({
  id: 'abcd'[i] as string,
  text,
}));
const minutes = {
  id: 'minutes_taken',
  type: 'number',
  prompt: 'About how many minutes did this activity take you?',
  required: true,
  unit: 'minutes',
  min: 1,
  max: 600,
} as const;
const confidence = {
  id: 'confidence',
  type: 'confidence',
  prompt: 'How confident are you in doing each of these?',
  required: true,
  scale: CONFIDENCE,
  items: [
    { id: 'l1', text: 'Describing the regions of the spine' },
    { id: 'l2', text: 'Recognizing red flags' },
  ],
} as const;
const surveyed: Course = {
  ...course,
  evaluation: { required: true, questions: [minutes, { ...confidence, scale: [...CONFIDENCE], items: [...confidence.items] }] },
};
const confidenceQ = surveyed.evaluation?.questions[1];

test('a number answer is a whole number in range, written without leading zeros; anything else is no answer', () => {
  expect(['45', ' 45 ', '045', '1', '600'].map((t) => numberAnswer(minutes, t))).toEqual(['45', '45', '45', '1', '600']);
  expect(['0', '601', '4.5', '4,5', '-3', '45 min', '', 'forty'].map((t) => numberAnswer(minutes, t))).toEqual(Array(8).fill(null));
  const store = new CourseStore(
    { course: surveyed, now: () => 1000, seed: () => 7, timeLimitMs: () => null, passMark: 80 },
    initialState(),
  );
  complete(store);
  store.dispatch({ type: 'navigate', location: 'evaluation' });
  store.dispatch({ type: 'evaluation-answer', questionId: 'minutes_taken', value: '601' });
  expect(store.state.evaluation?.answers.minutes_taken).toBeUndefined();
  store.dispatch({ type: 'evaluation-answer', questionId: 'minutes_taken', value: '45' });
  expect(store.state.evaluation?.answers.minutes_taken).toBe('45');
  // Cleared when the learner makes the field invalid again: the question is unanswered.
  store.dispatch({ type: 'evaluation-answer', questionId: 'minutes_taken', value: '' });
  expect(missingAnswers(surveyed, store.state).map((q) => q.id)).toEqual(['minutes_taken', 'confidence']);
});

test('a confidence rating is answered when every item has a rating before and now; drafts keep only items that still exist', () => {
  if (confidenceQ?.type !== 'confidence') throw new Error('no confidence question');
  const store = new CourseStore(
    { course: surveyed, now: () => 1000, seed: () => 7, timeLimitMs: () => null, passMark: 80 },
    initialState(),
  );
  complete(store);
  store.dispatch({ type: 'navigate', location: 'evaluation' });
  let value = '';
  for (const [item, when, point] of [
    ['l2', 'after', 'd'],
    ['l1', 'before', 'a'],
    ['l1', 'after', 'c'],
  ] as const) {
    value = rateConfidence(confidenceQ, value, item, when, point);
    store.dispatch({ type: 'evaluation-answer', questionId: 'confidence', value });
  }
  expect(store.state.evaluation?.answers.confidence).toBe('l1:ac,l2:-d');
  expect(missingAnswers(surveyed, store.state).map((q) => q.id)).toEqual(['minutes_taken', 'confidence']);
  value = rateConfidence(confidenceQ, value, 'l2', 'before', 'b');
  store.dispatch({ type: 'evaluation-answer', questionId: 'confidence', value });
  store.dispatch({ type: 'evaluation-answer', questionId: 'minutes_taken', value: '45' });
  expect(missingAnswers(surveyed, store.state)).toEqual([]);
  // Unknown items, points off the scale and repeated items are not answers.
  for (const bad of ['l3:ab', 'l1:ae', 'l1:ab,l1:cd', 'l1:--', 'l1:a']) expect(confidenceRatings(confidenceQ, bad)).toBeNull();
  store.dispatch({ type: 'evaluation-answer', questionId: 'confidence', value: 'l1:ab,l3:cd' });
  expect(store.state.evaluation?.answers.confidence).toBe('l1:ac,l2:bd');
  // Saved and read back; a course that drops an item keeps the other's ratings.
  const text = encodeState(store.state, { savedAt: 5000, token: 't' });
  expect(decodeState(surveyed, text).state.evaluation?.answers).toEqual({ confidence: 'l1:ac,l2:bd', minutes_taken: '45' });
  const fewer: Course = {
    ...surveyed,
    evaluation: { required: true, questions: [minutes, { ...confidenceQ, items: confidenceQ.items.slice(1) }] },
  };
  expect(decodeState(fewer, text).state.evaluation?.answers.confidence).toBe('l2:bd');
  expect(keptConfidence(confidenceQ, 'l9:ab,l2:c-,l1:x-')).toBe('l2:c-');
});

for (const version of ['12', '2004'] as const) {
  test(`SCORM ${version === '12' ? '1.2' : '2004'}: minutes are a numeric interaction, each confidence rating a likert one, before and after per item`, async () => {
    const { store, tracker, lms } = await launch(version, {}, surveyed);
    complete(store);
    store.dispatch({ type: 'navigate', location: 'evaluation' });
    store.dispatch({ type: 'evaluation-answer', questionId: 'minutes_taken', value: '75' });
    store.dispatch({ type: 'evaluation-answer', questionId: 'confidence', value: 'l1:ac,l2:bd' });
    store.dispatch({ type: 'submit-evaluation' });
    tracker.exit();
    const response = version === '12' ? 'student_response' : 'learner_response';
    const byId = new Map<string, Record<string, string>>();
    for (const [k, v] of Object.entries(lms.cmi)) {
      const [, n, field] = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(k) ?? [];
      if (n === undefined) continue;
      const id = lms.cmi[`cmi.interactions.${n}.id`] ?? '';
      if (!id.startsWith('evaluation-')) continue;
      byId.set(id, { ...(byId.get(id) ?? {}), [field ?? '']: v });
      expect(elementProblem(version, k, v, lms.cmi[`cmi.interactions.${n}.type`]), `${k}=${v}`).toBeNull();
    }
    const row = (id: string) => {
      const r = byId.get(id) ?? {};
      return [r.type, r[response], r.result, r.weighting, Object.keys(r).some((f) => f.startsWith('correct_responses'))];
    };
    expect([...byId.keys()].sort()).toEqual([
      'evaluation-confidence-l1-after',
      'evaluation-confidence-l1-before',
      'evaluation-confidence-l2-after',
      'evaluation-confidence-l2-before',
      'evaluation-minutes_taken',
    ]);
    const unweighted = version === '12' ? '0' : undefined;
    expect(row('evaluation-minutes_taken')).toEqual(['numeric', '75', 'neutral', unweighted, false]);
    expect(row('evaluation-confidence-l1-before')).toEqual(['likert', 'a', 'neutral', unweighted, false]);
    expect(row('evaluation-confidence-l1-after')).toEqual(['likert', 'c', 'neutral', unweighted, false]);
    expect(row('evaluation-confidence-l2-before')).toEqual(['likert', 'b', 'neutral', unweighted, false]);
    expect(row('evaluation-confidence-l2-after')).toEqual(['likert', 'd', 'neutral', unweighted, false]);
    if (version === '2004')
      expect(byId.get('evaluation-confidence-l2-before')?.description).toBe(
        'How confident are you in doing each of these? Recognizing red flags (before this course)',
      );
  });
}
