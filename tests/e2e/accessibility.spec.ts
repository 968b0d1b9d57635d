import AxeBuilder from '@axe-core/playwright';
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { afterPaint, launchCourse, lmsCalls, lmsData } from '../support/lms.ts';
import { strictViolations } from '../support/strict-scorm.ts';
import {
  completeEvaluation,
  courseData,
  exam,
  finishExam,
  goToCertificate,
  openFromMenu,
  readAllLessons,
  shownOrder,
  startExam,
} from '../support/flows.ts';
import { answerShownQuestions, giveAnswer, goToQuestion, isCritical } from '../support/learner.ts';
import { showComponentSample } from '../support/components-sample.ts';
import { correctAnswer } from '../../src/course/questions.ts';
import { join } from 'node:path';
import type { HostConfig } from '../../src/preview/lms-host.ts';
import { ROOT } from '../support/paths.ts';
import { chooseScheme, courseScheme } from '../support/color-scheme.ts';

/** WCAG 2.1 A and AA rules, checked inside the course frame only (the preview LMS is not ours). */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include('#frame').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Opens the lesson with that id from the course contents. */
async function openLesson(frame: FrameLocator, id: string): Promise<void> {
  const lesson = (await courseData()).lessons.find((l) => l.id === id);
  if (!lesson) throw new Error(`no lesson ${id}`);
  await frame.getByRole('button', { name: 'Start the course' }).click();
  await openFromMenu(frame, lesson.title);
}

/** Starts the exam, answers its first three questions and flags the second and the fifth. */
async function answerSomeAndFlag(frame: FrameLocator): Promise<void> {
  const quiz = await startExam(frame);
  for (const id of (await shownOrder(frame)).slice(0, 3)) {
    const q = quiz.questions.find((x) => x.id === id);
    if (q) await giveAnswer(frame, q, correctAnswer(q));
  }
  for (const n of [2, 5]) {
    await goToQuestion(frame, n);
    await frame.getByRole('button', { name: `Flag for review: question ${n}`, exact: true }).click();
  }
}

