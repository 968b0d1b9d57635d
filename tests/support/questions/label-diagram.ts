import { expect } from '@playwright/test';
import type { LabelDiagramQuestion } from '../../../src/course/question-types/label-diagram.ts';
import { expectPairsReview, pickByKeyboard, targetIn, textOf, type QuestionHarness } from './harness.ts';

/** The select of a part is named "Part 2: <where it is>". */
const partName = (q: LabelDiagramQuestion, i: number) => new RegExp(`^Part ${i + 1}\\b`);

/** The figure, then one select per numbered part. */
export default {
  async give(group, q, answer) {
    await expect(group.getByRole('img', { name: q.alt })).toBeVisible();
    for (const [i, part] of q.parts.entries()) {
      const label = targetIn(answer, part.id);
      if (label) await group.getByRole('combobox', { name: partName(q, i) }).selectOption({ label: textOf(q.labels, label) });
    }
  },
  async byKeyboard(k, q, answer) {
    for (const [i, part] of q.parts.entries()) {
      await k.tabTo((f) => f.tag === 'select' && partName(q, i).test(f.label), `the name for part ${i + 1}`);
      await pickByKeyboard(k, k.host.getByRole('combobox', { name: partName(q, i) }), textOf(q.labels, targetIn(answer, part.id)));
    }
  },
  wrong: (q) => q.parts.map((p) => `${p.id}.${q.labels.find((l) => l.id !== p.match)?.id ?? p.match}`),
  expectReview: (group, q, given, revealed) => expectPairsReview(group, q.parts, q.labels, given, revealed),
} satisfies QuestionHarness<LabelDiagramQuestion>;
