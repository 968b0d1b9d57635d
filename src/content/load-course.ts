import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { kindOf } from '../course/question-types/index.ts';
import type { Course, GlossaryTerm, Lesson, Question, Quiz } from '../course/types.ts';
import { creditHours, estimatedMinutes, readingMinutes, wordCount, WORDS_PER_MINUTE } from '../course/learning-time.ts';
import { largestDraw, largestSuspendData } from '../course/suspend-budget.ts';
import { SUSPEND_LIMIT } from '../course/suspend-codec.ts';
import { creditBuildProblems, FOR_CREDIT, parseCourseFile, type ParsedCourseFile } from './course-file.ts';
import { linkGlossaryTerms } from './glossary.ts';
import { DEFAULT_RULES, checkHouseRules, type HouseRules } from './house-rules.ts';
import { checkItemQuality, htmlToText, type CheckedQuiz, type LessonText } from './item-quality.ts';
import { ContentError, fieldPath, type ContentProblem } from './errors.ts';
import { readManifestMetadata, validateManifest, type ManifestMetadata } from './manifest.ts';
import { glossarySchema, lessonFrontMatterSchema, quizSchema, type GlossaryEntry } from './schema.ts';
import { YamlSource } from './yaml-source.ts';
import {
  PLAIN_AS_OF,
  renderLessonBody,
  resolveAsOfText,
  scanLessonBody,
  staleAsOfWarnings,
  stripCitations,
  tooOldAsOfWarnings,
  type AsOfMark,
} from './lesson-markup.ts';
import { isIsoDate } from '../course/dates.ts';
import { localIsoDate } from '../course/activity.ts';

export interface ParsedLesson {
  lesson?: Lesson;
  source?: YamlSource;
  problems: ContentProblem[];
  /** Printed by the build, which goes on. */
  warnings?: ContentProblem[];
  /** The lesson's dated statements (`{as of 2026-01}`), for the check against the content review date. */
  asOf?: AsOfMark[];
}

/** An authored reading time further than this from the computed one is probably stale. */
const MINUTES_TOLERANCE = 0.25;

