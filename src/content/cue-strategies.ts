import { drawQuestions } from '../course/pool.ts';
import { questionScore } from '../course/questions.ts';
import { hashString, seededRandom, shuffle } from '../course/random.ts';
import { attemptResult, criticalObjectives, type QuizAttempt } from '../course/state.ts';
import type { SingleChoiceQuestion } from '../course/question-types/single.ts';
import type { Answer, Choice, Question, Quiz } from '../course/types.ts';
import type { CheckedQuiz, Report } from './item-findings.ts';
import { contentWords } from './item-text.ts';

/**
 * A test-wise learner who knows nothing of the subject: strategies that pick an answer from
 * the form of a question alone, never from its key, played against the course's own draw
 * and scoring (docs/item-quality.md#the-test-wise-learner-rules-9-11). A strategy that beats a blind guess shows a cue the
 * bank teaches instead of the subject.
 */

/**
 * How far a strategy may beat chance, in share of the score (0.10: ten percentage points).
 * Test-wise learners exploit cues of form (length, wording, qualifiers) that item writers
 * leave (Millman J, Bishop CH, Ebel R. An analysis of test-wiseness. Educational and
 * Psychological Measurement 1965;25(3):707-726), and the item-writing guidelines exist to
 * remove them (Haladyna TM, Downing SM, Rodriguez MC. A review of multiple-choice
 * item-writing guidelines for classroom assessment. Applied Measurement in Education
 * 2002;15(3):309-333). Ten points is about one item in ten answered from a cue alone.
 */
export const MAX_CUE_GAIN = 0.1;
/** How many attempts the simulation draws, each with its own seed (0, 1, 2…), as the course draws them. */
export const SIMULATED_ATTEMPTS = 2000;
/** Share of the exam (bank, and every attempt) that must ask for application, not recall. */
export const MIN_APPLICATION_SHARE = 0.6;
/** On a critical objective, the easiest item to guess may be at most this many times easier than the hardest. */
export const MAX_GUESS_RATIO = 2;
/** Exams with fewer questions are too small to judge strategies on: a cue in one item is not a pattern. */
export const MIN_SIMULATED_ITEMS = 12;
/** Answers to enumerate for an exact blind-guess score; beyond, a fixed-seed sample of GUESS_SAMPLES. */
const EXACT_ANSWERS = 50_000;
const GUESS_SAMPLES = 20_000;

/**
 * The word lists the strategies read options with, in one place. Each entry is a word or a
 * phrase matched whole, case-insensitive, with an optional plural -s ("call" matches "calls",
 * not "recall"); a space in a phrase also matches a hyphen ("same day", "same-day"). Chosen
 * from the words that make an option sound urgent, cautious, deferential or absolute to a
 * learner guessing (Millman et al. 1965; Haladyna et al. 2002).
 */
