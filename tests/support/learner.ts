import type { FrameLocator, Locator } from '@playwright/test';
import { correctAnswer } from '../../src/course/questions.ts';
import { criticalObjectives } from '../../src/course/state.ts';
import type { Answer, Question, Quiz } from '../../src/course/types.ts';

/**
 * Answers questions through the course's own controls, as a learner with a mouse
 * or keyboard would, for any question type.
 */
export function questionGroup(frame: FrameLocator, q: Question): Locator {
  return frame.getByRole('group', { name: q.prompt });
}

const textOf = (list: readonly { id: string; text: string }[], id: string) => list.find((c) => c.id === id)?.text ?? id;

export async function giveAnswer(frame: FrameLocator, q: Question, answer: Answer): Promise<void> {
  const group = questionGroup(frame, q);
  switch (q.type) {
    case 'single':
      await group.getByRole('radio', { name: textOf(q.choices, answer[0] ?? ''), exact: true }).check();
      break;
    case 'multiple':
      for (const c of q.choices) await group.getByRole('checkbox', { name: c.text, exact: true }).setChecked(answer.includes(c.id));
      break;
    case 'true_false':
      await group.getByRole('radio', { name: answer[0] === 'true' ? 'True' : 'False', exact: true }).check();
      break;
    case 'matching':
      for (const p of answer) {
        const [item, target] = p.split('.');
        await group.getByRole('combobox', { name: textOf(q.items, item ?? ''), exact: true }).selectOption({ label: textOf(q.targets, target ?? '') });
      }
      break;
    case 'ordering':
      for (let i = 0; i < answer.length; i++) {
        const want = textOf(q.items, answer[i] ?? '');
        const current = await group.locator('li span').allTextContents();
        for (let j = current.indexOf(want); j > i; j--) await group.getByRole('button', { name: `Move up: ${want}`, exact: true }).click();
      }
      // Nothing moved because the order shown was already the one wanted: confirm it.
      if (await group.getByRole('button', { name: 'Use this order' }).count()) await group.getByRole('button', { name: 'Use this order' }).click();
      break;
    case 'numeric': {
      const field = group.getByRole('textbox');
      await field.fill(answer[0] ?? '');
      await field.blur();
      break;
    }
  }
}

/** Answers every question of the attempt on screen correctly (or wrongly, when `wrong` says so). */
export async function answerShownQuestions(frame: FrameLocator, quiz: Quiz, wrong: (q: Question) => boolean = () => false): Promise<Question[]> {
  const shown: Question[] = [];
  for (const q of quiz.questions) {
    if (!(await questionGroup(frame, q).count())) continue;
    shown.push(q);
    await giveAnswer(frame, q, wrong(q) ? wrongAnswer(q) : correctAnswer(q));
    if (quiz.feedback === 'immediate') await frame.locator(`[data-check="${q.id}"]`).click();
  }
  return shown;
}

/** A complete answer that scores 0. */
export function wrongAnswer(q: Question): Answer {
  switch (q.type) {
    case 'single':
      return [q.choices.find((c) => c.id !== q.correct)?.id ?? ''];
    case 'multiple':
      return q.choices.filter((c) => !q.correct.includes(c.id)).map((c) => c.id).slice(0, 1);
    case 'true_false':
      return [String(!q.correct)];
    case 'matching':
      return q.items.map((item) => `${item.id}.${q.targets.find((t) => t.id !== item.match)?.id ?? item.match}`);
    case 'ordering':
      return [...q.items].reverse().map((i) => i.id);
    case 'numeric':
      return [String(q.answer + q.tolerance + 1)];
  }
}

/** A question on a critical objective of its quiz: answering it wrongly fails the attempt whatever the score. */
export function isCritical(quiz: Quiz, q: Question): boolean {
  const critical = criticalObjectives(quiz);
  return q.objectives.some((o) => critical.includes(o));
}