/** A lesson is Markdown with YAML front matter between `---` lines. */
export function parseLesson(file: string, text: string): ParsedLesson {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const close = lines[0]?.trim() === '---' ? lines.findIndex((l, i) => i > 0 && l.trim() === '---') : -1;
  if (close < 0) {
    return {
      problems: [
        {
          file,
          line: 1,
          field: '',
          message: 'must start with front matter: a line "---", the fields id, title and objectives, and another "---"',
        },
      ],
    };
  }
  const source = new YamlSource(file, lines.slice(1, close).join('\n'), 2);
  const front = source.validate(lessonFrontMatterSchema);
  const bodyStart = close + 2;
  const body = lines.slice(close + 1);
  const problems = source.problems;

  let inFence = false;
  body.forEach((line, i) => {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    else if (!inFence && /^#\s/.test(line)) {
      problems.push({
        file,
        line: bodyStart + i,
        field: 'body',
        message: `"${line.trim()}" is a level-1 heading; the lesson title is the page's only one: use "## " for sections`,
      });
    }
  });
  if (!body.some((l) => l.trim()))
    problems.push({ file, line: bodyStart, field: 'body', message: 'is empty: write the lesson below the front matter' });
  else if (!body.some((l) => /^##\s+Key points\s*$/.test(l))) {
    problems.push({
      file,
      line: bodyStart,
      field: 'body',
      message: 'has no "## Key points" section: end the lesson with a short summary under that heading',
    });
  }

  const scan = scanLessonBody(file, body, bodyStart);
  const refIds = front?.references.map((r) => r.id) ?? [];
  if (front) {
    for (const c of scan.citations) {
      if (!refIds.includes(c.id)) {
        problems.push({
          file,
          line: c.line,
          field: 'body',
          message: `[^${c.id}] is not the id of a reference of this lesson: cite one of ${refIds.join(', ')} (the ids under references in the front matter), or add the reference`,
        });
      }
    }
  }
  const referenceTexts = (front?.references ?? []).map((r, i) =>
    resolveAsOfText(r.text, { file, line: source.lineOf(['references', i], 'text'), field: `references[${i}].text` }, scan),
  );
  problems.push(...scan.problems);

  if (!front || problems.length) return { source, problems };
  const { html, order, counts } = renderLessonBody(scan.markdown, front.id, refIds);
  const computed = readingMinutes(stripCitations(html));
  const warnings: ContentProblem[] = [...scan.warnings];
  if (front.minutes !== undefined && Math.abs(front.minutes - computed) > MINUTES_TOLERANCE * computed) {
    warnings.push({
      file,
      line: source.lineOf([], 'minutes'),
      field: 'minutes',
      message: `${front.minutes} differs by more than ${MINUTES_TOLERANCE * 100}% from the ${computed} minutes its ${wordCount(stripCitations(html))} words take at ${WORDS_PER_MINUTE} words per minute: remove the line to use the computed time, or correct it`,
    });
  }
  const cited = new Set(scan.citations.map((c) => c.id));
  front.references.forEach((r, i) => {
    if (!cited.has(r.id)) {
      warnings.push({
        file,
        line: source.lineOf(['references', i], 'id'),
        field: `references[${i}]`,
        message: `"${r.id}" is never cited: put [^${r.id}] after the statement it supports, or remove the reference`,
      });
    }
  });
  for (const s of scan.sections) {
    if (s.cited || s.exempt) continue;
    warnings.push({
      file,
      line: s.line,
      field: 'body',
      message: `section "${s.title}" cites no reference: put [^id] after each statement a source supports (ids: ${refIds.join(', ')}), or, if the section states nothing that needs a source, write <!-- no-citation: why --> under its heading`,
    });
  }
  // Numbered as first cited; references never cited (a warning above) come last.
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length + refIds.indexOf(id));
  const references = front.references
    .map((r, i) => ({
      id: r.id,
      text: referenceTexts[i] ?? r.text,
      ...(r.url ? { url: r.url, ...(r.accessed ? { accessed: r.accessed } : {}) } : r.doi ? { url: `https://doi.org/${r.doi}` } : {}),
      citations: counts.get(r.id) ?? 0,
    }))
    .sort((a, b) => rank(a.id) - rank(b.id));
  return {
    source,
    problems,
    warnings,
    asOf: scan.asOf,
    lesson: {
      id: front.id,
      title: front.title,
      minutes: front.minutes ?? computed,
      objectives: front.objectives,
      html,
      ...(front.quiz ? { quiz: front.quiz } : {}),
      references,
    },
  };
}

export interface ParsedQuiz {
  quiz?: Quiz;
  source: YamlSource;
  problems: ContentProblem[];
  /** Its dated statements (`{as of 2026-01}` in any text), for the build's date rules. */
  asOf: AsOfMark[];
  /** Dates typed as text, which the build cannot check. */
  warnings: ContentProblem[];
}

/**
 * A quiz's text with each `{as of …}` resolved to the words learners read ("as of January
 * 2026"), and each date recorded at the line of its field, as in a lesson; a date typed as
 * text is a warning. Walks the validated data, before a question's build step.
 */
function resolveQuizDates<T>(
  value: T,
  path: PropertyKey[],
  source: YamlSource,
  found: Pick<ParsedQuiz, 'asOf' | 'problems' | 'warnings'>,
): T {
  if (typeof value === 'string') {
    if (!value.includes('{') && !PLAIN_AS_OF.test(value)) return value;
    return resolveAsOfText(value, { file: source.file, line: source.lineOf(path), field: fieldPath(path) }, found) as T;
  }
  if (Array.isArray(value)) return value.map((v: unknown, i) => resolveQuizDates(v, [...path, i], source, found)) as T;
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveQuizDates(v, [...path, k], source, found)])) as T;
  return value;
}

