import { expect, type FrameLocator } from '@playwright/test';
import { renderLessonBody } from '../../src/content/lesson-markup.ts';

/**
 * Every lesson component once, for what the lessons do not use (a non-urgent care card,
 * details) and for checking all of them on one screen. Test text, not course content.
 */
export const COMPONENT_SAMPLE = `## Every content component

:::care-card non-urgent "Book a routine appointment if a patient has:"
- leg pain on walking that eases on sitting, and is no worse than last month;
- questions about **physical therapy** or exercise.
:::

:::care-card urgent "Ask a clinician today if a patient reports:"
- new numbness in one leg.
:::

:::care-card emergency "Escalate immediately if a patient has:"
- numbness in the saddle area, or new bladder or bowel problems.
:::

:::inset
These examples are starting points: follow your clinic's policy.
:::

:::warning "FDA safety warning"
Epidural corticosteroid injections can rarely cause serious neurological events.
:::

:::do
- Acknowledge the question.
- Refer clinical questions to the treating clinician.
:::

:::dont
- Do not promise outcomes.
:::

:::details "What the clinician checks on examination"
Reflexes, strength, sensation and walking.

- brisk reflexes can be a sign of myelopathy.
:::
`;

/**
 * Shows the sample in place of the open lesson's text, rendered by the build's own
 * renderer and styled by the lesson view, as a lesson using every component would be.
 * The course's own lesson object takes the text (the course hands the view that same
 * object again whenever it re-renders).
 */
export async function showComponentSample(frame: FrameLocator): Promise<void> {
  const { html } = renderLessonBody(COMPONENT_SAMPLE, 'sample', []);
  await frame.locator('lesson-view').evaluate((el, body) => {
    const view = el as HTMLElement & { lesson: { html: string }; requestUpdate(): void };
    view.lesson.html = body;
    view.requestUpdate();
  }, html);
  await expect(frame.locator('lesson-view .care-card--non-urgent')).toBeVisible();
}
