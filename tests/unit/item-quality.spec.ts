import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ContentError, formatProblem } from '../../src/content/errors.ts';
import {
  checkItemQuality,
  htmlToText,
  ITEM_RULES,
  questionSentence,
  type CheckedQuiz,
  type ItemFinding,
  type LessonText,
} from '../../src/content/item-quality.ts';
import { loadCourse, parseQuiz, readItemBank } from '../../src/content/load-course.ts';
import { FIXTURE, ROOT } from '../support/paths.ts';
import { LOOSE_RULES } from '../support/sample-course.ts';

// Small in-memory quizzes: each test adds one flawed item to a clean exam or check.

/** Options of similar length, none absolute; the first is the key and not the only longest. */
const FAIR = ['Refer it to the provider', 'Book a routine follow-up', 'Give the patient a leaflet', 'Reassure the patient now'];

const q = (lines: string[]) => lines.join('\n');
const single = (id: string, prompt: string, choices = FAIR, correct = 0) =>
  q([
    `  - id: ${id}`,
    '    type: single',
    `    prompt: "${prompt}"`,
    '    objectives: [spine_regions]',
    '    choices:',
    ...choices.map((c, i) => `      - { id: c${i}, text: "${c}" }`),
    `    correct: c${correct}`,
    '    rationale: Because.',
    '    level: application',
  ]);
const multiple = (id: string, prompt: string, choices: string[], correct: number[]) =>
  q([
    `  - id: ${id}`,
    '    type: multiple',
    `    prompt: "${prompt}"`,
    '    objectives: [spine_regions]',
    '    choices:',
    ...choices.map((c, i) => `      - { id: c${i}, text: "${c}" }`),
    `    correct: [${correct.map((i) => `c${i}`).join(', ')}]`,
    '    rationale: Because.',
    '    level: application',
  ]);
const trueFalse = (id: string, prompt: string, correct: boolean) =>
  q([
    `  - id: ${id}`,
    '    type: true_false',
    `    prompt: "True or false: ${prompt}"`,
    '    objectives: [spine_regions]',
    `    correct: ${correct}`,
    '    rationale: Because.',
    '    level: application',
  ]);

const quizText = (id: string, graded: boolean, items: string[]) =>
  q([`id: ${id}`, `title: ${id}`, 'pass_mark: 80', `graded: ${graded}`, 'questions:', ...items, '']);

const CLEAN_EXAM = [single('phone_call', 'A patient phones to ask whether the clinic offers a new injection. What do you do?')];
const CLEAN_CHECK = [single('front_desk', 'Which step comes first when a visitor arrives at the front desk?')];
const LESSONS: LessonText[] = [
  {
    file: 'lessons/02-stenosis.md',
    text: htmlToText('<p>Spinal stenosis is <em>a narrowing of the spaces in the spine</em> that the nerves pass through.</p>'),
  },
];

interface Bank {
  exam?: string[];
  checks?: string[][];
  lessons?: LessonText[];
}

function bank({ exam = CLEAN_EXAM, checks = [CLEAN_CHECK], lessons = LESSONS }: Bank) {
  const texts = new Map<string, string>();
  const parse = (file: string, text: string): CheckedQuiz => {
    texts.set(file, text);
    const parsed = parseQuiz(file, text);
    expect(parsed.problems.map(formatProblem)).toEqual([]);
    return { quiz: parsed.quiz!, source: parsed.source };
  };
  const quizzes = [
    parse('quizzes/exam.yaml', quizText('exam', true, exam)),
    ...checks.map((c, i) => parse(`quizzes/check${i + 1}.yaml`, quizText(`check${i + 1}`, false, c))),
  ];
  const report = checkItemQuality(quizzes, lessons);
  /** The 1-based line of `file` that contains `snippet`. */
  const line = (file: string, snippet: string) => (texts.get(file) ?? '').split('\n').findIndex((l) => l.includes(snippet)) + 1;
  return { ...report, line };
}

const brief = (findings: ItemFinding[]) => findings.map(({ severity, rule, file, line, field }) => ({ severity, rule, file, line, field }));

test('a clean exam and knowledge check produce no findings', () => {
  expect(brief(bank({}).findings)).toEqual([]);
});