/**
 * A quiz file: validated, then each question's type does its build step (reading a figure).
 * `readBeside` reads a file named relative to the quiz file (null when there is none).
 */
export function parseQuiz(file: string, text: string, readBeside: (name: string) => string | null = () => null): ParsedQuiz {
  const source = new YamlSource(file, text);
  const checked = source.validate(quizSchema);
  if (!checked) return { source, problems: source.problems, asOf: [], warnings: [] };
  const dated: Pick<ParsedQuiz, 'asOf' | 'problems' | 'warnings'> = { asOf: [], problems: source.problems, warnings: [] };
  const validated = resolveQuizDates(checked, [], source, dated);
  const questions = validated.questions.map((q, i) => {
    const build = kindOf(q).compile;
    return build ? build(q, { readFile: readBeside, report: (path, message) => source.report(['questions', i, ...path], message) }) : q;
  });
  const data = { ...validated, questions };
  return {
    source,
    problems: source.problems,
    asOf: dated.asOf,
    warnings: dated.warnings,
    quiz: {
      id: data.id,
      title: data.title,
      passMark: data.pass_mark,
      graded: data.graded,
      questions: data.questions,
      draw: data.draw ?? null,
      drawPerObjective: data.draw_per_objective ?? null,
      blueprint: data.blueprint.map((b) => ({
        objective: b.objective,
        draw: b.draw ?? data.draw_per_objective ?? 1,
        always: b.always,
        oneOf: b.one_of,
        critical: b.critical,
      })),
      shuffleQuestions: data.shuffle_questions,
      shuffleChoices: data.shuffle_choices,
      attempts: data.attempts === 'unlimited' ? null : data.attempts,
      counts: data.counts,
      feedback: data.feedback,
      review: data.review,
      timeLimitMinutes: data.time_limit_minutes ?? null,
    },
  };
}

/** Reads files named relative to `file` (in `root`), for the quiz's build step; never outside `root`. Their paths go into `read`, for the watcher. */
export function besideIn(root: string, file: string, read: string[] = []): (name: string) => string | null {
  return (name) => {
    const path = normalize(join(dirname(file), name));
    if (path.startsWith('..')) return null;
    read.push(join(root, path));
    try {
      return readFileSync(join(root, path), 'utf8');
    } catch {
      return null;
    }
  };
}

export function listFiles(dir: string, ext: RegExp): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => ext.test(f))
      .sort();
  } catch {
    return [];
  }
}

/**
 * The lessons' text and the quizzes alone, for the item-quality check without the rest
 * of the course (`npm run check-items`). Problems are those of parsing these files.
 */
export function readItemBank(root: string): { quizzes: CheckedQuiz[]; lessons: LessonText[]; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const read = (file: string) => readFileSync(join(root, file), 'utf8');
  const lessons = listFiles(join(root, 'lessons'), /\.md$/).flatMap((name) => {
    const parsed = parseLesson(`lessons/${name}`, read(`lessons/${name}`));
    problems.push(...parsed.problems);
    return parsed.lesson ? [{ file: `lessons/${name}`, text: htmlToText(stripCitations(parsed.lesson.html)) }] : [];
  });
  const quizzes = listFiles(join(root, 'quizzes'), /\.ya?ml$/).flatMap((name) => {
    const parsed = parseQuiz(`quizzes/${name}`, read(`quizzes/${name}`), besideIn(root, `quizzes/${name}`));
    problems.push(...parsed.problems);
    return parsed.quiz ? [{ quiz: parsed.quiz, source: parsed.source }] : [];
  });
  return { quizzes, lessons, problems };
}

/** The question as the course runs it: without its level, which only the build reads. */
function withoutLevel<Q extends Question>(q: Q): Q {
  const copy = { ...q };
  delete copy.level;
  return copy;
}

