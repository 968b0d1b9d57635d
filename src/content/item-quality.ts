import { kindOf, QUESTION_TYPES } from '../course/question-types/index.ts';
import { correctAnswer } from '../course/questions.ts';
import type { Choice, Question, QuestionType, Quiz } from '../course/types.ts';
import { fieldPath } from './errors.ts';
import { checkKnowledgeCheckCues, checkTestWiseness, type TestWiseReport } from './cue-strategies.ts';
import { contentWords, lengthGroups, words } from './item-text.ts';
import type { CheckedQuiz, ItemFinding, ItemRule, Report } from './item-findings.ts';
import type { YamlSource } from './yaml-source.ts';

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

/** What the rules share while they run over the bank. */
interface Bank {
  quizzes: CheckedQuiz[];
  /** The graded quizzes, and the knowledge checks (the others). */
  exams: CheckedQuiz[];
  checks: CheckedQuiz[];
  lessonWords: { file: string; words: string }[];
  facts: Map<Question, ItemFacts>;
  /** The exam's "only longest" warnings, listed only when the exam is over the cap (see longest-key). */
  longestInExam: Map<Quiz, Array<() => void>>;
  /** Per graded quiz, the test-wise learner's figures (rules 9-11). */
  testWise: TestWiseReport[];
  /** Any rule's report, for checks that report several rules (cue-strategies.ts). */
  report: Report;
}

/** One question in its quiz, with the facts the rules gather about it. */
interface QuestionAt {
  quiz: Quiz;
  source: YamlSource;
  q: Question;
  /** `['questions', qi]`. */
  at: PropertyKey[];
  f: ItemFacts;
}

/** Reports a finding of the rule at hand (with its severity unless another is given). */
type Say = (source: YamlSource, path: PropertyKey[], message: string, key?: string, severity?: ItemFinding['severity']) => void;

/**
 * One item-writing rule: what it checks, how bad a finding is, what the author does about it,
 * and its check, run per question, per quiz or once over the whole bank (in that order, and
 * in the order of the table). Each finding's message names the case and the change to make.
 */
interface ItemRuleEntry {
  /** The rule's number in docs/item-quality.md ('' for one that serves another rule). */
  number: string;
  checks: string;
  severity: ItemFinding['severity'];
  fix: string;
  question?(c: QuestionAt, say: Say, bank: Bank): void;
  quiz?(c: CheckedQuiz, say: Say, bank: Bank): void;
  bank?(bank: Bank, say: Say): void;
}

/** The single- and multiple-choice parts of a question: its keys and wrong options, with a path to each. */
function choiceParts(c: QuestionAt) {
  const { q, at } = c;
  if (q.type !== 'single' && q.type !== 'multiple') return null;
  const correct = new Set(q.type === 'single' ? [q.correct] : q.correct);
  return {
    q,
    keys: q.choices.filter((ch) => correct.has(ch.id)),
    wrong: q.choices.filter((ch) => !correct.has(ch.id)),
    path: (ch: Choice): PropertyKey[] => [...at, 'choices', q.choices.indexOf(ch)],
  };
}

