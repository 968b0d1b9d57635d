import { isValidEvaluationAnswer, keptConfidence, type EvaluationState } from './evaluation.ts';
import { isValidAnswer } from './questions.ts';
import { initialState, isValidLocation, type CourseState, type QuizAttempt, type QuizProgress } from './state.ts';
import type { Answer, Course, Quiz } from './types.ts';

/**
 * Course state ⇄ `cmi.suspend_data`. Versioned, compact and ASCII-only (some LMSs
 * count bytes), keyed by stable content ids so that a changed course never mixes
 * answers between questions: anything that no longer exists is dropped.
 *
 * Format 5:
 * `{"v":5,"k":record token,"t":savedAt,"l":location,"p":section,"s":[lesson ids read],
 *   "q":{quizId:[attemptsUsed,best,last,attempt?]},"c":completedAt}` where an attempt is
 * `[seed,startedAt,deadline|0,status,[question ids],[answers],[checked indices],[times]?,[flagged indices]?,current?]`,
 * times in epoch seconds, status a bit set (1 submitted, 2 timed out), answers aligned with
 * the question ids and joined by "|". While an attempt is open, `times` holds per question
 * `shown.firstAnswer.answered` in base-36 seconds after startedAt (empty: not yet), the
 * questions' triples joined by ","; 0 when none was noted but flags follow; once submitted
 * they have been reported and are dropped. The
 * flagged indices (questions the learner marked to come back to) are kept only while the
 * attempt is open and only when there are any. `current`, the index of the question on screen
 * (the exam shows one at a time), is kept while the attempt is open and only when it is not
 * the first; the elements before it are then 0 and [] when empty. Older copies read it as 0.
 * The record token ties the data to one LMS record (one learner, activity and attempt).
 * `"g":1|0` is the verdict on the graded quiz's counted score when it was recorded (1 passed),
 * kept so that a pass mark raised by a new version takes no pass away (a fail is judged again at
 * launch, see fixVerdict); without it (older data) the verdict is fixed at launch.
 * `"w":professionId` is the profession the learner chose (course.yaml `professions`), once chosen.
 * `"e":[startedAt,submittedAt|0,{questionId:answer}]` is the learner evaluation, once
 * opened; its answers are kept only until submitted (then they are in the LMS's
 * interactions), and text drafts are shortened when the whole would not fit the limit. A
 * number is its digits; a confidence rating `item:BA,…` (see confidenceRatings).
 * Format 4 wrote each question's times as a list of decimal numbers (-1: not yet); it is
 * read as well. Format 3 is format 4 without the token and the times.
 */
export const SUSPEND_VERSION = 5;
/** SCORM 1.2's limit, which we keep in both versions. */
export const SUSPEND_LIMIT = 4096;

const SUBMITTED = 1;
const TIMED_OUT = 2;

type EncodedAttempt = [number, number, number, number, string[], string[], number[], (string | 0)?, number[]?, number?];
type EncodedQuiz = [number, number | null, number | null, EncodedAttempt?];