export interface LoadedCourse {
  course: Course;
  manifest: ManifestMetadata;
  /** Every content file read, for the dev server to watch. */
  files: string[];
  /** Item-quality, reading-time, citation and dating warnings: printed by the build, which goes on (the errors fail it). */
  warnings: ContentProblem[];
}

export interface LoadOptions {
  /**
   * The date of the course's last content review (`2026-11-01`). When given, every
   * `{as of …}` statement older than it is a warning: the review has not re-checked it.
   */
  reviewDate?: string;
  /** The course's editorial limits (DEFAULT_RULES when not given). */
  rules?: HouseRules;
  /**
   * The day of the build (`2026-12-05`), from which the age of every dated statement is
   * counted (rules.dated_statement_max_age_months). By default `buildDay()`.
   */
  today?: string;
  /**
   * A build for credit (`npm run package -- --for-credit`): a provider field still the
   * placeholder, dates that offer no credit today, or a credit above the measured time fail it.
   */
  forCredit?: boolean;
}

/**
 * The day the build counts the age of dated statements from: the environment variable
 * COURSE_TODAY when set (`COURSE_TODAY=2027-03-01 npm run check` shows what will be stale
 * then), otherwise the machine's calendar day.
 */
export function buildDay(env: Record<string, string | undefined> = process.env, now = Date.now()): string {
  const given = env['COURSE_TODAY']?.trim();
  if (!given) return localIsoDate(now);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(given) || !isIsoDate(given))
    throw new Error(`COURSE_TODAY="${given}" is not a day: write it as 2026-12-05, or unset it to use today's date`);
  return given;
}

/** What the stages share: the project's root, the files read, and the problems found so far. */
interface Load {
  root: string;
  options: LoadOptions;
  /** Every content file read, for the dev server to watch. */
  files: string[];
  /** Errors in the order found; sorted by file and line before they are thrown. */
  problems: ContentProblem[];
  /** Reads a file relative to the root and remembers it. */
  read(rel: string): string;
}

type LoadedLesson = { lesson: Lesson; source: YamlSource; file: string };
type LoadedQuiz = { quiz: Quiz; source: YamlSource; file: string };

const MANIFEST_FILE = 'imsmanifest.xml';
const COURSE_FILE = 'course.yaml';
const GLOSSARY_FILE = 'lessons/glossary.yaml';

/**
 * Reads, validates and compiles every content file under `root`. Throws a
 * ContentError listing all problems (not just the first) with file, line and field.
 *
 * The stages, in order: read and parse each collection (manifest, course file, lessons,
 * glossary, quizzes); references between files; house rules; item quality; assemble the
 * course; budgets (saved progress, credit). A rule that compares files belongs to the first
 * stage that has them all; each stage after the parse runs only on what parsed.
 */