test('rule 1: an "all of the above" option is an error at its line', () => {
  const b = bank({
    exam: [
      ...CLEAN_EXAM,
      single(
        'regions',
        'Which regions does the spine have?',
        ['Cervical and thoracic', 'Lumbar and sacral', 'Thoracic and lumbar', 'All of the above'],
        3,
      ),
    ],
  });
  expect(brief(b.findings)).toEqual([
    {
      severity: 'error',
      rule: 'all-none-of-the-above',
      file: 'quizzes/exam.yaml',
      line: b.line('quizzes/exam.yaml', 'All of the above'),
      field: 'questions[1].choices[3].text',
    },
  ]);
  const both = bank({
    exam: [
      ...CLEAN_EXAM,
      single(
        'both',
        'Which regions does the spine have?',
        ['Cervical and thoracic', 'Lumbar and sacral', 'Both A and B', 'Sacral and pelvic'],
        2,
      ),
    ],
  });
  expect(brief(both.findings).map((f) => [f.rule, f.field])).toEqual([['all-none-of-the-above', 'questions[1].choices[2].text']]);
});

test('rule 2: a lower-case negation in the question is an error; in capitals, in a scenario or as "at least" it is not', () => {
  const b = bank({ exam: [...CLEAN_EXAM, single('negative', 'Which of these is not a task of the front desk?')] });
  expect(brief(b.findings)).toEqual([
    {
      severity: 'error',
      rule: 'negative-stem',
      file: 'quizzes/exam.yaml',
      line: b.line('quizzes/exam.yaml', 'is not a task'),
      field: 'questions[1].prompt',
    },
  ]);
  expect(b.findings[0]?.message).toContain('"NOT"');

  const fine = bank({
    exam: [
      ...CLEAN_EXAM,
      single('capitals', 'Which of these is NOT a task of the front desk?'),
      single('scenario', 'A patient has not had surgery and calls about new leg pain. What is the best first step?'),
      trueFalse('at_least', 'the clinic needs at least one trained person at the desk.', true),
    ],
  });
  expect(brief(fine.findings)).toEqual([]);
  expect(questionSentence('A patient says: "Is it not approved?" What is the best answer?')).toBe('What is the best answer?');
});

test('rule 3: true/false keys must be balanced in the exam and across the knowledge checks', () => {
  const tf = (n: number, keyed: boolean) =>
    Array.from({ length: n }, (_, i) =>
      trueFalse(`tf_${keyed}_${i}`, `statement number ${i} about the ${keyed ? 'spine' : 'discs'}.`, keyed),
    );
  const exam = bank({ exam: [...CLEAN_EXAM, ...tf(4, false)] });
  expect(brief(exam.findings)).toEqual([
    {
      severity: 'error',
      rule: 'true-false-balance',
      file: 'quizzes/exam.yaml',
      line: exam.line('quizzes/exam.yaml', 'questions:'),
      field: 'questions',
    },
  ]);
  expect(exam.findings[0]?.message).toContain('4 true/false questions, 0 keyed true and 4 keyed false (0% true)');

  expect(brief(bank({ exam: [...CLEAN_EXAM, ...tf(2, false), ...tf(2, true)] }).findings)).toEqual([]);
  expect(brief(bank({ exam: [...CLEAN_EXAM, ...tf(3, false)] }).findings)).toEqual([]); // fewer than 4: not judged

  // Two knowledge checks of two items each are judged together, at the first one that has any.
  const checks = bank({ checks: [CLEAN_CHECK, [...CLEAN_CHECK, ...tf(2, true)], tf(2, true)] });
  expect(brief(checks.findings)).toEqual([
    {
      severity: 'error',
      rule: 'true-false-balance',
      file: 'quizzes/check2.yaml',
      line: checks.line('quizzes/check2.yaml', 'questions:'),
      field: 'questions',
    },
  ]);
  expect(checks.findings[0]?.message).toContain('quizzes/check2.yaml 2 true; quizzes/check3.yaml 2 true');
});

