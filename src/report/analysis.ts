import { drawQuestions } from '../course/pool.ts';
import type { Course, Quiz } from '../course/types.ts';
import { questionKey, type KeyEntry } from '../package/question-key.ts';
import { moodleDate, type ParsedReport } from './moodle.ts';
import { mean, median, pearson, spearmanBrown } from './statistics.ts';
import { ReportInputError } from './tables.ts';

/** Flag thresholds (issue and sources in THRESHOLD_SOURCES). */
export const THRESHOLDS = { tooHard: 0.3, tooEasy: 0.95, lowDiscrimination: 0.15, smallSample: 30 } as const;

/** One exam attempt as the interactions report holds it (SCORM 1.2 writes every attempt in turn). */
export interface ExamAttempt {
  learner: string;
  moodleAttempt: number;
  /** 1-based, in the order written. */
  number: number;
  answers: { id: string; response: string; correct: boolean }[];
}

export interface Learner {
  /** Name as Moodle shows it (or its pseudonym). */
  name: string;
  email: string;
  /** Rows from every file, per Moodle attempt. */
  attempts: {
    moodleAttempt: number | null;
    started: string;
    last: string;
    score: string;
    sco: string;
  }[];
  exams: ExamAttempt[];
  /** Evaluation answers by interaction id (text parts joined), and the CE record by its id. */
  evaluation: Map<string, string>;
  ce: Map<string, string>;
  objectives: Record<string, { status: string; score: string }>;
}

export interface UnusedRow {
  file: string;
  row: number;
  reason: string;
}

export interface ItemStats {
  entry: KeyEntry;
  seen: number;
  right: number;
  difficulty: number | null;
  discrimination: number | null;
  /** Per response code: how often chosen, and how often by the upper group (rest score at or above the median). */
  options: { code: string; text: string; correct: boolean; chosen: number; chosenUpper: number }[];
  /** Responses of types without options (matching, ordering, numeric): each distinct response. */
  responses: { response: string; count: number; correct: boolean }[];
  flags: { kind: 'too hard' | 'too easy' | 'low discrimination' | 'unused option' | 'distractor beats key'; reason: string }[];
}

export interface ObjectiveStats {
  id: string;
  text: string;
  lesson: string;
  critical: boolean;
  learners: number;
  mastered: number;
  source: 'objectives report' | 'interactions';
}

export interface Reliability {
  method: string;
  value: number | null;
  attempts: number;
  halfCorrelation: number | null;
  why: string;
}

export interface Analysis {
  course: Course;
  quiz: Quiz;
  learners: Learner[];
  exams: ExamAttempt[];
  items: ItemStats[];
  objectives: ObjectiveStats[];
  reliability: Reliability;
  unused: UnusedRow[];
  /** Interaction ids the report did not use (not the exam's, the evaluation's or the CE record's). */
  otherIds: Map<string, number>;
  kinds: Set<ParsedReport['kind']>;
  scorm2004: boolean;
}

const EXAM_SPLIT_SEEDS = 200;

const times = (n: number) => (n === 1 ? 'once' : `${n} times`);

/** How many questions an attempt draws, if always the same (it is when no question serves two objectives). */
function attemptSize(quiz: Quiz): number | null {
  const sizes = new Set<number>();
  for (let seed = 1; seed <= EXAM_SPLIT_SEEDS; seed++) sizes.add(drawQuestions(quiz, seed).length);
  return sizes.size === 1 ? ([...sizes][0] as number) : null;
}

/**
 * A row's exam answers split into attempts: by the draw's fixed size when it has one, otherwise at the
 * first id that repeats (an attempt never asks a question twice).
 */
export function splitAttempts(answers: ExamAttempt['answers'], size: number | null): ExamAttempt['answers'][] {
  const out: ExamAttempt['answers'][] = [];
  let current: ExamAttempt['answers'] = [];
  for (const a of answers) {
    if ((size !== null && current.length === size) || current.some((c) => c.id === a.id)) {
      out.push(current);
      current = [];
    }
    current.push(a);
  }
  if (current.length) out.push(current);
  return out;
}