export async function loadCourse(root: string, options: LoadOptions = {}): Promise<LoadedCourse> {
  const files: string[] = [];
  const load: Load = {
    root,
    options,
    files,
    problems: [],
    read(rel) {
      files.push(join(root, rel));
      return readFileSync(join(root, rel), 'utf8');
    },
  };

  // Read and parse each collection.
  const manifest = await parseManifest(load);
  const courseFile = parseCourseYaml(load);
  const { lessons, warnings: lessonWarnings, asOf: lessonAsOf } = parseLessons(load);
  const glossary = parseGlossary(load);
  for (const { lesson } of lessons) lesson.html = linkGlossaryTerms(lesson.html, glossary.entries);
  const { quizzes, warnings: quizWarnings, asOf: quizAsOf } = parseQuizzes(load);
  if (!lessons.length && !load.problems.some((p) => p.file.startsWith('lessons/'))) {
    load.problems.push({ file: 'lessons/', line: 0, field: '', message: 'holds no lesson: add at least one lessons/*.md file' });
  }
  // A file that failed to parse would make every reference to it look broken (and every rule
  // comparing files wrong): the later stages run only on complete sets.
  const complete = {
    lessons: !load.problems.some((p) => p.file.startsWith('lessons/')),
    quizzes: !load.problems.some((p) => p.file.startsWith('quizzes/')),
  };

  // References between files.
  checkUniqueIds(lessons, quizzes);
  checkReferences(load, lessons, quizzes, courseFile, complete);

  // House rules: the course's editorial limits, the single exam, dated statements.
  const rules = options.rules ?? courseFile?.rules ?? DEFAULT_RULES;
  const ruleWarnings = complete.lessons && complete.quizzes ? checkCourseRules(load, rules, lessons, quizzes, glossary) : [];
  const exam = checkExam(load, quizzes, manifest, complete.quizzes);
  for (const { source } of [...lessons, ...quizzes]) {
    for (const p of source.problems) if (!load.problems.includes(p)) load.problems.push(p);
  }
  const warnings: ContentProblem[] = [...lessonWarnings, ...quizWarnings, ...ruleWarnings];
  warnings.push(...datedStatementWarnings(load, courseFile, [...(courseFile?.asOf ?? []), ...lessonAsOf, ...quizAsOf], rules));

  // Item quality, once every lesson and quiz has parsed: its rules compare the quizzes
  // with each other and with the lessons' text.
  if (complete.lessons && complete.quizzes) warnings.push(...itemQuality(load, lessons, quizzes));

  // Assemble the course (or throw every problem found).
  load.problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  const activity = courseFile?.activity;
  if (load.problems.length || !manifest || !exam || !activity || !courseFile) throw new ContentError(load.problems);
  const course = assemble(manifest, lessons, quizzes, exam, glossary.entries, courseFile, activity);

  // Budgets: what the course needs must fit what SCORM and the credit allow.
  checkSuspendBudget(course, exam);
  warnings.push(...courseFile.warnings);
  warnings.push(...creditBudget(load, course, courseFile));
  return { manifest, files, warnings, course };
}

/** The SCORM 1.2 manifest: valid against its schema, and its metadata (title, mastery score). */
async function parseManifest(load: Load): Promise<ManifestMetadata | undefined> {
  let xml = '';
  try {
    xml = load.read(MANIFEST_FILE);
  } catch {
    load.problems.push({
      file: MANIFEST_FILE,
      line: 0,
      field: '',
      message: 'is missing: the course needs its SCORM 1.2 manifest at the project root',
    });
  }
  if (!xml) return undefined;
  const invalid = await validateManifest(xml, '1.2', MANIFEST_FILE);
  load.problems.push(...invalid);
  if (invalid.length) return undefined;
  const read = readManifestMetadata(xml, MANIFEST_FILE);
  load.problems.push(...read.problems);
  return read.meta;
}

/** The activity information and the evaluation (provider, disclosures, credit, dates). */
function parseCourseYaml(load: Load): ParsedCourseFile | undefined {
  let text = '';
  try {
    text = load.read(COURSE_FILE);
  } catch {
    load.problems.push({
      file: COURSE_FILE,
      line: 0,
      field: '',
      message:
        'is missing: the course needs its activity information (provider, disclosures, credit, dates) at the project root; see docs/ce-provider.md',
    });
  }
  if (!text) return undefined;
  const parsed = parseCourseFile(COURSE_FILE, text);
  load.problems.push(...parsed.problems);
  if (load.options.forCredit) load.problems.push(...creditBuildProblems(parsed, load.options.today ?? buildDay()));
  return parsed;
}

