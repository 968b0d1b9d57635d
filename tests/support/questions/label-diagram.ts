import { expect, type Locator } from '@playwright/test';
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
  async expectReview(group, q, given, revealed) {
    await expectPairsReview(group, q.parts, q.labels, given, revealed);
    await expectMarkers(group, q, given, revealed);
  },
} satisfies QuestionHarness<LabelDiagramQuestion>;

/**
 * The figure's markers show right and wrong once judged: green with a tick, red with a cross
 * (read from the drawn colour and shape, not from the words beside them).
 */
async function expectMarkers(group: Locator, q: LabelDiagramQuestion, given: string[], revealed: boolean): Promise<void> {
  const judged = revealed || q.parts.every((p) => targetIn(given, p.id) === p.match);
  const drawn = await group.locator('figure svg g.marker').evaluateAll((markers) =>
    markers.map((m) => ({
      fill: getComputedStyle(m.querySelector(':scope > circle') as Element).fill,
      badge: m.querySelectorAll('.badge path').length,
    })),
  );
  expect(drawn).toHaveLength(q.parts.length);
  const fills = q.parts.map((p, i) => ({
    right: targetIn(given, p.id) === p.match,
    fill: drawn[i]?.fill ?? '',
    badge: drawn[i]?.badge ?? 0,
  }));
  for (const f of fills) expect(f.badge, 'a tick or cross on each judged marker').toBe(judged ? 1 : 0);
  if (!judged) return;
  // Every right marker has one colour, every wrong one another.
  const rightFills = new Set(fills.filter((f) => f.right).map((f) => f.fill));
  const wrongFills = new Set(fills.filter((f) => !f.right).map((f) => f.fill));
  expect(rightFills.size).toBeLessThanOrEqual(1);
  expect(wrongFills.size).toBeLessThanOrEqual(1);
  for (const fill of rightFills) expect(wrongFills.has(fill)).toBe(false);
}
