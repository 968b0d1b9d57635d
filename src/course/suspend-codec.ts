import { initialState, isValidLocation, type CourseState, type QuizProgress } from './state.ts';
import type { Course } from './types.ts';

/**
 * Course state ⇄ `cmi.suspend_data`. Versioned and ASCII-only (some LMSs count
 * bytes), keyed by stable content ids so that a changed course never mixes answers
 * between questions: anything that no longer exists in the course is dropped.
 */
export const SUSPEND_VERSION = 1;
/** SCORM 1.2's limit, which we keep in both versions. */
export const SUSPEND_LIMIT = 4096;

interface Encoded {
  v: number;
  l: string;
  s: string[];
  q: Record<string, { a: Record<string, string>; d?: 1; x: number[] }>;
}

function toAscii(json: string): string {
  return json.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function encodeState(state: CourseState): string {
  const q: Encoded['q'] = {};
  for (const [id, p] of Object.entries(state.quizzes)) {
    q[id] = { a: p.answers, ...(p.submitted ? { d: 1 as const } : {}), x: p.scores };
  }
  const data: Encoded = { v: SUSPEND_VERSION, l: state.location, s: state.viewed, q };
  return toAscii(JSON.stringify(data));
}

export type DecodeResult = { state: CourseState; note?: string };

/** Never throws: an unreadable or foreign string gives a fresh state and a note saying why. */
export function decodeState(course: Course, text: string): DecodeResult {
  if (!text) return { state: initialState() };
  let data: Partial<Encoded>;
  try {
    data = JSON.parse(text) as Partial<Encoded>;
  } catch {
    return { state: initialState(), note: 'saved progress was unreadable and was reset' };
  }
  if (typeof data !== 'object' || data === null || data.v !== SUSPEND_VERSION) {
    return { state: initialState(), note: `saved progress has format ${String((data as { v?: unknown } | null)?.v)}, not ${SUSPEND_VERSION}; it was reset` };
  }
  const state = initialState();
  if (typeof data.l === 'string' && isValidLocation(course, data.l)) state.location = data.l;
  if (Array.isArray(data.s)) state.viewed = course.lessons.map((l) => l.id).filter((id) => data.s?.includes(id));
  for (const quiz of course.quizzes) {
    const saved = data.q?.[quiz.id];
    if (!saved || typeof saved !== 'object') continue;
    const answers: Record<string, string> = {};
    for (const question of quiz.questions) {
      const choice = saved.a?.[question.id];
      if (typeof choice === 'string' && question.choices.some((c) => c.id === choice)) answers[question.id] = choice;
    }
    const scores = Array.isArray(saved.x) ? saved.x.filter((n): n is number => typeof n === 'number' && n >= 0 && n <= 100) : [];
    const progress: QuizProgress = { answers, submitted: saved.d === 1, scores };
    state.quizzes[quiz.id] = progress;
  }
  return { state };
}
