/**
 * The learner evaluation, as a learner meets it after passing: required answers, drafts
 * kept across a relaunch, the certificate after submitting, and what the LMS stores.
 */
import { expect, test } from '@playwright/test';
import { courseData, finishExam, readAllLessons, startExam } from '../support/flows.ts';
import { VERSIONS, closeCourse, launchCourse, lmsCalls, lmsData, relaunch } from '../support/lms.ts';
import { strictViolations } from '../support/strict-scorm.ts';

for (const version of VERSIONS) {
  test(`SCORM ${version === '12' ? '1.2' : '2004'}: the evaluation after the exam: required answers, drafts kept, certificate after, answers stored as interactions`, async ({
    page,
  }) => {
    const { evaluation } = await courseData();
    if (!evaluation) throw new Error('the course has no evaluation');
    let frame = await launchCourse(page, version);
    await frame.getByRole('button', { name: 'Start the course' }).click();
    await readAllLessons(frame);
    await startExam(frame);
    await finishExam(frame);
    await frame.getByRole('button', { name: 'Continue: Evaluation' }).click();
    await expect(frame.getByRole('heading', { level: 1, name: 'Evaluate this activity' })).toBeFocused();
    // The certificate waits for a required evaluation.
    if (evaluation.required) await expect(frame.getByRole('navigation').getByRole('button', { name: /^Certificate/ })).toHaveCount(0);

    // Submitting with required answers missing lists them, and focus goes to the list. The number
    // is typed out of range and Submit pressed straight from its field: it is checked on submitting,
    // so nothing moves under the pointer between pressing and releasing.
    const named = (prompt: string) => new RegExp(prompt.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const number = evaluation.questions.find((q) => q.type === 'number');
    if (!number || number.type !== 'number') throw new Error('the course asks no number');
    const field = frame.getByRole('textbox', { name: named(number.prompt) });
    await expect(field).toHaveAttribute('inputmode', 'numeric');
    await field.fill(String(number.max + 1));
    await frame.getByRole('button', { name: 'Submit evaluation' }).click();
    const summary = frame.getByRole('alert').filter({ has: frame.getByRole('heading', { name: 'There is a problem' }) });
    await expect(summary).toBeFocused();
    const tooMany = `${number.max + 1} ${number.unit} is more than ${number.max}: enter a number from ${number.min} to ${number.max}`;
    const required = evaluation.questions.filter((q) => q.required);
    await expect(summary.getByRole('link')).toHaveText([
      'Answer: Your profession',
      ...required.map((q) =>
        q.type === 'confidence'
          ? `Rate every topic, before this course and now: ${q.prompt}`
          : q.type === 'number'
            ? tooMany
            : `Answer: ${q.prompt}`,
      ),
    ]);
    // The message is also at the field, read with it.
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(
      `A whole number of ${number.unit}, from ${number.min} to ${number.max}. Error: ${tooMany}`,
    );
    await summary.getByRole('link', { name: tooMany }).click();
    await expect(field).toBeFocused();
    await field.fill('4 5');
    await expect(field).toHaveAccessibleDescription(
      new RegExp(`Error: Enter the number of ${number.unit} as a whole number \\(digits only\\), from ${number.min} to ${number.max}$`),
    );

    // Answer everything: the likert questions and each confidence rating with a point of the
    // scale, the number within its range, texts with a sentence.
    const answers = new Map<string, string>();
    for (const q of evaluation.questions) {
      if (q.type === 'number') {
        await field.fill(` 0${number.min + 44} `);
        answers.set(q.id, String(number.min + 44));
        await expect(field).toHaveAttribute('aria-invalid', 'false');
      } else if (q.type === 'confidence') {
        const group = frame.getByRole('group', { name: named(q.prompt) });
        for (const [k, item] of q.items.entries()) {
          const topic = group.getByRole('group', { name: item.text, exact: true });
          // Different points before and now, and per item, so that a mix-up shows.
          const before = q.scale[k % q.scale.length];
          const after = q.scale[(k + 2) % q.scale.length];
          if (!before || !after) throw new Error('the scale is too short');
          await topic.getByRole('group', { name: 'Before this course' }).getByRole('radio', { name: before.text, exact: true }).check();
          await topic.getByRole('group', { name: 'Now' }).getByRole('radio', { name: after.text, exact: true }).check();
          answers.set(`${q.id}-${item.id}-before`, before.id);
          answers.set(`${q.id}-${item.id}-after`, after.id);
        }
      } else if (q.type === 'likert') {
        const point = q.scale[q.scale.length - 2] ?? q.scale[0];
        if (!point) continue;
        await frame
          .getByRole('group', { name: named(q.prompt) })
          .getByRole('radio', { name: point.text, exact: true })
          .check();
        answers.set(q.id, point.id);
      } else {
        const text = `I will ask about bladder changes and saddle numbness on every call (${q.id}).`;
        await frame.getByRole('textbox', { name: named(q.prompt) }).fill(text);
        answers.set(q.id, text);
      }
    }
    // The profession, asked once, decides the certificate's credit.
    await frame
      .getByRole('group', { name: /Your profession/ })
      .getByRole('radio')
      .first()
      .check();
    // A relaunch before submitting keeps the drafts (each answer is in the course's state as
    // soon as its input or change event has run, which fill and check wait for).
    frame = await relaunch(page);
    await frame.getByRole('button', { name: 'Continue where you left off' }).click();
    for (const q of evaluation.questions) {
      if (q.type === 'text' || q.type === 'number')
        await expect(frame.getByRole('textbox', { name: named(q.prompt) })).toHaveValue(answers.get(q.id) ?? '');
      if (q.type === 'confidence') {
        const group = frame.getByRole('group', { name: named(q.prompt) });
        for (const item of q.items) {
          const topic = group.getByRole('group', { name: item.text, exact: true });
          for (const [when, name] of [
            ['before', 'Before this course'],
            ['after', 'Now'],
          ] as const) {
            const point = q.scale.find((s) => s.id === answers.get(`${q.id}-${item.id}-${when}`));
            await expect(topic.getByRole('group', { name }).getByRole('radio', { name: point?.text, exact: true })).toBeChecked();
          }
        }
      }
    }
    await expect(
      frame
        .getByRole('group', { name: /Your profession/ })
        .getByRole('radio')
        .first(),
    ).toBeChecked();
    await page.locator('#frame').screenshot({ path: `test-results/screenshots/evaluation-${version}.png` });
    await frame.getByRole('button', { name: 'Submit evaluation' }).click();
    await expect(frame.getByRole('heading', { name: 'Thank you' })).toBeFocused();
    await frame.getByRole('button', { name: 'Continue: Certificate' }).click();
    await expect(frame.getByRole('heading', { level: 1, name: /certificate/i })).toBeVisible();
    await closeCourse(page);

    const cmi = await lmsData(page);
    const response = version === '12' ? 'student_response' : 'learner_response';
    const byId = new Map<string, Record<string, string>>();
    for (const [k, v] of Object.entries(cmi)) {
      const m = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(k);
      if (!m) continue;
      const id = cmi[`cmi.interactions.${m[1]}.id`] ?? '';
      if (id.startsWith('evaluation-')) byId.set(id, { ...(byId.get(id) ?? {}), [m[2] ?? '']: v });
    }
    // 2004 leaves the weight of 0 out (a compact record; the LMS's copy says ""); result neutral says it is not scored.
    const unweighted = version === '12' ? '0' : '';
    for (const q of evaluation.questions) {
      const row = byId.get(`evaluation-${q.id}`);
      if (q.type === 'number') {
        // SCORM numeric, the integer typed, no correct pattern.
        expect([row?.type, row?.[response], row?.result, row?.weighting]).toEqual(['numeric', answers.get(q.id), 'neutral', unweighted]);
        expect(Object.keys(row ?? {}).filter((f) => /^correct_responses\.\d+\./.test(f))).toEqual([]);
      } else if (q.type === 'confidence') {
        expect(row).toBeUndefined();
        for (const item of q.items)
          for (const when of ['before', 'after']) {
            const id = `${q.id}-${item.id}-${when}`;
            const r = byId.get(`evaluation-${id}`);
            const index = q.scale.findIndex((s) => s.id === answers.get(id));
            expect([r?.type, r?.[response], r?.result, r?.weighting], id).toEqual([
              'likert',
              version === '12' ? 'abcdefghij'[index] : answers.get(id),
              'neutral',
              unweighted,
            ]);
          }
      } else if (q.type === 'likert') {
        const index = q.scale.findIndex((s) => s.id === answers.get(q.id));
        expect([row?.type, row?.[response], row?.result]).toEqual([
          'likert',
          version === '12' ? 'abcdefghij'[index] : answers.get(q.id),
          'neutral',
        ]);
      } else {
        expect([row?.type, row?.[response], row?.result]).toEqual([
          version === '12' ? 'fill-in' : 'long-fill-in',
          answers.get(q.id),
          'neutral',
        ]);
      }
    }
    expect(strictViolations(await lmsCalls(page), version)).toEqual([]);
  });
}
