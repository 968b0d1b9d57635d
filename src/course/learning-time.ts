import { kindOf } from './question-types/index.ts';
import { drawQuestions } from './pool.ts';
import type { Course, Question, Quiz } from './types.ts';

/**
 * Learning time is computed from the words a learner reads, so it stays true when the
 * content changes.
 *
 * Adults read English non-fiction silently at about 238 words per minute on average
 * (Brysbaert M. How many words do we read per minute? A review and meta-analysis of
 * reading rate. Journal of Memory and Language. 2019;109:104047). Reading to learn
 * unfamiliar clinical material is slower than reading for pleasure, so lessons are
 * timed at 200 words per minute, a rate e-learning seat-time estimates commonly use.
 */
export const WORDS_PER_MINUTE = 200;

/** Beyond reading a question, the time to weigh the options and answer. */
export const SECONDS_TO_ANSWER = 30;

/** Words in a text or an HTML fragment (tags are not words). */
export function wordCount(text: string): number {
  const plain = text.replace(/<[^>]*>/g, ' ').replace(/&[a-z#0-9]+;/gi, ' ');
  return plain.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Reading time of a lesson's body, in whole minutes (at least 1). */
export function readingMinutes(lessonHtml: string): number {
  return Math.max(1, Math.round(wordCount(lessonHtml) / WORDS_PER_MINUTE));
}

const questionText = (q: Question): string => kindOf(q).texts(q).join(' ');

/** Seconds to read and answer one question. */
export function questionSeconds(q: Question): number {
  return (wordCount(questionText(q)) / WORDS_PER_MINUTE) * 60 + SECONDS_TO_ANSWER;
}

/** Minutes for one attempt at a quiz: the questions it draws, at the bank's average time per question. */
export function quizMinutes(quiz: Quiz): number {
  if (!quiz.questions.length) return 0;
  const average = quiz.questions.reduce((sum, q) => sum + questionSeconds(q), 0) / quiz.questions.length;
  return (drawQuestions(quiz, 1).length * average) / 60;
}

const computed = new WeakMap<Course, number>();

/**
 * The course's learning time in minutes: every lesson read and one attempt at every quiz.
 * The course never changes while it runs, so the screens that show it compute it once.
 */
export function estimatedMinutes(course: Course): number {
  let minutes = computed.get(course);
  if (minutes === undefined) {
    const reading = course.lessons.reduce((sum, l) => sum + l.minutes, 0);
    const questions = course.quizzes.reduce((sum, q) => sum + quizMinutes(q), 0);
    minutes = Math.round(reading + questions);
    computed.set(course, minutes);
  }
  return minutes;
}

/** Records a course's learning time counted beforehand (at build time), so a launch need not count it. */
export function knownEstimatedMinutes(course: Course, minutes: number): void {
  computed.set(course, minutes);
}

/**
 * The most credit hours the measured learning time supports: the minutes in hours,
 * rounded down to the quarter hour (never more than the time a learner needs).
 */
export function creditHours(minutes: number): number {
  // The epsilon keeps an exact quarter (e.g. 75 minutes) from rounding down through float error.
  return Math.floor((minutes / 60) * 4 + 1e-9) / 4;
}
