import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { loadCourse } from '../../src/content/load-course.ts';
import { correctAnswer, toInteraction } from '../../src/course/questions.ts';
import { kindOf, QUESTION_TYPES } from '../../src/course/question-types/index.ts';
import { harnessOf } from '../support/questions/index.ts';
import { reportedQuizzes } from '../../src/course/reported.ts';
import type { Answer, Course, Question } from '../../src/course/types.ts';
import { formatScorm12, formatScorm2004 } from '../../src/scorm/interaction-format.ts';
import {
  CSV_COLUMNS,
  escapeHtml,
  questionKey,
  questionKeyCsv,
  questionKeyHtml,
  questionKeyRows,
  evaluationKey,
  type KeyEntry,
} from '../../src/package/question-key.ts';
import { CE_RECORD } from '../../src/course/ce-record.ts';
import { ROOT } from '../support/paths.ts';
import { QUESTIONS, courseOf, quizOf } from '../support/sample-course.ts';

let course: Course;
test.beforeAll(async () => {
  ({ course } = await loadCourse(ROOT));
});

/** A strict RFC 4180 reader: quoted or plain fields, CRLF between records; throws on anything else. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else field += text[i++];
      }
    } else {
      while (i < text.length && !/[,\r\n"]/.test(text[i] as string)) field += text[i++];
      if (text[i] === '"') throw new Error(`a quote inside an unquoted field at ${i}`);
    }
    row.push(field);
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
      if (i === text.length) return rows;
      continue;
    }
    throw new Error(`expected , or CRLF at ${i}, found ${JSON.stringify(text.slice(i, i + 10))}`);
  }
}

function readCsv(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  return parseCsv(csv.slice(1));
}

/** Reads a response the LMS stored back into texts, with nothing but the key. */
function decode(e: KeyEntry, version: '1.2' | '2004', response: string): string[] {
  const [list, pair] = version === '1.2' ? [',', '.'] : ['[,]', '[.]'];
  const code = (c: KeyEntry['codes'][number]) => (version === '1.2' ? c.scorm12 : c.scorm2004);
  const find = (part: string, value: string) => {
    const found = e.codes.filter((c) => c.part === part && code(c) === value);
    expect(found, `${e.interactionId}: exactly one ${part} with the ${version} code "${value}"`).toHaveLength(1);
    return (found[0] as KeyEntry['codes'][number]).text;
  };
  switch (e.scormType) {
    case 'choice':
      return response.split(list).map((c) => find('Option', c));
    case 'sequencing':
      return response.split(list).map((c) => find('Item', c));
    case 'true-false':
      return [find('Answer', response)];
    case 'matching':
      return response.split(list).map((p) => {
        const [s, t] = p.split(pair) as [string, string];
        return `${find('Item', s)} → ${find('Target', t)}`;
      });
    default:
      return [response];
  }
}

/** What an answer means: the ids it reports, put into the question's own words (not the key's codes). */
function meaning(q: Question, a: Answer): string[] {
  const r = toInteraction(q, a);
  const words = kindOf(q).vocabulary(q);
  const text = (list: readonly { id: string; text: string }[] | undefined, id: string) => list?.find((c) => c.id === id)?.text ?? '?';
  switch (r.type) {
    case 'choice':
    case 'sequencing':
      return r.response.map((id) => text(words.sources, id));
    case 'true-false':
      return [text(words.sources, String(r.response))];
    case 'matching':
      return r.response.map(([s, t]) => `${text(words.sources, s)} → ${text(words.targets, t)}`);
    default:
      return a;
  }
}

/** A wrong but complete answer of each type, to decode too. */
const wrongAnswer = (q: Question): Answer => harnessOf(q).wrong(q);

