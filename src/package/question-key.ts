import { kindOf, KINDS } from '../course/question-types/index.ts';
import { textOf, type QuestionKind } from '../course/question-types/kind.ts';
import { correctAnswer, toInteraction } from '../course/questions.ts';
import { CE_RECORD, type CeRecordId } from '../course/ce-record.ts';
import { reportedQuizzes } from '../course/reported.ts';
import { evaluationReports, rateConfidence } from '../course/evaluation.ts';
import type { Course, EvaluationQuestion, Objective, Question, QuestionType, Quiz } from '../course/types.ts';
import {
  formatScorm12,
  formatScorm2004,
  SCORM12_TEXT_LIMIT,
  type AnswerOf,
  type FormattedAnswer,
  type InteractionKind,
} from '../scorm/interaction-format.ts';
import type { InteractionAnswer } from '../scorm/session.ts';

/**
 * The question key: what the codes in an LMS's interactions report stand for.
 * Every code here comes from the functions the course reports with (toInteraction,
 * formatScorm12, formatScorm2004), fed the answer a learner would give, so the key
 * shows exactly what the LMS stores and cannot drift from it.
 */

/** One code a response can hold, in both versions, with what it stands for. */
export interface KeyCode {
  /** What the code names: a choice, a matching item or target, an ordering item, true or false. */
  part: 'Option' | 'Item' | 'Target' | 'Answer';
  scorm12: string;
  scorm2004: string;
  text: string;
  /** Its place in the correct answer ('' when it has none). */
  inCorrect: string;
  /** It is (part of) the correct answer. */
  correct: boolean;
}

export interface KeyEntry {
  /** As reported: `${quiz.id}-${question.id}`. */
  interactionId: string;
  quiz: Pick<Quiz, 'id' | 'title'>;
  question: Question;
  typeLabel: string;
  /** The interaction type the question reports as (its entry in the interaction table). */
  interaction: InteractionKind;
  /** The SCORM interaction type (cmi.interactions.n.type). */
  scormType: FormattedAnswer['type'];
  scoring: string;
  codes: KeyCode[];
  numeric: { answer: number; tolerance: number; min: number; max: number; unit: string } | null;
  /** The correct answer: each version's pattern and its meaning (`parts` joined by "; "). */
  correct: { scorm12: string; scorm2004: string; text: string; parts: string[] };
  objectives: (Objective & { lesson: string })[];
}

/** The response the LMS stores for an answer as reported, in both versions. */
function responseOf(a: InteractionAnswer): { scorm12: string; scorm2004: string } {
  const [s12, s04] = [formatScorm12(a), formatScorm2004(a)];
  if (s12.response === null || s04.response === null) throw new Error(`a ${a.type} response reports nothing: ${JSON.stringify(a)}`);
  return { scorm12: s12.response, scorm2004: s04.response };
}

