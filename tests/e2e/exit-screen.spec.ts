import { expect, test } from '@playwright/test';
import { launchCourse } from '../support/lms.ts';

test('after Exit course, a course in the LMS page points to the LMS way back; a course the LMS opened in a window of its own says to close that window', async ({
  page,
  context,
}) => {
  const inPage = await launchCourse(page, '12');
  await inPage.getByRole('button', { name: 'Exit course' }).click();
  await expect(inPage.getByRole('heading', { name: 'You have left the course' })).toBeFocused();
  await expect(inPage.getByText('in Moodle: Exit activity')).toBeVisible();
  await expect(inPage.getByText('close this window')).toHaveCount(0);

  // Moodle's "New window": the LMS page opens the player with window.open.
  const opened = context.waitForEvent('page');
  await page.evaluate((url) => void window.open(url, 'scorm_window'), `${process.env.LMS_URL}/?scorm=2004`);
  const popup = await opened;
  const course = popup.frameLocator('iframe[name="course"]');
  await expect(course.locator(':root[data-course-ready]')).toBeAttached();
  await course.getByRole('button', { name: 'Exit course' }).click();
  await expect(course.getByText('close this window to return to your learning management system')).toBeVisible();
  await expect(course.getByText('in Moodle: Exit activity')).toHaveCount(0);
});