test('every question of the graded quiz appears exactly once, and nothing from the knowledge checks', () => {
  const expected = reportedQuizzes(course).flatMap((quiz) => quiz.questions.map((q) => `${quiz.id}-${q.id}`));
  expect(expected.length).toBeGreaterThan(0);
  expect(reportedQuizzes(course).map((q) => q.id)).toEqual([course.gradedQuiz]);

  const key = questionKey(course);
  expect(key.map((e) => e.interactionId).sort()).toEqual([...expected].sort());

  // The evaluation's interactions and then the CE record's ids follow the questions.
  const rows = readCsv(questionKeyCsv(course))
    .slice(1)
    .filter((r) => r[1] !== 'evaluation');
  expect(rows.map((r) => r[0]).sort()).toEqual([...expected, ...Object.keys(CE_RECORD)].sort());

  const html = questionKeyHtml(course);
  for (const id of expected) expect(html.split(`<section class="q" id="${id}"`).length - 1, id).toBe(1);
  const sections = html.match(/<section class="q" /g) ?? [];
  expect(sections).toHaveLength(expected.length);

  for (const quiz of course.quizzes.filter((q) => !q.graded)) {
    for (const q of quiz.questions) {
      expect(html).not.toContain(`${quiz.id}-${q.id}`);
      expect(rows.some((r) => r[0] === `${quiz.id}-${q.id}`)).toBe(false);
    }
  }
});

test('the evaluation follows the exam in the key: every interaction id it can report, with each answer code and its text, in HTML and CSV', () => {
  const questions = course.evaluation?.questions ?? [];
  expect(questions.map((q) => q.type)).toEqual(expect.arrayContaining(['likert', 'number', 'text']));
  // The ids as the contract names them, written out here rather than taken from the course's code.
  const expected = questions.flatMap((q) =>
    q.type === 'confidence'
      ? q.items.flatMap((i) => [`evaluation-${q.id}-${i.id}-before`, `evaluation-${q.id}-${i.id}-after`])
      : [`evaluation-${q.id}`],
  );
  const rows = readCsv(questionKeyCsv(course)).slice(1);
  const evaluationRows = rows.filter((r) => r[1] === 'evaluation');
  expect(evaluationRows.map((r) => r[0])).toEqual(expected);
  // After every exam question, before the CE record's ids.
  const first = rows.findIndex((r) => r[1] === 'evaluation');
  expect(rows.slice(first, first + expected.length)).toEqual(evaluationRows);
  expect(rows.slice(first + expected.length).map((r) => r[0])).toEqual(Object.keys(CE_RECORD));
  expect(rows.slice(0, first).every((r) => r[1] === course.gradedQuiz)).toBe(true);
  const html = questionKeyHtml(course);
  expect(html.indexOf('<h2 id="evaluation">')).toBeGreaterThan(html.lastIndexOf('<section class="q" '));
  for (const id of expected) expect(html.split(`<section class="q ev" id="${id}"`).length - 1, id).toBe(1);

  const column = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
  for (const q of questions) {
    const mine = evaluationRows.filter((r) => r[column('Question id')] === q.id);
    for (const r of mine) {
      expect([r[column('Weight')], r[column('Scoring')], r[column('Right answer, SCORM 1.2')]]).toEqual([
        '0',
        'not scored (result neutral)',
        '',
      ]);
      const codes = r[column('Response codes (SCORM 1.2 = SCORM 2004 = text)')];
      if (q.type === 'likert' || q.type === 'confidence') {
        // SCORM 1.2: one letter by position on the scale; 2004: the scale id.
        expect(codes).toBe(q.scale.map((p, i) => `${'abcdefghij'[i]} = ${p.id} = ${p.text}`).join('\n'));
        expect(r[column('SCORM interaction type')]).toBe('likert');
      }
      if (q.type === 'number') {
        expect(r[column('SCORM interaction type')]).toBe('numeric');
        expect([r[column('Numeric: accepted from')], r[column('Numeric: accepted to')], r[column('Numeric: unit')]]).toEqual([
          String(q.min),
          String(q.max),
          q.unit,
        ]);
        expect(codes).toBe(`a whole number of ${q.unit}, from ${q.min} to ${q.max}, the same in both versions`);
      }
      if (q.type === 'text') expect(r[column('SCORM interaction type')]).toBe('fill-in (1.2), long-fill-in (2004)');
    }
    if (q.type === 'confidence') {
      const item = q.items[0];
      if (!item) throw new Error('no item');
      const before = mine.find((r) => r[0] === `evaluation-${q.id}-${item.id}-before`);
      expect(before?.[column('Prompt')]).toBe(`${q.prompt} ${item.text} (before this course)`);
      expect(html).toContain(escapeHtml(`${q.prompt} ${item.text} (now, after this course)`));
    }
  }
  expect(evaluationKey({ ...course, evaluation: null })).toEqual([]);
  expect(questionKeyHtml({ ...course, evaluation: null })).not.toContain('id="evaluation"');
});