const learnerKey = (name: string, identity: Record<string, string>) => `${name}\u0000${identity['Email address'] ?? ''}`;

/** Everything the downloads hold, joined by learner and Moodle attempt, checked against the content's key. */
export function analyse(course: Course, reports: ParsedReport[]): Analysis {
  const quiz = course.quizzes.find((q) => q.id === course.gradedQuiz);
  if (!quiz) throw new Error('the course has no graded exam');
  const key = questionKey(course).filter((e) => e.quiz.id === quiz.id);
  const byId = new Map(key.map((e) => [e.interactionId, e]));
  const prefix = `${quiz.id}-`;
  const size = attemptSize(quiz);
  const unused: UnusedRow[] = [];
  const otherIds = new Map<string, number>();
  const learners = new Map<string, Learner>();
  const kinds = new Set(reports.map((r) => r.kind));
  const scorm2004 = reports.some((r) => r.rows.some((row) => row.interactions.some((i) => i.result === 'incorrect')));

  // Ids of the exam that the key does not know: another activity, or another version of the content.
  for (const r of reports.filter((x) => x.kind === 'interactions')) {
    const strangers = new Map<string, number>();
    for (const row of r.rows)
      for (const i of row.interactions)
        if (!byId.has(i.id) && i.id.startsWith(prefix) && !strangers.has(i.id)) strangers.set(i.id, row.row);
    const known = r.rows.some((row) => row.interactions.some((i) => byId.has(i.id)));
    const examLike = r.rows.some((row) => row.interactions.some((i) => !i.id.startsWith('evaluation-') && !i.id.startsWith('ce-')));
    if (strangers.size || (!known && examLike)) {
      const list = [...strangers.keys()].slice(0, 5);
      throw new ReportInputError(
        r.file,
        strangers.size ? `row ${[...strangers.values()][0]}` : '',
        `${strangers.size ? `interaction ids not in this content's question key (${list.join(', ')}${strangers.size > 5 ? ', …' : ''})` : 'no interaction id of this course'}: the file comes from another activity or another version of the content. Download the reports of the activity that holds this version, or run the report from the content of the version the learners took (its course.yaml, lessons and quizzes)`,
      );
    }
  }

  // Which learners and Moodle attempts each report holds: files of one activity, downloaded together, hold the same.
  const sets = reports.map((r) => ({
    file: r.file,
    keys: new Set(r.rows.filter((row) => row.attempt !== null).map((row) => `${learnerKey(row.learner, row.identity)}#${row.attempt}`)),
  }));
  for (const s of sets.slice(1)) {
    const first = sets[0] as (typeof sets)[number];
    const onlyHere = [...s.keys].filter((k) => !first.keys.has(k));
    const onlyThere = [...first.keys].filter((k) => !s.keys.has(k));
    if (onlyHere.length + onlyThere.length > Math.max(first.keys.size, s.keys.size) / 2)
      throw new ReportInputError(
        s.file,
        '',
        `its learners do not match those of ${first.file} (${onlyHere.length} attempts only here, ${onlyThere.length} only there): the files come from different activities. Download every report from the same SCORM activity, one after the other`,
      );
  }

  for (const r of reports) {
    for (const row of r.rows) {
      const k = learnerKey(row.learner, row.identity);
      if (!row.learner) {
        unused.push({ file: r.file, row: row.row, reason: 'no learner name' });
        continue;
      }
      const learner: Learner = learners.get(k) ?? {
        name: row.learner,
        email: row.identity['Email address'] ?? '',
        attempts: [],
        exams: [],
        evaluation: new Map(),
        ce: new Map(),
        objectives: {},
      };
      learners.set(k, learner);
      let at = learner.attempts.find((a) => a.moodleAttempt === row.attempt);
      if (!at) {
        at = { moodleAttempt: row.attempt, started: row.started, last: row.last, score: row.score, sco: row.sco };
        learner.attempts.push(at);
      }
      if (r.kind === 'objectives') for (const [id, v] of Object.entries(row.objectives)) learner.objectives[id] = v;
      if (r.kind !== 'interactions' || row.attempt === null) continue;
      const examAnswers: ExamAttempt['answers'] = [];
      for (const i of row.interactions) {
        if (byId.has(i.id)) examAnswers.push({ id: i.id, response: i.response, correct: i.result === 'correct' });
        else if (i.id.startsWith('evaluation-')) {
          // A long text answer is split into parts -2, -3…; they are joined back.
          const part = /^(.*)-(\d+)$/.exec(i.id);
          const base = part && learner.evaluation.has(part[1] as string) && Number(part[2]) > 1 ? (part[1] as string) : i.id;
          learner.evaluation.set(base, base === i.id ? i.response : (learner.evaluation.get(base) ?? '') + i.response);
        } else if (i.id.startsWith('ce-')) learner.ce.set(i.id, i.response);
        else otherIds.set(i.id, (otherIds.get(i.id) ?? 0) + 1);
      }
      if (!examAnswers.length) {
        unused.push({
          file: r.file,
          row: row.row,
          reason: `${row.learner}, attempt ${row.attempt}: no exam answers (the exam was not submitted in this attempt)`,
        });
        continue;
      }
      splitAttempts(examAnswers, size).forEach((answers) =>
        learner.exams.push({ learner: learner.name, moodleAttempt: row.attempt as number, number: learner.exams.length + 1, answers }),
      );
    }
  }

  const list = [...learners.values()];
  const exams = list.flatMap((l) => l.exams);
  const items = key.map((e) => itemStats(e, exams));
  return {
    course,
    quiz,
    learners: list,
    exams,
    items,
    // Moodle's objectives report can list the objectives with no status in them: the interactions are used then.
    objectives: objectiveStats(
      course,
      quiz,
      key,
      list,
      list.some((l) => Object.values(l.objectives).some((o) => o.status)),
    ),
    reliability: reliability(quiz, key, exams),
    unused,
    otherIds,
    kinds,
    scorm2004,
  };
}