test('rule 4: a key that is the only longest option is a warning per item, and an error above 25% of a quiz', () => {
  const longKey = (id: string) => single(id, `Question ${id} about the clinic?`, ['The one answer written much longer', ...FAIR.slice(1)]);
  const fair = (id: string) => single(id, `Question ${id} about the clinic?`);
  const b = bank({ exam: [fair('a'), fair('b'), longKey('c'), longKey('d')] });
  const exam = 'quizzes/exam.yaml';
  expect(brief(b.findings)).toEqual([
    { severity: 'error', rule: 'longest-key', file: exam, line: b.line(exam, 'questions:'), field: 'questions' },
    { severity: 'warning', rule: 'longest-key', file: exam, line: b.line(exam, 'Question c ') + 2, field: 'questions[2].choices' },
    { severity: 'warning', rule: 'longest-key', file: exam, line: b.line(exam, 'Question d ') + 2, field: 'questions[3].choices' },
  ]);
  expect(b.findings[0]?.message).toContain('in 2 of the 4 single- and multiple-choice questions of this quiz (50%)');
  expect(b.findings[1]?.message).toBe(
    'the correct choice is the only longest option (34 characters; the others 24-26): shorten it or lengthen the others so length does not give the answer away',
  );
  expect(b.summary[0]?.keyLongest).toEqual({ count: 2, of: 4 });

  // One in four is 25%: allowed, and in the exam not listed one by one (keys spread over the
  // length positions are the aim; the test-wise learner's longest strategy judges the whole).
  expect(bank({ exam: [fair('a'), fair('b'), fair('c'), longKey('d')] }).findings.map((f) => f.severity)).toEqual([]);
  // In a knowledge check it is.
  expect(bank({ checks: [[fair('a'), fair('b'), fair('c'), longKey('d')]] }).findings.map((f) => f.severity)).toEqual(['warning']);

  // Multiple response: every correct option longer than every wrong one.
  const m = bank({
    exam: [
      ...CLEAN_EXAM,
      multiple(
        'signs',
        'Which signs need escalation?',
        ['New numbness in both legs', 'Trouble passing urine today', 'Mild ache', 'Stiff neck', 'Tiredness'],
        [0, 1],
      ),
    ],
  });
  expect(brief(m.findings)).toEqual([
    { severity: 'warning', rule: 'longest-key', file: exam, line: m.line(exam, 'New numbness') - 1, field: 'questions[1].choices' },
  ]);
  expect(m.findings[0]?.message).toContain('every correct choice is longer than every wrong one (correct 25-27 characters; wrong 9-10)');
});

test('rule 4: small knowledge checks are judged together', () => {
  const longKey = (id: string) => single(id, `Check question ${id}?`, ['The one answer written much longer', ...FAIR.slice(1)]);
  const b = bank({ checks: [[longKey('a')], [longKey('b'), single('c', 'Check question c?'), single('d', 'Check question d?')]] });
  const errors = b.findings.filter((f) => f.severity === 'error');
  expect(brief(errors)).toEqual([
    {
      severity: 'error',
      rule: 'longest-key',
      file: 'quizzes/check1.yaml',
      line: b.line('quizzes/check1.yaml', 'questions:'),
      field: 'questions',
    },
  ]);
  expect(errors[0]?.message).toContain('in 2 of the 4 single- and multiple-choice questions of the knowledge checks together (50%');
});

test('rule 4: picking by length must not beat chance, whichever length rank the keys favor', () => {
  const secondLongest = ['The second longest answer', 'The longest answer of these four, by far', 'A short one', 'Shorter'];
  const items = (make: (i: number) => string) => Array.from({ length: 12 }, (_, i) => make(i));
  const b = bank({ exam: items((i) => single(`q${i}`, `Question ${i} about the clinic?`, secondLongest)) });
  const exam = 'quizzes/exam.yaml';
  const errors = b.findings.filter((f) => f.rule === 'length-strategy');
  expect(brief(errors)).toEqual([
    { severity: 'error', rule: 'length-strategy', file: exam, line: b.line(exam, 'questions:'), field: 'questions' },
  ]);
  expect(errors[0]?.message).toContain(
    'a learner who always picks the second longest option would score 100% on the 12 single-choice questions of this quiz',
  );
  // Options within 5% of each other's length look alike: picking by length is a guess among them.
  const alike = ['Refer it to the provider', 'Book a routine follow-up', 'Give the patient leaflet', 'Reassure the patient now'];
  expect(
    bank({ exam: items((i) => single(`q${i}`, `Question ${i} about the clinic?`, alike)) }).findings.filter(
      (f) => f.rule === 'length-strategy',
    ),
  ).toEqual([]);
  // Keys spread over the ranks: no strategy wins.
  const spread = bank({ exam: items((i) => single(`q${i}`, `Question ${i} about the clinic?`, secondLongest, i % 4)) });
  expect(spread.findings.filter((f) => f.rule === 'length-strategy')).toEqual([]);
});