function parseLessons(load: Load): { lessons: LoadedLesson[]; warnings: ContentProblem[]; asOf: AsOfMark[] } {
  const lessons: LoadedLesson[] = [];
  const warnings: ContentProblem[] = [];
  const asOf: AsOfMark[] = [];
  for (const name of listFiles(join(load.root, 'lessons'), /\.md$/)) {
    const file = `lessons/${name}`;
    const parsed = parseLesson(file, load.read(file));
    load.problems.push(...parsed.problems);
    warnings.push(...(parsed.warnings ?? []));
    asOf.push(...(parsed.asOf ?? []));
    if (parsed.lesson && parsed.source) lessons.push({ lesson: parsed.lesson, source: parsed.source, file });
  }
  return { lessons, warnings, asOf };
}

/** The glossary, if any: its terms are linked at their first use in each lesson. */
function parseGlossary(load: Load): { entries: GlossaryEntry[]; text: string } {
  let text = '';
  try {
    text = load.read(GLOSSARY_FILE);
  } catch {
    return { entries: [], text };
  }
  if (!text) return { entries: [], text };
  const source = new YamlSource(GLOSSARY_FILE, text);
  const entries = source.validate(glossarySchema) ?? [];
  load.problems.push(...source.problems);
  return { entries, text };
}

function parseQuizzes(load: Load): { quizzes: LoadedQuiz[]; warnings: ContentProblem[]; asOf: AsOfMark[] } {
  const quizzes: LoadedQuiz[] = [];
  const warnings: ContentProblem[] = [];
  const asOf: AsOfMark[] = [];
  for (const name of listFiles(join(load.root, 'quizzes'), /\.ya?ml$/)) {
    const file = `quizzes/${name}`;
    const parsed = parseQuiz(file, load.read(file), besideIn(load.root, file, load.files));
    load.problems.push(...parsed.problems);
    warnings.push(...parsed.warnings);
    asOf.push(...parsed.asOf);
    if (parsed.quiz) quizzes.push({ quiz: parsed.quiz, source: parsed.source, file });
  }
  return { quizzes, warnings, asOf };
}

/** Lesson, objective and quiz ids are unique in the course (reported in the file of the second). */
function checkUniqueIds(lessons: LoadedLesson[], quizzes: LoadedQuiz[]): void {
  const seen = new Map<string, string>();
  const claim = (id: string, what: string, where: string, report: (m: string) => void) => {
    const other = seen.get(id);
    if (other) report(`"${id}" is already the id of ${other}: ids must be unique in the course`);
    else seen.set(id, `${what} in ${where}`);
  };
  for (const { lesson, source, file } of lessons) {
    claim(lesson.id, 'a lesson', file, (m) => source.report([], m, 'id'));
    lesson.objectives.forEach((o, i) => claim(o.id, 'an objective', file, (m) => source.report(['objectives', i], m, 'id')));
  }
  for (const { quiz, source, file } of quizzes) claim(quiz.id, 'a quiz', file, (m) => source.report([], m, 'id'));
}

/** Every id one file names in another resolves: a lesson's quiz, a question's objectives, a confidence rating's lessons. */
function checkReferences(
  load: Load,
  lessons: LoadedLesson[],
  quizzes: LoadedQuiz[],
  courseFile: ParsedCourseFile | undefined,
  complete: { lessons: boolean; quizzes: boolean },
): void {
  const objectiveIds = new Set(lessons.flatMap(({ lesson }) => lesson.objectives.map((o) => o.id)));
  const quizIds = new Set(quizzes.map(({ quiz }) => quiz.id));
  for (const { lesson, source } of lessons) {
    if (complete.quizzes && lesson.quiz && !quizIds.has(lesson.quiz)) {
      source.report([], `"${lesson.quiz}" is not the id of any quiz in quizzes/ (${[...quizIds].join(', ') || 'none yet'})`, 'quiz');
    }
  }
  for (const { quiz, source } of quizzes) {
    quiz.questions.forEach((q, qi) =>
      q.objectives.forEach((o, oi) => {
        if (complete.lessons && !objectiveIds.has(o))
          source.report(
            ['questions', qi, 'objectives', oi],
            `"${o}" is not the id of any lesson objective (see the objectives in lessons/*.md)`,
          );
      }),
    );
  }

  // A confidence rating asks about each lesson once: its items are the lessons, by id.
  if (!courseFile?.evaluation || !complete.lessons) return;
  const { source } = courseFile;
  const lessonIds = lessons.map(({ lesson }) => lesson.id);
  courseFile.evaluation.questions.forEach((q, qi) => {
    if (q.type !== 'confidence') return;
    const at = ['evaluation', 'questions', qi, 'items'];
    const before = source.problems.length;
    q.items.forEach((item, ii) => {
      if (!lessonIds.includes(item.id))
        source.report(
          [...at, ii],
          `"${item.id}" is not a lesson id: each item rates one lesson, by its id (${lessonIds.join(', ')})`,
          'id',
        );
    });
    const unrated = lessonIds.filter((id) => !q.items.some((item) => item.id === id));
    if (unrated.length)
      source.report(
        at.slice(0, -1),
        `has no item for the lesson${unrated.length > 1 ? 's' : ''} ${unrated.join(', ')}: add one item per lesson`,
        'items',
      );
    load.problems.push(...source.problems.slice(before));
  });
}

