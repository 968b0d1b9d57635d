import { expect, test } from '@playwright/test';
import { courseData } from '../support/flows.ts';
import { VERSIONS, launchCourse } from '../support/lms.ts';
import { MOODLE_LAPTOP, hostScroll, moodleLikeHost, pressEndInCourse, pressEnterOn } from '../support/moodle-frame.ts';

for (const version of VERSIONS) {
  test(`SCORM ${version === '12' ? '1.2' : '2004'}: every lesson read to its end with the keyboard inside the course's frame counts, though the frame's bottom is below the window's fold`, async ({
    page,
  }) => {
    const frame = await launchCourse(page, version);
    await moodleLikeHost(page);
    const box = await page.locator('#frame').boundingBox();
    // As in Moodle's player at its defaults: the frame's top is in the window, its bottom below the fold.
    expect(box?.y ?? 0).toBeLessThan(MOODLE_LAPTOP.height / 2);
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeGreaterThan(MOODLE_LAPTOP.height);
    const host = await hostScroll(page);
    const course = await courseData();

    await pressEnterOn(page, frame.getByRole('button', { name: 'Start the course' }));
    for (const [i, lesson] of course.lessons.entries()) {
      const heading = frame.getByRole('heading', { level: 1, name: lesson.title });
      await expect(heading).toBeFocused();
      await expect(frame.getByText('You have read this lesson.')).toHaveCount(0);
      // The learner scrolls inside the course only, with the keyboard, never the page around it.
      await pressEndInCourse(page, `lesson ${i + 1}`);
      await expect(frame.getByText('You have read this lesson.')).toBeAttached();
      // The contents (closed, behind their button in a frame this narrow) say so too.
      await expect(frame.getByRole('button', { name: new RegExp(`^${lesson.title} read$`), includeHidden: true })).toBeAttached();
      expect(await hostScroll(page), `the page around the course moved in lesson ${i + 1}`).toBe(host);
      // On to the next lesson through the contents (knowledge checks are not part of reading).
      const next = course.lessons[i + 1];
      if (!next) break;
      const toggle = frame.getByRole('button', { name: 'Show course contents' });
      await pressEnterOn(page, toggle);
      await pressEnterOn(page, frame.getByRole('navigation').getByRole('button', { name: new RegExp(`^${next.title} not read yet$`) }));
    }
    expect(await hostScroll(page)).toBe(host);
  });
}
