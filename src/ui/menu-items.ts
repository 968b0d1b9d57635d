import { certificateReady, evaluationOpen, evaluationState } from '../course/evaluation.ts';
import { attemptsLeft, countedScore, courseSequence, findQuiz, quizPassed, quizProgress, type CourseState } from '../course/state.ts';
import type { Course, Quiz } from '../course/types.ts';

const STRINGS = {
  glossary: 'Glossary',
  about: 'About this activity',
  aboutState: 'credit, dates, disclosures',
  certificate: 'Certificate',
  evaluation: 'Evaluation',
  submitted: 'submitted',
  toDo: 'to do',
  read: 'read',
  unread: 'not read yet',
  passed: (p: number) => `passed, ${p}%`,
  failed: (p: number) => `not passed yet, ${p}%`,
  outOfAttempts: (p: number) => `not passed, ${p}%, no attempts left`,
  inProgress: 'in progress',
  todo: 'not taken yet',
  /** A knowledge check: practice, not part of completion (the header's progress does not count it). */
  practice: (state: string) => `practice, ${state}`,
  terms: (n: number) => `${n} terms`,
  ready: 'ready to print',
};

export interface MenuItem {
  location: string;
  label: string;
  /** Progress in words, e.g. "read" or "passed, 90%" (never by colour alone). */
  state: string;
}

/** The pass mark in force for a quiz: the LMS's for the graded quiz, the author's for the others. */
export function passMarkOf(course: Course, quizId: string, coursePassMark: number): number {
  const quiz = findQuiz(course, quizId);
  return !quiz || quiz.graded ? coursePassMark : quiz.passMark;
}

export function locationLabel(course: Course, location: string): string {
  if (location === 'glossary') return STRINGS.glossary;
  if (location === 'about') return STRINGS.about;
  if (location === 'certificate') return STRINGS.certificate;
  if (location === 'evaluation') return STRINGS.evaluation;
  const [kind, id = ''] = location.split(':');
  if (kind === 'lesson') return course.lessons.find((l) => l.id === id)?.title ?? location;
  return findQuiz(course, id)?.title ?? location;
}

function itemState(course: Course, state: CourseState, location: string, passMark: number): string {
  if (location === 'glossary') return STRINGS.terms(course.glossary.length);
  if (location === 'about') return STRINGS.aboutState;
  if (location === 'certificate') return STRINGS.ready;
  if (location === 'evaluation') return evaluationState(state).submittedAt !== null ? STRINGS.submitted : STRINGS.toDo;
  const [kind, id = ''] = location.split(':');
  if (kind === 'lesson') return state.viewed.includes(id) ? STRINGS.read : STRINGS.unread;
  const quiz = findQuiz(course, id);
  if (!quiz) return STRINGS.todo;
  return quiz.graded ? quizState(course, state, quiz, passMark) : STRINGS.practice(quizState(course, state, quiz, passMark));
}

function quizState(course: Course, state: CourseState, quiz: Quiz, passMark: number): string {
  const id = quiz.id;
  const progress = quizProgress(state, id);
  if (progress.attempt && !progress.attempt.submitted) return STRINGS.inProgress;
  const score = countedScore(quiz, progress);
  if (score === null) return STRINGS.todo;
  if (quizPassed(quiz, progress, passMarkOf(course, id, passMark))) return STRINGS.passed(score);
  return attemptsLeft(quiz, progress) === 0 ? STRINGS.outOfAttempts(score) : STRINGS.failed(score);
}

/** The course contents: lessons and quizzes in order, the glossary, the activity information, then the evaluation and the certificate once open. */
export function menuItems(course: Course, state: CourseState, passMark: number): MenuItem[] {
  const locations = [...courseSequence(course)];
  if (course.glossary.length) locations.push('glossary');
  locations.push('about');
  if (evaluationOpen(course, state, passMark)) locations.push('evaluation');
  if (certificateReady(course, state, passMark)) locations.push('certificate');
  return locations.map((location) => ({
    location,
    label: locationLabel(course, location),
    state: itemState(course, state, location, passMark),
  }));
}
