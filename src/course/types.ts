/**
 * The compiled course: plain data produced at build time from lessons/, quizzes/
 * and imsmanifest.xml. Already validated, so the runtime never re-validates it.
 */

import type { Answer, Choice, QuestionBase, QuestionLevel, Scoring } from './question-types/base.ts';
import type { Question, QuestionType } from './question-types/index.ts';

export interface Objective {
  /** Stable id chosen by the author; reported to the LMS as an objective id. */
  id: string;
  text: string;
}

export interface Reference {
  /** The author's id, part of the anchors the lesson's citations link to. */
  id: string;
  text: string;
  /** A web address, or https://doi.org/… for a DOI. */
  url?: string;
  /** When the web page was read: `2026-01-15`, or `2026-01` when only the month is known. */
  accessed?: string;
  /** How many times the lesson cites it (each citation gets a link back from the list). */
  citations: number;
}

export interface Lesson {
  id: string;
  title: string;
  minutes: number;
  objectives: Objective[];
  /** Lesson body compiled from Markdown at build time, glossary terms linked at first use. */
  html: string;
  /** Id of the knowledge check or quiz that follows this lesson, if any. */
  quiz?: string;
  /** In the order of first citation (the numbers the citations show), then any never cited. */
  references: Reference[];
}

export interface GlossaryTerm {
  id: string;
  term: string;
  definition: string;
}

// What every question shares lives beside the question types, which build on it; re-exported here.
export type { Answer, Choice, QuestionBase, QuestionLevel, Scoring };

/** A question of any type: see `question-types/` (one module per type, listed in its index). */
export type { Question, QuestionType };

/** How one objective is sampled in every attempt of a quiz drawn per objective. */
export interface BlueprintEntry {
  objective: string;
  /** Questions assessing this objective in every attempt. */
  draw: number;
  /** Ids of questions drawn in every attempt (counted in `draw`). */
  always: string[];
  /** Every attempt asks at least one of these (counted in `draw`); empty: no such set. */
  oneOf: string[];
  /**
   * Every drawn question assessing a critical objective must be answered correctly for the
   * attempt to pass, whatever its percentage.
   */
  critical: boolean;
}

export interface Quiz {
  id: string;
  title: string;
  /** Percentage (0-100) needed to pass. */
  passMark: number;
  /** The graded quiz sets the course's score and pass/fail. */
  graded: boolean;
  /** The question bank. */
  questions: Question[];
  /** How many questions an attempt draws from the bank (all when null). */
  draw: number | null;
  /** Draw this many questions per objective instead (null: not per objective). */
  drawPerObjective: number | null;
  /** Objectives drawn differently from `drawPerObjective`, or critical; drawn first, in this order. */
  blueprint: BlueprintEntry[];
  shuffleQuestions: boolean;
  shuffleChoices: boolean;
  /** Attempts allowed; null for unlimited. */
  attempts: number | null;
  /** Which attempt's score counts. */
  counts: 'highest' | 'last';
  /** `immediate`: each answer is checked on the spot (knowledge checks); `after_submit`: exams. */
  feedback: 'immediate' | 'after_submit';
  /** When the review shows the correct answers. */
  review: 'always' | 'after_passing' | 'never';
  /** Authored time limit; the LMS's max_time_allowed replaces it. Null: untimed. */
  timeLimitMinutes: number | null;
}

/** A learner-evaluation question: not scored; reported to the LMS as an interaction. */
export type EvaluationQuestion =
  | {
      id: string;
      type: 'likert';
      prompt: string;
      /** The answer scale, in display order (e.g. strongly disagree … strongly agree). */
      scale: Choice[];
      required: boolean;
    }
  | {
      id: string;
      type: 'text';
      prompt: string;
      required: boolean;
      /** Characters allowed in the answer. */
      maxLength: number;
    }
  | {
      id: string;
      type: 'number';
      prompt: string;
      required: boolean;
      /** What the number counts, e.g. "minutes"; shown beside the field. */
      unit: string;
      /** The whole numbers accepted, inclusive (at most 999: SCORM 1.2 keeps 3 integer digits). */
      min: number;
      max: number;
    }
  | {
      id: string;
      type: 'confidence';
      prompt: string;
      required: boolean;
      /** The rating scale, in display order, ids a to e like a likert scale. */
      scale: Choice[];
      /** What is rated, one per lesson (ids are lesson ids), each before the course and now. */
      items: Choice[];
    };