/** Each screen the learner can meet, reached as a learner would. */
const SCREENS: { name: string; config?: HostConfig; reach: (frame: FrameLocator, page: Page) => Promise<void> }[] = [
  { name: 'start', reach: async () => {} },
  {
    name: 'lesson with diagram',
    reach: async (frame) => {
      const first = (await courseData()).lessons[0];
      await frame.getByRole('button', { name: 'Start the course' }).click();
      await expect(frame.getByRole('heading', { level: 1, name: first?.title })).toBeVisible();
      await frame.locator('figure.diagram details summary').click();
    },
  },
  {
    name: 'lesson with an emergency care card, warning callout and inset text (lesson 2)',
    reach: (frame) => openLesson(frame, 'stenosis'),
  },
  { name: 'lesson with a warning callout and inset text (lesson 4)', reach: (frame) => openLesson(frame, 'clinic_therapy') },
  { name: "lesson with an urgent care card, do and don't lists and inset text (lesson 6)", reach: (frame) => openLesson(frame, 'risks') },
  {
    name: 'every content component, the expander open',
    reach: async (frame) => {
      await frame.getByRole('button', { name: 'Start the course' }).click();
      await showComponentSample(frame);
      await frame.locator('lesson-view details.details summary').click();
    },
  },
  {
    name: 'knowledge check with feedback',
    reach: async (frame) => {
      const course = await courseData();
      const check = course.quizzes.find((q) => !q.graded);
      if (!check) throw new Error('no knowledge check');
      await frame.getByRole('button', { name: 'Start the course' }).click();
      await openFromMenu(frame, check.title);
      await answerShownQuestions(frame, check, (q) => q.id === check.questions[0]?.id);
    },
  },
  {
    name: 'exam with timer',
    reach: async (frame) => {
      await frame.getByRole('button', { name: 'Start the course' }).click();
      await startExam(frame);
    },
  },
  {
    name: 'exam question list, with answered and flagged questions',
    reach: async (frame) => {
      await frame.getByRole('button', { name: 'Start the course' }).click();
      await answerSomeAndFlag(frame);
      await frame.locator('quiz-view .bar .toggle').click();
      await expect(frame.getByRole('navigation', { name: 'Questions' })).toBeVisible();
    },
  },
  {
    name: 'check your answers before submitting',
    reach: async (frame) => {
      await frame.getByRole('button', { name: 'Start the course' }).click();
      await answerSomeAndFlag(frame);
      await frame.locator('quiz-view .bar .toggle').click();
      await frame.getByRole('button', { name: 'Check your answers and submit' }).click();
      await expect(frame.getByRole('heading', { name: 'Check your answers before submitting' })).toBeVisible();
    },
  },
  {
    name: 'exam result and review',
    reach: async (frame) => {
      await frame.getByRole('button', { name: 'Start the course' }).click();
      await startExam(frame);
      await finishExam(frame);
    },
  },
  {
    name: 'evaluation with a missing answer',
    reach: async (frame) => {
      await frame.getByRole('button', { name: 'Start the course' }).click();
      await readAllLessons(frame);
      await startExam(frame);
      await finishExam(frame);
      await frame.getByRole('button', { name: 'Continue: Evaluation' }).click();
      await frame.getByRole('button', { name: 'Submit evaluation' }).click();
      await expect(frame.getByRole('alert').filter({ has: frame.getByRole('heading', { name: 'There is a problem' }) })).toBeVisible();
    },
  },
  {
    name: 'certificate',
    reach: async (frame) => {
      await frame.getByRole('button', { name: 'Start the course' }).click();
      await readAllLessons(frame);
      await startExam(frame);
      await finishExam(frame);
      await goToCertificate(frame);
    },
  },
  {
    name: 'glossary',
    reach: async (frame) => {
      await frame.getByRole('button', { name: 'Start the course' }).click();
      await frame.locator('lesson-view a.term').first().click();
      await expect(frame.getByRole('heading', { level: 1, name: 'Glossary' })).toBeVisible();
    },
  },
  { name: 'about this activity', reach: async (frame) => openFromMenu(frame, 'About this activity') },
  { name: 'notice: no LMS', config: { noApi: true }, reach: async () => {} },
  { name: 'notice: LMS refused', config: { refuseInitialize: true }, reach: async () => {} },
  {
    name: 'exited',
    reach: async (frame) => {
      await frame.getByRole('button', { name: 'Exit course' }).click();
      await expect(frame.getByRole('heading', { name: 'You have left the course' })).toBeVisible();
    },
  },
];

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} colour scheme`, () => {
    test.use({ colorScheme: scheme });
    for (const screen of SCREENS) {
      test(`axe finds no WCAG 2.1 AA violation: ${screen.name}`, async ({ page }) => {
        await chooseScheme(page, scheme);
        const frame = await launchCourse(page, '12', screen.config ?? {});
        expect((await courseScheme(frame)).scheme).toBe(scheme);
        await screen.reach(frame, page);
        expect(await violations(page)).toEqual([]);
      });
    }
  });
}

for (const version of ['12', '2004'] as const)
  test(`SCORM ${version === '12' ? '1.2' : '2004'}: the certificate shows the name from the LMS as "First Last" and the real score, also after a relaunch`, async ({
    page,
  }) => {
    const nameKey = version === '12' ? 'cmi.core.student_name' : 'cmi.learner_name';
    const frame = await launchCourse(page, version, { cmi: { [nameKey]: 'Okafor, Adaeze' } });
    await frame.getByRole('button', { name: 'Start the course' }).click();
    await readAllLessons(frame);
    await startExam(frame);
    const quiz = await exam();
    await finishExam(frame, (q) => q.id === quiz.questions.find((x) => x.type === 'single' && !isCritical(quiz, x))?.id);
    await goToCertificate(frame);
    // Read once the course is complete: SCORM 1.2 reports the score with the final status.
    const score = (await lmsData(page))[version === '12' ? 'cmi.core.score.raw' : 'cmi.score.raw'];
    expect(Number(score)).toBeGreaterThan(0);
    const certificate = frame.locator('certificate-view .certificate');
    await expect(certificate).toContainText('Adaeze Okafor');
    await expect(
      certificate
        .locator('div')
        .filter({ has: frame.locator('dt', { hasText: 'Final exam score' }) })
        .locator('dd'),
    ).toHaveText(`${score}%`);
    await expect(certificate).toContainText((await courseData()).title);
    // Reachable again after a relaunch, from the start screen.
    await page.evaluate(() => window.__lms?.relaunch());
    await frame.getByRole('button', { name: 'View your certificate' }).click();
    await expect(frame.locator('certificate-view .certificate')).toContainText('Adaeze Okafor');
    // Both sessions, including the relaunch that reads back objectives and interactions, pass the strict checks.
    expect(strictViolations(await lmsCalls(page), version)).toEqual([]);
    // One printed page.
    await page.emulateMedia({ media: 'print' });
    const height = await frame.locator('certificate-view').evaluate((el) => el.getBoundingClientRect().height);
    expect(height).toBeLessThan(1000);
  });

/**
 * The sizes the course runs at: a phone, a 700 px frame in an LMS page (Moodle's player on a
 * 1366 px laptop; the preview LMS's data panel takes the rest of a 1116 px window), a tablet,
 * and a desktop (the preview LMS gives the course 864 px of a 1280 px window).
 * `headingTop`: how far down the frame the lesson's heading may start.
 */
const SIZES = [
  { name: '320', width: 320, viewport: { width: 320, height: 568 }, narrow: true, headingTop: 0.2 * 568 },
  { name: '700-frame', width: 700, viewport: { width: 1116, height: 800 }, narrow: true, headingTop: 110 },
  { name: '768', width: 768, viewport: { width: 768, height: 1024 }, narrow: true, headingTop: 110 },
  { name: '1280', width: 864, viewport: { width: 1280, height: 900 }, narrow: false, headingTop: 130 },
];

for (const size of SIZES) {
  test(`at ${size.name} px the main screens fit without horizontal scrolling (screenshots attached)`, async ({ page }, info) => {
    await page.setViewportSize(size.viewport);
    const frame = await launchCourse(page, '12');
    expect(await page.locator('#frame').evaluate((el) => el.getBoundingClientRect().width)).toBe(size.width);
    const course = frame.locator('html');
    const shots: [string, () => Promise<void>][] = [
      ['start', async () => {}],
      ['lesson', async () => frame.getByRole('button', { name: 'Start the course' }).click()],
      [
        'knowledge check',
        async () => {
          const check = (await courseData()).quizzes.find((q) => !q.graded);
          if (size.narrow) await frame.getByRole('button', { name: 'Show course contents' }).click();
          await openFromMenu(frame, check?.title ?? '');
        },
      ],
      [
        'exam',
        async () => {
          if (size.narrow) await frame.getByRole('button', { name: 'Show course contents' }).click();
          await startExam(frame);
        },
      ],
      ['exited', async () => frame.getByRole('button', { name: 'Exit course' }).click()],
    ];
    for (const [name, reach] of shots) {
      await reach();
      await afterPaint(frame);
      const overflow = await course.evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(overflow, `${name} scrolls sideways at ${size.name} px`).toBeLessThanOrEqual(0);
      const path = join(ROOT, 'test-results/screenshots', `${size.name}px-${name.replace(/ /g, '-')}.png`);
      await page.locator('#frame').screenshot({ path });
      await info.attach(`${name}-${size.name}px`, { path, contentType: 'image/png' });
    }
  });

  test(`at ${size.name} px the header is one short row, the lesson starts near the top, there is one Exit course, and the contents open over the page (screenshots)`, async ({
    page,
  }) => {
    await page.setViewportSize(size.viewport);
    const frame = await launchCourse(page, '12');
    await frame.getByRole('button', { name: 'Start the course' }).click();
    const heading = frame.getByRole('heading', { level: 1 });
    await expect(heading).toBeFocused();
    const top = await heading.evaluate((el) => el.getBoundingClientRect().top);
    expect(top, 'lesson heading top in the frame').toBeLessThanOrEqual(size.headingTop);
    expect(await frame.locator('html').evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    await expect(frame.getByRole('button', { name: 'Exit course' })).toHaveCount(1);
    const shot = (name: string) => page.locator('#frame').screenshot({ path: join(ROOT, 'test-results/screenshots', `frame-${name}.png`) });
    await shot(size.name);

    const contents = frame.getByRole('navigation', { name: 'Course contents' });
    const items = contents.getByRole('button', { name: /read$|not read yet$/ });
    if (!size.narrow) {
      await expect(frame.getByRole('button', { name: 'Show course contents' })).toBeHidden();
      await expect(items.first()).toBeVisible();
      return;
    }
    const toggle = frame.getByRole('button', { name: 'Show course contents' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(items.first()).toBeHidden();
    await toggle.click();
    const hide = frame.getByRole('button', { name: 'Hide course contents' });
    await expect(hide).toHaveAttribute('aria-expanded', 'true');
    await expect(items.first()).toBeVisible();
    // The contents cover the page instead of pushing it down: the heading has not moved.
    expect(await heading.evaluate((el) => el.getBoundingClientRect().top)).toBe(top);
    // Tab goes from the button into the contents; Escape closes them and returns to the button.
    await page.keyboard.press('Tab');
    await expect(items.first()).toBeFocused();
    await shot(`${size.name}-contents`);
    await page.keyboard.press('Escape');
    await expect(toggle).toBeFocused();
    await expect(items.first()).toBeHidden();
    // Choosing a part closes them and moves focus to its heading.
    await toggle.click();
    const second = (await courseData()).lessons[1]?.title ?? '';
    await openFromMenu(frame, second);
    await expect(frame.getByRole('heading', { level: 1, name: second })).toBeFocused();
    await expect(items.first()).toBeHidden();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`${scheme} colour scheme: axe finds no WCAG 2.1 AA violation in a 700 px LMS frame, contents closed and open`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await chooseScheme(page, scheme);
    await page.setViewportSize({ width: 1116, height: 800 });
    const frame = await launchCourse(page, '12');
    await frame.getByRole('button', { name: 'Start the course' }).click();
    expect(await violations(page)).toEqual([]);
    await frame.getByRole('button', { name: 'Show course contents' }).click();
    await expect(frame.getByRole('navigation', { name: 'Course contents' })).toBeVisible();
    expect(await violations(page)).toEqual([]);
    await page.locator('#frame').screenshot({ path: join(ROOT, 'test-results/screenshots', `frame-700-contents-${scheme}.png`) });
  });
}

test('on a phone the course contents collapse behind a button and touch targets are at least 44 px', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 720 });
  const frame = await launchCourse(page, '12');
  await frame.getByRole('button', { name: 'Start the course' }).click();
  const toggle = frame.getByRole('button', { name: 'Show course contents' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(
    frame
      .getByRole('navigation')
      .getByRole('button', { name: /read$|not read yet$/ })
      .first(),
  ).toBeHidden();
  await toggle.click();
  await expect(frame.getByRole('button', { name: 'Hide course contents' })).toHaveAttribute('aria-expanded', 'true');
  const small = await frame.locator('course-app').evaluate((app) => {
    const found: string[] = [];
    const walk = (root: ParentNode) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) walk(el.shadowRoot);
        if (el.matches('button, input, select, summary')) {
          const r = el.getBoundingClientRect();
          const box = el.matches('input[type=radio], input[type=checkbox]') ? (el.closest('label')?.getBoundingClientRect() ?? r) : r;
          if (r.width > 0 && box.height < 44)
            found.push(`${el.tagName} ${el.textContent?.trim().slice(0, 30)} ${Math.round(box.height)}px`);
        }
      }
    };
    walk(app.shadowRoot as ShadowRoot);
    return found;
  });
  expect(small).toEqual([]);
});

test.describe('colour scheme', () => {
  test('a light LMS page on a dark device gives a light course; the switch overrides it and is remembered after a reload', async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    let frame = await launchCourse(page, '12');
    expect(await courseScheme(frame)).toEqual({ scheme: 'light', dark: false });
    const choice = frame.getByRole('combobox', { name: 'Colour scheme' });
    await expect(choice).toHaveValue('auto');
    await choice.selectOption({ label: 'Dark' });
    expect(await courseScheme(frame)).toEqual({ scheme: 'dark', dark: true });
    // The whole LMS page reloads: the choice is this browser's, not the course record's.
    frame = await launchCourse(page, '2004');
    expect(await courseScheme(frame)).toEqual({ scheme: 'dark', dark: true });
    await expect(frame.getByRole('combobox', { name: 'Colour scheme' })).toHaveValue('dark');
    expect(JSON.stringify(await lmsData(page))).not.toContain('dark');
    await frame.getByRole('combobox', { name: 'Colour scheme' }).selectOption({ label: 'Light' });
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await courseScheme(frame)).toEqual({ scheme: 'light', dark: false });
    await frame.getByRole('combobox', { name: 'Colour scheme' }).selectOption({ label: 'Automatic' });
    expect(await courseScheme(frame)).toEqual({ scheme: 'light', dark: false });
  });

  test('a dark LMS page gives a dark course on a light device, read from its data-bs-theme or its background', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    // Set on the LMS page only (init scripts run in the course frame too).
    await page.addInitScript(() =>
      document.addEventListener('DOMContentLoaded', () => {
        if (window === window.top) document.documentElement.setAttribute('data-bs-theme', 'dark');
      }),
    );
    let frame = await launchCourse(page, '12');
    expect(await courseScheme(frame)).toEqual({ scheme: 'dark', dark: true });
    await page.close();
    const other = await page.context().newPage();
    await other.addInitScript(() =>
      document.addEventListener('DOMContentLoaded', () => {
        if (window === window.top) document.body.style.background = '#1b1b1f';
      }),
    );
    frame = await launchCourse(other, '12');
    expect(await courseScheme(frame)).toEqual({ scheme: 'dark', dark: true });
  });

  test('in a page of another origin, which it cannot read, the course follows the device', async ({ page }) => {
    // The same server under another name is another origin; a page of its own (its 404) holds the frame.
    const lms = new URL(process.env.LMS_URL ?? '');
    const course = `${lms.origin}/scorm12/index.html`;
    lms.hostname = lms.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    const host = `${lms.origin}/host-of-another-origin`;
    for (const device of ['dark', 'light'] as const) {
      await page.emulateMedia({ colorScheme: device });
      await page.goto(host);
      await page.evaluate((src) => {
        document.body.innerHTML = `<iframe name="course" src="${src}"></iframe>`;
      }, course);
      const frame = page.frameLocator('iframe[name="course"]');
      await expect(frame.locator(':root[data-course-ready]')).toBeAttached();
      expect(await courseScheme(frame)).toEqual({ scheme: device, dark: device === 'dark' });
      // Following the device as it changes.
      await page.emulateMedia({ colorScheme: device === 'dark' ? 'light' : 'dark' });
      await expect.poll(async () => (await courseScheme(frame)).scheme).toBe(device === 'dark' ? 'light' : 'dark');
    }
  });

  test('forced colours (Windows high contrast) still draw the controls, the answers and the text in system colours', async ({ page }) => {
    await page.emulateMedia({ forcedColors: 'active', colorScheme: 'dark' });
    const frame = await launchCourse(page, '12');
    const course = await courseData();
    const check = course.quizzes.find((q) => !q.graded);
    const q = check?.questions.find((x) => x.type === 'single');
    if (!check || !q) throw new Error('no knowledge check with a single-choice question');
    await frame.getByRole('button', { name: 'Start the course' }).click();
    await openFromMenu(frame, check.title);
    const group = frame.getByRole('group', { name: q.prompt });
    const radio = group.getByRole('radio').first();
    const unchecked = await radio.screenshot();
    await radio.check();
    await expect(radio).toBeChecked();
    // The checked radio draws its mark in forced colours too (a box-shadow or a colour alone would vanish).
    expect((await radio.screenshot()).equals(unchecked)).toBe(false);
    // The text and its background are system colours, and differ.
    const colours = await group.evaluate((el) => {
      const style = getComputedStyle(el);
      return { text: style.color, bg: getComputedStyle(document.body).backgroundColor };
    });
    expect(colours.text).not.toBe(colours.bg);
    await page.locator('#frame').screenshot({ path: join(ROOT, 'test-results/screenshots', 'forced-colours-check.png') });
  });
});

/**
 * Every target on screen too small to hit, walking the course's shadow roots: WCAG 2.2's 24 px
 * (2.5.8) for each button, field, select, summary and link that is not inline in a sentence
 * (those are exempt), and GOV.UK's 40 px for a radio or checkbox box.
 */
async function smallTargets(frame: FrameLocator): Promise<{ small: string[]; measured: number; boxes: number }> {
  return frame.locator('course-app').evaluate((app) => {
    const found: string[] = [];
    let measured = 0;
    let boxes = 0;
    const name = (el: Element) => `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)}"`;
    // A link inside a line of text (a glossary term, a citation): the block around it says more than the link.
    const inline = (a: Element) => {
      const block = a.parentElement?.closest('p, li, td, dd, figcaption, blockquote');
      return !!block && (block.textContent ?? '').trim().length > (a.textContent ?? '').trim().length + 1;
    };
    const walk = (root: ParentNode) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) walk(el.shadowRoot);
        if (!el.matches('button, input:not([type=hidden]), select, textarea, summary, a[href], [role=button], [tabindex="0"]')) continue;
        let r = el.getBoundingClientRect();
        // A skip link is clipped to 1 px until it has focus: it is measured as the learner meets it, focused.
        if (r.width <= 1 && r.height <= 1 && el instanceof HTMLElement) {
          el.focus({ preventScroll: true });
          r = el.getBoundingClientRect();
          el.blur();
        }
        if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
        if (el.matches('a') && inline(el)) continue;
        const box = el.matches('input[type=radio], input[type=checkbox]');
        const min = box ? 40 : 24;
        measured++;
        if (box) boxes++;
        if (r.width < min - 0.5 || r.height < min - 0.5)
          found.push(`${name(el)} ${Math.round(r.width)}×${Math.round(r.height)} (need ${min})`);
      }
    };
    walk(app.shadowRoot as ShadowRoot);
    return { small: found, measured, boxes };
  });
}