test('rule 5: an exam question that rewords a knowledge-check question is an error; a different question on the same topic is not', () => {
  // Real pairs from the bank: the same question reworded (similarity 0.50) ...
  const b = bank({
    exam: [...CLEAN_EXAM, single('tourism', 'Which are added risks of stem-cell tourism?')],
    checks: [
      [
        single('abroad', 'Which are added risks of traveling abroad for stem-cell treatment?', [
          'Not knowing what is in it',
          'Paying a small deposit',
          'A longer stay in hospital',
          'Lower prices at home',
        ]),
      ],
    ],
  });
  expect(brief(b.findings)).toEqual([
    {
      severity: 'error',
      rule: 'repeated-check-item',
      file: 'quizzes/exam.yaml',
      line: b.line('quizzes/exam.yaml', 'stem-cell tourism'),
      field: 'questions[1].prompt',
    },
  ]);
  expect(b.findings[0]?.message).toContain(
    `"abroad" (quizzes/check1.yaml:${b.line('quizzes/check1.yaml', 'traveling abroad')}; 50% of the key words`,
  );

  // ... and two different questions about the same product (0.40).
  const distinct = bank({
    exam: [...CLEAN_EXAM, single('harvest', 'From where is bone marrow usually taken for bone marrow aspirate concentrate?')],
    checks: [[trueFalse('purified', 'bone marrow aspirate concentrate is a purified preparation of stem cells.', false)]],
  });
  expect(brief(distinct.findings)).toEqual([]);

  // A less similar stem (0.40-0.45) with the same correct answer asks the same idea.
  const sameKey = bank({
    exam: [
      ...CLEAN_EXAM,
      single('report', 'Where can staff report a harmful reaction after an injection?', [
        'FDA MedWatch',
        'The local paper',
        'The clinic blog',
        'A review site',
      ]),
    ],
    checks: [
      [
        single('report_where', 'Where can a patient report a harmful reaction to a product?', [
          'FDA MedWatch',
          'Social media',
          'The pharmacy',
          'Nowhere at present',
        ]),
      ],
    ],
  });
  expect(brief(sameKey.findings)).toEqual([
    {
      severity: 'error',
      rule: 'repeated-check-item',
      file: 'quizzes/exam.yaml',
      line: sameKey.line('quizzes/exam.yaml', 'Where can staff'),
      field: 'questions[1].prompt',
    },
  ]);
  expect(sameKey.findings[0]?.message).toContain(
    '43% of the key words of the question are shared and it has the same correct answer ("FDA MedWatch")',
  );
  const otherKey = bank({
    exam: [
      ...CLEAN_EXAM,
      single('report', 'Where can staff report a harmful reaction after an injection?', [
        'FDA MedWatch',
        'The local paper',
        'The clinic blog',
        'A review site',
      ]),
    ],
    checks: [
      [
        single('report_where', 'Where can a patient report a harmful reaction to a product?', [
          'The state board',
          'Social media',
          'The pharmacy',
          'Nowhere at present',
        ]),
      ],
    ],
  });
  expect(brief(otherKey.findings)).toEqual([]);
});

test('rule 6: an exam key of 6 or more words copied from a lesson is an error; shorter keys and knowledge checks are not checked', () => {
  const copied = [
    'A narrowing of the spaces in the spine',
    'A break in one of the vertebrae',
    'An infection of the disc space',
    'A sideways curve of the spine, or scoliosis',
  ];
  const b = bank({ exam: [...CLEAN_EXAM, single('definition', 'What is spinal stenosis?', copied)] });
  expect(brief(b.findings)).toEqual([
    {
      severity: 'error',
      rule: 'key-copied-from-lesson',
      file: 'quizzes/exam.yaml',
      line: b.line('quizzes/exam.yaml', 'A narrowing'),
      field: 'questions[1].choices[0].text',
    },
  ]);
  expect(b.findings[0]?.message).toContain('lessons/02-stenosis.md');

  const short = ['A narrowing of the spaces', 'A break in a vertebra', 'An infection in a disc', 'A sideways curve of the spine'];
  expect(brief(bank({ exam: [...CLEAN_EXAM, single('definition', 'What is spinal stenosis?', short)] }).findings)).toEqual([]);
  expect(brief(bank({ checks: [[...CLEAN_CHECK, single('definition', 'What is spinal stenosis?', copied)]] }).findings)).toEqual([]);
});