function toAscii(json: string): string {
  return json.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const seconds = (ms: number) => Math.round(ms / 1000);
const joinAnswer = (a: Answer | undefined) => (a ?? []).map((x) => x.replace(/\|/g, '')).join('|');

function encodeAttempt(a: QuizAttempt): EncodedAttempt {
  const encoded: EncodedAttempt = [
    a.seed,
    seconds(a.startedAt),
    a.deadline === null ? 0 : seconds(a.deadline),
    (a.submitted ? SUBMITTED : 0) | (a.timedOut ? TIMED_OUT : 0),
    a.questions,
    a.questions.map((id) => joinAnswer(a.answers[id])),
    a.checked.map((id) => a.questions.indexOf(id)),
  ];
  if (!a.submitted && Object.keys(a.times).length) {
    const start = seconds(a.startedAt);
    // Base 36 and one string: an exam's times are the largest part of the data at its largest.
    const at = (ms: number | null | undefined) => (ms == null ? '' : Math.max(0, seconds(ms) - start).toString(36));
    encoded[7] = a.questions
      .map((id) => [at(a.times[id]?.shown), at(a.times[id]?.firstAnswer), at(a.times[id]?.answered)].join('.'))
      .join(',');
  }
  if (!a.submitted && a.flagged.length) {
    encoded[7] ??= 0;
    encoded[8] = a.flagged.map((id) => a.questions.indexOf(id)).filter((i) => i >= 0);
  }
  if (!a.submitted && a.current > 0) {
    encoded[7] ??= 0;
    encoded[8] ??= [];
    encoded[9] = a.current;
  }
  return encoded;
}

export interface SaveStamp {
  /** Epoch ms: lets a launch tell which of two saved copies of the same record is newer. */
  savedAt: number;
  /** The LMS record this data belongs to. */
  token: string;
}

export function encodeState(state: CourseState, stamp: SaveStamp): string {
  const full = encodeWith(state, stamp, state.evaluation?.answers ?? {});
  if (full.length <= SUSPEND_LIMIT || !state.evaluation) return full;
  // Only long evaluation drafts can push the data past the limit: shorten the longest first.
  const answers = { ...state.evaluation.answers };
  let text = full;
  while (text.length > SUSPEND_LIMIT) {
    const [id, longest] = Object.entries(answers).sort((a, b) => b[1].length - a[1].length)[0] ?? [];
    if (id === undefined || !longest) break;
    answers[id] = longest.slice(0, Math.max(0, longest.length - (text.length - SUSPEND_LIMIT)));
    text = encodeWith(state, stamp, answers);
  }
  return text;
}

function encodeWith(state: CourseState, stamp: SaveStamp, drafts: Record<string, string>): string {
  const savedAt = stamp.savedAt;
  const q: Record<string, EncodedQuiz> = {};
  // Only the graded quiz keeps a verdict (see QuizProgress.passed).
  const graded = Object.values(state.quizzes).find((p) => p.passed !== undefined);
  for (const [id, p] of Object.entries(state.quizzes)) {
    q[id] = p.attempt ? [p.attemptsUsed, p.bestScore, p.lastScore, encodeAttempt(p.attempt)] : [p.attemptsUsed, p.bestScore, p.lastScore];
  }
  const data = {
    v: SUSPEND_VERSION,
    k: stamp.token,
    t: seconds(savedAt),
    l: state.location,
    ...(state.section ? { p: state.section } : {}),
    s: state.viewed,
    q,
    ...(state.completedAt !== null ? { c: seconds(state.completedAt) } : {}),
    ...(graded?.passed !== undefined ? { g: graded.passed ? 1 : 0 } : {}),
    ...(state.profession ? { w: state.profession } : {}),
    ...(state.evaluation?.startedAt != null
      ? {
          e: [
            seconds(state.evaluation.startedAt),
            state.evaluation.submittedAt === null ? 0 : seconds(state.evaluation.submittedAt),
            state.evaluation.submittedAt === null ? drafts : {},
          ],
        }
      : {}),
  };
  return toAscii(JSON.stringify(data));
}

export interface DecodeResult {
  state: CourseState;
  /** When this copy was saved (epoch ms); 0 when unknown. */
  savedAt: number;
  /** The LMS record it belongs to; null when unknown (empty, unreadable or older data). */
  token: string | null;
  /** Why saved data could not be used in full. */
  note?: string;
  /** The data was there but could not be read at all: the learner starts over and is told. */
  unreadable?: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const score = (v: unknown): number | null => {
  const n = num(v);
  return n !== null && n >= 0 && n <= 100 ? n : null;
};

function decodeAttempt(quiz: Quiz, raw: unknown): QuizAttempt | null {
  if (!Array.isArray(raw)) return null;
  const [seed, started, deadline, status, ids, answers, checked, times, flagged, current] = raw as unknown[];
  const drawn = strings(ids);
  // An attempt whose questions changed cannot be continued fairly: it is dropped.
  if (num(seed) === null || num(started) === null || !drawn.length || !drawn.every((id) => quiz.questions.some((q) => q.id === id)))
    return null;
  const texts = strings(answers);
  const byId: Record<string, Answer> = {};
  drawn.forEach((id, i) => {
    const question = quiz.questions.find((q) => q.id === id);
    const text = texts[i] ?? '';
    const value = text === '' ? [] : text.split('|');
    if (question && value.length && isValidAnswer(question, value)) byId[id] = value;
  });
  const f = num(status) ?? 0;
  const startSec = started as number;
  const at = (v: unknown) => {
    const n = num(v);
    return n === null || n < 0 ? null : (startSec + n) * 1000;
  };
  // Format 5: "shown.first.answered" in base 36 per question, joined by ","; format 4: lists.
  const triples: unknown[][] = Array.isArray(times)
    ? times.map((t) => (Array.isArray(t) ? t : []))
    : typeof times === 'string'
      ? times.split(',').map((t) => t.split('.').map((v) => (/^[0-9a-z]+$/.test(v) ? parseInt(v, 36) : -1)))
      : [];
  const byQuestion: QuizAttempt['times'] = {};
  drawn.forEach((id, i) => {
    const t = triples[i] ?? [];
    const shown = at(t[0]);
    if (shown !== null) byQuestion[id] = { shown, firstAnswer: at(t[1]), answered: at(t[2]) };
  });
  return {
    seed: (seed as number) >>> 0,
    questions: drawn,
    answers: byId,
    checked: (Array.isArray(checked) ? checked : [])
      .map((i) => drawn[i as number])
      .filter((id): id is string => id !== undefined && id in byId),
    flagged: (f & SUBMITTED) !== 0 || !Array.isArray(flagged) ? [] : drawn.filter((_, i) => flagged.includes(i)),
    current: (f & SUBMITTED) !== 0 ? 0 : Math.min(drawn.length - 1, Math.max(0, Math.floor(num(current) ?? 0))),
    times: byQuestion,
    startedAt: (started as number) * 1000,
    deadline: num(deadline) ? (deadline as number) * 1000 : null,
    submitted: (f & SUBMITTED) !== 0,
    timedOut: (f & TIMED_OUT) !== 0,
  };
}

/** Progress of a quiz as formats 1 and 2 kept it: a list of scores. Attempts in progress are not carried over. */
function fromScoreList(v: unknown): QuizProgress {
  const scores = (Array.isArray(v) ? v : []).map(score).filter((n): n is number => n !== null);
  return {
    attempt: null,
    attemptsUsed: scores.length,
    bestScore: scores.length ? Math.max(...scores) : null,
    lastScore: scores.at(-1) ?? null,
  };
}

/** Never throws: an unreadable or foreign string gives a fresh state and a note saying why. */
export function decodeState(course: Course, text: string): DecodeResult {
  if (!text) return { state: initialState(), savedAt: 0, token: null };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { state: initialState(), savedAt: 0, token: null, note: 'saved progress was unreadable and was reset', unreadable: true };
  }
  const version = isObject(data) ? data.v : undefined;
  if (!isObject(data) || (version !== 1 && version !== 2 && version !== 3 && version !== 4 && version !== SUSPEND_VERSION)) {
    const format = typeof version === 'number' || typeof version === 'string' ? String(version).slice(0, 20) : 'unknown';
    return {
      state: initialState(),
      savedAt: 0,
      token: null,
      note: `saved progress has format ${format}, not ${SUSPEND_VERSION}; it was reset`,
      unreadable: true,
    };
  }
  const current = version === 3 || version === 4 || version === SUSPEND_VERSION;
  const notes: string[] = [];
  const state = initialState();
  if (typeof data.l === 'string' && isValidLocation(course, data.l)) {
    state.location = data.l;
    state.section = Math.max(0, Math.floor(num(data.p) ?? 0));
  }
  const completed = num(data.c);
  if (completed !== null && completed > 0) state.completedAt = completed * 1000;
  const viewed = strings(data.s);
  state.viewed = course.lessons.map((l) => l.id).filter((id) => viewed.includes(id));
  const quizzes = isObject(data.q) ? data.q : {};
  for (const quiz of course.quizzes) {
    const saved = quizzes[quiz.id];
    if (!current) {
      // Formats 1 and 2: keep the scores; an attempt in progress starts again.
      if (!isObject(saved)) continue;
      state.quizzes[quiz.id] = fromScoreList(saved.x);
      if (saved.a !== undefined) notes.push(`the attempt in progress at ${quiz.id} was saved by an older version and was reset`);
      continue;
    }
    if (!Array.isArray(saved)) continue;
    const [used, best, last, rawAttempt] = saved as unknown[];
    const attempt = rawAttempt === undefined ? null : decodeAttempt(quiz, rawAttempt);
    if (rawAttempt !== undefined && !attempt) notes.push(`the attempt in progress at ${quiz.id} no longer matches the quiz and was reset`);
    state.quizzes[quiz.id] = {
      attempt,
      attemptsUsed: Math.max(0, Math.floor(num(used) ?? 0)),
      bestScore: score(best),
      lastScore: score(last),
      ...(quiz.id === course.gradedQuiz && (data.g === 0 || data.g === 1) && score(best) !== null ? { passed: data.g === 1 } : {}),
    };
  }
  if (Array.isArray(data.e) && course.evaluation) state.evaluation = decodeEvaluation(course, data.e);
  if (typeof data.w === 'string' && course.activity.professions.some((p) => p.id === data.w)) state.profession = data.w;
  const savedAt = (num(data.t) ?? 0) * 1000;
  const token = typeof data.k === 'string' && /^[A-Za-z0-9]{1,32}$/.test(data.k) ? data.k : null;
  return notes.length ? { state, savedAt, token, note: notes.join('; ') } : { state, savedAt, token };
}

function decodeEvaluation(course: Course, raw: unknown[]): EvaluationState | undefined {
  const [started, submitted, answers] = raw;
  if (!num(started)) return undefined;
  const kept: Record<string, string> = {};
  if (isObject(answers)) {
    for (const q of course.evaluation?.questions ?? []) {
      const saved = answers[q.id];
      // A confidence draft keeps the ratings of items that still exist.
      const v = typeof saved === 'string' && q.type === 'confidence' ? keptConfidence(q, saved) : saved;
      if (typeof v === 'string' && isValidEvaluationAnswer(q, v)) kept[q.id] = v;
    }
  }
  return { startedAt: (started as number) * 1000, submittedAt: num(submitted) ? (submitted as number) * 1000 : null, answers: kept };
}
