import type { Lesson, Quiz } from '../course/types.ts';
import type { ContentProblem } from './errors.ts';
import type { YamlSource } from './yaml-source.ts';

/**
 * The course's editorial rules: how its parts fit together. Limits are the course's own
 * choices (course.yaml `rules:` may change them); every rule reports at the file and line
 * an author would change. Run by the build, the preview and `npm run check`.
 */
export interface HouseRules {
  /** Learning objectives per lesson. */
  objectivesPerLesson: { min: number; max: number };
  /** Questions in each knowledge check. */
  questionsPerCheck: { min: number; max: number };
  /** Each lesson is followed by a knowledge check. */
  lessonsHaveChecks: boolean;
  /**
   * Exam questions each objective needs at least: never fewer than its draw allows for a
   * choice (the draw plus one), so two attempts can differ.
   */
  examQuestionsPerObjective: number;
  /** Size of the exam's bank. */
  examMinQuestions: number;
  /**
   * Months a dated statement (`{as of 2026-01}`) may go unchecked, counted back from the day
   * of the build: an older one is a warning (load-course.ts).
   */
  datedStatementMaxAgeMonths: number;
}

export const DEFAULT_RULES: HouseRules = {
  objectivesPerLesson: { min: 3, max: 5 },
  questionsPerCheck: { min: 3, max: 5 },
  lessonsHaveChecks: true,
  examQuestionsPerObjective: 2,
  examMinQuestions: 40,
  datedStatementMaxAgeMonths: 6,
};

interface Sourced<T> {
  source: YamlSource;
  file: string;
  value: T;
}

export interface RuleFindings {
  errors: ContentProblem[];
  warnings: ContentProblem[];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function checkHouseRules(
  rules: HouseRules,
  lessons: Sourced<Lesson>[],
  quizzes: Sourced<Quiz>[],
  glossary: { id: string; term: string; line: number; file: string }[],
): RuleFindings {
  const errors: ContentProblem[] = [];
  const warnings: ContentProblem[] = [];
  const exam = quizzes.find((q) => q.value.graded);
  const checksOf = new Map(lessons.map((l) => [l.value.quiz, l]));

  for (const { value: lesson, source, file } of lessons) {
    const n = lesson.objectives.length;
    const { min, max } = rules.objectivesPerLesson;
    if (n < min || n > max) {
      const report = { file, line: source.lineOf([], 'objectives'), field: 'objectives' };
      errors.push({
        ...report,
        message: `lists ${plural(n, 'objective')}; this course gives each lesson ${min} to ${max} (rules.objectives_per_lesson in course.yaml): ${n < min ? 'add objectives, or merge this lesson with another' : 'split the lesson, or combine objectives'}`,
      });
    }
    if (rules.lessonsHaveChecks && !lesson.quiz) {
      errors.push({
        file,
        line: source.lineOf([], 'id'),
        field: 'quiz',
        message:
          'has no knowledge check: add "quiz: <id of a quiz in quizzes/>" to its front matter (every lesson is followed by one; rules.lessons_have_checks in course.yaml)',
      });
    }
    if (!exam) continue;
    const bank = exam.value.questions;
    lesson.objectives.forEach((o, i) => {
      const count = bank.filter((q) => q.objectives.includes(o.id)).length;
      const planned = exam.value.blueprint.find((b) => b.objective === o.id)?.draw ?? exam.value.drawPerObjective ?? 0;
      const needed = Math.max(rules.examQuestionsPerObjective, planned);
      if (count < needed) {
        const why =
          planned >= rules.examQuestionsPerObjective
            ? `every attempt draws ${planned} on it`
            : `each objective needs ${needed} (rules.exam_questions_per_objective in course.yaml)`;
        errors.push({
          file,
          line: source.lineOf(['objectives', i], 'id'),
          field: `objectives[${i}].id`,
          message: `"${o.id}" is assessed by ${plural(count, 'exam question')} in ${exam.file}; ${why}: write ${needed - count} more with "objectives: [${o.id}]"`,
        });
      }
    });
  }

  for (const { value: quiz, source, file } of quizzes) {
    if (quiz.graded) {
      if (quiz.questions.length < rules.examMinQuestions) {
        errors.push({
          file,
          line: source.lineOf([], 'questions'),
          field: 'questions',
          message: `holds ${plural(quiz.questions.length, 'question')}; the exam's bank needs at least ${rules.examMinQuestions} (rules.exam_min_questions in course.yaml), so that attempts differ`,
        });
      }
      continue;
    }
    const { min, max } = rules.questionsPerCheck;
    const n = quiz.questions.length;
    if (checksOf.has(quiz.id) && (n < min || n > max)) {
      errors.push({
        file,
        line: source.lineOf([], 'questions'),
        field: 'questions',
        message: `holds ${plural(n, 'question')}; a knowledge check has ${min} to ${max} (rules.questions_per_check in course.yaml)`,
      });
    }
    if (!checksOf.has(quiz.id)) {
      warnings.push({
        file,
        line: source.lineOf([], 'id'),
        field: 'id',
        message: `"${quiz.id}" is not the knowledge check of any lesson: learners find it only after the last lesson; add "quiz: ${quiz.id}" to the lesson it follows`,
      });
    }
  }

  for (const term of glossary) {
    if (!lessons.some((l) => l.value.html.includes(`data-term="${term.id}"`))) {
      warnings.push({
        file: term.file,
        line: term.line,
        field: 'term',
        message: `"${term.term}" is used in no lesson, so no lesson links to it: use the term (or add the form the lessons use to its aliases), or remove it`,
      });
    }
  }
  return { errors, warnings };
}