test('rule 7: an absolute word in a wrong option is a warning, unless the key has one too', () => {
  const b = bank({
    exam: [
      ...CLEAN_EXAM,
      single('absolute', 'What does the clinic say about results?', [
        'Results vary between patients',
        'The treatment always works',
        'Results are shown in the adverts',
        'Results depend on the price',
      ]),
    ],
  });
  expect(brief(b.findings)).toEqual([
    {
      severity: 'warning',
      rule: 'absolute-distractor',
      file: 'quizzes/exam.yaml',
      line: b.line('quizzes/exam.yaml', 'always works'),
      field: 'questions[1].choices[1].text',
    },
  ]);
  const both = [
    'Results never come at once',
    'The treatment always works',
    'Results are shown in the adverts',
    'Results depend on the price',
  ];
  expect(brief(bank({ exam: [...CLEAN_EXAM, single('absolute', 'What does the clinic say about results?', both)] }).findings)).toEqual([]);
});

test('rule 8: too few options, one wrong option, and the same number correct in every multiple-response question are warnings', () => {
  const two = bank({
    exam: [...CLEAN_EXAM, single('two', 'Is the patient ready for the visit?', ['Yes, ready to go', 'No, not yet ready'])],
  });
  expect(brief(two.findings)).toEqual([
    {
      severity: 'warning',
      rule: 'option-count',
      file: 'quizzes/exam.yaml',
      line: two.line('quizzes/exam.yaml', 'Yes, ready') - 1,
      field: 'questions[1].choices',
    },
  ]);

  const four = ['Saddle numbness', 'Trouble urinating', 'Weakness in legs', 'Stiffness on waking'];
  const oneWrong = bank({ exam: [...CLEAN_EXAM, multiple('flags', 'Which are red flags?', four, [0, 1, 2])] });
  expect(brief(oneWrong.findings)).toEqual([
    {
      severity: 'warning',
      rule: 'option-count',
      file: 'quizzes/exam.yaml',
      line: oneWrong.line('quizzes/exam.yaml', 'Saddle') - 1,
      field: 'questions[1].choices',
    },
  ]);

  const same = bank({
    exam: [
      ...CLEAN_EXAM,
      multiple('flags', 'Which are red flags?', four, [0, 1]),
      multiple('signs', 'Which signs need a call?', four, [1, 2]),
    ],
  });
  expect(brief(same.findings)).toEqual([
    {
      severity: 'warning',
      rule: 'option-count',
      file: 'quizzes/exam.yaml',
      line: same.line('quizzes/exam.yaml', 'questions:'),
      field: 'questions',
    },
  ]);
  expect(same.findings[0]?.message).toContain('exactly 2 options correct');
  expect(
    brief(
      bank({
        exam: [
          ...CLEAN_EXAM,
          multiple('flags', 'Which are red flags?', four, [0, 1]),
          multiple('signs', 'Which signs need a call?', four, [1]),
        ],
      }).findings,
    ),
  ).toEqual([]);
});

test('a single-choice question whose longest option is over 3 times its shortest is a warning', () => {
  const b = bank({
    exam: [
      ...CLEAN_EXAM,
      single('spread', 'Which reply fits the role?', ['Pass the question to the provider', 'Say yes', 'Say no at once', 'Say maybe later']),
    ],
  });
  expect(brief(b.findings)).toEqual([
    {
      severity: 'warning',
      rule: 'option-length-spread',
      file: 'quizzes/exam.yaml',
      line: b.line('quizzes/exam.yaml', 'Pass the question') - 1,
      field: 'questions[1].choices',
    },
  ]);
});

test('lesson HTML is read as text: tags removed, entities decoded', () => {
  expect(htmlToText('<p>It is &quot;a <a href="#t" data-term="x">narrowing</a>&quot; &amp; more&#39;s&nbsp;text</p>\n<p>Next</p>')).toBe(
    'It is "a narrowing" & more\'s text Next',
  );
});