/** The course's editorial rules (house-rules.ts), once everything they compare has parsed; returns the warnings. */
function checkCourseRules(
  load: Load,
  rules: HouseRules,
  lessons: LoadedLesson[],
  quizzes: LoadedQuiz[],
  glossary: { entries: GlossaryEntry[]; text: string },
): ContentProblem[] {
  const glossarySource = glossary.text ? new YamlSource(GLOSSARY_FILE, glossary.text) : null;
  const terms = glossary.entries.map((g, i) => ({
    id: g.id,
    term: g.term,
    file: GLOSSARY_FILE,
    line: glossarySource?.lineOf([i], 'term') ?? 0,
  }));
  const found = checkHouseRules(
    rules,
    lessons.map(({ lesson, source, file }) => ({ value: lesson, source, file })),
    quizzes.map(({ quiz, source, file }) => ({ value: quiz, source, file })),
    terms,
  );
  load.problems.push(...found.errors);
  return found.warnings;
}

/** Exactly one quiz is graded, and its pass mark is the manifest's mastery score; returns it. */
function checkExam(load: Load, quizzes: LoadedQuiz[], manifest: ManifestMetadata | undefined, complete: boolean): LoadedQuiz | undefined {
  const graded = quizzes.filter(({ quiz }) => quiz.graded);
  if (!complete) {
    // reported by the parse
  } else if (quizzes.length && graded.length !== 1) {
    const where = graded[1] ?? quizzes[0];
    if (where)
      where.source.report(
        [],
        `exactly one quiz must be graded (it sets the course score); found ${graded.length}: ${graded.map((g) => g.file).join(', ') || 'none'}`,
        'graded',
      );
  } else if (!quizzes.length) {
    load.problems.push({
      file: 'quizzes/',
      line: 0,
      field: '',
      message: 'holds no quiz: add a graded quiz (graded: true) in quizzes/*.yaml',
    });
  }
  const exam = graded[0];
  if (exam && manifest && exam.quiz.passMark !== manifest.masteryScore) {
    exam.source.report(
      [],
      `${exam.quiz.passMark} differs from adlcp:masteryscore ${manifest.masteryScore} in imsmanifest.xml:${manifest.masteryScoreLine}; LMSs grade with the manifest's number, so make the two the same`,
      'pass_mark',
    );
  }
  return exam;
}

/**
 * Statements dated before the last content review were not re-checked by it; statements
 * nobody has re-checked for longer than the course allows are counted from today.
 */