const share = (a: ExamAttempt) => a.answers.filter((x) => x.correct).length / a.answers.length;

/** The attempt's score without one item: the share right of its other answers. */
function restScore(a: ExamAttempt, id: string): number {
  const others = a.answers.filter((x) => x.id !== id);
  return others.length ? others.filter((x) => x.correct).length / others.length : 0;
}

/** Codes in a response: the option letters of a choice (comma-separated in 1.2, [,] in 2004), or t/f. */
const codesOf = (response: string) => response.split(/\[,\]|,/).filter(Boolean);

export function itemStats(entry: KeyEntry, exams: ExamAttempt[]): ItemStats {
  const seen = exams.flatMap((a) => {
    const answer = a.answers.find((x) => x.id === entry.interactionId);
    return answer ? [{ answer, rest: restScore(a, entry.interactionId) }] : [];
  });
  const right = seen.filter((s) => s.answer.correct).length;
  const difficulty = seen.length ? right / seen.length : null;
  const discrimination =
    seen.length >= 3
      ? pearson(
          seen.map((s) => (s.answer.correct ? 1 : 0)),
          seen.map((s) => s.rest),
        )
      : null;
  const cut = median(seen.map((s) => s.rest));
  const upper = seen.filter((s) => s.rest >= cut);
  const byOptions = entry.scormType === 'choice' || entry.scormType === 'true-false';
  const options = byOptions
    ? entry.codes.map((c) => {
        const has = (r: string) => codesOf(r).some((x) => x === c.scorm12 || x === c.scorm2004);
        return {
          code: c.scorm12,
          text: c.text,
          correct: c.correct,
          chosen: seen.filter((s) => has(s.answer.response)).length,
          chosenUpper: upper.filter((s) => has(s.answer.response)).length,
        };
      })
    : [];
  const counts = new Map<string, { count: number; correct: boolean }>();
  if (!byOptions)
    for (const s of seen) {
      const r = s.answer.response || '(no answer)';
      const c = counts.get(r) ?? { count: 0, correct: s.answer.correct };
      c.count += 1;
      counts.set(r, c);
    }
  const responses = [...counts].map(([response, c]) => ({ response, ...c })).sort((a, b) => b.count - a.count);

  const flags: ItemStats['flags'] = [];
  if (difficulty !== null && difficulty < THRESHOLDS.tooHard)
    flags.push({
      kind: 'too hard',
      reason: `only ${right} of ${seen.length} answered it right (difficulty ${difficulty.toFixed(2)}, under ${THRESHOLDS.tooHard})`,
    });
  if (difficulty !== null && difficulty > THRESHOLDS.tooEasy)
    flags.push({
      kind: 'too easy',
      reason: `${right} of ${seen.length} answered it right (difficulty ${difficulty.toFixed(2)}, over ${THRESHOLDS.tooEasy})`,
    });
  if (discrimination !== null && discrimination < THRESHOLDS.lowDiscrimination)
    flags.push({
      kind: 'low discrimination',
      reason:
        discrimination < 0
          ? `learners who did worse on the rest of the exam got it right more often (point-biserial ${discrimination.toFixed(2)}): check the key and the wording`
          : `it barely separates stronger from weaker learners (point-biserial ${discrimination.toFixed(2)}, under ${THRESHOLDS.lowDiscrimination})`,
    });
  if (seen.length)
    for (const o of options.filter((o) => !o.correct && o.chosen === 0))
      flags.push({
        kind: 'unused option',
        reason: `nobody of ${seen.length} chose option ${o.code} (${o.text}): it does not work as a distractor`,
      });
  const key = options.filter((o) => o.correct);
  if (entry.question.type === 'single' || entry.question.type === 'true_false') {
    const keyUpper = key[0]?.chosenUpper ?? 0;
    for (const o of options.filter((o) => !o.correct && o.chosenUpper > keyUpper))
      flags.push({
        kind: 'distractor beats key',
        reason: `the upper group (rest score at or above the median) chose option ${o.code} (${o.text}) ${times(o.chosenUpper)} and the key ${times(keyUpper)}: the key may be wrong or the option defensible`,
      });
  }
  return { entry, seen: seen.length, right, difficulty, discrimination, options, responses, flags };
}