export const LEXICONS = {
  /** Sounds urgent: a learner who knows nothing of safety questions picks the alarm. */
  urgent: [
    'immediately',
    'immediate',
    'emergency',
    'urgent',
    'urgently',
    'now',
    'today',
    'same day',
    'right away',
    'at once',
    'straight away',
    'without delay',
    'promptly',
    '911',
    'ambulance',
    'call',
    'called',
    'calling',
    'escalate',
    'escalated',
    'escalation',
  ],
  /**
   * Acts now: keeps the patient or the call going while something happens at once. On safety
   * questions a learner picks the option that does not let the moment pass (a clinical
   * reviewer's finding on this course's red-flag items), whatever the alarm words say.
   * Pronoun variants are listed; "keep her on" also covers "keep her on the line".
   */
  immediacy: [
    'now',
    'on the line',
    'on the phone',
    'before she hangs up',
    'before he hangs up',
    'before the call ends',
    'put her through',
    'put him through',
    'while she is',
    'while he is',
    'keep her on',
    'keep him on',
  ],
  /** Hedged: qualified statements sound like the careful, correct one. */
  hedged: [
    'may',
    'might',
    'can',
    'could',
    'some',
    'sometimes',
    'often',
    'usually',
    'typically',
    'generally',
    'possible',
    'possibly',
    'probably',
    'likely',
    'limited',
    'not established',
    'not proven',
    'uncertain',
    'unclear',
    'unknown',
    'depends',
    'varies',
  ],
  /** Names a clinician: "refer it to the provider" is the safe answer for clinic staff. */
  clinician: [
    'clinician',
    'doctor',
    'physician',
    'nurse',
    'provider',
    'surgeon',
    'specialist',
    'practitioner',
    'prescriber',
    'care team',
    'medical team',
  ],
  /**
   * Sells a treatment: what a promotional source says of it. With `dismissing`, the two ends
   * of a stance; on a course about an oversold therapy a learner who knows nothing picks the
   * option at neither end (a clinical reviewer's finding on this course's evidence items).
   */
  selling: [
    'cure',
    'cured',
    'cures',
    'curing',
    'regenerate',
    'regenerates',
    'regrow',
    'regrows',
    'rebuild',
    'rebuilds',
    'repair',
    'repairs',
    'reverse',
    'reverses',
    'heal',
    'heals',
    'restore',
    'restores',
    'proven',
    'breakthrough',
    'miracle',
    'permanent',
    'permanently',
    'eliminate',
    'eliminates',
    'effective',
    'works',
    'prove',
    'proves',
    'proof',
    'promising',
    'natural',
    'pure',
    'go ahead',
  ],
  /** Dismisses a treatment out of hand: the other end of a stance (see `selling`). */
  dismissing: [
    'fraud',
    'fraudulent',
    'scam',
    'useless',
    'worthless',
    'quackery',
    'illegal',
    'banned',
    'no benefit',
    'no evidence',
    'never works',
    'does not work',
    "doesn't work",
    'nothing but',
    'placebo',
    'waste',
    'snake oil',
    'rip-off',
    'there to sell',
    'only to sell',
  ],
  /** Absolute: options with these sound wrong to a test-wise learner, who avoids them. */
  absolute: [
    'always',
    'never',
    'all',
    'none',
    'only',
    'every',
    'everyone',
    'everything',
    'nothing',
    'no',
    'cannot',
    "can't",
    'guaranteed',
    'guarantee',
    'completely',
    'entirely',
    'totally',
    'certainly',
    '100%',
  ],
} as const;

type Lexicon = keyof typeof LEXICONS;

const LEXICON_PATTERNS = Object.fromEntries(
  Object.entries(LEXICONS).map(([name, list]) => [
    name,
    new RegExp(
      `(?<![\\w'])(?:${list.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[\\s-]+')).join('|')})s?(?![\\w'])`,
      'gi',
    ),
  ]),
) as Record<Lexicon, RegExp>;

/** How many words or phrases of a lexicon a text has. */
export function lexiconCount(lexicon: Lexicon, text: string): number {
  return text.replace(/[‘’]/g, "'").match(LEXICON_PATTERNS[lexicon])?.length ?? 0;
}

/** A test-wise learner's rule for answering without knowing the subject. */
export interface Strategy {
  name: string;
  /** What the learner does, completing "a learner who knows nothing and…". */
  rule: string;
  /** The single-choice options it picks among: it guesses among ties, and among all options when its cue is absent. */
  pick(q: SingleChoiceQuestion): Choice[];
  /** Its answer to every true/false statement; none: it guesses. */
  trueFalse?: boolean;
  /** What to change when it works. */
  advice: string;
}

/** The options with the highest count; all of them when none counts. */
function most(choices: Choice[], count: (c: Choice) => number): Choice[] {
  const counts = choices.map(count);
  const top = Math.max(...counts);
  return top > 0 ? choices.filter((_, i) => counts[i] === top) : choices;
}

const byLexicon = (lexicon: Lexicon) => (q: SingleChoiceQuestion) => most(q.choices, (c) => lexiconCount(lexicon, c.text));

/**
 * The options in groups of the same length in characters, longest first. Stricter than rule
 * 4's look-alike groups (`lengthGroups`, within 5%): a key kept a few characters away from the
 * extremes is a writer's habit a learner who compares lengths closely can still exploit.
 */
function byLength(choices: Choice[]): Choice[][] {
  const lengths = [...new Set(choices.map((c) => c.text.length))].sort((a, b) => b - a);
  return lengths.map((n) => choices.filter((c) => c.text.length === n));
}