test('the codes and texts agree with what formatScorm12 and formatScorm2004 send, for every question', () => {
  const key = new Map(questionKey(course).map((e) => [e.interactionId, e]));
  const seen = new Set<string>();
  for (const quiz of reportedQuizzes(course)) {
    for (const q of quiz.questions) {
      const e = key.get(`${quiz.id}-${q.id}`) as KeyEntry;
      seen.add(q.type);
      const right = toInteraction(q, correctAnswer(q));
      const [r12, r04] = [formatScorm12(right), formatScorm2004(right)];
      // The right-answer patterns are exactly the LMS's (2004 may hold several, each a right answer).
      const patterns04 = [r04.pattern ?? '', ...(r04.alsoCorrect ?? [])];
      expect(e.correct.scorm12, e.interactionId).toBe(r12.pattern);
      expect(e.correct.scorm2004, e.interactionId).toBe(patterns04.join(' or '));
      expect(e.scormType).toBe(r12.type);
      if (q.type === 'numeric') {
        expect(e.numeric).toEqual({
          answer: q.answer,
          tolerance: q.tolerance,
          min: q.answer - q.tolerance,
          max: q.answer + q.tolerance,
          unit: q.unit ?? '',
        });
        expect(e.correct.text).toContain(String(q.answer));
        continue;
      }
      // A learner's response, right or wrong, read back with the key alone, means what the learner chose.
      for (const answer of [correctAnswer(q), wrongAnswer(q)]) {
        const sent = toInteraction(q, answer);
        const [s12, s04] = [formatScorm12(sent), formatScorm2004(sent)];
        expect(decode(e, '1.2', s12.response ?? ''), `${e.interactionId} ${s12.response}`).toEqual(meaning(q, answer));
        expect(decode(e, '2004', s04.response ?? ''), `${e.interactionId} ${s04.response}`).toEqual(meaning(q, answer));
      }
      // And the right-answer patterns read back give the key's right-answer text (SCORM 1.2 holds only the first of several).
      const rightText = e.correct.text.replace(/(^|; )\d+\. /g, '$1');
      const first12 = patterns04.length > 1 ? e.correct.parts[0] : rightText;
      expect(decode(e, '1.2', r12.pattern ?? '').join('; '), e.interactionId).toBe(first12);
      expect(patterns04.map((p) => decode(e, '2004', p).join('; ')).join('; ')).toBe(rightText);
    }
  }
  // The real exam has every question type, so every type was checked.
  expect([...seen].sort()).toEqual([...QUESTION_TYPES].sort());
});

