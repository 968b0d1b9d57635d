import { join } from 'node:path';
import { ROOT } from '../../tests/support/paths.ts';

/** Where the contact sheet is written: an index.html with the PNGs beside it. */
export const OUT = join(ROOT, 'dist/screens');

/** The sizes: a small phone, a phone, a 700 px frame in the preview LMS (as Moodle's player on a laptop), a laptop. */
export const SIZES = [
  { name: '320', label: '320 px (small phone)', viewport: { width: 320, height: 568 } },
  { name: '390', label: '390 × 844 (phone)', viewport: { width: 390, height: 844 } },
  { name: '700', label: '700 px frame in an LMS page', viewport: { width: 1116, height: 800 } },
  { name: '1366', label: '1366 × 768 window', viewport: { width: 1366, height: 768 } },
] as const;

export const SCHEMES = ['light', 'dark'] as const;

/** The screens, in the order a learner meets them. */
export const SCREENS = [
  { id: 'start', label: 'Start' },
  { id: 'lesson-care-card', label: 'Lesson with a care card' },
  { id: 'knowledge-check', label: 'Knowledge check, after checking' },
  { id: 'exam-question', label: 'Exam: one question' },
  { id: 'exam-navigator', label: 'Exam with the question list' },
  { id: 'submit-summary', label: 'Check your answers before submitting' },
  { id: 'result-pass', label: 'Exam result: passed' },
  { id: 'result-fail', label: 'Exam result: below the pass mark' },
  { id: 'result-critical', label: 'Exam result: a critical question missed' },
  { id: 'evaluation', label: 'Evaluation' },
  { id: 'certificate', label: 'Certificate' },
  { id: 'glossary', label: 'Glossary' },
  { id: 'exit', label: 'After Exit course' },
] as const;

export type ScreenId = (typeof SCREENS)[number]['id'];

export const shotName = (screen: string, size: string, scheme: string) => `${screen}-${size}-${scheme}.png`;
