import { kindOf } from './question-types/index.ts';
import { longest } from './question-types/kind.ts';
import { reportedQuizzes } from './reported.ts';
import type { CourseState, QuizAttempt } from './state.ts';
import { encodeState } from './suspend-codec.ts';
import { rateConfidence, type EvaluationState } from './evaluation.ts';
import type { Course, Evaluation, Question, Quiz } from './types.ts';

/**
 * The largest saved progress the course can produce, so that the build can tell an author
 * when the content outgrows SCORM 1.2's 4,096 characters of suspend data (and the tests can
 * check that it does not).
 */

/** The most questions one attempt can draw: per objective, its blueprint draw or the quiz's. */
export function largestDraw(quiz: Quiz): number {
  if (quiz.drawPerObjective !== null) {
    const objectives = [...new Set(quiz.questions.flatMap((q) => q.objectives))];
    const perObjective = quiz.drawPerObjective;
    return Math.min(
      quiz.questions.length,
      objectives.reduce((n, o) => n + (quiz.blueprint.find((b) => b.objective === o)?.draw ?? perObjective), 0),
    );
  }
  return Math.min(quiz.draw ?? Infinity, quiz.questions.length);
}

const size = (q: Question) => q.id.length + kindOf(q).longestAnswer(q).join('|').length;

/**
 * The draw whose questions take the most room: the same rule as drawQuestions (blueprint
 * objectives first, then the others, a question counting for every objective it assesses),
 * picking the longest questions where drawQuestions picks at random.
 */
function longestDraw(quiz: Quiz): Question[] {
  const bySize = [...quiz.questions].sort((a, b) => size(b) - size(a));
  if (quiz.drawPerObjective === null) return bySize.slice(0, largestDraw(quiz));
  const planned = new Map(quiz.blueprint.map((b) => [b.objective, b]));
  const objectives = [...new Set([...planned.keys(), ...quiz.questions.flatMap((q) => q.objectives)])];
  const picked: Question[] = [];
  for (const objective of objectives) {
    const entry = planned.get(objective);
    for (const id of entry?.always ?? []) {
      const q = quiz.questions.find((x) => x.id === id);
      if (q && !picked.includes(q)) picked.push(q);
    }
    const target = entry?.draw ?? quiz.drawPerObjective;
    const already = picked.filter((q) => q.objectives.includes(objective)).length;
    picked.push(...bySize.filter((q) => !picked.includes(q) && q.objectives.includes(objective)).slice(0, Math.max(0, target - already)));
  }
  return picked;
}

const FAR = 4_102_444_800_000; // the year 2100: dates take their longest form

/**
 * Every lesson read and every quiz open at its worst: the largest draw, made of the
 * questions whose ids and answers are longest, every one answered at length, checked where
 * the quiz checks answers one by one, flagged where it allows flags, with every time noted
 * far into a ten-fold time limit.
 */
export function largestState(course: Course): CourseState {
  const lessonIds = course.lessons.map((l) => l.id);
  const late = FAR + 599 * 60_000;
  const reported = reportedQuizzes(course);
  return {
    location: `lesson:${longest(lessonIds)}`,
    section: 99,
    completedAt: FAR,
    ...(course.activity.professions.length ? { profession: longest(course.activity.professions.map((p) => p.id)) } : {}),
    viewed: lessonIds,
    quizzes: Object.fromEntries(
      course.quizzes.map((quiz) => {
        const drawn = longestDraw(quiz);
        const attempt: QuizAttempt = {
          seed: 0xffffffff,
          questions: drawn.map((q) => q.id),
          answers: Object.fromEntries(drawn.map((q) => [q.id, kindOf(q).longestAnswer(q)])),
          checked: quiz.feedback === 'immediate' ? drawn.map((q) => q.id) : [],
          flagged: quiz.feedback === 'after_submit' ? drawn.map((q) => q.id) : [],
          current: Math.max(0, drawn.length - 1),
          times: reported.includes(quiz)
            ? Object.fromEntries(drawn.map((q) => [q.id, { shown: late, firstAnswer: late, answered: late }]))
            : {},
          startedAt: FAR,
          deadline: FAR + 600 * 60_000,
          submitted: false,
          timedOut: false,
        };
        return [quiz.id, { attempt, attemptsUsed: 9999, bestScore: 99.99, lastScore: 99.99, ...(quiz.graded ? { passed: false } : {}) }];
      }),
    ),
    ...(course.evaluation ? { evaluation: largestEvaluation(course.evaluation) } : {}),
  };
}

/**
 * The evaluation open with every answer that cannot be shortened at its longest: each scale,
 * the largest number, every confidence item rated twice. Text drafts are left out: the codec
 * shortens them to fit whatever room is left.
 */
function largestEvaluation(evaluation: Evaluation): EvaluationState {
  const answers: Record<string, string> = {};
  for (const q of evaluation.questions) {
    const point = longest(('scale' in q ? q.scale : []).map((s) => s.id));
    if (q.type === 'likert') answers[q.id] = point;
    if (q.type === 'number') answers[q.id] = String(q.max);
    if (q.type === 'confidence')
      answers[q.id] = q.items.reduce((v, i) => rateConfidence(q, rateConfidence(q, v, i.id, 'before', point), i.id, 'after', point), '');
  }
  return { startedAt: FAR, submittedAt: null, answers };
}

/** The suspend data of the largest state. */
export function largestSuspendData(course: Course): string {
  return encodeState(largestState(course), { savedAt: FAR, token: 'x'.repeat(16) });
}
