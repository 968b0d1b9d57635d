import type { HouseRules } from '../../src/content/house-rules.ts';
import type { ActivityInfo, Course, Question, Quiz } from '../../src/course/types.ts';

const base = { rationale: 'Because.', weight: 1 };

/** One question of every type, for the pure unit tests. */
export const QUESTIONS = {
  single: {
    ...base,
    id: 'single',
    type: 'single',
    prompt: 'One?',
    objectives: ['o1'],
    choices: [
      { id: 'a', text: 'A' },
      { id: 'b', text: 'B' },
      { id: 'c', text: 'C' },
    ],
    correct: 'b',
  },
  multiple: {
    ...base,
    id: 'multiple',
    type: 'multiple',
    prompt: 'Some?',
    objectives: ['o1'],
    choices: [
      { id: 'a', text: 'A' },
      { id: 'b', text: 'B' },
      { id: 'c', text: 'C' },
      { id: 'd', text: 'D' },
    ],
    correct: ['a', 'c'],
    scoring: 'all_or_nothing',
  },
  true_false: { ...base, id: 'tf', type: 'true_false', prompt: 'True?', objectives: ['o2'], correct: false },
  matching: {
    ...base,
    id: 'matching',
    type: 'matching',
    prompt: 'Match?',
    objectives: ['o2'],
    items: [
      { id: 'i1', text: 'I1', match: 't2' },
      { id: 'i2', text: 'I2', match: 't1' },
      { id: 'i3', text: 'I3', match: 't3' },
    ],
    targets: [
      { id: 't1', text: 'T1' },
      { id: 't2', text: 'T2' },
      { id: 't3', text: 'T3' },
      { id: 't4', text: 'T4' },
    ],
    scoring: 'all_or_nothing',
  },
  ordering: {
    ...base,
    id: 'ordering',
    type: 'ordering',
    prompt: 'Order?',
    objectives: ['o3'],
    items: [
      { id: 'x', text: 'X' },
      { id: 'y', text: 'Y' },
      { id: 'z', text: 'Z' },
    ],
  },
  numeric: { ...base, id: 'numeric', type: 'numeric', prompt: 'How many?', objectives: ['o3'], answer: 23, tolerance: 0 },
} satisfies Record<string, Question>;

export function quizOf(questions: Question[], overrides: Partial<Quiz> = {}): Quiz {
  return {
    id: 'exam',
    title: 'Exam',
    passMark: 80,
    graded: true,
    questions,
    draw: null,
    drawPerObjective: null,
    blueprint: [],
    shuffleQuestions: false,
    shuffleChoices: false,
    attempts: null,
    counts: 'highest',
    feedback: 'after_submit',
    review: 'always',
    timeLimitMinutes: null,
    ...overrides,
  };
}

export function courseOf(quiz: Quiz): Course {
  return {
    id: 'sample',
    title: 'Sample',
    passMark: quiz.passMark,
    gradedQuiz: quiz.id,
    lessons: [
      {
        id: 'l1',
        title: 'L1',
        minutes: 1,
        objectives: ['o1', 'o2', 'o3'].map((id) => ({ id, text: id })),
        html: '',
        references: [{ id: 'ref', text: 'Ref', citations: 0 }],
      },
    ],
    quizzes: [quiz],
    glossary: [],
    evaluation: null,
    activity: ACTIVITY,
  };
}

/** Activity information as the shipped course.yaml leaves it: the provider's fields not filled in yet. */
export const ACTIVITY: ActivityInfo = {
  providerName: null,
  providerContact: null,
  activityId: null,
  version: '1',
  shortTitle: null,
  audience: 'Clinic staff.',
  introduction: 'A sample course.',
  disclaimer: 'Education, not medical advice.',
  practiceGap: null,
  planners: null,
  authors: null,
  reviewers: null,
  commercialSupport: null,
  unapprovedUse: 'None discussed.',
  professions: [],
  issuer: null,
  releaseDate: null,
  reviewDate: null,
  expiryDate: null,
  credit: null,
  accreditationStatement: null,
  supportContact: null,
};

/**
 * The course's editorial rules set aside (bank size, questions per objective and per check), for
 * tests that build the real lessons with small quizzes of their own.
 */
export const LOOSE_RULES: HouseRules = {
  objectivesPerLesson: { min: 0, max: 99 },
  questionsPerCheck: { min: 0, max: 99 },
  lessonsHaveChecks: false,
  examQuestionsPerObjective: 0,
  examMinQuestions: 0,
  datedStatementMaxAgeMonths: 6,
};