/**
 * Split-half reliability by objective, corrected with Spearman-Brown. Every attempt draws its own
 * questions, so no two learners share one test form and KR-20 or alpha (which need the same items for
 * everyone) do not apply; but every attempt draws from every objective. Objectives are dealt alternately
 * into two halves, each attempt's share right on each half is correlated across attempts, and the
 * correlation is stepped up to the full length.
 */
export function reliability(quiz: Quiz, key: KeyEntry[], exams: ExamAttempt[]): Reliability {
  const objectives = [...new Set(quiz.questions.flatMap((q) => q.objectives))];
  const half = new Map(objectives.map((o, i) => [o, i % 2]));
  const entryHalf = new Map(key.map((e) => [e.interactionId, half.get(e.question.objectives[0] ?? '') ?? 0]));
  const pairs = exams.flatMap((a) => {
    const sides = [0, 1].map((h) => a.answers.filter((x) => entryHalf.get(x.id) === h));
    if (sides.some((s) => !s.length)) return [];
    return [sides.map((s) => s.filter((x) => x.correct).length / s.length) as [number, number]];
  });
  const r =
    pairs.length >= 3
      ? pearson(
          pairs.map((p) => p[0]),
          pairs.map((p) => p[1]),
        )
      : null;
  return {
    method: 'Split-half by objective, Spearman-Brown corrected',
    value: r === null ? null : spearmanBrown(r),
    attempts: pairs.length,
    halfCorrelation: r,
    why: 'Each attempt draws its own questions, so learners never share one test form and KR-20 or coefficient alpha, which need the same items for everyone, do not apply. Every attempt draws from every objective, so the objectives are dealt alternately into two halves; each attempt’s share right on each half is correlated across attempts and stepped up to the whole exam with Spearman-Brown (2r / (1 + r)). Several attempts of one learner count separately, which can raise the figure a little.',
  };
}

