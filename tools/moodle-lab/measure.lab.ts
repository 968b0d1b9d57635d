import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, type Browser, type Page } from '@playwright/test';
import { activity, distZip, HERE, LAB, login, newLearner, openActivity, ROOT, type Preset } from './lab.ts';

/**
 * Measures what each SCORM display setting does to the learner's screen: one activity ("Lab: measure")
 * is set to each variant in turn, then opened at 1366×768 and 390×844 by a learner with no attempt.
 * Writes tools/moodle-lab/out/measure.json and prints a table (docs/moodle-admin.md quotes it).
 */
interface Variant {
  label: string;
  preset: Preset;
  set?: Record<string, number>;
  /** The learner closes Moodle's course index (Moodle remembers it for the learner). */
  closeIndex?: boolean;
  /** With MEASURE_DOCS=1, its screenshots become docs/images/moodle-<docs>-<size>.png. */
  docs?: string;
}
const VARIANTS: Variant[] = [
  { label: 'defaults', preset: 'default', docs: 'default' },
  { label: 'course structure: hidden', preset: 'default', set: { hidetoc: 1 } },
  { label: 'course structure: drop-down', preset: 'default', set: { hidetoc: 2 } },
  { label: 'course structure: disabled', preset: 'default', set: { hidetoc: 3 } },
  { label: 'structure disabled, navigation: no', preset: 'default', set: { hidetoc: 3, nav: 0 } },
  { label: 'structure disabled, navigation: floating', preset: 'default', set: { hidetoc: 3, nav: 2 } },
  { label: 'structure on entry page', preset: 'default', set: { displaycoursestructure: 1 } },
  { label: 'recommended (current window)', preset: 'recommended', docs: 'recommended' },
  { label: 'recommended, course index closed by the learner', preset: 'recommended', closeIndex: true },
  { label: 'new window, 100% x 500 px', preset: 'window', set: { width: 100, height: 500 } },
  { label: 'new window, 100% x 100% (recommended)', preset: 'window', docs: 'window' },
];
const SIZES = [
  { name: 'laptop', width: 1366, height: 768 },
  { name: 'phone', width: 390, height: 844 },
];
const ZIP = distZip('12');