/** The strategies, one line each: how it picks among a single-choice question's options. */
export const STRATEGIES: Strategy[] = [
  {
    name: 'longest',
    rule: 'picks the longest option',
    pick: (q) => byLength(q.choices)[0] ?? q.choices,
    advice: 'Make some keys the shortest option, or lengthen the wrong options',
  },
  {
    name: 'shortest',
    rule: 'picks the shortest option',
    pick: (q) => byLength(q.choices).at(-1) ?? q.choices,
    advice: 'Make some keys the longest option, or shorten the wrong options',
  },
  {
    name: 'middle length',
    rule: 'picks an option neither the longest nor the shortest',
    // Neither the longest nor the shortest: "avoid the extremes".
    pick: (q) => {
      const middle = byLength(q.choices).slice(1, -1).flat();
      return middle.length ? middle : q.choices;
    },
    advice: 'Make more keys the longest or the shortest option',
  },
  {
    name: 'echoes the stem',
    rule: 'picks the option sharing the most words with the question',
    pick: (q) => {
      const stem = contentWords(q.prompt);
      return most(q.choices, (c) => [...contentWords(c.text)].filter((w) => stem.has(w)).length);
    },
    advice: "Reword keys that repeat the question's words, or let wrong options echo it too",
  },
  {
    name: 'most urgent',
    rule: 'picks the most urgent-sounding option',
    pick: byLexicon('urgent'),
    advice:
      'Give wrong options urgent wording too (an escalation that is not needed), and make the calm option the key where calm is right',
  },
  {
    name: 'acts now',
    rule: 'picks the option that acts now (now, on the line, before the call ends, put her through…)',
    pick: byLexicon('immediacy'),
    advice: "Give wrong options immediate wording too: an immediate action that is wrong, or 'now' attached to the wrong route",
  },
  {
    name: 'most hedged',
    rule: 'picks the most hedged option',
    pick: byLexicon('hedged'),
    advice: 'Qualify wrong options too ("may", "usually"), or make a plain statement the key',
  },
  {
    name: 'names a clinician',
    rule: 'picks the option that names a clinician',
    pick: byLexicon('clinician'),
    advice: 'Let wrong options defer to a clinician too, where deferring is not the answer',
  },
  {
    name: 'avoids absolutes',
    rule: 'picks an option without an absolute word',
    pick: (q) => {
      const plain = q.choices.filter((c) => lexiconCount('absolute', c.text) === 0);
      return plain.length ? plain : q.choices;
    },
    advice: 'Word wrong options without absolutes, or make an absolute statement the key where it is right',
  },
  {
    name: 'measured stance',
    rule: 'picks the option that neither sells a treatment nor dismisses it',
    pick: (q) => {
      const ends = (c: Choice) => lexiconCount('selling', c.text) + lexiconCount('dismissing', c.text);
      const least = Math.min(...q.choices.map(ends));
      const measured = q.choices.filter((c) => ends(c) === least);
      return measured.length < q.choices.length ? measured : q.choices;
    },
    advice:
      'Give wrong options a measured voice too (a careful-sounding statement wrong by a fact the lesson teaches), or make a plain claim or a plain dismissal the key where it is right',
  },
  {
    name: 'always True',
    rule: 'answers True to every true/false statement',
    pick: (q) => q.choices,
    trueFalse: true,
    advice: 'Turn some true statements around',
  },
  {
    name: 'always False',
    rule: 'answers False to every true/false statement',
    pick: (q) => q.choices,
    trueFalse: false,
    advice: 'Turn some false statements around',
  },
];

/** A blind guess: every answer of the question's form equally likely. */
export interface GuessOdds {
  /** Expected share of the question's weight, under its own scoring (partial or all-or-nothing). */
  expected: number;
  /** Probability of the answer scoring 1. */
  fullyRight: number;
}

/** The answers a learner can give, for counting and for sampling. */
interface AnswerSpace {
  size: number;
  all(): Answer[];
  random(random: () => number): Answer;
}

