import { join } from 'node:path';
import { ROOT } from '../../tests/support/paths.ts';

/** Where the contact sheet is written: an index.html with the PNGs beside it. */
export const OUT = join(ROOT, 'dist/screens');

/** The sizes: a phone, a 700 px frame in the preview LMS (as Moodle's player on a laptop), a desktop. */
export const SIZES = [
  { name: '320', label: '320 px (phone)', viewport: { width: 320, height: 568 } },
  { name: '700', label: '700 px frame in an LMS page', viewport: { width: 1116, height: 800 } },
  { name: '1280', label: '1280 px window', viewport: { width: 1280, height: 900 } },
] as const;

export const SCHEMES = ['light', 'dark'] as const;

/** The screens, in the order a learner meets them. */
export const SCREENS = [
  { id: 'start', label: 'Start' },
  { id: 'lesson-care-card', label: 'Lesson with a care card' },
  { id: 'knowledge-check', label: 'Knowledge check, after checking' },
  { id: 'exam-navigator', label: 'Exam with the question list' },
  { id: 'submit-summary', label: 'Check your answers before submitting' },
  { id: 'result', label: 'Exam result' },
  { id: 'evaluation', label: 'Evaluation' },
  { id: 'certificate', label: 'Certificate' },
  { id: 'glossary', label: 'Glossary' },
] as const;

export type ScreenId = (typeof SCREENS)[number]['id'];

export const shotName = (screen: string, size: string, scheme: string) => `${screen}-${size}-${scheme}.png`;