/** The evaluation of the activity, asked after the graded exam is passed and before the certificate. */
export interface Evaluation {
  /** When true the certificate waits for the evaluation; the LMS status never does. */
  required: boolean;
  questions: EvaluationQuestion[];
}

/** Someone in control of the content: a planner, an author or a clinical reviewer. */
export interface DisclosedPerson {
  name: string;
  /** Degrees and licenses, e.g. "RN, BSN"; empty when there are none. */
  credentials: string;
  /** What they did in this activity, e.g. "Course director". */
  role: string;
  /**
   * Relevant financial relationships with ineligible companies in the past 24 months
   * (company and nature), with how they were mitigated; `none` when there are none.
   */
  relationships: 'none' | { description: string; mitigation: string };
}

/**
 * Support an ineligible company gave the activity (ACCME Standard 4): learners are told the
 * company's name and what it gave before they start.
 */
export interface CommercialSupport {
  /** The company's name only (no logo, trade name or product message). */
  supporter: string;
  /** The day the written agreement was signed, YYYY-MM-DD. */
  agreementSigned: string;
  /** Monetary support as written, e.g. "USD 5,000"; null when none. */
  amount: string | null;
  /** What was given in kind; null when nothing. */
  inKind: string | null;
}

/** A profession a learner can say they belong to (course.yaml `professions`). */
export interface Profession {
  id: string;
  /** As learners pick it, e.g. "Nurse (RN, LPN, LVN)". */
  name: string;
}

/** One kind of credit an accredited provider designated for the activity, for some professions. */
export interface CreditDesignation {
  /** E.g. "ANCC nursing contact hours". */
  type: string;
  amount: number;
  /** The designation statement, word for word. */
  designation: string;
  /** Ids of the professions this credit is for. */
  professions: string[];
}

/**
 * What an accredited provider tells learners before an activity starts (disclosures,
 * credit, dates), from course.yaml. A field the provider has not filled in yet is `null`:
 * the course says so and never fills it in.
 */
export interface ActivityInfo {
  providerName: string | null;
  providerContact: string | null;
  /** The provider's own id of the activity. */
  activityId: string | null;
  /** The content version (course.yaml `version`), in the zips' names and on the certificate. */
  version: string;
  /** The course title as the header shows it; null: the full title. */
  shortTitle: string | null;
  audience: string;
  /** One paragraph. */
  introduction: string;
  /** Education, not medical advice. */
  disclaimer: string;
  /** The practice gap or educational need the activity answers. */
  practiceGap: string | null;
  planners: DisclosedPerson[] | null;
  authors: DisclosedPerson[] | null;
  reviewers: DisclosedPerson[] | null;
  /** Support received from ineligible companies, or `none`. */
  commercialSupport: 'none' | CommercialSupport[] | null;
  /** Unapproved, off-label and investigational uses the course discusses. */
  unapprovedUse: string;
  /** ISO dates (YYYY-MM-DD), release <= review <= expiry. */
  releaseDate: string | null;
  reviewDate: string | null;
  /** The last day credit can be earned. */
  expiryDate: string | null;
  /** The professions learners choose from; empty when the course does not ask. */
  professions: Profession[];
  /** `none` when the activity is not designated for credit; otherwise each credit type offered. */
  credit: 'none' | CreditDesignation[] | null;
  /** The accreditation statement, word for word; null when there is none. */
  accreditationStatement: string | null;
  /** Where learners get help with the course or their certificate. */
  supportContact: string | null;
  /** Who signs the certificates: the nurse planner or CE director. */
  issuer: { name: string; role: string } | null;
}

export interface Course {
  /** From the manifest's identifier: names the zips and keys saved progress. */
  id: string;
  title: string;
  /** Mastery score of the manifest, equal to the graded quiz's pass mark. */
  passMark: number;
  lessons: Lesson[];
  quizzes: Quiz[];
  /** Id of the graded quiz. */
  gradedQuiz: string;
  /** Medical terms with plain-language definitions, in alphabetical order. */
  glossary: GlossaryTerm[];
  /** The learner evaluation, or null when the course has none. */
  evaluation: Evaluation | null;
  /** Provider, disclosures, credit and dates (course.yaml). */
  activity: ActivityInfo;
}