/** Sequences of k distinct items of `list` (ordering, matching, a single choice). */
function arrangements(list: string[], k: number): AnswerSpace {
  let size = 1;
  for (let i = 0; i < k; i++) size *= list.length - i;
  return {
    size,
    all() {
      const out: Answer[] = [];
      const grow = (prefix: string[]) => {
        if (prefix.length === k) out.push(prefix);
        else for (const x of list) if (!prefix.includes(x)) grow([...prefix, x]);
      };
      grow([]);
      return out;
    },
    random: (random) => shuffle(list, random).slice(0, k),
  };
}

/** Non-empty subsets of `list` (multiple response: at least one option ticked). */
function subsets(list: string[]): AnswerSpace {
  const size = 2 ** list.length - 1;
  const nth = (mask: number) => list.filter((_, i) => mask & (1 << i));
  return {
    size,
    all: () => Array.from({ length: size }, (_, i) => nth(i + 1)),
    random: (random) => nth(1 + Math.floor(random() * size)),
  };
}

/** Pairings of sources to distinct targets, as `source.target`. */
function pairings(sources: string[], targets: string[]): AnswerSpace {
  const inner = arrangements(targets, sources.length);
  const toPairs = (a: Answer) => sources.map((s, i) => `${s}.${a[i] ?? ''}`);
  return { size: inner.size, all: () => inner.all().map(toPairs), random: (r) => toPairs(inner.random(r)) };
}

const spaceCache = new WeakMap<Question, AnswerSpace | null>();

/** What a learner who cannot read the question can answer; null when it cannot be guessed from a list (a number). */
function answerSpace(q: Question): AnswerSpace | null {
  if (!spaceCache.has(q)) spaceCache.set(q, spaceOf(q));
  return spaceCache.get(q) ?? null;
}

function spaceOf(q: Question): AnswerSpace | null {
  const ids = (list: readonly Choice[]) => list.map((c) => c.id);
  switch (q.type) {
    case 'single':
      return arrangements(ids(q.choices), 1);
    case 'true_false':
      return arrangements(['true', 'false'], 1);
    case 'multiple':
      return subsets(ids(q.choices));
    case 'ordering':
      return arrangements(ids(q.items), q.items.length);
    case 'matching':
      return pairings(ids(q.items), ids(q.targets));
    case 'label_diagram':
      return pairings(ids(q.parts), ids(q.labels));
    case 'numeric':
      return null;
  }
}

const guessCache = new WeakMap<Question, GuessOdds>();

/**
 * A blind guess's odds under the course's scoring: exact over every answer when there are
 * few enough, otherwise from a fixed-seed sample. A number typed in a field cannot be
 * guessed from a list: its odds are 0.
 */
export function blindGuess(q: Question): GuessOdds {
  const known = guessCache.get(q);
  if (known) return known;
  const space = answerSpace(q);
  let odds: GuessOdds = { expected: 0, fullyRight: 0 };
  if (space) {
    const random = seededRandom(hashString(q.id));
    const answers = space.size <= EXACT_ANSWERS ? space.all() : Array.from({ length: GUESS_SAMPLES }, () => space.random(random));
    const scores = answers.map((a) => questionScore(q, a));
    odds = {
      expected: scores.reduce((s, x) => s + x, 0) / scores.length,
      fullyRight: scores.filter((x) => x === 1).length / scores.length,
    };
  }
  guessCache.set(q, odds);
  return odds;
}

const pickCache = new Map<Strategy, WeakMap<Question, Choice[]>>();

/** The options a strategy picks among, remembered per question. */
function picks(s: Strategy, q: SingleChoiceQuestion): Choice[] {
  let cache = pickCache.get(s);
  if (!cache) pickCache.set(s, (cache = new WeakMap()));
  let p = cache.get(q);
  if (!p) cache.set(q, (p = s.pick(q)));
  return p;
}

/**
 * A strategy's odds on a question: on single choice, the share of the options it picks among
 * that are the key; on true/false, its fixed answer or a guess; on types it cannot read, a
 * blind guess. `null` is the blind guess itself.
 */
