/**
 * The content contract: rules any valid course content obeys, whatever an author changed. They
 * run on the shipped content and on a copy with a new author's edits, as docs/authors.md allows them (a seventh
 * lesson of two objectives, its check, four exam items, pass mark 75, course.yaml filled in), so
 * an author's valid edit can break none of them. Numbers come from the content files.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { unzipSync, strFromU8 } from 'fflate';
import { parseCourseFile, PLACEHOLDER } from '../../src/content/course-file.ts';
import { formatProblem } from '../../src/content/errors.ts';
import { checkItemQuality } from '../../src/content/item-quality.ts';
import { loadCourse, readItemBank } from '../../src/content/load-course.ts';
import { QUESTION_TYPES } from '../../src/course/question-types/index.ts';
import { buildPackages } from '../../src/package/build-packages.ts';
import { linkProject, NEW_AUTHOR, newAuthorCopy } from '../support/new-author.ts';
import { FIXTURE, ROOT } from '../support/paths.ts';

// A day the shipped dated statements are current: their age is checked in citations.spec.ts.
const TODAY = '2026-02-01';

function contract(name: string, root: () => string): void {
  test.describe(`${name}: the content contract`, () => {
    test('builds with no warning but placeholders, every question type in the exam, checks with immediate feedback', async () => {
      const { course, warnings } = await loadCourse(root(), { today: TODAY });
      expect(warnings.filter((w) => !/is still the placeholder/.test(w.message)).map(formatProblem)).toEqual([]);
      const exam = course.quizzes.find((q) => q.graded);
      expect(new Set(exam?.questions.map((q) => q.type))).toEqual(new Set(QUESTION_TYPES));
      for (const quiz of course.quizzes.filter((q) => !q.graded)) expect(quiz.feedback, quiz.id).toBe('immediate');
      // Every lesson has its check, and the exam assesses every objective of every lesson.
      const assessed = new Set(exam?.questions.flatMap((q) => q.objectives));
      for (const lesson of course.lessons) for (const o of lesson.objectives) expect(assessed.has(o.id), o.id).toBe(true);
    });

    test('the exam pass mark is the manifest mastery score', () => {
      const manifest = readFileSync(join(root(), 'imsmanifest.xml'), 'utf8');
      const exam = readFileSync(join(root(), 'quizzes/final-exam.yaml'), 'utf8');
      const mastery = /<adlcp:masteryscore>([\d.]+)</.exec(manifest)?.[1];
      expect(/^pass_mark: (\d+)$/m.exec(exam)?.[1]).toBe(mastery);
    });

    test('the question bank has no item-quality errors', () => {
      const { quizzes, lessons, problems } = readItemBank(root());
      expect(problems.map(formatProblem)).toEqual([]);
      expect(
        checkItemQuality(quizzes, lessons)
          .findings.filter((f) => f.severity === 'error')
          .map(formatProblem),
      ).toEqual([]);
    });

    test('course.yaml asks what accreditors expect and lists each placeholder at its line', () => {
      const text = readFileSync(join(root(), 'course.yaml'), 'utf8');
      const parsed = parseCourseFile('course.yaml', text);
      expect(parsed.problems).toEqual([]);
      const required = (parsed.evaluation?.questions ?? []).filter((q) => q.required).map((q) => q.id);
      for (const id of ['objectives_met', 'free_of_bias', 'relevant_to_practice', 'practice_change']) expect(required).toContain(id);
      const written = text.split('\n').flatMap((l, i) => (new RegExp(`^\\s*[a-z_]+: ${PLACEHOLDER}$`).test(l) ? [i + 1] : []));
      expect(parsed.warnings.map((w) => w.line)).toEqual(written);
    });
  });
}

contract('shipped content', () => ROOT);

let dir = '';
test.describe('the new-author task', () => {
  test.describe.configure({ mode: 'serial' });
  test.beforeAll(() => {
    dir = newAuthorCopy();
  });
  test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('the edited copy holds the edit: seven lessons, pass mark 75, the provider, an optional question', async () => {
    const { course } = await loadCourse(dir, { today: TODAY });
    expect(course.lessons.length).toBe((await loadCourse(FIXTURE, { today: TODAY })).course.lessons.length + 1);
    expect(course.lessons.at(-1)?.title).toBe(NEW_AUTHOR.lessonTitle);
    expect(course.lessons.at(-1)?.objectives.map((o) => o.id)).toEqual(NEW_AUTHOR.objectives);
    expect(course.quizzes.find((q) => q.graded)?.passMark).toBe(NEW_AUTHOR.passMark);
    expect(course.activity.providerName).toBe(NEW_AUTHOR.provider);
    expect(course.activity.releaseDate).toBe(NEW_AUTHOR.releaseDate);
    expect(course.evaluation?.questions.find((q) => q.id === NEW_AUTHOR.evaluationQuestion)?.required).toBe(false);
  });

  contract('edited copy', () => dir);

  test('the edited copy packages, as npm run package does, with the new lesson and pass mark in every zip', async () => {
    test.setTimeout(240_000);
    linkProject(dir);
    const packages = await buildPackages(dir, () => {});
    expect(packages.map((p) => p.version).sort()).toEqual(['1.2', '2004', 'cmi5']);
    for (const p of packages) {
      const files = unzipSync(readFileSync(p.zip));
      const html = strFromU8(files['index.html'] as Uint8Array);
      expect(html).toContain(NEW_AUTHOR.lessonTitle);
      if (p.version === 'cmi5') {
        expect(strFromU8(files['cmi5.xml'] as Uint8Array)).toContain(`masteryScore="${NEW_AUTHOR.passMark / 100}"`);
        continue;
      }
      const manifest = strFromU8(files['imsmanifest.xml'] as Uint8Array);
      expect(manifest).toContain(
        p.version === '1.2' ? `<adlcp:masteryscore>${NEW_AUTHOR.passMark}<` : `<imsss:minNormalizedMeasure>${NEW_AUTHOR.passMark / 100}<`,
      );
    }
  });
});
