import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type FrameLocator, type Locator, type Page } from '@playwright/test';
import { correctAnswer } from '../../src/course/questions.ts';
import type { Question, Quiz } from '../../src/course/types.ts';
import { completeEvaluation, courseData, exam } from '../../tests/support/flows.ts';
import { answerShownQuestions, giveAnswer, isCritical, questionGroup, wrongAnswer } from '../../tests/support/learner.ts';
import { activity, distZip, HERE, login, newLearner, openActivity, record, type Preset } from './lab.ts';

/**
 * Screenshots of the course as a learner meets it in Moodle: a new learner opens the activity and goes
 * through the course once (start, a lesson's care card, a knowledge check after checking, the exam's
 * question, navigator and summary, a failed attempt, a critical miss, a pass, the evaluation, the
 * certificate and its PDF, exit). Each screen is taken in light and in dark (prefers-color-scheme).
 * Written against headings and button names, so a new exam layout (one question per page, other panels)
 * still runs: a screen it cannot reach is listed as missing and the run goes on.
 */
const SIZES = {
  laptop: { width: 1366, height: 768 },
  phone: { width: 390, height: 844 },
} as const;
type Size = keyof typeof SIZES;
const SCHEMES = ['light', 'dark'] as const;

/** `SHOTS_ACTIVITIES="default:10,recommended:11"` uses existing activities; otherwise the presets are (re)made from dist/. */
function activities(): { label: string; cmid: number }[] {
  const given = process.env.SHOTS_ACTIVITIES;
  if (given)
    return given.split(',').map((pair) => {
      const [label = '', cmid = ''] = pair.split(':');
      return { label, cmid: Number(cmid) };
    });
  const version = process.env.SHOTS_SCORM === '2004' ? '2004' : '12';
  const zip = distZip(version);
  const presets = (process.env.SHOTS_PRESETS ?? 'default,recommended').split(',') as Preset[];
  const made = presets.map((preset) => ({
    label: preset,
    cmid: activity(`Lab ${version === '12' ? '1.2' : '2004'}: ${preset}`, zip, preset),
  }));
  // Playwright loads this file in the runner and again in the worker, which inherits the runner's
  // environment: the zip is uploaded once.
  process.env.SHOTS_ACTIVITIES = made.map((a) => `${a.label}:${a.cmid}`).join(',');
  return made;
}
const sizes = (process.env.SHOTS_SIZES ?? 'laptop,phone').split(',') as Size[];
const OUT = process.env.SHOTS_OUT ?? join(HERE, 'out', 'shots');

class Shooter {
  readonly missing: string[] = [];
  private n = 0;
  constructor(
    private readonly player: Page,
    private readonly dir: string,
  ) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  }
  /** The learner's window in each colour scheme, with Moodle's page scrolled back to its top. */
  async shot(name: string): Promise<void> {
    this.n += 1;
    await this.player.evaluate(() => window.scrollTo(0, 0));
    for (const scheme of SCHEMES) {
      await this.player.emulateMedia({ colorScheme: scheme });
      await this.player.waitForTimeout(250);
      await this.player.screenshot({ path: join(this.dir, `${String(this.n).padStart(2, '0')}-${name}-${scheme}.png`) });
    }
    await this.player.emulateMedia({ colorScheme: 'light' });
  }
  /** Runs one step; a step that fails (a screen the build does not have) is noted and skipped. */
  async step(name: string, run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (e) {
      // What the screen was when the step gave up, to see what the build shows instead.
      this.missing.push(`${name}: ${String(e).split('\n').slice(0, 4).join(' ')}`);
      await this.player.screenshot({ path: join(this.dir, `missing-${name.replace(/\W+/g, '-')}.png`) }).catch(() => undefined);
    }
  }
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Shows the element at the top of the course's own view. */
async function bringUp(el: Locator): Promise<void> {
  await el.evaluate((e) => e.scrollIntoView({ block: 'start' }));
}

/** Opens an item of the course's contents, through the Contents button where it is behind one. */
async function openItem(frame: FrameLocator, title: string): Promise<void> {
  const heading = frame.getByRole('heading', { level: 1, name: title });
  if (await heading.isVisible()) return;
  const toggle = frame.getByRole('button', { name: /^(Show course contents|Contents)$/ });
  if (await toggle.first().isVisible()) await toggle.first().click();
  await frame
    .getByRole('navigation')
    .getByRole('button', { name: new RegExp(`^${escapeRe(title)}( |$)`) })
    .first()
    .click();
  await expect(heading).toBeVisible();
}

async function readLessons(frame: FrameLocator, shooter: Shooter): Promise<void> {
  for (const lesson of (await courseData()).lessons) {
    await openItem(frame, lesson.title);
    const card = frame.locator('lesson-view .care-card').first();
    if (lesson.id === 'stenosis' && (await card.count())) {
      await bringUp(card);
      await shooter.shot('lesson-care-card');
    }
    // The end of the lesson in view, in the frame and in the window (the build in use may judge either).
    await frame.locator('lesson-view .end').evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await expect(frame.getByText('You have read this lesson.')).toBeAttached();
  }
}