export function strategyOdds(s: Strategy | null, q: Question): GuessOdds {
  if (s && q.type === 'single') {
    const p = picks(s, q);
    const right = p.filter((c) => c.id === q.correct).length / p.length;
    return { expected: right, fullyRight: right };
  }
  if (s?.trueFalse !== undefined && q.type === 'true_false') {
    const right = Number(s.trueFalse === q.correct);
    return { expected: right, fullyRight: right };
  }
  return blindGuess(q);
}

/** One answer as the strategy gives it, guessing among ties with `random`. */
function strategyAnswer(s: Strategy | null, q: Question, random: () => number): Answer {
  if (s && q.type === 'single') {
    const p = picks(s, q);
    return [p[Math.floor(random() * p.length)]?.id ?? ''];
  }
  if (s?.trueFalse !== undefined && q.type === 'true_false') return [String(s.trueFalse)];
  return answerSpace(q)?.random(random) ?? [''];
}

/** A share of items right (expected), beside a blind guess's on the same items. */
export interface Share {
  right: number;
  chance: number;
  items: number;
}

export interface StrategyFigures {
  /** The strategy's name; "blind guess" for the baseline. */
  name: string;
  /** (a) The exam's single-choice items. */
  single: Share;
  /** (b) Mean attempt percentage over the simulated attempts, weights included; `chance`: a blind guess's. */
  attempts: Share;
  /** (c) Items on critical objectives: the share fully right. */
  critical: Share;
  /** (d) Share of the simulated attempts that pass, the critical rule included. */
  passed: number;
  /** The knowledge checks' single-choice items together (judged by checkKnowledgeCheckCues). */
  checks: Share;
}

export interface LevelFigures {
  items: number;
  /** Questions with a level, and of those the application ones. */
  tagged: number;
  application: number;
  /** Objectives the exam assesses with no application question. */
  objectivesWithout: string[];
  /** Share of application questions in the simulated attempts. */
  drawShare: { min: number; mean: number };
}

export interface TestWiseReport {
  /** The exam's file. */
  file: string;
  attempts: number;
  strategies: StrategyFigures[];
  blind: StrategyFigures;
  levels: LevelFigures;
}

function share(s: Strategy | null, items: Question[], odds: (o: GuessOdds) => number): Share {
  const mean = (f: (q: Question) => number) => (items.length ? items.reduce((n, q) => n + f(q), 0) / items.length : 0);
  return { right: mean((q) => odds(strategyOdds(s, q))), chance: mean((q) => odds(blindGuess(q))), items: items.length };
}

/** Plays every strategy (and a blind guess) against the exam's own draw and scoring. */
export function simulateTestWiseLearner(exam: Quiz, checks: Quiz[], attempts = SIMULATED_ATTEMPTS): Omit<TestWiseReport, 'file'> {
  const singles = (qs: Question[]) => qs.filter((q) => q.type === 'single');
  const critical = new Set(criticalObjectives(exam));
  const criticalItems = exam.questions.filter((q) => q.objectives.some((o) => critical.has(o)));
  const checkSingles = singles(checks.flatMap((c) => c.questions));
  const players: (Strategy | null)[] = [null, ...STRATEGIES];
  const percent = players.map(() => 0);
  const passed = players.map(() => 0);
  const drawShares: number[] = [];
  const byId = new Map(exam.questions.map((q) => [q.id, q]));

  for (let seed = 0; seed < attempts; seed++) {
    const ids = drawQuestions(exam, seed);
    const drawn = ids.map((id) => byId.get(id)).filter((q): q is Question => q !== undefined);
    drawShares.push(drawn.filter((q) => q.level === 'application').length / Math.max(1, drawn.length));
    players.forEach((s, i) => {
      const random = seededRandom(seed * (STRATEGIES.length + 1) + i);
      const attempt: QuizAttempt = {
        seed,
        questions: ids,
        answers: Object.fromEntries(drawn.map((q) => [q.id, strategyAnswer(s, q, random)])),
        checked: [],
        flagged: [],
        current: 0,
        times: {},
        startedAt: 0,
        deadline: null,
        submitted: true,
        timedOut: false,
      };
      const result = attemptResult(exam, attempt, exam.passMark);
      percent[i]! += result.percent / 100;
      if (result.passed) passed[i]!++;
    });
  }

  const figures = players.map((s, i): StrategyFigures => ({
    name: s?.name ?? 'blind guess',
    single: share(s, singles(exam.questions), (o) => o.expected),
    attempts: { right: percent[i]! / attempts, chance: percent[0]! / attempts, items: attempts },
    critical: share(s, criticalItems, (o) => o.fullyRight),
    passed: passed[i]! / attempts,
    checks: share(s, checkSingles, (o) => o.expected),
  }));
  const assessed = [...new Set(exam.questions.flatMap((q) => q.objectives))];
  return {
    attempts,
    blind: figures[0]!,
    strategies: figures.slice(1),
    levels: {
      items: exam.questions.length,
      tagged: exam.questions.filter((q) => q.level).length,
      application: exam.questions.filter((q) => q.level === 'application').length,
      objectivesWithout: assessed.filter((o) => !exam.questions.some((q) => q.level === 'application' && q.objectives.includes(o))),
      drawShare: {
        min: drawShares.length ? Math.min(...drawShares) : 0,
        mean: drawShares.reduce((n, x) => n + x, 0) / Math.max(1, drawShares.length),
      },
    },
  };
}