/** The body text's size, and the longest line of the first lesson paragraphs on screen, in characters. */
async function bodyType(frame: FrameLocator): Promise<{ size: number; longest: number }> {
  return frame.locator('lesson-view').evaluate((view) => {
    const paragraphs = [...(view.shadowRoot as ShadowRoot).querySelectorAll('.body p')].slice(0, 12);
    let longest = 0;
    for (const p of paragraphs) {
      const lines = new Map<number, number>();
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (let i = 0; i < text.length; i++) {
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = range.getClientRects()[0];
          if (!rect) continue;
          const top = Math.round(rect.top / 4);
          lines.set(top, (lines.get(top) ?? 0) + 1);
        }
      }
      longest = Math.max(longest, ...lines.values());
    }
    const first = paragraphs[0];
    return { size: first ? parseFloat(getComputedStyle(first).fontSize) : 0, longest };
  });
}

const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

test('body text is 19 px on a 1366 px laptop and 16 px on a 390 px phone, in lines of at most about 75 characters', async ({ page }) => {
  await page.setViewportSize(LAPTOP);
  const frame = await launchCourse(page, '12');
  await frame.getByRole('button', { name: 'Start the course' }).click();
  for (const [viewport, body] of [
    [LAPTOP, 19],
    [PHONE, 16],
  ] as const) {
    await page.setViewportSize(viewport);
    await afterPaint(frame);
    const type = await bodyType(frame);
    expect(type.size, `body text at ${viewport.width} px`).toBe(body);
    expect(type.longest, `longest line at ${viewport.width} px, in characters`).toBeLessThanOrEqual(78);
    expect(type.longest, 'the measure found whole lines').toBeGreaterThan(30);
  }
});

