import { shuffle } from '../random.ts';
import type { Choice, QuestionBase, Scoring } from './base.ts';
import { ids, questionKind } from './kind.ts';
import { pairing } from './matching.ts';

/** A numbered part of the figure, to be named. */
export interface DiagramPart {
  id: string;
  /** Where its numbered marker sits, in the figure's own coordinates (its viewBox). */
  at: [number, number];
  /** The point on the part a leader line runs to from the marker, when the marker sits beside it. */
  to?: [number, number];
  /** Where it is, in words ("at the front, the large oval"), for learners who do not see the figure. Never its name. */
  where: string;
  /** Id of the label that names it. */
  match: string;
  /** The part as "Part 2", for reviews and reports; set by the build. */
  text: string;
}

export interface LabelDiagramQuestion extends QuestionBase {
  type: 'label_diagram';
  /** The SVG file, relative to the quiz file. */
  figure: string;
  /** The figure for screen readers: what it shows, without naming the parts. */
  alt: string;
  /** The figure's viewBox and drawing, read by the build from `figure`. */
  viewBox: [number, number, number, number];
  svg: string;
  /** Numbered 1, 2, 3… in this order. */
  parts: DiagramPart[];
  /** The names to choose from (more than the parts, so the last one is not a give-away). */
  labels: Choice[];
  scoring: Scoring;
}

const rules = pairing<LabelDiagramQuestion>(
  (q) => q.parts,
  (q) => q.labels,
);

/** What a figure may not contain: it runs inside the LMS page, offline. */
const UNSAFE: [RegExp, string][] = [
  [/<script\b/i, 'a <script>'],
  [/\son[a-z]+\s*=/i, 'an event handler (onclick=…)'],
  [/<foreignObject\b/i, 'a <foreignObject>'],
  [/(?:href|src)\s*=\s*["'](?!#)/i, 'a link to another file or address (only #ids inside the figure are allowed)'],
  [/url\(\s*["']?(?!#)/i, 'a url() to another file or address'],
];

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&');

/**
 * Name the numbered parts of a figure: one list of names per number. Reported as a SCORM
 * `matching` (part → label), like matching.
 */
export default questionKind<LabelDiagramQuestion>({
  type: 'label_diagram',
  label: 'Label the diagram',
  schema: ({ z, base, id, text, list, choice, scoring }) =>
    z
      .strictObject({
        ...base,
        type: z.literal('label_diagram'),
        figure: z
          .string({ error: 'must be the file name of the figure, e.g. figures/vertebra.svg' })
          .regex(/^[\w./-]+\.svg$/, { error: 'must be the file name of an SVG figure next to the quiz, e.g. figures/vertebra.svg' }),
        alt: text('what the figure shows, for screen readers, without naming the parts'),
        parts: list(
          z.strictObject({
            id,
            at: z.tuple([z.number(), z.number()], { error: 'must be the marker position as [x, y] in the figure viewBox, e.g. [120, 80]' }),
            to: z
              .tuple([z.number(), z.number()], { error: 'must be the point the leader line runs to, as [x, y] in the figure viewBox' })
              .optional(),
            where: text('where the part is, without naming it (e.g. "at the front, the large oval")'),
            match: id,
          }),
          'parts',
          12,
        ),
        labels: list(choice, 'labels', 12),
        scoring,
      })
      .superRefine((q, ctx) => {
        const known = ids(q.labels);
        q.parts.forEach((p, i) => {
          if (!known.includes(p.match))
            ctx.addIssue({
              code: 'custom',
              path: ['parts', i, 'match'],
              message: `"${p.match}" is not one of the label ids ${known.join(', ')}`,
            });
        });
      })
      .transform((q) => ({
        ...q,
        viewBox: [0, 0, 0, 0] as [number, number, number, number],
        svg: '',
        parts: q.parts.map((p, i) => ({ ...p, text: `Part ${i + 1}` })),
      })),
  compile(q, { readFile, report }) {
    const file = readFile(q.figure);
    if (file === null) {
      report(['figure'], `"${q.figure}" was not found next to the quiz file: check the name, or add the SVG there`);
      return q;
    }
    const root = /<svg\b([^>]*)>([\s\S]*)<\/svg>\s*$/i.exec(
      file
        .replace(/<!--[\s\S]*?-->/g, '')
        .trim()
        .replace(/^<\?xml[^>]*\?>\s*/i, ''),
    );
    const viewBox = root
      ? /\sviewBox\s*=\s*["']([^"']+)["']/i
          .exec(root[1] ?? '')?.[1]
          ?.trim()
          .split(/[\s,]+/)
          .map(Number)
      : undefined;
    if (!root || !viewBox || viewBox.length !== 4 || viewBox.some((n) => !Number.isFinite(n))) {
      report(
        ['figure'],
        `"${q.figure}" must be one <svg> element with a viewBox, e.g. <svg viewBox="0 0 300 200" xmlns="http://www.w3.org/2000/svg">…</svg>`,
      );
      return q;
    }
    const body = (root[2] ?? '').trim();
    for (const [pattern, what] of UNSAFE)
      if (pattern.test(body))
        report(['figure'], `"${q.figure}" contains ${what}: a figure must be drawing only, as it runs inside the LMS page and offline`);
    const [x, y, w, h] = viewBox as [number, number, number, number];
    q.parts.forEach((p, i) => {
      for (const key of ['at', 'to'] as const) {
        const [px, py] = p[key] ?? [x, y];
        if (px < x || py < y || px > x + w || py > y + h)
          report(['parts', i, key], `[${px}, ${py}] is outside the figure, whose viewBox is ${x} ${y} ${w} ${h}`);
      }
    });
    // A name written in the figure gives the answer away.
    const words = [...body.matchAll(/<(?:text|tspan|title|desc)\b[^>]*>([^<]*)/gi)].map((m) => decode(m[1] ?? '').toLowerCase());
    q.labels.forEach((label, i) => {
      if (words.some((w) => w.includes(label.text.toLowerCase())))
        report(
          ['labels', i, 'text'],
          `"${label.text}" is written in the figure itself, which gives the answer away: remove it from ${q.figure}`,
        );
    });
    return { ...q, viewBox: [x, y, w, h], svg: body };
  },
  ...rules,
  optionOrder: (q, { random, shuffleChoices }) => ids(shuffleChoices ? shuffle(q.labels, random) : q.labels),
  texts: (q) => [q.prompt, q.alt, ...q.parts.map((p) => p.where), ...q.labels.map((l) => l.text)],
});