/**
 * The test-wise learner's rules for the graded exam: no strategy beats chance by more than
 * MAX_CUE_GAIN or passes an attempt; every question has a level, and application is at
 * least MIN_APPLICATION_SHARE of the bank and of every attempt, on every objective; the
 * items of a critical objective are about as hard to guess (a warning).
 */
export function checkTestWiseness({ quiz, source }: CheckedQuiz, checks: Quiz[], report: Report): TestWiseReport {
  const sim = { file: source.file, ...simulateTestWiseLearner(quiz, checks) };
  const at = (qi: number) => `${quiz.questions[qi]?.id} (${source.file}:${source.lineOf(['questions', qi])})`;

  if (quiz.questions.length >= MIN_SIMULATED_ITEMS) {
    sim.strategies.forEach((f, si) => {
      const strategy = STRATEGIES[si]!;
      const over = (
        [
          ['the single-choice questions', f.single],
          ['whole attempts (mean score)', f.attempts],
          ['the questions on critical objectives', f.critical],
        ] as const
      )
        .filter(([, s]) => s.items > 0 && s.right - s.chance > MAX_CUE_GAIN)
        .map(([what, s]) => `${pct(s.right)} on ${what}, against ${pct(s.chance)} by chance (+${points(s.right - s.chance)} points)`);
      if (f.passed > 0) over.push(`passes ${pct(f.passed, 1)} of ${sim.attempts} simulated attempts`);
      if (!over.length) return;
      const cued = cuedQuestions(strategy, [{ quiz, source }]).map((c) => c.at);
      report(
        source,
        [],
        'error',
        'test-wise-strategy',
        `the "${strategy.name}" strategy (a learner who knows nothing and ${strategy.rule}) scores ${over.join('; ')}: at most ${points(MAX_CUE_GAIN)} points above chance, and no passing attempt. ${strategy.advice}${cued.length ? `. Its cue narrows the options to ones that include the key in ${cued.length} single-choice questions, e.g. ${cued.slice(0, 6).join(', ')}` : ''}`,
        'questions',
      );
    });
    if (sim.blind.passed > 0)
      report(
        source,
        [],
        'error',
        'test-wise-strategy',
        `a blind guess passes ${pct(sim.blind.passed, 1)} of ${sim.attempts} simulated attempts: draw more questions, or fewer that a guess gets right`,
        'questions',
      );
  }

  // Levels: the exam asks mostly for application.
  quiz.questions.forEach((q, qi) => {
    if (!q.level)
      report(
        source,
        ['questions', qi],
        'error',
        'question-level',
        'is missing: add level: recall or level: application (application: the learner uses what the lesson taught in a situation at work)',
        'level',
      );
  });
  const { items, application, objectivesWithout, drawShare } = sim.levels;
  if (application < MIN_APPLICATION_SHARE * items)
    report(
      source,
      [],
      'error',
      'question-level',
      `${application} of the exam's ${items} questions (${pct(application / items)}) are level: application; at least ${pct(MIN_APPLICATION_SHARE)} must be: turn recall questions into situations at work`,
      'questions',
    );
  if (objectivesWithout.length)
    report(
      source,
      [],
      'error',
      'question-level',
      `these objectives have no level: application question in the exam: ${objectivesWithout.join(', ')}; write one for each`,
      'questions',
    );
  if (drawShare.min < MIN_APPLICATION_SHARE)
    report(
      source,
      [],
      'error',
      'question-level',
      `an attempt can draw as few as ${pct(drawShare.min)} application questions (mean ${pct(drawShare.mean)} over ${sim.attempts} simulated attempts); every attempt must have at least ${pct(MIN_APPLICATION_SHARE)}: add application questions to the objectives drawn most`,
      'questions',
    );

  // Critical objectives: a question missed fails the attempt, so their questions should be about as hard to guess.
  for (const objective of criticalObjectives(quiz)) {
    const guessable = quiz.questions
      .map((q, qi) => ({ qi, odds: blindGuess(q).fullyRight }))
      .filter(({ qi, odds }) => odds > 0 && quiz.questions[qi]?.objectives.includes(objective))
      .sort((a, b) => b.odds - a.odds);
    const [easiest, hardest] = [guessable[0], guessable.at(-1)];
    if (easiest && hardest && easiest.odds > MAX_GUESS_RATIO * hardest.odds)
      report(
        source,
        [],
        'warning',
        'critical-difficulty',
        `on critical objective "${objective}", a blind guess gets ${at(easiest.qi)} fully right ${pct(easiest.odds, 1)} of the time and ${at(hardest.qi)} ${pct(hardest.odds, 1)}: more than ${MAX_GUESS_RATIO} times apart, so attempts that draw different questions are not equally hard to pass; give the critical questions comparable forms (e.g. the same number of options)`,
        'blueprint',
      );
  }
  return sim;
}