test('every target on every kind of screen is at least 24 px, and radios and checkboxes 40 px, on a laptop and on a phone', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await page.setViewportSize(LAPTOP);
  const frame = await launchCourse(page, '12');
  const failures: string[] = [];
  // Each screen is measured at both sizes; the learner moves on at the laptop's.
  const check = async (screen: string, { boxes = false } = {}) => {
    for (const viewport of [PHONE, LAPTOP]) {
      await page.setViewportSize(viewport);
      await afterPaint(frame);
      const found = await smallTargets(frame);
      failures.push(...found.small.map((t) => `${screen} at ${viewport.width} px: ${t}`));
      // The walk reached the screen's controls (and its radios or checkboxes, where it has them).
      expect(found.measured, `targets measured on ${screen}`).toBeGreaterThan(3);
      if (boxes) expect(found.boxes, `radios and checkboxes on ${screen}`).toBeGreaterThan(1);
    }
  };
  await check('start');
  await frame.getByRole('button', { name: 'Start the course' }).click();
  await check('lesson');
  const knowledge = (await courseData()).quizzes.find((q) => !q.graded);
  if (!knowledge) throw new Error('no knowledge check');
  await openFromMenu(frame, knowledge.title);
  await check('knowledge check', { boxes: true });
  await answerShownQuestions(frame, knowledge, (q) => q.id === knowledge.questions[0]?.id);
  await check('knowledge check after checking');
  await readAllLessons(frame);
  const quiz = await startExam(frame);
  // One question per screen: the walk measures a question answered with radios or checkboxes.
  const order = await shownOrder(frame);
  const withBoxes = order.findIndex((id) =>
    ['single', 'multiple', 'true_false'].includes(quiz.questions.find((q) => q.id === id)?.type ?? ''),
  );
  await goToQuestion(frame, withBoxes + 1);
  await check('exam question', { boxes: true });
  await finishExam(frame);
  await check('exam result');
  await frame.getByRole('button', { name: 'Continue: Evaluation' }).click();
  await expect(frame.getByRole('heading', { level: 1, name: 'Evaluate this activity' })).toBeVisible();
  await check('evaluation', { boxes: true });
  await completeEvaluation(frame);
  await frame.getByRole('button', { name: /Continue: Certificate/ }).click();
  await expect(frame.getByRole('heading', { level: 1, name: /certificate/i })).toBeVisible();
  await check('certificate');
  expect(failures).toEqual([]);
});