/** Share of learners who mastered each objective: from the objectives report, or else from their last exam attempt. */
function objectiveStats(course: Course, quiz: Quiz, key: KeyEntry[], learners: Learner[], fromReport: boolean): ObjectiveStats[] {
  const critical = new Set(quiz.blueprint.filter((b) => b.critical).map((b) => b.objective));
  const ids = [...new Set(quiz.questions.flatMap((q) => q.objectives))];
  const info = new Map(course.lessons.flatMap((l) => l.objectives.map((o) => [o.id, { text: o.text, lesson: l.title }] as const)));
  const entries = new Map(key.map((e) => [e.interactionId, e]));
  return ids.map((id) => {
    let n = 0;
    let mastered = 0;
    for (const l of learners) {
      if (fromReport) {
        const status = l.objectives[id]?.status;
        if (!status) continue;
        n += 1;
        if (status === 'passed') mastered += 1;
      } else {
        const last = l.exams[l.exams.length - 1];
        const on = last?.answers.filter((a) => entries.get(a.id)?.question.objectives.includes(id)) ?? [];
        if (!on.length) continue;
        n += 1;
        const got = on.filter((a) => a.correct).length / on.length;
        if (critical.has(id) ? got === 1 : got * 100 >= quiz.passMark) mastered += 1;
      }
    }
    return {
      id,
      text: info.get(id)?.text ?? '',
      lesson: info.get(id)?.lesson ?? '',
      critical: critical.has(id),
      learners: n,
      mastered,
      source: fromReport ? 'objectives report' : 'interactions',
    };
  });
}

/** One row of the transcript: the record to keep. */
export interface TranscriptRow {
  learner: string;
  email: string;
  profession: string;
  status: string;
  score: string;
  examAttempts: number;
  completed: string;
  creditType: string;
  creditAmount: string;
  hours: string;
  certificate: string;
  version: string;
  source: string;
}

const SCORE = /^(\d+(?:\.\d+)?)/;

export function transcript(a: Analysis): TranscriptRow[] {
  const evaluationRequired = a.course.evaluation?.required ?? false;
  // Without any answer in the downloads (SCORM 2004's empty interactions report) only the score can speak.
  const blind = a.exams.length === 0 && a.learners.every((l) => l.evaluation.size === 0 && l.ce.size === 0);
  return a.learners.map((l) => {
    const started = l.attempts.filter((x) => x.moodleAttempt !== null);
    const best = [...started].sort((x, y) => Number(SCORE.exec(y.score)?.[1] ?? -1) - Number(SCORE.exec(x.score)?.[1] ?? -1))[0];
    const score = best?.score ?? '';
    const passed = Number(SCORE.exec(score)?.[1] ?? -1) >= a.quiz.passMark;
    const evaluated = l.evaluation.size > 0;
    const ce = (id: string) => l.ce.get(id) ?? '';
    const hasCe = l.ce.size > 0;
    const status = !started.length
      ? 'Not attempted'
      : blind
        ? passed
          ? 'Passed (score at or over the pass mark; the evaluation is not in the download)'
          : 'Not passed, or not finished'
        : hasCe || (passed && (evaluated || !evaluationRequired))
          ? 'Completed'
          : passed
            ? 'Passed; evaluation not submitted'
            : a.quiz.attempts !== null && l.exams.length >= a.quiz.attempts
              ? 'Not passed (no attempt left)'
              : l.exams.length
                ? 'Not passed yet'
                : 'In progress';
    const completedDate = hasCe ? ce('ce-completed') : status === 'Completed' || (blind && passed) ? moodleDate(best?.last ?? '') : '';
    return {
      learner: l.name,
      email: l.email,
      profession: ce('ce-profession'),
      status,
      score: SCORE.exec(score)?.[1] ?? (score === '-' ? '' : score),
      examAttempts: l.exams.length,
      completed: completedDate,
      creditType: ce('ce-credit-type'),
      creditAmount: ce('ce-credit-amount'),
      hours: ce('ce-hours'),
      certificate: ce('ce-certificate'),
      version: ce('ce-version'),
      source: hasCe ? 'CE record' : 'Moodle',
    };
  });
}