/**
 * The test-wise learner on the knowledge checks: on their single-choice questions together, no
 * strategy may beat a blind guess by more than MAX_CUE_GAIN, as on the exam's. A check is
 * practice, not a grade, but a key found from its form teaches the form instead of the subject.
 * Judged from MIN_SIMULATED_ITEMS single-choice questions (fewer: a cue is not yet a pattern).
 */
export function checkKnowledgeCheckCues(checks: CheckedQuiz[], report: Report): void {
  const singles = checks.flatMap(({ quiz }) => quiz.questions.filter((q) => q.type === 'single'));
  if (singles.length < MIN_SIMULATED_ITEMS || !checks[0]) return;
  for (const strategy of STRATEGIES) {
    const s = share(strategy, singles, (o) => o.expected);
    if (s.right - s.chance <= MAX_CUE_GAIN) continue;
    const cued = cuedQuestions(strategy, checks);
    report(
      cued[0]?.source ?? checks[0].source,
      [],
      'error',
      'test-wise-strategy',
      `the "${strategy.name}" strategy (a learner who knows nothing and ${strategy.rule}) scores ${pct(s.right)} on the ${s.items} single-choice questions of the knowledge checks together, against ${pct(s.chance)} by chance (+${points(s.right - s.chance)} points): at most ${points(MAX_CUE_GAIN)} points above chance. ${strategy.advice}${cued.length ? `. Its cue narrows the options to ones that include the key in ${cued.length} knowledge-check questions: ${cued.map((c) => c.at).join(', ')}` : ''}`,
      'questions',
    );
  }
}

/**
 * The single-choice questions where a strategy's cue points to the key: it narrows the options
 * to some that include the key. As `id (file:line)`, with the source each comes from.
 */
function cuedQuestions(strategy: Strategy, set: CheckedQuiz[]): { at: string; source: CheckedQuiz['source'] }[] {
  return set.flatMap(({ quiz, source }) =>
    quiz.questions.flatMap((q, qi) => {
      if (q.type !== 'single') return [];
      const p = picks(strategy, q);
      return p.length < q.choices.length && p.some((c) => c.id === q.correct)
        ? [{ at: `${q.id} (${source.file}:${source.lineOf(['questions', qi])})`, source }]
        : [];
    }),
  );
}

function pct(share: number, digits = 0): string {
  return `${(share * 100).toFixed(digits)}%`;
}

function points(share: number): string {
  return (share * 100).toFixed(1);
}