function datedStatementWarnings(
  load: Load,
  courseFile: ParsedCourseFile | undefined,
  asOf: AsOfMark[],
  rules: HouseRules,
): ContentProblem[] {
  const warnings: ContentProblem[] = [];
  const reviewDate = load.options.reviewDate ?? courseFile?.activity?.reviewDate ?? null;
  if (reviewDate) warnings.push(...staleAsOfWarnings(asOf, reviewDate));
  warnings.push(...tooOldAsOfWarnings(asOf, load.options.today ?? buildDay(), rules.datedStatementMaxAgeMonths));
  return warnings;
}

/** The item-writing rules (item-quality.ts): errors stop the build, warnings are returned. */
function itemQuality(load: Load, lessons: LoadedLesson[], quizzes: LoadedQuiz[]): ContentProblem[] {
  const { findings } = checkItemQuality(
    quizzes,
    lessons.map(({ lesson, file }) => ({ file, text: htmlToText(stripCitations(lesson.html)) })),
  );
  load.problems.push(...findings.filter((f) => f.severity === 'error'));
  return findings.filter((f) => f.severity === 'warning');
}

function assemble(
  manifest: ManifestMetadata,
  lessons: LoadedLesson[],
  quizzes: LoadedQuiz[],
  exam: LoadedQuiz,
  glossary: GlossaryEntry[],
  courseFile: ParsedCourseFile,
  activity: Course['activity'],
): Course {
  return {
    id: manifest.identifier,
    title: manifest.title,
    passMark: manifest.masteryScore,
    lessons: lessons.map((l) => l.lesson),
    // A question's level is for the item-quality check: the course runs without it.
    quizzes: quizzes.map(({ quiz }) => ({ ...quiz, questions: quiz.questions.map(withoutLevel) })),
    gradedQuiz: exam.quiz.id,
    glossary: glossary
      .map((g): GlossaryTerm => ({ id: g.id, term: g.term, definition: g.definition }))
      .sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' })),
    evaluation: courseFile.evaluation ?? null,
    activity,
  };
}

/**
 * The largest progress the course can save must fit SCORM 1.2's suspend data: a longer
 * exam (more objectives, a larger blueprint draw) or longer ids can outgrow it.
 */
function checkSuspendBudget(course: Course, exam: LoadedQuiz): void {
  const saved = largestSuspendData(course).length;
  if (saved <= SUSPEND_LIMIT) return;
  const ids = [...exam.quiz.questions]
    .sort((a, b) => b.id.length - a.id.length)
    .slice(0, 3)
    .map((q) => `${q.id} (${q.id.length})`);
  throw new ContentError([
    {
      file: exam.file,
      line: exam.source.lineOf([], 'questions'),
      field: 'questions',
      message: `an attempt can draw ${largestDraw(exam.quiz)} questions, and the course's saved progress at its largest would take ${saved} of the ${SUSPEND_LIMIT} characters SCORM 1.2 keeps: shorten the longest question and choice ids (e.g. ${ids.join(', ')}) or draw fewer questions`,
    },
  ]);
}

/**
 * Credit is designated from the measured learning time, never above it: a warning, and an
 * error in a build for credit. Returns the warnings.
 */
function creditBudget(load: Load, course: Course, courseFile: ParsedCourseFile): ContentProblem[] {
  const warnings: ContentProblem[] = [];
  const minutes = estimatedMinutes(course);
  const supported = creditHours(minutes);
  for (const [i, credit] of (Array.isArray(course.activity.credit) ? course.activity.credit : []).entries()) {
    if (credit.amount <= supported) continue;
    warnings.push({
      file: COURSE_FILE,
      line: courseFile.source.lineOf(['credit', i, 'amount']),
      field: `credit[${i}].amount`,
      message: `${credit.amount} is more than the ${supported} hours the measured learning time supports (${minutes} minutes, rounded down to the quarter hour; see docs/authors.md#learning-time): designate ${supported} or less`,
    });
  }
  if (load.options.forCredit && warnings.length)
    throw new ContentError(warnings.map((w) => ({ ...w, message: `${w.message} (a build for credit, ${FOR_CREDIT})` })));
  return warnings;
}
