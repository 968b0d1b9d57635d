import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type FrameLocator } from '@playwright/test';
import { correctAnswer } from '../../src/course/questions.ts';
import { seededRandom } from '../../src/course/random.ts';
import type { Answer, Question, Quiz } from '../../src/course/types.ts';
import { courseData, exam } from '../../tests/support/flows.ts';
import { giveAnswer, wrongAnswer } from '../../tests/support/learner.ts';
import { activity, distZip, HERE, LAB, login, openActivity } from './lab.ts';

/**
 * A cohort of made-up learners of mixed ability takes the SCORM 1.2 package in one activity, so the
 * coordinator's report (npm run report) has real Moodle downloads to read. Each learner answers each
 * question right with a probability set by their ability (a logistic model, every item of difficulty 0);
 * guessers pick at random. COHORT_TRUE_KEY ("question=option") names a deliberately miskeyed item: learners
 * who know the answer give that option, which the content of the copy marks wrong, so the analysis must flag it.
 *
 *   COHORT_ACTIVITY  activity name (default "Lab: report rpt"), made or updated from dist/'s 1.2 zip
 *   COHORT_SIZE      learners (default 32); COHORT_SEED the seed of their answers
 *   COHORT_LOG       where each learner's planned ability is appended (default out/cohort.jsonl)
 */
const NAMES = [
  ['Avery', 'Quinlan'],
  ['Bianca', 'Morales'],
  ['Caleb', 'Thornbury'],
  ['Dana', 'Okonkwo'],
  ['Elif', 'Sandoval'],
  ['Farid', 'Lindqvist'],
  ['Greta', 'Abernathy'],
  ['Hiro', 'Castellanos'],
  ['Imani', 'Whitcombe'],
  ['Jonas', 'Pereira'],
  ['Kira', 'Dunmore'],
  ['Luis', 'Fairweather'],
  ['Mina', 'Kowalczyk'],
  ['Noah', 'Ashdown'],
  ['Odette', 'Raman'],
  ['Pavel', 'Greenhalgh'],
  ['Quincy', 'Almeida'],
  ['Rosa', 'Vantongeren'],
  ['Samir', 'Holloway'],
  ['Tessa', 'Iwasaki'],
  ['Umar', 'Bellweather'],
  ['Vera', 'Nakashima'],
  ['Wes', 'Oyelaran'],
  ['Xenia', 'Marchetti'],
  ['Yusuf', 'Calloway'],
  ['Zoe', 'Hartigan'],
  ['Ansel', 'Mbeki'],
  ['Brigid', 'Tanaka'],
  ['Cyrus', 'Delacroix'],
  ['Delia', 'Fenwick'],
  ['Emeka', 'Rourke'],
  ['Freya', 'Solberg'],
] as const;

/** Ability by place in the cohort: strong, average, weak and guessing learners, interleaved. */
const ABILITY = [3, 1.2, 0.3, -9] as const;
const abilityOf = (i: number) => ABILITY[[0, 1, 1, 2, 0, 1, 2, 3][i % 8] as number] as number;

const size = Number(process.env.COHORT_SIZE ?? 32);
const seed = Number(process.env.COHORT_SEED ?? 2026);
const LOG = process.env.COHORT_LOG ?? join(HERE, 'out', 'cohort.jsonl');
const trueKey = new Map(
  (process.env.COHORT_TRUE_KEY ?? '')
    .split(',')
    .filter(Boolean)
    .map((pair) => pair.split('=') as [string, string]),
);

function cmid(): number {
  const given = process.env.COHORT_CMID;
  if (given) return Number(given);
  const made = activity(process.env.COHORT_ACTIVITY ?? 'Lab: report rpt', distZip('12'), 'recommended');
  // The worker inherits the runner's environment: the zip is uploaded once.
  process.env.COHORT_CMID = String(made);
  return made;
}

function namedLearner(username: string, first: string, last: string): void {
  execFileSync('php', [join(HERE, 'learner.php'), LAB.moodle, String(LAB.course), username, LAB.password, first, last], {
    encoding: 'utf8',
    env: { ...process.env, PHP_INI_SCAN_DIR: LAB.phpIni },
  });
}

/** The answer of a learner who knows it: the content's key, or the true key of a miskeyed item. */
const knownAnswer = (q: Question): Answer => {
  const known = trueKey.get(q.id);
  return known ? [known] : correctAnswer(q);
};

/** A guess: a random option of a single-choice or true/false question, else a wrong answer most of the time. */
function guess(q: Question, random: () => number): Answer {
  if (q.type === 'single') return [q.choices[Math.floor(random() * q.choices.length)]?.id ?? ''];
  if (q.type === 'true_false') return [String(random() < 0.5)];
  return random() < 0.2 ? correctAnswer(q) : wrongAnswer(q);
}

