import { isValidAnswer } from './questions.ts';
import { initialState, isValidLocation, type CourseState, type QuizAttempt } from './state.ts';
import type { Answer, Course, Quiz } from './types.ts';

/**
 * Course state ⇄ `cmi.suspend_data`. Versioned and ASCII-only (some LMSs count
 * bytes), keyed by stable content ids so that a changed course never mixes answers
 * between questions: anything that no longer exists in the course is dropped.
 */
export const SUSPEND_VERSION = 2;
/** SCORM 1.2's limit, which we keep in both versions. */
export const SUSPEND_LIMIT = 4096;

interface EncodedAttempt {
  /** seed */
  s: number;
  /** drawn question ids */
  q: string[];
  /** answers by question id */
  r: Record<string, Answer>;
  /** checked question ids */
  c?: string[];
  /** started, epoch seconds */
  t: number;
  /** deadline, epoch seconds */
  d?: number;
  /** submitted */
  u?: 1;
  /** timed out */
  o?: 1;
}

interface Encoded {
  v: number;
  l: string;
  s: string[];
  q: Record<string, { x: number[]; a?: EncodedAttempt }>;
}

function toAscii(json: string): string {
  return json.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const seconds = (ms: number) => Math.round(ms / 1000);

function encodeAttempt(a: QuizAttempt): EncodedAttempt {
  return {
    s: a.seed,
    q: a.questions,
    r: a.answers,
    ...(a.checked.length ? { c: a.checked } : {}),
    t: seconds(a.startedAt),
    ...(a.deadline !== null ? { d: seconds(a.deadline) } : {}),
    ...(a.submitted ? { u: 1 as const } : {}),
    ...(a.timedOut ? { o: 1 as const } : {}),
  };
}

export function encodeState(state: CourseState): string {
  const q: Encoded['q'] = {};
  for (const [id, p] of Object.entries(state.quizzes)) {
    q[id] = { x: p.scores, ...(p.attempt ? { a: encodeAttempt(p.attempt) } : {}) };
  }
  return toAscii(JSON.stringify({ v: SUSPEND_VERSION, l: state.location, s: state.viewed, q } satisfies Encoded));
}

export type DecodeResult = { state: CourseState; note?: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

function decodeAttempt(quiz: Quiz, raw: unknown): QuizAttempt | null {
  if (!isObject(raw) || typeof raw.s !== 'number' || typeof raw.t !== 'number') return null;
  const drawn = strings(raw.q);
  // An attempt whose questions changed cannot be continued fairly: it is dropped.
  if (!drawn.length || !drawn.every((id) => quiz.questions.some((q) => q.id === id))) return null;
  const answers: Record<string, Answer> = {};
  const saved = isObject(raw.r) ? raw.r : {};
  for (const id of drawn) {
    const question = quiz.questions.find((q) => q.id === id);
    const value = saved[id];
    if (question && Array.isArray(value) && isValidAnswer(question, value as Answer)) answers[id] = value as Answer;
  }
  return {
    seed: raw.s >>> 0,
    questions: drawn,
    answers,
    checked: strings(raw.c).filter((id) => id in answers),
    startedAt: raw.t * 1000,
    deadline: typeof raw.d === 'number' ? raw.d * 1000 : null,
    submitted: raw.u === 1,
    timedOut: raw.o === 1,
  };
}

const validScores = (v: unknown): number[] => (Array.isArray(v) ? v.filter((n): n is number => typeof n === 'number' && n >= 0 && n <= 100) : []);

/** Never throws: an unreadable or foreign string gives a fresh state and a note saying why. */
export function decodeState(course: Course, text: string): DecodeResult {
  if (!text) return { state: initialState() };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { state: initialState(), note: 'saved progress was unreadable and was reset' };
  }
  if (!isObject(data) || (data.v !== 1 && data.v !== SUSPEND_VERSION)) {
    return { state: initialState(), note: `saved progress has format ${String(isObject(data) ? data.v : data)}, not ${SUSPEND_VERSION}; it was reset` };
  }
  const notes: string[] = [];
  const state = initialState();
  if (typeof data.l === 'string' && isValidLocation(course, data.l)) state.location = data.l;
  const viewed = strings(data.s);
  state.viewed = course.lessons.map((l) => l.id).filter((id) => viewed.includes(id));
  const quizzes = isObject(data.q) ? data.q : {};
  for (const quiz of course.quizzes) {
    const saved = quizzes[quiz.id];
    if (!isObject(saved)) continue;
    const scores = validScores(saved.x);
    // Format 1 kept answers without the attempt they belonged to: keep the scores only.
    const attempt = data.v === SUSPEND_VERSION && saved.a !== undefined ? decodeAttempt(quiz, saved.a) : null;
    if (saved.a !== undefined && !attempt) notes.push(`the attempt in progress at ${quiz.id} no longer matches the quiz and was reset`);
    if (data.v === 1 && isObject(saved.a) && Object.keys(saved.a).length) notes.push(`answers in progress at ${quiz.id} were saved by an older version and were reset`);
    state.quizzes[quiz.id] = { attempt, scores };
  }
  return notes.length ? { state, note: notes.join('; ') } : { state };
}