// ---------------------------------------------------------------- evaluation

export type EvaluationSummary =
  | { kind: 'likert'; id: string; prompt: string; scale: { id: string; text: string; count: number }[]; answered: number }
  | { kind: 'text'; id: string; prompt: string; answers: string[] }
  | {
      kind: 'number';
      id: string;
      prompt: string;
      unit: string;
      values: number[];
      mean: number;
      median: number;
      min: number;
      max: number;
      statedMinutes: number | null;
    }
  | {
      kind: 'confidence';
      id: string;
      prompt: string;
      scale: { id: string; text: string }[];
      items: { id: string; text: string; before: number[]; after: number[] }[];
    };

/** A likert response: SCORM 1.2 holds the scale's letter (a, b…), 2004 the scale id. */
function scaleIndex(scale: { id: string }[], response: string): number {
  const byId = scale.findIndex((s) => s.id === response);
  if (byId >= 0) return byId;
  const letter = /^[a-z0-9]$/.test(response) ? 'abcdefghijklmnopqrstuvwxyz0123456789'.indexOf(response) : -1;
  return letter < scale.length ? letter : -1;
}

export function evaluationSummary(a: Analysis, statedMinutes: number | null): EvaluationSummary[] {
  const questions = a.course.evaluation?.questions ?? [];
  const answers = (id: string) => a.learners.flatMap((l) => (l.evaluation.has(id) ? [l.evaluation.get(id) as string] : []));
  return questions.map((q): EvaluationSummary => {
    const iid = `evaluation-${q.id}`;
    if (q.type === 'likert') {
      const given = answers(iid);
      const scale = q.scale.map((s) => ({ ...s, count: 0 }));
      for (const r of given) {
        const i = scaleIndex(q.scale, r);
        if (i >= 0) (scale[i] as { count: number }).count += 1;
      }
      return { kind: 'likert', id: q.id, prompt: q.prompt, scale, answered: given.length };
    }
    if (q.type === 'number') {
      const values = answers(iid)
        .map(Number)
        .filter((n) => Number.isFinite(n));
      return {
        kind: 'number',
        id: q.id,
        prompt: q.prompt,
        unit: q.unit ?? '',
        values,
        mean: mean(values),
        median: median(values),
        min: values.length ? Math.min(...values) : NaN,
        max: values.length ? Math.max(...values) : NaN,
        statedMinutes,
      };
    }
    if (q.type === 'confidence') {
      const scale = q.scale;
      const points = (id: string) =>
        answers(id)
          .map((r) => scaleIndex(scale, r) + 1)
          .filter((n) => n > 0);
      return {
        kind: 'confidence',
        id: q.id,
        prompt: q.prompt,
        scale,
        items: q.items.map((it) => ({ ...it, before: points(`${iid}-${it.id}-before`), after: points(`${iid}-${it.id}-after`) })),
      };
    }
    return { kind: 'text', id: q.id, prompt: q.prompt, answers: answers(iid).filter((t) => t.trim()) };
  });
}

/** The course's overall share right per attempt, for the summary line. */
export const attemptShares = (a: Analysis): number[] => a.exams.map(share);