async function answerAttempt(frame: FrameLocator, quiz: Quiz, answer: (q: Question) => Answer): Promise<void> {
  await expect(frame.locator('quiz-view [data-jump]').first()).toBeAttached();
  const order = await frame.locator('quiz-view [data-jump]').evaluateAll((els) => els.map((e) => e.getAttribute('data-jump') ?? ''));
  for (const [i, id] of order.entries()) {
    const q = quiz.questions.find((x) => x.id === id);
    if (!q) throw new Error(`question ${id} is not in the content`);
    await giveAnswer(frame, q, answer(q));
    const next = frame.locator('quiz-view .pager').getByRole('button', { name: 'Next', exact: true });
    if (i < order.length - 1) await next.click();
  }
  const submit = frame.getByRole('button', { name: 'Submit answers', exact: true });
  await submit.click();
  await frame.getByRole('button', { name: 'Submit answers now' }).click();
  await expect(frame.getByRole('heading', { name: /^You (passed|did not pass)$/ })).toBeVisible();
}

const COMMENTS = [
  'Ask every caller about bladder changes and saddle numbness.',
  'Send stem-cell questions to the clinician instead of answering myself.',
  'Check the FDA list before repeating what an ad says.',
  'Use the after-injection checklist on every follow-up call.',
  'Nothing new for me: I already work from the red-flag script.',
];

for (let i = 0; i < size; i++) {
  const [first, last] = NAMES[i % NAMES.length] as readonly [string, string];
  test(`learner ${i + 1}: ${first} ${last}`, async ({ browser }) => {
    const id = cmid();
    const random = seededRandom(seed * 1000 + i);
    const theta = abilityOf(i);
    const pRight = 1 / (1 + Math.exp(-theta));
    const username = `rpt${first}${last}${seed}`.toLowerCase().replace(/[^a-z0-9]/g, '');
    namedLearner(username, first, last);
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await login(page, username);
    const { frame } = await openActivity(page, id);
    const course = await courseData();
    const quiz = await exam();
    await frame.getByRole('button', { name: /^Start the course/ }).click();
    for (const lesson of course.lessons) {
      await frame
        .getByRole('navigation')
        .getByRole('button', { name: new RegExp(`^${lesson.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `) })
        .click();
      await frame.locator('lesson-view .end').evaluate((el) => el.scrollIntoView({ block: 'end' }));
      await expect(frame.getByText('You have read this lesson.')).toBeAttached();
    }
    let passed = false;
    let attempts = 0;
    // Weak learners and guessers give up after two failed attempts; the others use every attempt allowed.
    const allowed = Math.min(theta < 0 ? 2 : 3, quiz.attempts ?? 3);
    for (; attempts < allowed && !passed; attempts++) {
      await frame
        .getByRole('navigation')
        .getByRole('button', { name: new RegExp(`^${quiz.title} `) })
        .click();
      const retry = frame.getByRole('button', { name: /^Try again/ });
      if (await retry.first().isVisible()) await retry.first().click();
      await frame.getByRole('button', { name: 'Start', exact: true }).click();
      await answerAttempt(frame, quiz, (q) => (random() < pRight ? knownAnswer(q) : guess(q, random)));
      passed = await frame.getByRole('heading', { name: 'You passed' }).isVisible();
    }
    if (passed) {
      await frame.getByRole('button', { name: 'Continue: Evaluation' }).click();
      await expect(frame.getByRole('heading', { level: 1, name: 'Evaluate this activity' })).toBeVisible();
      const groups = frame.locator('evaluation-view fieldset');
      for (let g = 0; g < (await groups.count()); g++) {
        const radios = groups.nth(g).locator('input[type=radio]');
        const n = await radios.count();
        if (n) await radios.nth(Math.min(n - 1, Math.max(0, n - 1 - Math.floor(random() * (theta > 2 ? 2 : 4))))).check();
        else if (g === (await groups.count()) - 1 && random() < 0.6)
          continue; // the optional comment, often left empty
        else
          await groups
            .nth(g)
            .locator('textarea')
            .fill(COMMENTS[Math.floor(random() * COMMENTS.length)] as string);
      }
      await frame.getByRole('button', { name: 'Submit evaluation' }).click();
      await expect(frame.getByRole('heading', { name: 'Thank you' })).toBeVisible();
    }
    await frame.getByRole('button', { name: /^Exit course/ }).click();
    await page.waitForTimeout(1500);
    mkdirSync(join(HERE, 'out'), { recursive: true });
    appendFileSync(LOG, JSON.stringify({ username, first, last, theta, attempts, passed, cmid: id }) + '\n');
    await context.close();
  });
}