/** The questions on screen now: by their data-question ids, else by their prompts. */
async function questionsOnScreen(frame: FrameLocator, quiz: Quiz): Promise<Question[]> {
  const ids = await frame
    .locator('[data-question]')
    .evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => e.getAttribute('data-question') ?? ''));
  if (ids.length) return ids.flatMap((id) => quiz.questions.filter((q) => q.id === id));
  const shown: Question[] = [];
  for (const q of quiz.questions) if (await questionGroup(frame, q).isVisible()) shown.push(q);
  return shown;
}

/**
 * Answers the attempt on screen, page by page (Next) or all at once, wrongly where `wrong` says;
 * `onFirst` runs when the first question is on screen, `onThird` after three answers.
 */
async function answerAttempt(
  frame: FrameLocator,
  quiz: Quiz,
  wrong: (q: Question) => boolean,
  during?: { first?: () => Promise<void>; third?: () => Promise<void> },
): Promise<void> {
  const done = new Set<string>();
  for (let page = 0; page < 200; page++) {
    const shown = (await questionsOnScreen(frame, quiz)).filter((q) => !done.has(q.id));
    if (page === 0) await during?.first?.();
    for (const q of shown) {
      await giveAnswer(frame, q, wrong(q) ? wrongAnswer(q) : correctAnswer(q));
      done.add(q.id);
      if (done.size === 3) await during?.third?.();
    }
    const next = frame.getByRole('button', { name: /^Next( question)?\b/ });
    if ((await next.count()) && (await next.first().isVisible()) && (await next.first().isEnabled())) await next.first().click();
    else break;
  }
}

async function submitAttempt(frame: FrameLocator, onSummary?: () => Promise<void>): Promise<void> {
  const submit = frame.getByRole('button', { name: /^(Submit answers|Review and submit|Check and submit|Finish attempt)/ }).first();
  await submit.click();
  const summary = frame.getByRole('heading', { name: /Check your answers|Summary|before submitting/i }).first();
  await expect(summary).toBeVisible();
  await onSummary?.();
  const now = frame.getByRole('button', { name: /^Submit (answers )?now|^Submit all/ }).first();
  const result = frame.getByRole('heading', { name: /result|You passed|You did not pass|passed/i }).first();
  // Once in a phone run the click left the summary on screen (Moodle's page was moving); it is pressed again then.
  for (let tries = 0; tries < 3 && !(await result.isVisible()); tries++) {
    if (await now.isVisible()) await now.click();
    await result.waitFor({ state: 'visible', timeout: 10_000 }).catch(() => undefined);
  }
  await expect(result).toBeVisible();
}

/** From the exam's introduction or last result to a new attempt. */
async function startAttempt(frame: FrameLocator, quiz: Quiz): Promise<void> {
  await openItem(frame, quiz.title);
  const retry = frame.getByRole('button', { name: /^Try again/ });
  if (await retry.first().isVisible()) await retry.first().click();
  await frame
    .getByRole('button', { name: /^Start( attempt| the exam)?\b/ })
    .first()
    .click();
  await expect(frame.locator('[data-question]').or(frame.getByRole('group')).first()).toBeVisible();
}

async function resultPanel(frame: FrameLocator): Promise<Locator> {
  return frame.getByRole('heading', { name: /result|You passed|You did not pass|passed/i }).first();
}

/**
 * The certificate printed to PDF as the course's own print styles lay it out: Moodle's page is reduced to the
 * course frame for the print (Chromium prints only the top page), then restored. Also a PNG of the print view.
 */
async function printCertificate(player: Page, dir: string): Promise<number> {
  // Everything but the frame and the elements that hold it is taken out, so the print is the frame alone.
  await player.evaluate(() => {
    for (let el = document.querySelector('#scorm_object'); el; el = el.parentElement) el.setAttribute('data-lab-keep', '');
  });
  const style = await player.addStyleTag({
    content:
      'body *:not([data-lab-keep]){display:none!important} [data-lab-keep]{margin:0!important;padding:0!important}' +
      ' #scorm_object{position:fixed!important;inset:0!important;width:100%!important;height:100%!important;z-index:99999;border:0}',
  });
  await player.emulateMedia({ media: 'print', colorScheme: 'light' });
  await player.screenshot({ path: join(dir, 'certificate-print-view.png') });
  const pdf = await player.pdf({ path: join(dir, 'certificate.pdf'), format: 'Letter', printBackground: true });
  await player.emulateMedia({ media: 'screen' });
  await style.evaluate((el) => (el as Element).remove());
  await player.evaluate(() => document.querySelectorAll('[data-lab-keep]').forEach((el) => el.removeAttribute('data-lab-keep')));
  // Pages in the PDF: the certificate is meant to fit one.
  return Number(
    /\/Type\s*\/Pages[^>]*\/Count (\d+)/.exec(pdf.toString('latin1'))?.[1] ?? /\/Count (\d+)/.exec(pdf.toString('latin1'))?.[1] ?? 0,
  );
}