/** The item-writing rules, in the order they run. */
export const ITEM_RULES: { readonly [R in ItemRule]: ItemRuleEntry } = {
  'all-none-of-the-above': {
    number: '1',
    checks: 'no "all/none of the above", "both of these" or "both A and B" option',
    severity: 'error',
    fix: 'replace the option with a plausible wrong answer, or make the question multiple-response',
    // Learners can pick it from partial knowledge.
    question(c, say) {
      const p = choiceParts(c);
      for (const ch of p?.q.choices ?? []) {
        const m = ALL_NONE_OF.exec(ch.text);
        if (m)
          say(
            c.source,
            p!.path(ch),
            `"${m[0]}" is an option: learners can pick it from partial knowledge (spotting two right options is enough). Replace it with a plausible wrong answer, or make the question multiple-response`,
            'text',
          );
      }
    },
  },
  'negative-stem': {
    number: '2',
    checks: 'a negative question says so in capitals ("Which is NOT…")',
    severity: 'error',
    fix: 'ask the question positively, or write the negative word in capitals',
    // A negative question is easily misread unless the negation stands out.
    question({ q, source, at }, say) {
      const negative = NEGATIVE.exec(questionSentence(q.prompt));
      if (negative)
        say(
          source,
          at,
          `the question is negative ("${negative[0]}") in lower case, so learners easily read past it: ask it positively if you can, otherwise write "${negative[0].toUpperCase()}" in capitals`,
          'prompt',
        );
    },
  },
  'true-false-balance': {
    number: '3',
    checks: `true/false keys are balanced: ${pct(TRUE_SHARE.min)} to ${pct(TRUE_SHARE.max)} keyed true, in the exam and across the knowledge checks`,
    severity: 'error',
    fix: 'turn some statements around so that the true one (or the false one) is asked',
    // An unbalanced key rewards answering "false" (or "true") by habit.
    bank({ exams, checks }, say) {
      for (const exam of exams) trueFalseBalance([exam], 'the exam has', say);
      trueFalseBalance(checks, 'the knowledge checks together have', say);
    },
  },
  'longest-key': {
    number: '4',
    checks: `the key is the only longest option in at most ${pct(MAX_KEY_LONGEST_SHARE)} of a quiz's single- and multiple-choice questions (each such question is also listed)`,
    severity: 'error',
    fix: 'even out the option lengths of the questions listed',
    // Per item: a key that is the only longest option gives itself away (a warning).
    question(c, say, { longestInExam }) {
      const p = choiceParts(c);
      if (!p) return;
      const { q } = p;
      const keyLengths = p.keys.map((ch) => ch.text.length);
      const wrongLengths = p.wrong.map((ch) => ch.text.length);
      if (p.wrong.length && Math.min(...keyLengths) > Math.max(...wrongLengths)) c.f.keyLongest = true;
      if (!c.f.keyLongest) return;
      const what =
        q.type === 'single'
          ? `the correct choice is the only longest option (${keyLengths[0]} characters; the others ${range(wrongLengths)})`
          : `every correct choice is longer than every wrong one (correct ${range(keyLengths)} characters; wrong ${range(wrongLengths)})`;
      const warn = () =>
        say(
          c.source,
          c.at,
          `${what}: shorten ${q.type === 'single' ? 'it' : 'them'} or lengthen the others so length does not give the answer away`,
          'choices',
          'warning',
        );
      // In the exam a single-choice key may be the longest now and then (keys spread evenly over
      // the length positions is the aim); the cap and the test-wise learner's "longest" strategy
      // judge the exam as a whole, and the questions are listed only when it is over the cap.
      if (c.quiz.graded && q.type === 'single') longestInExam.set(c.quiz, [...(longestInExam.get(c.quiz) ?? []), warn]);
      else warn();
    },
    // Per quiz; small knowledge checks are judged together.
    bank({ exams, checks, facts, longestInExam }, say) {
      for (const q of exams)
        if (keyLongestShare([q], 'this quiz', facts, say, MIN_CHOICE_ITEMS)) longestInExam.get(q.quiz)?.forEach((warn) => warn());
      for (const q of checks) keyLongestShare([q], 'this quiz', facts, say, MIN_CHOICE_ITEMS);
      const small = checks.find((q) => choiceItems(q.quiz).length < MIN_CHOICE_ITEMS);
      if (small) keyLongestShare(checks, 'the knowledge checks together', facts, say, MIN_CHOICE_ITEMS, small);
    },
  },
  'length-strategy': {
    number: '4',
    checks: `always picking the longest, second longest… or shortest option scores at most ${pct(MAX_LENGTH_STRATEGY)} of a quiz's single-choice questions`,
    severity: 'error',
    fix: 'make some keys the longest or the shortest option, or their options the same length',
    bank({ exams, checks }, say) {
      for (const q of exams) lengthStrategyBalance([q], 'this quiz', say);
      lengthStrategyBalance(checks, 'the knowledge checks together', say);
    },
  },
  'option-length-spread': {
    number: '',
    checks: `single choice: the longest option at most ${MAX_LENGTH_RATIO} times the shortest (the aim of rule 4)`,
    severity: 'warning',
    fix: 'aim for options of similar length',
    question(c, say) {
      if (c.q.type !== 'single') return;
      const lengths = c.q.choices.map((ch) => ch.text.length);
      const [short, long] = [Math.min(...lengths), Math.max(...lengths)];
      if (long > MAX_LENGTH_RATIO * short)
        say(
          c.source,
          c.at,
          `the longest option (${long} characters) is more than ${MAX_LENGTH_RATIO} times the shortest (${short}): an option that much longer or shorter stands out; aim for options of similar length`,
          'choices',
        );
    },
  },
  'repeated-check-item': {
    number: '5',
    checks: `the exam does not repeat a knowledge-check question (${pct(NEAR_DUPLICATE)} of content words shared, or ${pct(SAME_IDEA)} and the same key)`,
    severity: 'error',
    fix: 'ask about the idea in a new situation with new options, or replace one of the two',
    // An exam item the learner already answered in a knowledge check measures memory of it.
    bank({ exams, checks, facts }, say) {
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
              say(
                exam.source,
                ['questions', qi],
                `repeats knowledge-check question "${cq.id}" (${where}; ${stemPart}${keyPart}): learners who did the check answer from memory. Ask about the idea in a new situation with new options, or replace one of the two`,
                'prompt',
              );
            });
          }
        });
      }
    },
  },
  'key-copied-from-lesson': {
    number: '6',
    checks: `an exam key of ${MIN_COPIED_WORDS} words or more does not appear word for word in a lesson`,
    severity: 'error',
    fix: 'paraphrase the correct answer',
    // A key copied from the lesson is recognized, not understood.
    question(c, say, { lessonWords }) {
      const p = choiceParts(c);
      if (!p || !c.quiz.graded) return;
      for (const ch of p.keys) {
        const key = words(ch.text);
        const copiedFrom = key.length >= MIN_COPIED_WORDS && lessonWords.find((l) => l.words.includes(` ${key.join(' ')} `));
        if (copiedFrom)
          say(
            c.source,
            p.path(ch),
            `this correct answer (${key.length} words) appears word for word in ${copiedFrom.file}: learners can pick it by recognizing the wording instead of understanding it; paraphrase it`,
            'text',
          );
      }
    },
  },
  'absolute-distractor': {
    number: '7',
    checks: 'no absolute word ("always", "never", "only"…) in a wrong option while the key has none',
    severity: 'warning',
    fix: 'qualify the wrong option or reword it without the absolute',
    // An absolute word marks a distractor as wrong, unless the key has one too.
    question(c, say) {
      const p = choiceParts(c);
      if (!p || p.keys.some((ch) => ABSOLUTE.test(ch.text))) return;
      for (const ch of p.wrong) {
        const m = ABSOLUTE.exec(ch.text);
        if (!m) continue;
        c.f.absolute++;
        say(
          c.source,
          p.path(ch),
          `this wrong option says "${m[0]}" and the correct answer has no such absolute word: test-wise learners rule it out without knowing the subject; qualify it or reword it without the absolute`,
          'text',
        );
      }
    },
  },
  'option-count': {
    number: '8',
    checks:
      'enough plausible options: single choice 3 to 5; multiple response two wrong or more; a spare target or label for pairs; the number of correct options varies in a quiz',
    severity: 'warning',
    fix: 'add a plausible wrong option (or target, or label), or vary how many options are correct',
    // Enough plausible wrong options to make guessing unrewarding.
    question(c, say) {
      const { q, source, at } = c;
      // Pairs (matching, labelling a diagram): with no spare target, the last pair is given by elimination.
      const pairs = kindOf(q).report(q, correctAnswer(q));
      if (
        pairs.type === 'matching' &&
        pairs.targets.length === pairs.sources.length &&
        new Set(pairs.correct.map(([, t]) => t)).size === pairs.targets.length
      ) {
        const field = q.type === 'label_diagram' ? 'labels' : 'targets';
        say(
          source,
          at,
          `each of the ${pairs.targets.length} ${field} belongs to exactly one ${field === 'labels' ? 'part' : 'item'}, so the last one is found by elimination: add a plausible ${field === 'labels' ? 'label that names no part' : 'target that matches no item'}`,
          field,
        );
      }
      if (q.type === 'single' && (q.choices.length < 3 || q.choices.length > 5)) {
        const why = q.choices.length < 3 ? 'a guess is right half the time' : 'extra options are rarely plausible and only add reading';
        say(source, at, `offers ${q.choices.length} options: ${why}; give 3 to 5`, 'choices');
      }
      const p = choiceParts(c);
      if (q.type === 'multiple' && p?.wrong.length === 1) {
        c.f.oneWrong = true;
        say(
          source,
          at,
          `has only one wrong option (${p.keys.length} of ${q.choices.length} are correct): learners can look for the odd one out and tick the rest; add a second plausible wrong option, or make one of the correct ones wrong`,
          'choices',
        );
      }
    },
    // If the number of correct options never varies, learners learn the pattern.
    quiz({ quiz, source }, say) {
      const multiples = quiz.questions.filter((q) => q.type === 'multiple');
      if (multiples.length < 2) return;
      const allButOne = multiples.every((q) => q.choices.length - q.correct.length === 1);
      const counts = new Set(multiples.map((q) => q.correct.length));
      if (!allButOne && counts.size !== 1) return;
      const pattern = allButOne ? 'all options but one' : `exactly ${[...counts][0]} options`;
      say(
        source,
        [],
        `every multiple-response question has ${pattern} correct: learners learn the pattern instead of the content; vary how many options are correct`,
        'questions',
      );
    },
  },
  'test-wise-strategy': {
    number: '9',
    checks: 'a learner who knows nothing and picks by form alone beats a blind guess by at most 10 points (cue-strategies.ts)',
    severity: 'error',
    fix: "reword the questions where the strategy's cue points to the key",
    // Rules 9-11 come from one simulation of the test-wise learner, which reports all three.
    bank(bank) {
      bank.testWise = bank.exams.map((exam) =>
        checkTestWiseness(
          exam,
          bank.checks.map((c) => c.quiz),
          bank.report,
        ),
      );
      // Rule 9 on the knowledge checks' single-choice questions together, with or without an exam.
      checkKnowledgeCheckCues(bank.checks, bank.report);
    },
  },
  'question-level': {
    number: '10',
    checks: 'the exam asks mostly for application: a level on every question, 60% application (checked with rule 9)',
    severity: 'error',
    fix: 'give every exam question its level, and write application questions where too few are',
  },
  'critical-difficulty': {
    number: '11',
    checks: 'critical questions are equally hard to guess (checked with rule 9)',
    severity: 'warning',
    fix: 'make the easiest-to-guess question of a critical objective harder to guess, or the hardest easier',
  },
};

