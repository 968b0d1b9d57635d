import { kindOf, QUESTION_TYPES } from '../course/question-types/index.ts';
import { correctAnswer } from '../course/questions.ts';
import type { Choice, Question, QuestionType, Quiz } from '../course/types.ts';
import { fieldPath } from './errors.ts';
import { checkKnowledgeCheckCues, checkTestWiseness, type TestWiseReport } from './cue-strategies.ts';
import { contentWords, lengthGroups, words } from './item-text.ts';
import type { CheckedQuiz, ItemFinding, ItemRule, Report } from './item-findings.ts';

// The rules' names, the finding and the reporter live apart so that cue-strategies.ts can
// report without importing this file, which imports it; re-exported for the check's users.
export type { CheckedQuiz, ItemFinding, ItemRule, Report };

/** A lesson's text as learners read it (see htmlToText). */
export interface LessonText {
  file: string;
  text: string;
}

/** Figures per quiz (or per group of quizzes) for the summary table of `npm run check-items`. */
export interface QuizSummary {
  /** A quiz file, or a label for a group such as all knowledge checks. */
  name: string;
  items: number;
  byType: Record<QuestionType, number>;
  trueFalse: { keyedTrue: number; keyedFalse: number };
  /** Single and multiple items whose key is the only longest option, of all single and multiple items. */
  keyLongest: { count: number; of: number };
  /** Multiple-response items with exactly one wrong option. */
  oneWrongOption: number;
  /** Wrong options with an absolute word while the key has none. */
  absoluteDistractors: number;
  /** Items that nearly repeat an item of the other kind (exam ↔ knowledge check). */
  nearDuplicates: number;
  errors: number;
  warnings: number;
}

export interface ItemQualityReport {
  findings: ItemFinding[];
  summary: QuizSummary[];
  /** Per graded quiz, the test-wise learner's figures (rules 9-11). */
  testWise: TestWiseReport[];
}

// Thresholds, from the item-writing rules.
/** Rule 3: share of true/false items keyed true, inclusive bounds. */
const TRUE_SHARE = { min: 0.35, max: 0.65 };
/** Rule 3 applies to sets of at least this many true/false items (fewer cannot be balanced meaningfully). */
const MIN_TRUE_FALSE = 4;
/** Rule 4: largest share of single/multiple items whose key is the only longest option. */
const MAX_KEY_LONGEST_SHARE = 0.25;
/** Rule 4 judges a quiz alone from this many single/multiple items; smaller ones are pooled. */
const MIN_CHOICE_ITEMS = 4;
/**
 * Rule 5: an exam stem that shares this share of its content words (Jaccard) with a
 * knowledge-check stem repeats it. Measured on this course's bank: every pair at 0.47
 * or above was the same question reworded ("Which are added risks of stem-cell
 * tourism?" / "... of traveling abroad for stem-cell treatment?", 0.50; the same
 * epidural steroid trial, or the same pay-to-join "study" with another price, 0.47),
 * while the closest pair of different questions reached 0.40 (where marrow is taken
 * from / whether marrow concentrate is purified: same product, different question).
 */
const NEAR_DUPLICATE = 0.45;
/** Rule 5: stems this similar that also share a key ask the same question idea. */
const SAME_IDEA = 0.4;
/** Rule 6: a key of this many words or more must not appear verbatim in a lesson. */
const MIN_COPIED_WORDS = 6;
/**
 * Rule 4 across a quiz: a learner who picks by length ("the longest", "the second longest",
 * "the shortest") must not beat chance by much. Avoiding the longest key only moves the cue:
 * a bank whose keys are mostly the second-longest option rewards picking that one. A length
 * strategy may score at most this share of a quiz's single-choice questions; with four
 * options chance is 25%.
 */
const MAX_LENGTH_STRATEGY = 0.4;
/** The length-strategy rule judges quizzes with at least this many single-choice items; smaller ones are pooled. */
const MIN_STRATEGY_ITEMS = 12;
/** Single-choice options whose longest is more than this many times the shortest stand out. */
const MAX_LENGTH_RATIO = 3;