test('samples of each type read as a coordinator would see them', () => {
  const exam = quizOf(Object.values(QUESTIONS));
  const key = new Map(questionKey(courseOf(exam)).map((e) => [e.question.id, e]));
  const row = (id: string) => (key.get(id) as KeyEntry).codes.map((c) => [c.part, c.scorm12, c.scorm2004, c.text, c.inCorrect]);
  expect(row('single')).toEqual([
    ['Option', 'a', 'a', 'A', ''],
    ['Option', 'b', 'b', 'B', 'correct'],
    ['Option', 'c', 'c', 'C', ''],
  ]);
  expect(row('tf')).toEqual([
    ['Answer', 't', 'true', 'True', ''],
    ['Answer', 'f', 'false', 'False', 'correct'],
  ]);
  expect(row('matching')).toEqual([
    ['Item', 'a', 'i1', 'I1', '→ b / t2: T2'],
    ['Item', 'b', 'i2', 'I2', '→ a / t1: T1'],
    ['Item', 'c', 'i3', 'I3', '→ c / t3: T3'],
    ['Target', 'a', 't1', 'T1', '← I2'],
    ['Target', 'b', 't2', 'T2', '← I1'],
    ['Target', 'c', 't3', 'T3', '← I3'],
    ['Target', 'd', 't4', 'T4', 'matches no item'],
  ]);
  expect(key.get('matching')?.correct).toEqual({
    scorm12: 'a.b,b.a,c.c',
    scorm2004: 'i1[.]t2[,]i2[.]t1[,]i3[.]t3',
    text: 'I1 → T2; I2 → T1; I3 → T3',
    parts: ['I1 → T2', 'I2 → T1', 'I3 → T3'],
  });
  expect(row('ordering')).toEqual([
    ['Item', 'a', 'x', 'X', 'position 1'],
    ['Item', 'b', 'y', 'Y', 'position 2'],
    ['Item', 'c', 'z', 'Z', 'position 3'],
  ]);
  const ranged = key.get('numeric');
  expect(ranged?.correct).toEqual({ scorm12: '23', scorm2004: '23[:]23', text: '23', parts: ['23'] });
  const tolerant = questionKey(courseOf(quizOf([{ ...QUESTIONS.numeric, tolerance: 2, unit: 'discs' }])))[0];
  expect(tolerant?.correct).toEqual({
    scorm12: '23',
    scorm2004: '21[:]25',
    text: '23 discs, accepted from 21 to 25',
    parts: ['23 discs, accepted from 21 to 25'],
  });
});

/** A course whose every text is hostile to CSV and HTML. */
function trickyCourse(): Course {
  const evil = (s: string) => `${s} <x-evil onclick="a">, "quoted", 'single' & amp;\nnext line\r\nCRLF line, end`;
  const q = QUESTIONS;
  const exam = quizOf(
    [
      { ...q.single, prompt: evil('Prompt'), choices: q.single.choices.map((c) => ({ ...c, text: evil(c.text) })) },
      {
        ...q.matching,
        prompt: evil('Match'),
        items: q.matching.items.map((c) => ({ ...c, text: evil(c.text) })),
        targets: q.matching.targets.map((c) => ({ ...c, text: evil(c.text) })),
      },
      { ...q.numeric, unit: evil('unit') },
    ],
    { title: evil('Exam') },
  );
  const course = courseOf(exam);
  const check = quizOf([{ ...q.single, id: 'kc_only' }], { id: 'knowledge_check', graded: false });
  return {
    ...course,
    title: evil('Course'),
    quizzes: [check, exam],
    lessons: course.lessons.map((l) => ({
      ...l,
      title: evil('Lesson'),
      objectives: l.objectives.map((o) => ({ ...o, text: evil(o.text) })),
    })),
  };
}

test('CSV: RFC 4180 with a BOM and CRLF, and commas, quotes and line breaks in the content read back unchanged', () => {
  for (const c of [trickyCourse(), course]) {
    const csv = questionKeyCsv(c);
    const rows = readCsv(csv);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.slice(1)).toEqual(questionKeyRows(c));
    for (const r of rows) expect(r).toHaveLength(CSV_COLUMNS.length);
    // Every field is quoted, each record ends with CRLF, and nothing else is in the file.
    expect(csv).toBe('\uFEFF' + rows.map((r) => r.map((f) => `"${f.replaceAll('"', '""')}"`).join(',') + '\r\n').join(''));
  }
  const tricky = readCsv(questionKeyCsv(trickyCourse()));
  expect(tricky.map((r) => r[0])).toEqual(['Interaction id', 'exam-matching', 'exam-numeric', 'exam-single', ...Object.keys(CE_RECORD)]);
  expect(tricky[3]?.[6]).toBe(`Prompt <x-evil onclick="a">, "quoted", 'single' & amp;\nnext line\r\nCRLF line, end`);
});