const RULE_IDS = Object.keys(ITEM_RULES) as ItemRule[];

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
  const sayer =
    (rule: ItemRule): Say =>
    (source, path, message, key, severity = ITEM_RULES[rule].severity) =>
      report(source, path, severity, rule, message, key);
  const bank: Bank = {
    quizzes,
    exams: quizzes.filter((q) => q.quiz.graded),
    checks: quizzes.filter((q) => !q.quiz.graded),
    lessonWords: lessons.map((l) => ({ file: l.file, words: ` ${words(l.text).join(' ')} ` })),
    facts: new Map(),
    longestInExam: new Map(),
    testWise: [],
    report,
  };

  for (const checked of quizzes) {
    checked.quiz.questions.forEach((q, qi) => {
      const f: ItemFacts = { keyLongest: false, oneWrong: false, absolute: 0, repeats: 0 };
      bank.facts.set(q, f);
      const at = { quiz: checked.quiz, source: checked.source, q, at: ['questions', qi], f };
      for (const rule of RULE_IDS) ITEM_RULES[rule].question?.(at, sayer(rule), bank);
    });
    for (const rule of RULE_IDS) ITEM_RULES[rule].quiz?.(checked, sayer(rule), bank);
  }
  for (const rule of RULE_IDS) ITEM_RULES[rule].bank?.(bank, sayer(rule));

  findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  const { facts, checks } = bank;
  const summary = [...quizzes.map((q) => summarize(q.source.file, [q], facts, findings))];
  if (checks.length > 1) summary.push(summarize('knowledge checks together', checks, facts, findings));
  return { findings, summary, testWise: bank.testWise };
}

interface ItemFacts {
  keyLongest: boolean;
  oneWrong: boolean;
  absolute: number;
  repeats: number;
}

function trueFalseBalance(set: CheckedQuiz[], label: string, say: Say): void {
  const items = set.flatMap(({ quiz, source }) => quiz.questions.flatMap((q) => (q.type === 'true_false' ? [{ q, source }] : [])));
  if (items.length < MIN_TRUE_FALSE) return;
  const keyedTrue = items.filter(({ q }) => q.correct).length;
  const share = keyedTrue / items.length;
  if (share >= TRUE_SHARE.min && share <= TRUE_SHARE.max) return;
  const often = share < TRUE_SHARE.min ? 'false' : 'true';
  const perFile =
    set.length > 1 ? `; ${breakdown(set, (q) => (q.type === 'true_false' ? (q.correct ? 'true' : 'false') : undefined))}` : '';
  say(
    items[0]!.source,
    [],
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
  say: Say,
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
  say(
    at.source,
    [],
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

function lengthStrategyBalance(set: CheckedQuiz[], label: string, say: Say): void {
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
  say(
    at.source,
    [],
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
