import { LitElement, css, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { correctAnswer, describeAnswer, describeCorrect } from '../../course/questions.ts';
import type { Answer, Question, QuestionType } from '../../course/types.ts';
import { intent } from '../events.ts';
import { focusWithinCourse } from '../course-scroll.ts';
import { formStyles } from '../form-styles.ts';
import { theme } from '../theme.ts';

const STRINGS = {
  count: (i: number, n: number) => `Question ${i} of ${n}`,
  correct: 'Correct.',
  partly: 'Partly correct.',
  incorrect: 'Incorrect.',
  yours: 'Your answer:',
  right: 'Correct answer:',
  none: 'no answer',
  mine: 'Your answer',
  /** Joins "Your answer" and its verdict: "Your answer — Incorrect". */
  judged: (right: boolean) => `Your answer — ${right ? 'Correct' : 'Incorrect'}`,
  key: 'Correct answer',
  unanswered: 'You did not answer this question.',
};

/** What a question shows after it was checked or submitted. */
export interface QuestionFeedback {
  /** Share of the weight earned, 0-1. */
  earned: number;
  /** Show the correct answer and the rationale. */
  reveal: boolean;
}

/**
 * The shared frame of every question type: a fieldset whose legend is the prompt,
 * the type's own native controls inside, and the feedback below. Properties down,
 * an `answer` event up.
 */
export abstract class QuestionBase<Q extends Question> extends LitElement {
  // Typed loosely so that each question type declares only the properties it adds.
  static override get properties(): PropertyDeclarations {
    return {
      quizId: { attribute: false },
      question: { attribute: false },
      answer: { attribute: false },
      order: { attribute: false },
      number: { type: Number },
      total: { type: Number },
      disabled: { type: Boolean },
      feedback: { attribute: false },
    };
  }
  declare quizId: string;
  declare question: Q;
  declare answer: Answer | undefined;
  /** Option ids in the order this attempt shows them. */
  declare order: string[];
  declare number: number;
  declare total: number;
  declare disabled: boolean;
  declare feedback: QuestionFeedback | null;

  static override styles = [
    theme,
    formStyles,
    css`
      :host {
        display: block;
        min-width: 0;
      }
      .count {
        display: block;
        font-weight: 400;
        color: var(--muted);
        font-size: 0.9rem;
      }
      select,
      input[type='text'] {
        font: inherit;
        min-height: 44px;
        padding: 0.3rem 0.5rem;
        border: 1px solid var(--muted);
        border-radius: 6px;
        background: var(--bg);
        color: var(--text);
        max-width: 100%;
      }
      .hint {
        color: var(--muted);
        font-size: 0.9rem;
        margin: 0 0 0.5rem;
      }
      /* After checking or submitting, the learner's answer and (when shown) the correct one
         carry words, not only a colour: a tag after the option or value, and a bar beside it. */
      .reviewed {
        padding-left: 0.6rem;
        padding-right: 0.25rem;
        margin-left: -0.85rem;
        border-left: 4px solid transparent;
        border-radius: 0 6px 6px 0;
        margin-bottom: 0.2rem;
      }
      /* The form's option padding would otherwise win and shift a marked option sideways. */
      label.option.reviewed {
        padding-left: 0.6rem;
        padding-right: 0.25rem;
      }
      .reviewed.mine {
        border-left-color: var(--accent);
        background: var(--mine-bg);
      }
      .reviewed.key,
      .reviewed.mine.ok {
        border-left-color: var(--ok);
      }
      .reviewed.mine.bad {
        border-left-color: var(--bad);
      }
      .marks {
        display: inline;
      }
      .mark {
        display: inline-block;
        margin: 0.1rem 0 0.1rem 0.5rem;
        padding: 0 0.5rem;
        border: 2px solid currentColor;
        border-radius: 999px;
        background: var(--surface);
        font-size: 0.85rem;
        font-weight: 600;
        line-height: 1.45;
        white-space: nowrap;
      }
      .mark.mine {
        color: var(--accent);
      }
      .mark.key,
      .mark.ok {
        color: var(--ok);
      }
      .mark.bad {
        color: var(--bad);
      }
      .mark svg,
      .verdict svg {
        width: 0.8em;
        height: 0.8em;
        margin-right: 0.25em;
        vertical-align: -0.05em;
      }
      .value {
        margin: 0.25rem 0;
        padding-top: 0.2rem;
        padding-bottom: 0.2rem;
      }
      .no-answer {
        font-weight: 600;
        margin: 0 0 0.5rem;
      }
      .feedback {
        border-left: 4px solid var(--bad);
        padding-left: 0.75rem;
        margin-top: 0.75rem;
      }
      .feedback.ok {
        border-color: var(--ok);
      }
      .verdict {
        font-weight: 600;
        color: var(--bad);
      }
      .ok .verdict {
        color: var(--ok);
      }
    `,
  ];

  /** The type's controls. */
  protected abstract renderControls(): TemplateResult;
  /** An answer in words, for feedback (the type's own rules say how). */
  protected describe(answer: Answer | undefined): string {
    return describeAnswer(this.question, answer);
  }
  /** The answer that scores full marks. */
  protected correct(): Answer {
    return correctAnswer(this.question);
  }
  /** A hint under the prompt (e.g. "Select all that apply"), if any. */
  protected hint(): string | null {
    return null;
  }

  /** Checked or submitted: the answer is shown for review, no longer as controls to change. */
  protected get reviewing(): boolean {
    return this.feedback !== null;
  }

  /** The review shows the correct answer too. */
  protected get revealing(): boolean {
    return this.feedback?.reveal === true;
  }

  /**
   * The learner's answers are called right or wrong one by one when the correct answers are
   * shown, or when the question's own verdict says the same (a one-part answer, or all right):
   * a review that keeps the answers hidden gives nothing away part by part.
   */
  protected get judging(): boolean {
    return this.reviewing && (this.revealing || this.onePart || this.feedback?.earned === 1);
  }

  /** The answer is one thing (a choice, a number, an order), so the question's verdict is its verdict. */
  protected get onePart(): boolean {
    return false;
  }

  /**
   * The words that mark an option or value in review: "Your answer — Correct" or "Your answer
   * — Incorrect" on the learner's (plain "Your answer" where it is not judged), "Correct answer"
   * on a right one the learner did not give, when the quiz shows correct answers. An icon goes
   * with the words, never colour alone. Inside a label they become part of the option's name,
   * so screen readers say them with it. `after: false` when they stand alone, as a caption.
   */
  protected marks(mine: boolean, right: boolean, { after = true } = {}): TemplateResult | typeof nothing {
    if (!this.reviewing) return nothing;
    const comma = after ? html`<span class="visually-hidden">, </span>` : nothing;
    if (mine)
      return this.judging
        ? html`<span class="marks"
            >${comma}<span class="mark mine ${right ? 'ok' : 'bad'}">${icon(right)}${STRINGS.judged(right)}</span></span
          >`
        : html`<span class="marks">${comma}<span class="mark mine">${STRINGS.mine}</span></span>`;
    if (right && this.revealing) return html`<span class="marks">${comma}<span class="mark key">${icon(true)}${STRINGS.key}</span></span>`;
    return nothing;
  }

  /** Classes of an option or value row in review: a bar beside the learner's answer (green or red when judged) and the correct one. */
  protected reviewClass(mine: boolean, right: boolean): string {
    if (!this.reviewing) return '';
    if (mine) return `reviewed mine${this.judging ? (right ? ' ok' : ' bad') : ''}`;
    return right && this.revealing ? 'reviewed key' : '';
  }

  protected emit(value: Answer): void {
    this.dispatchEvent(intent({ type: 'answer', quizId: this.quizId, questionId: this.question.id, value }));
  }

  /** Text of an option by id, across a question's lists. */
  protected textOf(list: readonly { id: string; text: string }[], id: string): string {
    return list.find((c) => c.id === id)?.text ?? id;
  }

  /**
   * The verdict and, when shown, the rationale. The answers are marked in place above; the
   * feedback repeats them in words only for screen readers, which land here after "Check answer".
   */
  private renderFeedback() {
    const f = this.feedback;
    if (!f) return null;
    const verdict = f.earned === 1 ? STRINGS.correct : f.earned > 0 ? STRINGS.partly : STRINGS.incorrect;
    return html`<div class="feedback ${f.earned === 1 ? 'ok' : ''}" tabindex="-1">
      <p>
        <span class="verdict">${f.earned === 1 || f.earned === 0 ? icon(f.earned === 1) : nothing}${verdict}</span>
        ${
          f.earned < 1
            ? html`<span class="visually-hidden"
                >${STRINGS.yours}
                ${this.describe(this.answer) || STRINGS.none}.${f.reveal ? html` ${STRINGS.right} ${describeCorrect(this.question)}.` : null}</span
              >`
            : null
        }
      </p>
      ${f.reveal ? html`<p>${this.question.rationale}</p>` : null}
    </div>`;
  }

  override render() {
    // A hint says how to answer: no longer of use once the answer is shown for review.
    const hint = this.reviewing ? null : this.hint();
    return html`<fieldset aria-describedby=${hint ? 'hint' : ''}>
      <legend><span class="count">${STRINGS.count(this.number, this.total)}</span>${this.question.prompt}</legend>
      ${hint ? html`<p class="hint" id="hint">${hint}</p>` : null}
      ${this.reviewing && !this.describe(this.answer) ? html`<p class="no-answer">${STRINGS.unanswered}</p>` : null}
      ${this.renderControls()} ${this.renderFeedback()}
    </fieldset>`;
  }

  /** Moves focus to the question itself (its legend: number and prompt), as the exam steps to it. */
  focusPrompt(options?: FocusOptions): void {
    const legend = this.renderRoot.querySelector('legend');
    legend?.setAttribute('tabindex', '-1');
    legend?.focus(options);
  }

  /** Moves focus to the feedback, which replaces the Check button that had it. */
  focusFeedback(): void {
    focusWithinCourse(this.renderRoot.querySelector<HTMLElement>('.feedback'));
  }

  /** Moves keyboard focus to the first control, or to the chosen option of a radio group. */
  focusFirst(options?: FocusOptions): void {
    const root = this.renderRoot;
    const first = (root.querySelector('input[type="radio"]:checked:enabled') ??
      root.querySelector('input:enabled, select:enabled, button:enabled')) as HTMLElement | null;
    first?.focus(options);
  }
}

/** The review of a pairing answer (matching, a labelled diagram): one value per line under its item. */
export const pairReviewStyles = css`
  .value {
    display: block;
    margin: 0.2rem 0 0;
    padding-top: 0.1rem;
    padding-bottom: 0.1rem;
  }
  .value.reviewed {
    margin-left: 0;
  }
  .value.none {
    color: var(--muted);
  }
`;

/** A tick for right, a cross for wrong: the shape says it too, for those who do not tell the colours apart. */
export function icon(right: boolean): TemplateResult {
  return right
    ? html`<svg viewBox="0 0 12 12" aria-hidden="true">
        <path d="M1.5 6.5l3 3 6-7" fill="none" stroke="currentColor" stroke-width="2" />
      </svg>`
    : html`<svg viewBox="0 0 12 12" aria-hidden="true">
        <path d="M2 2l8 8M10 2l-8 8" fill="none" stroke="currentColor" stroke-width="2" />
      </svg>`;
}

const ELEMENTS = new Map<QuestionType, string>();

/** Defines a question type's element and records it as the one that shows that type. */
export function defineQuestionElement(type: QuestionType, tag: string, element: CustomElementConstructor): void {
  customElements.define(tag, element);
  ELEMENTS.set(type, tag);
}

/** The tag of the element that shows a question type. */
export function questionElement(type: QuestionType): string {
  const tag = ELEMENTS.get(type);
  if (!tag) throw new Error(`no element shows "${type}" questions: add src/ui/questions/${type.replace(/_/g, '-')}.ts`);
  return tag;
}
