import type { Question, Quiz } from './types.ts';

export interface QuizScore {
  /** Weighted percentage 0-100, rounded to 2 decimals. */
  percent: number;
  passed: boolean;
  /** Per question id: answered correctly. */
  correct: Record<string, boolean>;
}

export function isCorrect(question: Question, response: string | undefined): boolean {
  return response !== undefined && response === question.correct;
}

/** Scores a set of answers; unanswered questions count as wrong. */
export function scoreQuiz(quiz: Quiz, answers: Readonly<Record<string, string>>, passMark = quiz.passMark): QuizScore {
  let earned = 0;
  let total = 0;
  const correct: Record<string, boolean> = {};
  for (const q of quiz.questions) {
    const ok = isCorrect(q, answers[q.id]);
    correct[q.id] = ok;
    total += q.weight;
    if (ok) earned += q.weight;
  }
  const percent = total > 0 ? Math.round((earned / total) * 10000) / 100 : 0;
  return { percent, passed: percent >= passMark, correct };
}