/** What the player page shows around the course, measured with the page scrolled to its top. */
async function measurePlayer(player: Page) {
  await player.evaluate(() => window.scrollTo(0, 0));
  await player.waitForTimeout(500);
  return player.evaluate(() => {
    const shown = (sel: string) => {
      const el = document.querySelector(sel);
      if (!el) return false;
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const frame = document.querySelector('#scorm_object')?.getBoundingClientRect();
    const top = frame ? frame.top + window.scrollY : 0;
    const visible = frame ? Math.max(0, Math.min(frame.bottom, innerHeight) - Math.max(frame.top, 0)) : 0;
    // Moodle's own elements drawn over the course frame (a floating button over the text).
    const over: string[] = [];
    if (frame) {
      for (const el of document.querySelectorAll('button, a, [role=button]')) {
        const r = el.getBoundingClientRect();
        const inFrame = r.width > 0 && r.left < frame.right && r.right > frame.left && r.top < frame.bottom && r.bottom > frame.top;
        const cs = getComputedStyle(el);
        if (
          inFrame &&
          cs.visibility !== 'hidden' &&
          (el.closest('[class*=fixed], .btn-footer-popover, .drawer-toggles') ?? ['fixed', 'sticky', 'absolute'].includes(cs.position))
        )
          over.push((el.getAttribute('aria-label') ?? el.textContent ?? el.className).trim().replace(/\s+/g, ' ').slice(0, 40));
      }
    }
    return {
      frame: frame ? `${Math.round(frame.width)}×${Math.round(frame.height)}` : 'none',
      frameTop: Math.round(top),
      visibleCourse: Math.round(visible),
      visibleShare: frame ? Math.round((100 * visible) / frame.height) : 0,
      pageHeight: document.documentElement.scrollHeight,
      window: `${innerWidth}×${innerHeight}`,
      moodleHeader: shown('nav.navbar'),
      courseIndex: shown('#theme_boost-drawers-courseindex'),
      structureSide: shown('#scorm_toc'),
      structureDropdown: shown('#scorm_tocbox select, .scorm_toc select, select#scorm_tree, #scorm_tree select'),
      navButtons: shown('#scorm_navpanel') || shown('#scorm_nav'),
      exitActivity: [...document.querySelectorAll('a, button')].some(
        (a) => /Exit activity/.test(a.textContent ?? '') && a.getBoundingClientRect().width > 0,
      ),
      overFrame: over,
    };
  });
}

/** The entry page (view.php): how far down Enter is, and what else it shows. */
async function measureEntry(page: Page) {
  return page.evaluate(() => {
    // Moodle's Enter is a <button value="normal">Enter</button>.
    const enter = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Enter');
    const r = enter?.getBoundingClientRect();
    return {
      enterTop: r ? Math.round(r.top + window.scrollY) : null,
      enterOnFirstScreen: r ? r.bottom <= innerHeight : false,
      pageHeight: document.documentElement.scrollHeight,
      structureListed: !!document.querySelector('.scorm-center #scormtop, #toc, .structurelist, .scorm_toc, [id^=scorm_tree]'),
      attemptStatus: /Number of attempts|Grading method|Grade reported/i.test(document.body.innerText),
      previewMode: /Preview/.test(document.body.innerText),
    };
  });
}

/** A copy for the docs, the laptop's at two thirds of its size so each stays under 150 KB. */
async function docsImage(browser: Browser, png: Buffer, size: (typeof SIZES)[number], path: string): Promise<void> {
  const scale = size.width > 1000 ? 0.66 : 1;
  const context = await browser.newContext({
    viewport: { width: Math.round(size.width * scale), height: Math.round(size.height * scale) },
  });
  const page = await context.newPage();
  await page.setContent(
    `<body style="margin:0"><img style="display:block;width:100%" src="data:image/png;base64,${png.toString('base64')}"></body>`,
  );
  await page.screenshot({ path });
  await context.close();
}

const results: Record<string, Record<string, unknown>> = {};

for (const v of VARIANTS) {
  test(v.label, async ({ browser }) => {
    const cmid = activity('Lab: measure', ZIP, v.preset, v.set ?? {});
    const learner = newLearner('measure');
    const rows: Record<string, unknown> = {};
    results[v.label] = rows;
    for (const size of SIZES) {
      const context = await browser.newContext({ viewport: { width: size.width, height: size.height } });
      const page = await context.newPage();
      await login(page, learner);
      await page.goto(`${LAB.url}/mod/scorm/view.php?id=${cmid}`);
      const entry = page.url().includes('/player.php') ? null : await measureEntry(page);
      const opened = await openActivity(page, cmid);
      const close = opened.player.getByRole('button', { name: 'Close course index' });
      if (v.closeIndex && (await close.isVisible())) await close.click();
      const player = await measurePlayer(opened.player);
      const row = { entryPage: opened.entryPage, entry, newWindow: opened.player !== page, ...player };
      rows[size.name] = row;
      mkdirSync(join(HERE, 'out', 'measure'), { recursive: true });
      const png = await opened.player.screenshot({
        path: join(HERE, 'out', 'measure', `${v.label.replace(/[^a-z0-9]+/gi, '-')}-${size.name}.png`),
      });
      if (v.docs && process.env.MEASURE_DOCS === '1')
        await docsImage(browser, png, size, join(ROOT, 'docs', 'images', `moodle-${v.docs}-${size.name}.png`));
      await context.close();
    }
  });
}

test.afterAll(() => {
  mkdirSync(join(HERE, 'out'), { recursive: true });
  writeFileSync(join(HERE, 'out', 'measure.json'), JSON.stringify(results, null, 2));
  const lines = ['| variant | size | entry page | frame | frame top | course visible | Moodle controls |', '|---|---|---|---|---|---|---|'];
  for (const [label, sizes] of Object.entries(results)) {
    for (const [size, r] of Object.entries(sizes)) {
      const m = r as Awaited<ReturnType<typeof measurePlayer>> & { entryPage: boolean; newWindow: boolean };
      const controls = [
        m.moodleHeader && 'header',
        m.courseIndex && 'course index',
        m.structureSide && 'structure',
        m.structureDropdown && 'structure menu',
        m.navButtons && 'nav buttons',
        m.exitActivity && 'Exit activity',
        m.overFrame.length && `over the course: ${m.overFrame.join(', ')}`,
      ].filter(Boolean);
      lines.push(
        `| ${label} | ${size} | ${m.entryPage ? 'yes' : 'skipped'}${m.newWindow ? ', new window' : ''} | ${m.frame} | ${m.frameTop} | ${m.visibleCourse} px (${m.visibleShare}%) | ${controls.join(', ')} |`,
      );
    }
  }
  console.log(lines.join('\n'));
});