test('the CE record: each ce- id with what it holds, the professions and credit types of the course, not scored', () => {
  const withCredit: Course = {
    ...course,
    activity: {
      ...course.activity,
      version: '2026.12.1',
      professions: [
        { id: 'nurse', name: 'Nurse (RN, LPN, LVN)' },
        { id: 'front_desk', name: 'Front-desk or patient coordinator' },
      ],
      credit: [{ type: 'ANCC nursing contact hours', amount: 1.25, designation: 'Designated.', professions: ['nurse'] }],
    },
  };
  const rows = new Map(readCsv(questionKeyCsv(withCredit)).map((r) => [r[0], r]));
  const column = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
  for (const [id, what] of Object.entries(CE_RECORD)) {
    const row = rows.get(id);
    expect(row?.[column('Prompt')], id).toBe(what);
    expect([row?.[column('SCORM interaction type')], row?.[column('Weight')], row?.[column('Scoring')]]).toEqual([
      'fill-in (1.2), long-fill-in (2004)',
      '0',
      'not scored: result neutral',
    ]);
  }
  const codes = (id: string) => rows.get(id)?.[column('Response codes (SCORM 1.2 = SCORM 2004 = text)')]?.split('\n');
  expect(codes('ce-profession')).toEqual([
    'the value as text',
    'nurse = Nurse (RN, LPN, LVN)',
    'front_desk = Front-desk or patient coordinator',
  ]);
  expect(codes('ce-credit-type')).toEqual(['the value as text', 'ANCC nursing contact hours (nurse)', 'participation']);
  expect(codes('ce-credit-amount')).toEqual(['the value as text', '1.25 (ANCC nursing contact hours)', '0 (participation)']);
  expect(codes('ce-version')).toEqual(['the value as text', '2026.12.1 (this content)']);
  const html = questionKeyHtml(withCredit);
  expect(html).toContain('<h2 id="ce-record">CE record</h2>');
  for (const id of Object.keys(CE_RECORD)) expect(html).toContain(`<th scope="row"><code>${id}</code></th>`);
  expect(html).toContain('nurse = Nurse (RN, LPN, LVN)');
});

test('HTML: content is escaped, and the page loads nothing from elsewhere', () => {
  const tricky = questionKeyHtml(trickyCourse());
  expect(tricky).not.toContain('<x-evil');
  expect(tricky).toContain('&lt;x-evil onclick=&quot;a&quot;&gt;, &quot;quoted&quot;, &#39;single&#39; &amp; amp;');
  expect(tricky).not.toContain('kc_only');

  const html = questionKeyHtml(course);
  // Every tag in the page is one of the generator's own.
  const tags = new Set([...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => (m[1] as string).toLowerCase()));
  const own = [
    'html',
    'head',
    'meta',
    'title',
    'style',
    'body',
    'main',
    'h1',
    'h2',
    'h3',
    'p',
    'section',
    'ol',
    'ul',
    'li',
    'b',
    'i',
    'code',
    'span',
    'div',
    'table',
    'caption',
    'colgroup',
    'col',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'wbr',
    'br',
  ];
  expect([...tags].filter((t) => !own.includes(t))).toEqual([]);
  expect(html).not.toMatch(/<(script|link|img|iframe|object|embed)\b/i);
  expect(html).not.toMatch(/\b(src|href)\s*=/i);
  expect(html).not.toMatch(/@import|url\(/i);
  expect(html).not.toMatch(/https?:\/\//i);

  // Patterns may wrap between entries but are whole once the break hints are removed.
  const plain = html.replace(/<wbr>/g, '');
  for (const e of questionKey(course)) {
    for (const p of [e.correct.scorm12, e.correct.scorm2004])
      expect(plain, e.interactionId).toContain(`<code class="list">${escapeHtml(p)}</code>`);
  }
  expect(html).not.toMatch(/\[<wbr>|<wbr>\]|\[,<wbr>|\.<wbr>/);
});

test('HTML renders readably in Chromium (screenshots for a person to look at)', async ({ page }) => {
  const dir = join(ROOT, 'test-results/screenshots');
  mkdirSync(dir, { recursive: true });
  await page.setViewportSize({ width: 1000, height: 1800 });
  await page.setContent(questionKeyHtml(course));
  // Nothing is wider than the page.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  await page.screenshot({ path: join(dir, 'question-key.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: join(dir, 'question-key-dark.png') });
  await page.emulateMedia({ colorScheme: 'light', media: 'print' });
  await page.locator('#final_exam-region_counts').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(dir, 'question-key-print.png') });
});