/** The two codes of a matching response holding one pair, split at each version's separator. */
function pairCodes(a: AnswerOf<'matching'>, item: string, target: string) {
  const r = responseOf({ ...a, response: [[item, target]] });
  const p12 = r.scorm12.split('.');
  const p04 = r.scorm2004.split('[.]');
  if (p12.length !== 2 || p04.length !== 2) throw new Error(`cannot read the pair ${r.scorm12} / ${r.scorm2004}`);
  return {
    item: { scorm12: p12[0] as string, scorm2004: p04[0] as string },
    target: { scorm12: p12[1] as string, scorm2004: p04[1] as string },
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The words behind the ids a report names (a question type's `vocabulary`). */
type Words = ReturnType<QuestionKind<Question>['vocabulary']>;

/**
 * The question key's column of the interaction table (`scorm/interaction-format.ts`): for a
 * question that reports as this interaction type, every code its response can hold, with
 * its words, and the right answer in words. Its type makes a new interaction type without
 * an entry a compile error.
 */
interface KeyColumn<K extends InteractionKind> {
  /** From the report of the right answer (every code is that report with another response, formatted). */
  list(right: AnswerOf<K>, words: Words): { codes: KeyCode[]; parts: string[]; numeric?: KeyEntry['numeric'] };
  /** What a response looks like in SCORM 1.2 and in SCORM 2004, for the legend (HTML). */
  meaning: [string, string];
}

const KEY_COLUMN: { readonly [K in InteractionKind]: KeyColumn<K> } = {
  choice: {
    list: (ia, words) => ({
      codes: ia.options.map((id) => {
        const correct = ia.correct.includes(id);
        const text = textOf(words.sources, id);
        return { part: 'Option', ...responseOf({ ...ia, response: [id] }), text, correct, inCorrect: correct ? 'correct' : '' };
      }),
      parts: ia.correct.map((id) => textOf(words.sources, id)),
    }),
    meaning: ['the letters of the options picked, joined by commas', 'the option ids, joined by <code>[,]</code>'],
  },
  'true-false': {
    list: (ia, words) => ({
      codes: [true, false].map((value) => {
        const correct = value === ia.correct;
        const text = textOf(words.sources, String(value));
        return { part: 'Answer', ...responseOf({ ...ia, response: value }), text, correct, inCorrect: correct ? 'correct' : '' };
      }),
      parts: [textOf(words.sources, String(ia.correct))],
    }),
    meaning: ['<code>t</code> (true) or <code>f</code> (false)', '<code>true</code> or <code>false</code>'],
  },
  sequencing: {
    list: (ia, words) => ({
      codes: ia.options.map((id) => ({
        part: 'Item',
        ...responseOf({ ...ia, response: [id] }),
        text: textOf(words.sources, id),
        correct: true,
        inCorrect: `position ${ia.correct.indexOf(id) + 1}`,
      })),
      parts: ia.correct.map((id, i) => `${i + 1}. ${textOf(words.sources, id)}`),
    }),
    meaning: [
      'the letters in the order the learner put the items; items are lettered in their correct order, so the right answer is always <code>a,b,c,…</code>',
      'the item ids in the learner\u2019s order, joined by <code>[,]</code>',
    ],
  },
  matching: {
    list(ia, words) {
      const itemText = (id: string) => textOf(words.sources, id);
      const targetText = (id: string) => textOf(words.targets ?? [], id);
      const firstItem = ia.sources[0] as string;
      const targetCode = (t: string) => pairCodes(ia, firstItem, t).target;
      const items: KeyCode[] = ia.sources.map((id) => {
        const match = ia.correct.find(([s]) => s === id)?.[1];
        const c = match === undefined ? pairCodes(ia, id, ia.targets[0] as string).item : pairCodes(ia, id, match).item;
        const t = match === undefined ? null : targetCode(match);
        return {
          part: 'Item',
          ...c,
          text: itemText(id),
          correct: match !== undefined,
          inCorrect: t && match ? `→ ${t.scorm12} / ${t.scorm2004}: ${targetText(match)}` : '',
        };
      });
      const targets: KeyCode[] = ia.targets.map((id) => {
        const from = ia.correct.filter(([, t]) => t === id).map(([s]) => itemText(s));
        return {
          part: 'Target',
          ...targetCode(id),
          text: targetText(id),
          correct: from.length > 0,
          inCorrect: from.length ? `← ${from.join('; ')}` : 'matches no item',
        };
      });
      return { codes: [...items, ...targets], parts: ia.correct.map(([s, t]) => `${itemText(s)} → ${targetText(t)}`) };
    },
    meaning: [
      'pairs <code>item.target</code>, joined by commas; items and targets are each lettered from <code>a</code> in their own list, so <code>a.b</code> means item a matched to target b (a diagram\u2019s parts are items, in the order of their numbers)',
      'pairs <code>item[.]target</code> of ids, joined by <code>[,]</code>',
    ],
  },
  numeric: {
    list(ia, words) {
      const unit = words.unit ?? '';
      const answer = Number(((ia.min + ia.max) / 2).toFixed(7));
      const numeric = { answer, tolerance: Number(((ia.max - ia.min) / 2).toFixed(7)), min: ia.min, max: ia.max, unit };
      const parts = [`${answer}${unit ? ` ${unit}` : ''}` + (ia.min === ia.max ? '' : `, accepted from ${ia.min} to ${ia.max}`)];
      return { codes: [], parts, numeric };
    },
    meaning: [
      'the number (a decimal comma is sent as a point); SCORM 1.2 has no ranges, so the right answer shows only the expected value. A number with more than 3 digits before the point (answer or expected value), which 1.2\u2019s decimal cannot hold in Moodle, is recorded as typed in a record of type <code>fill-in</code> whose right answer is the expected value',
      'the number; a right answer with a tolerance is a range <code>min[:]max</code>. A number with more than 5 digits before the point is recorded as typed in a record of type <code>fill-in</code> whose right answer is the expected value',
    ],
  },
  'fill-in': {
    list: (ia) => ({ codes: [], parts: ia.correct }),
    meaning: [
      'the text typed; the right answer shows the first accepted answer only',
      'the text typed; each accepted answer is a right answer of its own (case does not matter)',
    ],
  },
  // The survey types (the evaluation's; a scored question may report as them too): no right answer.
  likert: {
    list: (ia, words) => ({
      codes: ia.scale.map((id) => ({
        part: 'Option',
        ...responseOf({ ...ia, response: id }),
        text: textOf(words.sources, id),
        correct: false,
        inCorrect: '',
      })),
      parts: [],
    }),
    meaning: ['the letter of the point picked, lettered from <code>a</code> in the order of the scale', 'the id of the point picked'],
  },
  number: {
    list: () => ({ codes: [], parts: [] }),
    meaning: ['the number', 'the number'],
  },
  text: {
    list: () => ({ codes: [], parts: [] }),
    meaning: [
      `the text typed, up to ${SCORM12_TEXT_LIMIT} characters (type <code>fill-in</code>)`,
      'the text typed, on one line (type <code>long-fill-in</code>)',
    ],
  },
};

/** The key's column for an interaction type. */
function keyColumn<K extends InteractionKind>(type: K): KeyColumn<K> {
  return KEY_COLUMN[type];
}

/** The key's entries, quiz by quiz (in course order), questions in alphabetical order of their interaction id. */
export function questionKey(course: Course): KeyEntry[] {
  const objectives = new Map(course.lessons.flatMap((l) => l.objectives.map((o) => [o.id, { ...o, lesson: l.title }] as const)));
  return reportedQuizzes(course).flatMap((quiz) =>
    quiz.questions
      .map((q) => entry(quiz, q, objectives))
      .sort((a, b) => (a.interactionId < b.interactionId ? -1 : a.interactionId > b.interactionId ? 1 : 0)),
  );
}

function entry(quiz: Quiz, q: Question, objectives: Map<string, Objective & { lesson: string }>): KeyEntry {
  // What the key lists follows the interaction type the question reports as.
  const ia = toInteraction(q, correctAnswer(q));
  const [s12, s04] = [formatScorm12(ia), formatScorm2004(ia)];
  const { codes, parts, numeric = null } = keyColumn(ia.type).list(ia, kindOf(q).vocabulary(q));
  const scoring = 'scoring' in q ? (q.scoring === 'partial' ? 'partial credit' : 'all or nothing') : 'right or wrong';
  return {
    interactionId: `${quiz.id}-${q.id}`,
    quiz: { id: quiz.id, title: quiz.title },
    question: q,
    typeLabel: kindOf(q).label,
    interaction: ia.type,
    scormType: s12.type,
    scoring,
    codes,
    numeric,
    correct: {
      scorm12: s12.pattern ?? '',
      // Every correct pattern the 2004 record holds, where the type allows several.
      scorm2004: [s04.pattern ?? '', ...(s04.alsoCorrect ?? [])].join(' or '),
      text: parts.join('; '),
      parts,
    },
    objectives: q.objectives.map((id) => objectives.get(id) ?? { id, text: '', lesson: '' }),
  };
}

// ---------------------------------------------------------------- the evaluation

/** One interaction the evaluation reports, with every code its response can hold. */
export interface EvaluationKeyEntry {
  /** As reported: `evaluation-<question id>`, or `evaluation-<id>-<item>-before` / `-after` for a confidence rating. */
  interactionId: string;
  question: EvaluationQuestion;
  typeLabel: string;
  /** The SCORM interaction type in each version (text is fill-in in 1.2, long-fill-in in 2004). */
  scormType: { scorm12: string; scorm2004: string };
  /** The question as the LMS's description holds it (a confidence rating: the prompt, the item, before or now). */
  prompt: string;
  /** For a scale: each point's code in both versions and its text. */
  codes: { scorm12: string; scorm2004: string; text: string }[];
  /** What the response holds when it is not a code from a list: a number's range and unit, free text. */
  answer: string;
  number: { min: number; max: number; unit: string } | null;
}

const EVALUATION_TYPE: Record<EvaluationQuestion['type'], string> = {
  likert: 'Rating scale',
  confidence: 'Confidence rating',
  number: 'Number',
  text: 'Free text',
};

/**
 * The evaluation's interactions in the order the course asks them, each code from the
 * functions the course reports with (evaluationReports, formatScorm12, formatScorm2004).
 */
export function evaluationKey(course: Course): EvaluationKeyEntry[] {
  return (course.evaluation?.questions ?? []).flatMap((q): EvaluationKeyEntry[] => {
    const sent = (value: string) => {
      const reports = evaluationReports(q, value, SCORM12_TEXT_LIMIT);
      return reports.map((r) => ({ r, s12: formatScorm12(r.answer), s04: formatScorm2004(r.answer) }));
    };
    const base = (value: string, typeLabel: string) => {
      const first = sent(value)[0];
      if (!first) throw new Error(`evaluation question "${q.id}": the answer "${value}" reports nothing`);
      return {
        interactionId: first.r.id,
        question: q,
        typeLabel,
        scormType: { scorm12: first.s12.type, scorm2004: first.s04.type },
        prompt: first.r.description,
        codes: [] as EvaluationKeyEntry['codes'],
        answer: '',
        number: null,
      };
    };
    const codesOf = (scale: { id: string; text: string }[], valueFor: (point: string) => string) =>
      scale.map((point) => {
        const [one] = sent(valueFor(point.id));
        return { scorm12: one?.s12.response ?? '', scorm2004: one?.s04.response ?? '', text: point.text };
      });
    switch (q.type) {
      case 'likert':
        return [
          { ...base(q.scale[0]?.id ?? '', EVALUATION_TYPE.likert), codes: codesOf(q.scale, (p) => p), answer: 'a point of the scale' },
        ];
      case 'confidence':
        return q.items.flatMap((item) =>
          (['before', 'after'] as const).map((when) => {
            const valueFor = (p: string) => rateConfidence(q, '', item.id, when, p);
            const label = `${EVALUATION_TYPE.confidence}, ${when === 'before' ? 'before this course' : 'now (after this course)'}`;
            return { ...base(valueFor(q.scale[0]?.id ?? ''), label), codes: codesOf(q.scale, valueFor), answer: 'a point of the scale' };
          }),
        );
      case 'number':
        return [
          {
            ...base(String(q.min), EVALUATION_TYPE.number),
            answer: `a whole number of ${q.unit}, from ${q.min} to ${q.max}, the same in both versions`,
            number: { min: q.min, max: q.max, unit: q.unit },
          },
        ];
      case 'text':
        return [
          {
            ...base('x', EVALUATION_TYPE.text),
            answer: `free text, up to ${q.maxLength} characters, on one line in SCORM 2004; in SCORM 1.2 an answer over ${SCORM12_TEXT_LIMIT} characters continues in evaluation-${q.id}-2, -3…`,
          },
        ];
    }
  });
}

// ---------------------------------------------------------------- HTML

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
const code = (s: string) => `<code>${escapeHtml(s)}</code>`;
/** A response or pattern that may wrap only between its entries (after `,` or `[,]`), never inside a pair. */
const codes = (s: string) =>
  `<code class="list">${s
    .split(/(?<=\[,\]|,(?!\]))/)
    .map(escapeHtml)
    .join('<wbr>')}</code>`;

function drawNote(quiz: Quiz): string {
  const bank = plural(quiz.questions.length, 'question');
  if (quiz.drawPerObjective !== null)
    return `The bank holds ${bank}; each attempt draws ${plural(quiz.drawPerObjective, 'question')} per objective, so a learner's report shows only some of these ids.`;
  if (quiz.draw !== null && quiz.draw < quiz.questions.length)
    return `The bank holds ${bank}; each attempt draws ${quiz.draw}, so a learner's report shows only some of these ids.`;
  return `Every attempt asks all ${bank}.`;
}

/**
 * A question of this type to show as an example: for matching, the shortest whose
 * right answer pairs different letters (`a.b`), which shows how pairs read.
 */
function exampleOf(entries: KeyEntry[], type: QuestionType): KeyEntry | undefined {
  const ofType = entries.filter((e) => e.question.type === type);
  const telling = (e: KeyEntry) => e.correct.scorm12.split(',').some((p) => p.split('.')[0] !== p.split('.')[1]);
  const shortest = (list: KeyEntry[]) => [...list].sort((a, b) => a.correct.text.length - b.correct.text.length)[0];
  return (ofType[0]?.scormType === 'matching' ? shortest(ofType.filter(telling)) : undefined) ?? ofType[0];
}

/** Per type: what a response looks like in each version, with this course's own right answer as the example. */
function legend(entries: KeyEntry[]): string {
  const rows = KINDS.map((kind) => ({ label: kind.label, example: exampleOf(entries, kind.type) })).flatMap(({ label, example: e }) => {
    if (!e) return [];
    const [m12, m04] = keyColumn(e.interaction).meaning;
    const one = e.scormType === 'choice' && e.question.type === 'single';
    return [
      `<tr><th scope="row">${label}</th><td>${one ? 'the letter of the option picked' : m12}<div class="eg">e.g. ${codes(e.correct.scorm12)}</div></td><td>${
        one ? 'the option id' : m04
      }<div class="eg">e.g. ${codes(e.correct.scorm2004)}</div></td></tr>`,
    ];
  });
  return `<table class="legend">
<caption>What a response looks like, by question type (examples: right answers from this course)</caption>
<colgroup><col class="c-type"><col><col></colgroup>
<thead><tr><th scope="col">Question type</th><th scope="col">SCORM 1.2 response</th><th scope="col">SCORM 2004 response</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
}

const GROUPS: Partial<Record<KeyCode['part'], string>> = {
  Item: 'Items: what the learner matches (lettered a, b, c…)',
  Target: 'Targets: what they are matched to (lettered from a again)',
};

function questionHtml(e: KeyEntry): string {
  const q = e.question;
  const meta = [e.typeLabel, `SCORM type ${code(e.scormType)}`, `weight ${q.weight}`, e.scoring].join(' · ');
  const group = (label: string) => `<tr class="group"><th colspan="4" scope="colgroup">${escapeHtml(label)}</th></tr>`;
  const row = (c: KeyCode) =>
    `<tr${c.inCorrect === 'correct' ? ' class="is-correct"' : ''}><th scope="row">${code(c.scorm12)}</th><td>${code(c.scorm2004)}</td><td>${escapeHtml(c.text)}</td><td>${
      c.inCorrect === 'correct' ? '<span class="ok">✓ correct</span>' : escapeHtml(c.inCorrect)
    }</td></tr>`;
  let body: string;
  if (e.numeric) {
    const n = e.numeric;
    const tolerance = n.tolerance === 0 ? 'none, only the exact value counts' : `± ${n.tolerance}, so ${n.min} to ${n.max} counts`;
    body = `<tbody><tr><th scope="row">a number</th><td>a number</td><td colspan="2">the number the learner typed; expected ${escapeHtml(String(n.answer))}${
      n.unit ? ` ${escapeHtml(n.unit)}` : ''
    }, tolerance ${escapeHtml(tolerance)}</td></tr></tbody>`;
  } else if (e.scormType === 'matching') {
    body = (['Item', 'Target'] as const)
      .map(
        (part) =>
          `<tbody>\n${group(GROUPS[part] as string)}\n${e.codes
            .filter((c) => c.part === part)
            .map(row)
            .join('\n')}\n</tbody>`,
      )
      .join('\n');
  } else {
    body = `<tbody>\n${e.codes.map(row).join('\n')}\n</tbody>`;
  }
  const objectives = e.objectives
    .map((o) => `<li>${code(o.id)} ${escapeHtml(o.text)}${o.lesson ? ` <span class="lesson">(${escapeHtml(o.lesson)})</span>` : ''}</li>`)
    .join('');
  const id = escapeHtml(e.interactionId);
  return `<section class="q" id="${id}" aria-labelledby="h-${id}">
<h3 id="h-${id}"><code class="iid">${id}</code></h3>
<p class="meta">${meta}</p>
<p class="prompt">${escapeHtml(q.prompt)}</p>
<table class="codes">
<colgroup><col class="c-12"><col class="c-04"><col class="c-text"><col class="c-in"></colgroup>
<thead><tr><th scope="col">SCORM 1.2</th><th scope="col">SCORM 2004</th><th scope="col">Text</th><th scope="col">In the right answer</th></tr></thead>
${body}
<tbody class="right">
${group('Right answer')}
<tr><th scope="row">${codes(e.correct.scorm12)}</th><td>${codes(e.correct.scorm2004)}</td><td colspan="2">${e.correct.parts.map(escapeHtml).join('<br>')}</td></tr>
</tbody>
</table>
<div class="objectives"><span>${e.objectives.length === 1 ? 'Objective' : 'Objectives'}</span><ul>${objectives}</ul></div>
</section>`;
}

function evaluationEntryHtml(e: EvaluationKeyEntry): string {
  const id = escapeHtml(e.interactionId);
  const type =
    e.scormType.scorm12 === e.scormType.scorm2004
      ? `SCORM type ${code(e.scormType.scorm12)}`
      : `SCORM type ${code(e.scormType.scorm12)} (1.2), ${code(e.scormType.scorm2004)} (2004)`;
  const meta = [e.typeLabel, type, e.question.required ? 'required' : 'optional', 'weight 0 · not scored (result neutral)'].join(' · ');
  const body = e.codes.length
    ? `<table class="codes">
<colgroup><col class="c-12"><col class="c-04"><col></colgroup>
<thead><tr><th scope="col">SCORM 1.2</th><th scope="col">SCORM 2004</th><th scope="col">Text</th></tr></thead>
<tbody>
${e.codes.map((c) => `<tr><th scope="row">${code(c.scorm12)}</th><td>${code(c.scorm2004)}</td><td>${escapeHtml(c.text)}</td></tr>`).join('\n')}
</tbody>
</table>`
    : `<p class="answer">Response: ${escapeHtml(e.answer)}.</p>`;
  return `<section class="q ev" id="${id}" aria-labelledby="h-${id}">
<h3 id="h-${id}"><code class="iid">${id}</code></h3>
<p class="meta">${meta}</p>
<p class="prompt">${escapeHtml(e.prompt)}</p>
${body}
</section>`;
}

function evaluationHtml(course: Course): string {
  const entries = evaluationKey(course);
  if (!entries.length) return '';
  return `<h2 id="evaluation">Evaluation <span class="quiz-note">(not scored)</span></h2>
<p class="quiz-note">The learner evaluation, asked after the exam is passed. Each answer is an interaction with result <code>neutral</code> and weight 0, sent once when the learner submits; an optional question left empty is not sent. A confidence rating is two interactions per topic: <code>-before</code> (before this course) and <code>-after</code> (now).</p>
${entries.map(evaluationEntryHtml).join('\n')}`;
}

const STYLE = `
:root { color-scheme: light dark; --bg: #fff; --fg: #1b1c1e; --muted: #50555c; --line: #c9ccd1; --head: #f2f4f7; --chip: #eceff3; --ok: #1d6a32; --okbg: #eaf6ed; --accent: #0b57a4; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #16181b; --fg: #ecedef; --muted: #b4b9c0; --line: #4a4f57; --head: #22262b; --chip: #2c3138; --ok: #93d8a4; --okbg: #1d2c22; --accent: #9cc9ff; }
}
* { box-sizing: border-box; }
html { background: var(--bg); color: var(--fg); }
body { margin: 0 auto; max-width: 62rem; padding: 1.5rem 1.25rem 3rem; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; line-height: 1.2; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; padding-bottom: .2rem; border-bottom: 2px solid var(--line); break-after: avoid; }
h3 { font-size: 1rem; margin: 0; }
p { margin: .4rem 0; }
.sub { color: var(--muted); margin: 0 0 1rem; }
code { font-family: ui-monospace, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; font-size: .92em; background: var(--chip); padding: 0 .25em; border-radius: 3px; overflow-wrap: anywhere; }
.howto { border: 1px solid var(--line); border-radius: 6px; padding: .75rem 1rem; background: var(--head); }
.howto h2 { margin-top: 0; border: 0; }
.howto ol { margin: .25rem 0 .5rem; padding-left: 1.4rem; }
.howto li { margin: .3rem 0; }
table { width: 100%; border-collapse: collapse; margin: .5rem 0; }
th, td { border: 1px solid var(--line); padding: .3rem .45rem; text-align: left; vertical-align: top; }
td { overflow-wrap: break-word; }
thead th { background: var(--head); font-weight: 600; font-size: .85rem; }
tbody th { font-weight: 600; color: var(--muted); font-size: .85rem; }
tr { break-inside: avoid; }
thead { display: table-header-group; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
.legend { background: var(--bg); }
.legend .c-type { width: 17%; }
.eg { margin-top: .2rem; color: var(--muted); font-size: .88rem; }
.quiz-note { color: var(--muted); }
.q { border: 1px solid var(--line); border-radius: 6px; padding: .6rem .8rem .4rem; margin: 1rem 0; break-inside: avoid; }
.q .iid { font-size: 1.05rem; font-weight: 700; background: none; padding: 0; color: var(--accent); }
.q .meta { color: var(--muted); font-size: .85rem; margin: .1rem 0 .3rem; }
.q .prompt { font-weight: 600; font-size: 1.02rem; }
.codes .c-12 { width: 13%; } .codes .c-04 { width: 24%; } .codes .c-text { width: 37%; } .codes .c-in { width: 26%; }
.codes tbody th { font-weight: 400; color: var(--fg); font-size: inherit; }
.codes tr.group th { background: var(--head); color: var(--muted); font-size: .8rem; font-weight: 600; padding-top: .15rem; padding-bottom: .15rem; }
thead th { white-space: nowrap; }
code.list { overflow-wrap: normal; }
.codes tbody th code { font-weight: 700; font-size: 1.05em; }
.codes tr.is-correct td { background: var(--okbg); }
.codes .ok { color: var(--ok); font-weight: 700; white-space: nowrap; }
.codes tbody.right tr.group th { border-top: 2px solid var(--fg); color: var(--fg); }
.codes tbody.right code { font-weight: 700; }
.objectives { display: flex; gap: .5rem; font-size: .88rem; margin: .3rem 0 .2rem; }
.objectives > span { font-weight: 600; color: var(--muted); flex: none; }
.objectives ul { margin: 0; padding: 0; list-style: none; }
.objectives .lesson { color: var(--muted); }
.q.ev .codes .c-12 { width: 13%; } .q.ev .codes .c-04 { width: 24%; }
@media screen and (max-width: 640px) {
  body { padding: 1rem .6rem 2rem; }
  thead th { white-space: normal; }
  .q, .howto { overflow-x: auto; }
}
@page { margin: 14mm 12mm; }
@media print {
  :root { --bg: #fff; --fg: #000; --muted: #333; --line: #8c8c8c; --head: #eee; --chip: transparent; --ok: #000; --okbg: #f0f0f0; --accent: #000; }
  body { max-width: none; padding: 0; font-size: 9pt; line-height: 1.35; }
  th, td { padding: .15rem .35rem; }
  .q { padding: .4rem .6rem .2rem; }
  h2 { margin-top: 1.2rem; }
  .howto { break-inside: avoid; }
  .q { margin: .6rem 0; }
  code { padding: 0; font-size: 1em; }
  a { color: inherit; text-decoration: none; }
}
`;

/** The key as one self-contained HTML page (no scripts, no external resources). */
export function questionKeyHtml(course: Course): string {
  const entries = questionKey(course);
  const quizzes = reportedQuizzes(course);
  const example = exampleOf(entries, 'matching') ?? exampleOf(entries, 'multiple') ?? entries[0];
  const exampleItem = example
    ? `<li>Example: for ${code(example.interactionId)} the response ${codes(example.correct.scorm12)} (SCORM 1.2) means: ${example.correct.parts.map(escapeHtml).join('; ')}.</li>`
    : '';
  const sections = quizzes.map((quiz) => {
    const list = entries.filter((e) => e.quiz.id === quiz.id);
    return `<h2>${escapeHtml(quiz.title)} <span class="quiz-note">(${code(quiz.id)})</span></h2>
<p class="quiz-note">${escapeHtml(drawNote(quiz))} Pass mark ${quiz.passMark}%. Questions are in alphabetical order of their interaction id.</p>
${list.map(questionHtml).join('\n')}`;
  });
  const title = `Question key: ${course.title}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p class="sub">Course ${code(course.id)} · ${plural(entries.length, 'question')} reported to the LMS · made with the course’s own reporting code, for this version of the content</p>
<section class="howto" aria-labelledby="howto">
<h2 id="howto">How to read Moodle’s report with this key</h2>
<ol>
<li>In the SCORM activity open <b>Reports → Interactions report</b>. Under the table tick <i>Summary of question</i>, <i>Summary of responses</i>, <i>Summary of right answer</i> and <i>Summary of result</i>, then press <i>Show</i>.</li>
<li>Each learner attempt is one row, with four columns per answer. <i>Question N</i> holds the <b>interaction id</b>; <i>Response N</i> the learner’s answer as codes; <i>Right answer N</i> the right answer as codes; <i>Result N</i> <code>correct</code> or <code>wrong</code>. N only counts answers in the order they were sent: the exam draws and shuffles its questions, so “Question 3” is a different question for each learner. Always look up the id.</li>
<li>Find the id below and read each code in the <b>SCORM 1.2</b> column: its text is beside it. Letters follow the order of the options in this key, not the shuffled order the learner saw.</li>
${exampleItem}
<li>With the <b>SCORM 2004</b> package the codes are those in the SCORM 2004 column. This report reads only the SCORM 1.2 response field, so its Response columns stay empty for 2004: open the learner’s attempt (the attempt number) to see each <code>learner_response</code>. The result there is <code>correct</code> or <code>incorrect</code>.</li>
<li>The result is <code>correct</code> only for a fully right answer. With partial credit a partly right answer shows as wrong but still earns its share of the score.</li>
<li>The learner evaluation’s answers are the ids that start with <code>evaluation</code>; they are listed at the end, under <b>Evaluation</b>, with the text of each code.</li>
<li>With the SCORM 1.2 package one id can appear several times in a row: each exam attempt adds its answers, later attempts further right. The SCORM 2004 package records only the final attempt (the one that passed, or the last allowed). Only the graded quiz is reported; knowledge checks are not.</li>
</ol>
${legend(entries)}
</section>
${sections.join('\n')}
${evaluationHtml(course)}
${ceRecordHtml(course)}
</main>
</body>
</html>
`;
}

// ---------------------------------------------------------------- CE record

/** The values an id of the CE record can hold, as codes with their meaning where the course defines them. */
function ceValues(course: Course, id: CeRecordId): string[] {
  const credits = Array.isArray(course.activity.credit) ? course.activity.credit : [];
  if (id === 'ce-profession') return course.activity.professions.map((p) => `${p.id} = ${p.name}`);
  if (id === 'ce-credit-type') return [...credits.map((c) => `${c.type} (${c.professions.join(', ')})`), 'participation'];
  if (id === 'ce-credit-amount') return [...credits.map((c) => `${c.amount} (${c.type})`), '0 (participation)'];
  if (id === 'ce-version') return [`${course.activity.version} (this content)`];
  return [];
}

/** The SCORM interaction types the CE record's text is written as, in each version. */
function ceTypes(): { scorm12: string; scorm2004: string } {
  const answer: InteractionAnswer = { type: 'text', response: 'x' };
  return { scorm12: formatScorm12(answer).type, scorm2004: formatScorm2004(answer).type };
}

function ceRecordHtml(course: Course): string {
  const types = ceTypes();
  const rows = (Object.keys(CE_RECORD) as CeRecordId[]).map((id) => {
    const values = ceValues(course, id);
    return `<tr><th scope="row">${code(id)}</th><td>${escapeHtml(CE_RECORD[id].replace(/^CE record: /, ''))}${
      values.length ? `<div class="eg">${values.map(escapeHtml).join('<br>')}</div>` : ''
    }</td></tr>`;
  });
  return `<h2 id="ce-record">CE record</h2>
<p class="quiz-note">Written once, when the course is complete and the certificate issued (never in review): one interaction per fact, result ${code('neutral')}, weight 0, no right answer, SCORM type ${code(types.scorm12)} (1.2) and ${code(types.scorm2004)} (2004). The response holds the value as text. A course that does not ask for a profession writes no ${code('ce-profession')}.</p>
<table class="codes">
<thead><tr><th scope="col">Interaction id</th><th scope="col">What the response holds</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
}

/** One CSV row per id of the CE record, in the key's columns. */
function ceRecordRows(course: Course): string[][] {
  const types = ceTypes();
  return (Object.keys(CE_RECORD) as CeRecordId[]).map((id) => {
    const row: Record<(typeof CSV_COLUMNS)[number], string> = Object.fromEntries(CSV_COLUMNS.map((c) => [c, ''])) as Record<
      (typeof CSV_COLUMNS)[number],
      string
    >;
    row['Interaction id'] = id;
    row['Quiz'] = 'CE record (written once, when the certificate is issued)';
    row['Question type'] = 'CE record';
    row['SCORM interaction type'] = `${types.scorm12} (1.2), ${types.scorm2004} (2004)`;
    row['Prompt'] = CE_RECORD[id];
    row['Response codes (SCORM 1.2 = SCORM 2004 = text)'] = ['the value as text', ...ceValues(course, id)].join('\n');
    row['Weight'] = '0';
    row['Scoring'] = 'not scored: result neutral';
    return CSV_COLUMNS.map((c) => row[c]);
  });
}

// ---------------------------------------------------------------- CSV

export const CSV_COLUMNS = [
  'Interaction id',
  'Quiz id',
  'Quiz',
  'Question id',
  'Question type',
  'SCORM interaction type',
  'Prompt',
  'Response codes (SCORM 1.2 = SCORM 2004 = text)',
  'Right answer, SCORM 1.2',
  'Right answer, SCORM 2004',
  'Right answer (text)',
  'Numeric: expected value',
  'Numeric: tolerance',
  'Numeric: accepted from',
  'Numeric: accepted to',
  'Numeric: unit',
  'Weight',
  'Scoring',
  'Objective ids',
  'Objectives',
] as const;

/** One row per question, in the order of the HTML key: the exam's, the evaluation's interactions, then the CE record's ids. */
export function questionKeyRows(course: Course): string[][] {
  return [...examRows(course), ...evaluationRows(course), ...ceRecordRows(course)];
}

function evaluationRows(course: Course): string[][] {
  return evaluationKey(course).map((e) => {
    const n = e.number;
    const type =
      e.scormType.scorm12 === e.scormType.scorm2004 ? e.scormType.scorm12 : `${e.scormType.scorm12} (1.2), ${e.scormType.scorm2004} (2004)`;
    return [
      e.interactionId,
      'evaluation',
      'Evaluation (not scored)',
      e.question.id,
      e.typeLabel,
      type,
      e.prompt,
      e.codes.length ? e.codes.map((c) => `${c.scorm12} = ${c.scorm2004} = ${c.text}`).join('\n') : e.answer,
      '',
      '',
      '',
      '',
      '',
      n ? String(n.min) : '',
      n ? String(n.max) : '',
      n ? n.unit : '',
      '0',
      'not scored (result neutral)',
      '',
      '',
    ];
  });
}

function examRows(course: Course): string[][] {
  return questionKey(course).map((e) => {
    const codes = e.codes
      .map((c) => `${e.scormType === 'matching' ? `${c.part.toLowerCase()} ` : ''}${c.scorm12} = ${c.scorm2004} = ${c.text}`)
      .join('\n');
    const n = e.numeric;
    return [
      e.interactionId,
      e.quiz.id,
      e.quiz.title,
      e.question.id,
      e.typeLabel,
      e.scormType,
      e.question.prompt,
      n ? 'the number the learner typed' : codes,
      e.correct.scorm12,
      e.correct.scorm2004,
      e.correct.text,
      n ? String(n.answer) : '',
      n ? String(n.tolerance) : '',
      n ? String(n.min) : '',
      n ? String(n.max) : '',
      n ? n.unit : '',
      String(e.question.weight),
      e.scoring,
      e.objectives.map((o) => o.id).join(', '),
      e.objectives.map((o) => `${o.id}: ${o.text}`).join('\n'),
    ];
  });
}

const csvField = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** RFC 4180: every field quoted, CRLF between records, UTF-8 with a byte-order mark for Excel. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return '\uFEFF' + rows.map((r) => r.map(csvField).join(',') + '\r\n').join('');
}

/** The key as CSV: a header row, then one row per question, then one per id of the CE record. */
export function questionKeyCsv(course: Course): string {
  return toCsv([[...CSV_COLUMNS], ...questionKeyRows(course)]);
}