/** Rule 1, including "Both A and B" (letters mean nothing once options are shuffled anyway). */
const ALL_NONE_OF = /\b(all|none|both) of (the )?(above|these)\b|\bboth [a-e] and [a-e]\b/i;
/**
 * Rule 2: negative words in lower case. "at least" is a quantity, not a negation, so it
 * is left alone.
 */
const NEGATIVE = /\b(not|except)\b|(?<!\bat )\bleast\b/;
/** Rule 7: words that make an option sound wrong to a test-wise learner. */
const ABSOLUTE = /\b(always|never|guarantee[ds]?|cannot|can't|completely|only|all)\b|\b100 ?%/i;

/** Checks every quiz against the item-writing rules; findings are in file and line order. */
export function checkItemQuality(quizzes: CheckedQuiz[], lessons: LessonText[]): ItemQualityReport {
  const findings: ItemFinding[] = [];
  const report: Report = (source, path, severity, rule, message, key) => {
    findings.push({
      severity,
      rule,
      file: source.file,
      line: source.lineOf(path, key),
      field: fieldPath(key === undefined ? path : [...path, key]),
      message,
    });
  };
  const facts = new Map<Question, ItemFacts>();
  /** The exam's "only longest" warnings, listed only when the exam is over the cap (see rule 4 below). */
  const longestInExam = new Map<Quiz, Array<() => void>>();
  const lessonWords = lessons.map((l) => ({ file: l.file, words: ` ${words(l.text).join(' ')} ` }));

  for (const { quiz, source } of quizzes) {
    quiz.questions.forEach((q, qi) => {
      const at: PropertyKey[] = ['questions', qi];
      const f: ItemFacts = { keyLongest: false, oneWrong: false, absolute: 0, repeats: 0 };
      facts.set(q, f);

      // Rule 2: a negative question is easily misread unless the negation stands out.
      const negative = NEGATIVE.exec(questionSentence(q.prompt));
      if (negative) {
        report(
          source,
          at,
          'error',
          'negative-stem',
          `the question is negative ("${negative[0]}") in lower case, so learners easily read past it: ask it positively if you can, otherwise write "${negative[0].toUpperCase()}" in capitals`,
          'prompt',
        );
      }
      // Pairs (matching, labelling a diagram): with no spare target, the last pair is given by elimination.
      const pairs = kindOf(q).report(q, correctAnswer(q));
      if (
        pairs.type === 'matching' &&
        pairs.targets.length === pairs.sources.length &&
        new Set(pairs.correct.map(([, t]) => t)).size === pairs.targets.length
      ) {
        const field = q.type === 'label_diagram' ? 'labels' : 'targets';
        report(
          source,
          at,
          'warning',
          'option-count',
          `each of the ${pairs.targets.length} ${field} belongs to exactly one ${field === 'labels' ? 'part' : 'item'}, so the last one is found by elimination: add a plausible ${field === 'labels' ? 'label that names no part' : 'target that matches no item'}`,
          field,
        );
      }
      if (q.type !== 'single' && q.type !== 'multiple') return;

      const correct = new Set(q.type === 'single' ? [q.correct] : q.correct);
      const keys = q.choices.filter((c) => correct.has(c.id));
      const wrong = q.choices.filter((c) => !correct.has(c.id));
      const choicePath = (c: Choice): PropertyKey[] => [...at, 'choices', q.choices.indexOf(c)];

      // Rule 1: "all/none of the above" can be answered from partial knowledge.
      for (const c of q.choices) {
        const m = ALL_NONE_OF.exec(c.text);
        if (m)
          report(
            source,
            choicePath(c),
            'error',
            'all-none-of-the-above',
            `"${m[0]}" is an option: learners can pick it from partial knowledge (spotting two right options is enough). Replace it with a plausible wrong answer, or make the question multiple-response`,
            'text',
          );
      }

      // Rule 4, per item: a key that is the only longest option gives itself away.
      const keyLengths = keys.map((c) => c.text.length);
      const wrongLengths = wrong.map((c) => c.text.length);
      if (wrong.length && Math.min(...keyLengths) > Math.max(...wrongLengths)) {
        f.keyLongest = true;
      }
      if (f.keyLongest) {
        const what =
          q.type === 'single'
            ? `the correct choice is the only longest option (${keyLengths[0]} characters; the others ${range(wrongLengths)})`
            : `every correct choice is longer than every wrong one (correct ${range(keyLengths)} characters; wrong ${range(wrongLengths)})`;
        const warn = () =>
          report(
            source,
            at,
            'warning',
            'longest-key',
            `${what}: shorten ${q.type === 'single' ? 'it' : 'them'} or lengthen the others so length does not give the answer away`,
            'choices',
          );
        // In the exam a single-choice key may be the longest now and then (keys spread evenly over
        // the length positions is the aim); the cap and the test-wise learner's "longest" strategy
        // judge the exam as a whole, and the questions are listed only when it is over the cap.
        if (quiz.graded && q.type === 'single') longestInExam.set(quiz, [...(longestInExam.get(quiz) ?? []), warn]);
        else warn();
      }
      if (q.type === 'single') {
        const lengths = q.choices.map((c) => c.text.length);
        const [short, long] = [Math.min(...lengths), Math.max(...lengths)];
        if (long > MAX_LENGTH_RATIO * short) {
          report(
            source,
            at,
            'warning',
            'option-length-spread',
            `the longest option (${long} characters) is more than ${MAX_LENGTH_RATIO} times the shortest (${short}): an option that much longer or shorter stands out; aim for options of similar length`,
            'choices',
          );
        }
      }

      // Rule 6: a key copied from the lesson is recognized, not understood.
      if (quiz.graded) {
        for (const c of keys) {
          const key = words(c.text);
          const copiedFrom = key.length >= MIN_COPIED_WORDS && lessonWords.find((l) => l.words.includes(` ${key.join(' ')} `));
          if (copiedFrom) {
            report(
              source,
              choicePath(c),
              'error',
              'key-copied-from-lesson',
              `this correct answer (${key.length} words) appears word for word in ${copiedFrom.file}: learners can pick it by recognizing the wording instead of understanding it; paraphrase it`,
              'text',
            );
          }
        }
      }

      // Rule 7: an absolute word marks a distractor as wrong, unless the key has one too.
      if (!keys.some((c) => ABSOLUTE.test(c.text))) {
        for (const c of wrong) {
          const m = ABSOLUTE.exec(c.text);
          if (!m) continue;
          f.absolute++;
          report(
            source,
            choicePath(c),
            'warning',
            'absolute-distractor',
            `this wrong option says "${m[0]}" and the correct answer has no such absolute word: test-wise learners rule it out without knowing the subject; qualify it or reword it without the absolute`,
            'text',
          );
        }
      }

      // Rule 8: enough plausible wrong options to make guessing unrewarding.
      if (q.type === 'single' && (q.choices.length < 3 || q.choices.length > 5)) {
        const why = q.choices.length < 3 ? 'a guess is right half the time' : 'extra options are rarely plausible and only add reading';
        report(source, at, 'warning', 'option-count', `offers ${q.choices.length} options: ${why}; give 3 to 5`, 'choices');
      }
      if (q.type === 'multiple' && wrong.length === 1) {
        f.oneWrong = true;
        report(
          source,
          at,
          'warning',
          'option-count',
          `has only one wrong option (${keys.length} of ${q.choices.length} are correct): learners can look for the odd one out and tick the rest; add a second plausible wrong option, or make one of the correct ones wrong`,
          'choices',
        );
      }
    });

    // Rule 8, per quiz: if the number of correct options never varies, learners learn the pattern.
    const multiples = quiz.questions.filter((q) => q.type === 'multiple');
    if (multiples.length >= 2) {
      const allButOne = multiples.every((q) => q.choices.length - q.correct.length === 1);
      const counts = new Set(multiples.map((q) => q.correct.length));
      if (allButOne || counts.size === 1) {
        const pattern = allButOne ? 'all options but one' : `exactly ${[...counts][0]} options`;
        report(
          source,
          [],
          'warning',
          'option-count',
          `every multiple-response question has ${pattern} correct: learners learn the pattern instead of the content; vary how many options are correct`,
          'questions',
        );
      }
    }
  }

  const exams = quizzes.filter((q) => q.quiz.graded);
  const checks = quizzes.filter((q) => !q.quiz.graded);

  // Rule 3: an unbalanced true/false key rewards answering "false" (or "true") by habit.
  for (const exam of exams) trueFalseBalance([exam], 'the exam has', report);
  trueFalseBalance(checks, 'the knowledge checks together have', report);

  // Rule 4, per quiz; small knowledge checks are judged together.
  for (const q of exams)
    if (keyLongestShare([q], 'this quiz', facts, report, MIN_CHOICE_ITEMS)) longestInExam.get(q.quiz)?.forEach((warn) => warn());
  for (const q of checks) keyLongestShare([q], 'this quiz', facts, report, MIN_CHOICE_ITEMS);
  const small = checks.find((q) => choiceItems(q.quiz).length < MIN_CHOICE_ITEMS);
  if (small) keyLongestShare(checks, 'the knowledge checks together', facts, report, MIN_CHOICE_ITEMS, small);
  for (const q of exams) lengthStrategyBalance([q], 'this quiz', report);
  lengthStrategyBalance(checks, 'the knowledge checks together', report);

  // Rule 5: an exam item the learner already answered in a knowledge check measures memory of it.
  for (const exam of exams) {
    exam.quiz.questions.forEach((eq, qi) => {
      const stem = contentWords(eq.prompt);
      for (const check of checks) {
        check.quiz.questions.forEach((cq, ci) => {
          const similarity = jaccard(stem, contentWords(cq.prompt));
          const sharedKeys = keyTexts(eq).filter((k) => keyTexts(cq).some((c) => words(c).join(' ') === words(k).join(' ')));
          const sameKey = similarity >= SAME_IDEA && sharedKeys.length > 0;
          if (similarity < NEAR_DUPLICATE && !sameKey) return;
          facts.get(eq)!.repeats++;
          facts.get(cq)!.repeats++;
          const where = `${check.source.file}:${check.source.lineOf(['questions', ci], 'prompt')}`;
          const stemPart = `${Math.round(similarity * 100)}% of the key words of the question are shared`;
          const keyPart = sharedKeys.length ? ` and it has the same correct answer ("${sharedKeys.join('", "')}")` : '';
          report(
            exam.source,
            ['questions', qi],
            'error',
            'repeated-check-item',
            `repeats knowledge-check question "${cq.id}" (${where}; ${stemPart}${keyPart}): learners who did the check answer from memory. Ask about the idea in a new situation with new options, or replace one of the two`,
            'prompt',
          );
        });
      }
    });
  }

  // Rules 9-11: a test-wise learner who knows nothing must not score by the form of the questions,
  // and the exam asks mostly for application.
  const testWise = exams.map((exam) =>
    checkTestWiseness(
      exam,
      checks.map((c) => c.quiz),
      report,
    ),
  );
  // Rule 9 on the knowledge checks' single-choice questions together, with or without an exam.
  checkKnowledgeCheckCues(checks, report);

  findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  const summary = [...quizzes.map((q) => summarize(q.source.file, [q], facts, findings))];
  if (checks.length > 1) summary.push(summarize('knowledge checks together', checks, facts, findings));
  return { findings, summary, testWise };
}

interface ItemFacts {
  keyLongest: boolean;
  oneWrong: boolean;
  absolute: number;
  repeats: number;
}

function trueFalseBalance(set: CheckedQuiz[], label: string, report: Report): void {
  const items = set.flatMap(({ quiz, source }) => quiz.questions.flatMap((q) => (q.type === 'true_false' ? [{ q, source }] : [])));
  if (items.length < MIN_TRUE_FALSE) return;
  const keyedTrue = items.filter(({ q }) => q.correct).length;
  const share = keyedTrue / items.length;
  if (share >= TRUE_SHARE.min && share <= TRUE_SHARE.max) return;
  const often = share < TRUE_SHARE.min ? 'false' : 'true';
  const perFile =
    set.length > 1 ? `; ${breakdown(set, (q) => (q.type === 'true_false' ? (q.correct ? 'true' : 'false') : undefined))}` : '';
  report(
    items[0]!.source,
    [],
    'error',
    'true-false-balance',
    `${label} ${items.length} true/false questions, ${keyedTrue} keyed true and ${items.length - keyedTrue} keyed false (${pct(share)} true${perFile}): learners who answer "${often}" whenever unsure score without knowing. Keep the share keyed true between ${pct(TRUE_SHARE.min)} and ${pct(TRUE_SHARE.max)}: turn some statements around so that the true one is asked`,
    'questions',
  );
}

/** Per file, how many questions fall in each class, e.g. "quizzes/a.yaml 2 false; quizzes/b.yaml 1 true, 1 false". */
function breakdown(set: CheckedQuiz[], classOf: (q: Question) => string | undefined): string {
  return set
    .flatMap(({ quiz, source }) => {
      const counts = new Map<string, number>();
      for (const q of quiz.questions) {
        const c = classOf(q);
        if (c !== undefined) counts.set(c, (counts.get(c) ?? 0) + 1);
      }
      return counts.size
        ? [
            `${source.file} ${[...counts]
              .sort()
              .map(([c, n]) => `${n} ${c}`)
              .join(', ')}`,
          ]
        : [];
    })
    .join('; ');
}

const hasChoices = (q: Question) => q.type === 'single' || q.type === 'multiple';

function choiceItems(quiz: Quiz): Question[] {
  return quiz.questions.filter(hasChoices);
}

function keyLongestShare(
  set: CheckedQuiz[],
  label: string,
  facts: Map<Question, ItemFacts>,
  report: Report,
  minItems: number,
  at = set[0],
): boolean {
  const items = set.flatMap((s) => choiceItems(s.quiz));
  if (items.length < minItems || !at) return false;
  const longest = items.filter((q) => facts.get(q)?.keyLongest).length;
  const share = longest / items.length;
  if (share <= MAX_KEY_LONGEST_SHARE) return false;
  const perFile =
    set.length > 1
      ? `; ${breakdown(set, (q) => (hasChoices(q) ? (facts.get(q)?.keyLongest ? 'key only longest' : 'other') : undefined))}`
      : '';
  report(
    at.source,
    [],
    'error',
    'longest-key',
    `in ${longest} of the ${items.length} single- and multiple-choice questions of ${label} (${pct(share)}${perFile}) the correct answer is the only longest option; at most ${pct(MAX_KEY_LONGEST_SHARE)} may be, or learners learn to pick the longest. Even out the option lengths of the questions listed with "the correct choice is the only longest option" or "every correct choice is longer"`,
    'questions',
  );
  return true;
}

/**
 * Expected scores of picking by length: for "the k-th longest" and "the shortest", the
 * share of questions a learner would get right, guessing within a group of look-alikes.
 */
export function lengthStrategies(questions: (Question & { type: 'single' })[]): Map<string, number> {
  const got = new Map<string, number>();
  const add = (name: string, n: number) => got.set(name, (got.get(name) ?? 0) + n);
  for (const q of questions) {
    const groups = lengthGroups(q.choices);
    groups.forEach((group, k) => {
      if (!group.some((c) => c.id === q.correct)) return;
      add(ORDINALS[k] ?? `${k + 1}th longest`, 1 / group.length);
      if (k === groups.length - 1 && k > 0) add('shortest', 1 / group.length);
    });
  }
  return new Map([...got].map(([name, n]) => [name, n / Math.max(1, questions.length)]));
}

const ORDINALS = ['longest', 'second longest', 'third longest', 'fourth longest'];

function lengthStrategyBalance(set: CheckedQuiz[], label: string, report: Report): void {
  const items = set.flatMap(({ quiz }) => quiz.questions.filter((q): q is Question & { type: 'single' } => q.type === 'single'));
  const at = set[0];
  if (items.length < MIN_STRATEGY_ITEMS || !at) return;
  const [name, share] = [...lengthStrategies(items)].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  if (share <= MAX_LENGTH_STRATEGY) return;
  const examples = set
    .flatMap(({ quiz, source }) =>
      quiz.questions.flatMap((q, qi) => {
        if (q.type !== 'single') return [];
        const groups = lengthGroups(q.choices);
        const k = name === 'shortest' ? groups.length - 1 : ORDINALS.indexOf(name);
        return groups[k]?.length === 1 && groups[k]?.[0]?.id === q.correct
          ? [`${q.id} (${source.file}:${source.lineOf(['questions', qi])})`]
          : [];
      }),
    )
    .slice(0, 6);
  report(
    at.source,
    [],
    'error',
    'length-strategy',
    `a learner who always picks the ${name} option would score ${pct(share)} on the ${items.length} single-choice questions of ${label} (chance is about 25%); at most ${pct(MAX_LENGTH_STRATEGY)}. Make some of these keys the longest or the shortest option, or their options the same length: ${examples.join(', ')}`,
    'questions',
  );
}

function summarize(name: string, set: CheckedQuiz[], facts: Map<Question, ItemFacts>, findings: ItemFinding[]): QuizSummary {
  const questions = set.flatMap((s) => s.quiz.questions);
  const files = new Set(set.map((s) => s.source.file));
  const mine = findings.filter((f) => files.has(f.file));
  const byType = Object.fromEntries(QUESTION_TYPES.map((t) => [t, 0])) as Record<QuestionType, number>;
  for (const q of questions) byType[q.type]++;
  const tf = questions.filter((q) => q.type === 'true_false');
  const of = (pick: (f: ItemFacts) => number | boolean) => questions.reduce((n, q) => n + Number(pick(facts.get(q)!)), 0);
  return {
    name,
    items: questions.length,
    byType,
    trueFalse: { keyedTrue: tf.filter((q) => q.correct).length, keyedFalse: tf.filter((q) => !q.correct).length },
    keyLongest: { count: of((f) => f.keyLongest), of: set.reduce((n, s) => n + choiceItems(s.quiz).length, 0) },
    oneWrongOption: of((f) => f.oneWrong),
    absoluteDistractors: of((f) => f.absolute),
    nearDuplicates: of((f) => f.repeats > 0),
    errors: mine.filter((f) => f.severity === 'error').length,
    warnings: mine.filter((f) => f.severity === 'warning').length,
  };
}

// Text helpers.

/**
 * The question itself: the last sentence of the prompt. A scenario before it may say
 * "not" ("she has not had surgery") without the question being negative.
 */
export function questionSentence(prompt: string): string {
  const sentences = prompt.trim().split(/(?<=[.?!]["”']?)\s+(?=["“A-Z0-9])/);
  return sentences[sentences.length - 1] ?? prompt;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  const shared = [...a].filter((w) => b.has(w)).length;
  const union = a.size + b.size - shared;
  return union ? shared / union : 0;
}

function keyTexts(q: Question): string[] {
  if (q.type === 'single') return q.choices.filter((c) => c.id === q.correct).map((c) => c.text);
  if (q.type === 'multiple') return q.choices.filter((c) => q.correct.includes(c.id)).map((c) => c.text);
  return [];
}

/** Lesson HTML as learners read it: blocks apart, inline tags removed, entities decoded. */
export function htmlToText(html: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
  return html
    .replace(/<\/(p|li|h[1-6]|td|th|div|blockquote|pre)>|<br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) =>
      e[0] === '#'
        ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
        : (named[e.toLowerCase()] ?? m),
    )
    .replace(/\s+/g, ' ')
    .trim();
}

function range(values: number[]): string {
  const [lo, hi] = [Math.min(...values), Math.max(...values)];
  return lo === hi ? `${lo}` : `${lo}-${hi}`;
}

function pct(share: number): string {
  return `${Math.round(share * 100)}%`;
}