test.describe('in the build', () => {
  // The real lessons and manifest with small clean quizzes, so that these tests do not depend on
  // the bank; the course's editorial rules (bank size, questions per objective) are set aside.
  let dir = '';
  const write = (file: string, text: string) => writeFileSync(join(dir, file), text);
  const EXAM = 'quizzes/final-exam.yaml';
  test.beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'course-'));
    for (const d of ['lessons', 'imsmanifest.xml', 'course.yaml']) cpSync(join(FIXTURE, d), join(dir, d), { recursive: true });
    mkdirSync(join(dir, 'quizzes'));
    const checks = ['anatomy_quiz', 'stenosis_check', 'stem_cells_check', 'clinic_therapy_check', 'claims_check', 'risks_check'];
    checks.forEach((id, i) =>
      write(`quizzes/${id}.yaml`, quizText(id, false, [single(`q${i}`, `Knowledge check ${id} asks about topic ${i}?`)])),
    );
  });
  test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('warnings are returned with file and line, and the build goes on', async () => {
    const text = quizText('final_exam', true, [
      ...CLEAN_EXAM,
      single('two', 'Is the patient ready for the visit?', ['Yes, ready to go', 'No, still waiting']),
    ]);
    write(EXAM, text);
    const { warnings } = await loadCourse(dir, { rules: LOOSE_RULES });
    const line = text.split('\n').findIndex((l) => l.includes('Yes, ready')); // the "choices:" line above it, 1-based
    expect(warnings.filter((w) => w.file.startsWith('quizzes/')).map(formatProblem)).toEqual([
      `${EXAM}:${line} questions[1].choices: offers 2 options: a guess is right half the time; give 3 to 5`,
    ]);
  });

  test('errors fail the build with file and line, like every content error', async () => {
    const text = quizText('final_exam', true, [
      ...CLEAN_EXAM,
      single(
        'regions',
        'Which regions does the spine have?',
        ['Cervical and thoracic', 'Lumbar and sacral', 'Thoracic and lumbar', 'All of the above'],
        3,
      ),
    ]);
    write(EXAM, text);
    const error: unknown = await loadCourse(dir, { rules: LOOSE_RULES }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    const line = text.split('\n').findIndex((l) => l.includes('All of the above')) + 1;
    expect((error as ContentError).problems.map(formatProblem)).toEqual([
      `${EXAM}:${line} questions[1].choices[3].text: "All of the above" is an option: learners can pick it from partial knowledge (spotting two right options is enough). Replace it with a plausible wrong answer, or make the question multiple-response`,
    ]);
  });
});

test("the course's question bank has no item-quality errors", () => {
  const { quizzes, lessons, problems } = readItemBank(ROOT);
  expect(problems.map(formatProblem)).toEqual([]);
  const errors = checkItemQuality(quizzes, lessons).findings.filter((f) => f.severity === 'error');
  expect(errors.map(formatProblem)).toEqual([]);
});

test('every finding comes from a rule of the table, with its severity (a longest key is listed as a warning)', () => {
  const flawed = bank({
    exam: [
      single('neg', 'Which is not a red flag?'),
      single('aota', 'Which applies?', ['All of the above', 'Book a routine follow-up', 'Give the patient a leaflet']),
      multiple('one_wrong', 'Which apply?', FAIR, [0, 1, 2]),
      ...[1, 2, 3, 4].map((i) => trueFalse(`tf${i}`, `statement ${i}.`, false)),
    ],
  });
  const rules = new Set(flawed.findings.map((f) => f.rule));
  expect([...rules].sort()).toEqual(
    expect.arrayContaining(['all-none-of-the-above', 'negative-stem', 'option-count', 'true-false-balance'].sort()),
  );
  for (const f of flawed.findings) {
    const entry = ITEM_RULES[f.rule];
    expect(entry, f.rule).toBeDefined();
    expect(f.severity, `${f.rule}: ${f.message}`).toBe(f.rule === 'longest-key' && f.severity === 'warning' ? 'warning' : entry.severity);
  }
  for (const [id, entry] of Object.entries(ITEM_RULES)) {
    expect(entry.checks.length, id).toBeGreaterThan(10);
    expect(entry.fix.length, id).toBeGreaterThan(10);
  }
});
