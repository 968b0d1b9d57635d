import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { estimatedMinutes } from '../course/learning-time.ts';
import type { Course } from '../course/types.ts';
import { toCsv } from '../package/question-key.ts';
import { analyse, evaluationSummary, transcript, type Analysis } from './analysis.ts';
import { reportHtml } from './html.ts';
import { parseReport, type ParsedReport } from './moodle.ts';
import { pseudonymise } from './pseudonyms.ts';
import { fixed } from './statistics.ts';
import { readTable, ReportInputError } from './tables.ts';

export interface ReportOptions {
  pseudonyms: boolean;
  /** The key of the pseudonyms: the same secret gives the same pseudonyms. */
  secret: string;
  /** Date and time printed on the report. */
  generated?: string;
}

export interface BuiltReport {
  analysis: Analysis;
  /** File name → content. */
  outputs: Map<string, string>;
}

/** The content's version (course.yaml `version:`), when the content has one. */
function versionOf(course: Course): string {
  const v = (course.activity as unknown as { version?: unknown }).version;
  return typeof v === 'string' && v ? v : 'not stated in course.yaml';
}

/** Reads the downloads and makes the report's files (nothing written yet). */
export function buildReport(course: Course, files: string[], options: ReportOptions): BuiltReport {
  if (!files.length)
    throw new ReportInputError(
      '(no file)',
      '',
      'give the files downloaded from Moodle, e.g. npm run report -- basic.txt interactions.txt objectives.txt',
    );
  const tables = files.map((f) => readTable(f));
  let reports: ParsedReport[] = tables.map(parseReport);
  if (options.pseudonyms) reports = pseudonymise(reports, options.secret);
  const analysis = analyse(course, reports);
  const evaluation = evaluationSummary(analysis, estimatedMinutes(course));
  const html = reportHtml(analysis, {
    files: reports.map((r, i) => ({ file: basename(r.file), kind: r.kind, format: tables[i]?.format ?? '', rows: r.rows.length })),
    pseudonyms: options.pseudonyms,
    generated: options.generated ?? new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    version: versionOf(course),
    evaluation,
    statedMinutes: estimatedMinutes(course),
  });
  const t = transcript(analysis);
  const outputs = new Map<string, string>([
    ['report.html', html],
    [
      'transcript.csv',
      toCsv([
        [
          'Learner',
          ...(options.pseudonyms ? [] : ['Email']),
          'Profession',
          'Status',
          'Score',
          'Exam attempts',
          'Completed',
          'Credit type',
          'Credit amount',
          'Hours',
          'Certificate',
          'Content version',
          'Source',
        ],
        ...t.map((r) => [
          r.learner,
          ...(options.pseudonyms ? [] : [r.email]),
          r.profession,
          r.status,
          r.score,
          String(r.examAttempts),
          r.completed,
          r.creditType,
          r.creditAmount,
          r.hours,
          r.certificate,
          r.version,
          r.source,
        ]),
      ]),
    ],
    [
      'evaluation.csv',
      toCsv([
        ['Question id', 'Prompt', 'Kind', 'Item or answer', 'Count or value', 'Before (mean)', 'Now (mean)'],
        ...evaluation.flatMap((s): string[][] => {
          switch (s.kind) {
            case 'likert':
              return s.scale.map((o) => [s.id, s.prompt, 'likert', o.text, String(o.count), '', '']);
            case 'text':
              return s.answers.map((a) => [s.id, s.prompt, 'text', a, '', '', '']);
            case 'number':
              return s.values.map((v) => [s.id, s.prompt, 'number', s.unit, String(v), '', '']);
            case 'confidence':
              return s.items.map((it) => [
                s.id,
                s.prompt,
                'confidence',
                it.text,
                String(Math.min(it.before.length, it.after.length)),
                fixed(it.before.reduce((x, y) => x + y, 0) / it.before.length),
                fixed(it.after.reduce((x, y) => x + y, 0) / it.after.length),
              ]);
          }
        }),
      ]),
    ],
    [
      'items.csv',
      toCsv([
        [
          'Interaction id',
          'Question',
          'Type',
          'Objectives',
          'Seen',
          'Right',
          'Difficulty',
          'Discrimination (corrected point-biserial)',
          'Flags',
        ],
        ...analysis.items.map((i) => [
          i.entry.interactionId,
          i.entry.question.prompt,
          i.entry.typeLabel,
          i.entry.objectives.map((o) => o.id).join(' '),
          String(i.seen),
          String(i.right),
          i.difficulty === null ? '' : i.difficulty.toFixed(4),
          i.discrimination === null ? '' : i.discrimination.toFixed(4),
          i.flags.map((f) => `${f.kind}: ${f.reason}`).join('\n'),
        ]),
      ]),
    ],
    [
      'options.csv',
      toCsv([
        ['Interaction id', 'Code (SCORM 1.2)', 'Option or response', 'Key', 'Chosen', 'Chosen by the upper group'],
        ...analysis.items.flatMap((i) => [
          ...i.options.map((o) => [
            i.entry.interactionId,
            o.code,
            o.text,
            o.correct ? 'yes' : 'no',
            String(o.chosen),
            String(o.chosenUpper),
          ]),
          ...i.responses.map((r) => [i.entry.interactionId, r.response, '(whole response)', r.correct ? 'yes' : 'no', String(r.count), '']),
        ]),
      ]),
    ],
    [
      'objectives.csv',
      toCsv([
        ['Objective id', 'Objective', 'Lesson', 'Critical', 'Learners', 'Mastered', 'Share mastered', 'Source'],
        ...analysis.objectives.map((o) => [
          o.id,
          o.text,
          o.lesson,
          o.critical ? 'yes' : 'no',
          String(o.learners),
          String(o.mastered),
          o.learners ? (o.mastered / o.learners).toFixed(4) : '',
          o.source,
        ]),
      ]),
    ],
    [
      'unused-rows.csv',
      toCsv([
        ['File', 'Row', 'Why not used'],
        ...analysis.unused.map((u) => [basename(u.file), String(u.row), u.reason]),
        ...[...analysis.otherIds].map(([id, n]) => [
          '',
          '',
          `interaction id ${id} (${n} times) is neither the exam's, the evaluation's nor the CE record's`,
        ]),
      ]),
    ],
  ]);
  return { analysis, outputs };
}

export function writeReport(dir: string, built: BuiltReport): string[] {
  mkdirSync(dir, { recursive: true });
  return [...built.outputs].map(([name, content]) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  });
}