for (const act of activities()) {
  for (const size of sizes) {
    test(`${act.label}, ${size}`, async ({ browser }) => {
      const context = await browser.newContext({ viewport: SIZES[size], colorScheme: 'light' });
      const page = await context.newPage();
      const learner = newLearner('shots');
      await login(page, learner);
      const { player, frame } = await openActivity(page, act.cmid);
      // A new window opened by Enter gets the size Moodle asks for; give it the device's.
      if (player !== page) await player.setViewportSize(SIZES[size]);
      const dir = join(OUT, `${act.label}-${size}`);
      const s = new Shooter(player, dir);
      const course = await courseData();
      // What Moodle recorded after each result (the course commits when an attempt is submitted).
      const records: Record<string, unknown> = {};
      const keep = async (when: string) => {
        await player.waitForTimeout(2000);
        records[when] = record(act.cmid, learner);
      };
      const quiz = await exam();

      await s.step('start', () => s.shot('start'));
      await s.step('lessons', async () => {
        await frame.getByRole('button', { name: /^Start the course/ }).click();
        await readLessons(frame, s);
      });
      await s.step('knowledge check', async () => {
        const check = course.quizzes.find((q) => !q.graded);
        if (!check) throw new Error('no knowledge check');
        await openItem(frame, check.title);
        await answerShownQuestions(frame, check, (q) => q.id === check.questions[0]?.id);
        await bringUp(frame.locator('quiz-view [data-question]').first());
        await s.shot('knowledge-check-checked');
      });
      // A fail (every other question off the critical objectives wrong), a critical miss, then a pass.
      await s.step('exam, failed attempt', async () => {
        await startAttempt(frame, quiz);
        let n = 0;
        await answerAttempt(frame, quiz, (q) => !isCritical(quiz, q) && n++ % 2 === 0, {
          first: () => s.shot('exam-question'),
          third: async () => {
            const list = frame.getByRole('button', { name: /question list|Questions|navigator/i }).first();
            if (await list.isVisible()) {
              await list.click();
              await s.shot('exam-navigator');
              await list.click().catch(() => undefined);
            }
          },
        });
        await submitAttempt(frame, () => s.shot('exam-summary'));
        await bringUp(await resultPanel(frame));
        await s.shot('result-fail');
        await keep('after a failed attempt');
      });
      await s.step('exam, critical miss', async () => {
        await startAttempt(frame, quiz);
        let missed = false;
        await answerAttempt(frame, quiz, (q) => {
          if (missed || !isCritical(quiz, q)) return false;
          missed = true;
          return true;
        });
        await submitAttempt(frame);
        await bringUp(await resultPanel(frame));
        await s.shot('result-critical-miss');
        await keep('after a critical miss');
      });
      await s.step('exam, passed', async () => {
        await startAttempt(frame, quiz);
        await answerAttempt(frame, quiz, () => false);
        await submitAttempt(frame);
        await bringUp(await resultPanel(frame));
        await s.shot('result-pass');
        await keep('after the pass');
      });
      await s.step('evaluation', async () => {
        await frame.getByRole('button', { name: /^Continue: Evaluation/ }).click();
        await expect(frame.getByRole('heading', { level: 1, name: /Evaluat/ })).toBeVisible();
        await s.shot('evaluation');
        await completeEvaluation(frame);
        await keep('after the evaluation');
      });
      await s.step('certificate', async () => {
        await frame
          .getByRole('button', { name: /Certificate/ })
          .first()
          .click();
        await expect(frame.getByRole('heading', { level: 1, name: /certificate/i })).toBeVisible();
        await s.shot('certificate');
        const pages = await printCertificate(player, dir);
        if (pages !== 1) s.missing.push(`certificate: the PDF has ${pages} pages, not 1`);
      });
      await s.step('exit', async () => {
        await frame.getByRole('button', { name: /^Exit course/ }).click();
        await expect(frame.getByRole('heading', { level: 1, name: /left the course|You have left|Exit/i }).first()).toBeVisible();
        await s.shot('exit');
        await keep('after exit');
      });
      writeFileSync(join(dir, 'records.json'), JSON.stringify({ learner, cmid: act.cmid, records }, null, 2) + '\n');
      writeFileSync(join(dir, 'missing.txt'), s.missing.join('\n') + (s.missing.length ? '\n' : ''));
      await context.close();
      console.log(
        `${act.label}, ${size}: ${readdirSync(dir).length} files in ${dir}${s.missing.length ? `; missing: ${s.missing.join('; ')}` : ''}`,
      );
    });
  }
}
