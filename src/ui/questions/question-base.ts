import { LitElement, css, html, type TemplateResult } from 'lit';
import type { Answer, Question } from '../../course/types.ts';
import { intent } from '../events.ts';
import { theme } from '../theme.ts';

const STRINGS = {
  count: (i: number, n: number) => `Question ${i} of ${n}`,
  correct: 'Correct.',
  partly: 'Partly correct.',
  incorrect: 'Not correct.',
  yours: 'Your answer:',
  right: 'Correct answer:',
  none: 'no answer',
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
  static override properties = {
    quizId: { attribute: false },
    question: { attribute: false },
    answer: { attribute: false },
    order: { attribute: false },
    number: { type: Number },
    total: { type: Number },
    disabled: { type: Boolean },
    feedback: { attribute: false },
  };
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
    css`
      :host {
        display: block;
        min-width: 0;
      }
      fieldset {
        border: 1px solid var(--line);
        border-radius: 8px;
        background: var(--surface);
        margin: 0;
        padding: 0.75rem 1.25rem 1rem;
        min-width: 0;
      }
      /* Floated, the legend sits inside the box instead of across its top border (GOV.UK's
         pattern); it still names the group for assistive technology. */
      legend {
        float: left;
        width: 100%;
        font-weight: 600;
        padding: 0;
        margin: 0 0 0.5rem;
        white-space: normal;
      }
      legend + * {
        clear: both;
      }
      .count {
        display: block;
        font-weight: 400;
        color: var(--muted);
        font-size: 0.9rem;
      }
      label.option {
        display: flex;
        gap: 0.6rem;
        align-items: flex-start;
        min-height: 44px;
        padding: 0.35rem 0;
        cursor: pointer;
      }
      input[type='radio'],
      input[type='checkbox'] {
        width: 1.25rem;
        height: 1.25rem;
        margin-top: 0.15rem;
        flex: none;
        accent-color: var(--accent);
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
  /** An answer in words, for feedback. */
  abstract describe(answer: Answer | undefined): string;
  /** The answer that scores full marks. */
  protected abstract correct(): Answer;
  /** A hint under the prompt (e.g. "Select all that apply"), if any. */
  protected hint(): string | null {
    return null;
  }

  protected emit(value: Answer): void {
    this.dispatchEvent(intent('answer', { quizId: this.quizId, questionId: this.question.id, value }));
  }

  /** Text of an option by id, across a question's lists. */
  protected textOf(list: readonly { id: string; text: string }[], id: string): string {
    return list.find((c) => c.id === id)?.text ?? id;
  }

  private renderFeedback() {
    const f = this.feedback;
    if (!f) return null;
    const verdict = f.earned === 1 ? STRINGS.correct : f.earned > 0 ? STRINGS.partly : STRINGS.incorrect;
    return html`<div class="feedback ${f.earned === 1 ? 'ok' : ''}" tabindex="-1">
      <p>
        <span class="verdict">${verdict}</span>
        ${f.earned < 1 ? html`${STRINGS.yours} ${this.describe(this.answer) || STRINGS.none}.` : null}
        ${f.reveal && f.earned < 1 ? html`${STRINGS.right} ${this.describe(this.correct())}.` : null}
      </p>
      ${f.reveal ? html`<p>${this.question.rationale}</p>` : null}
    </div>`;
  }

  override render() {
    const hint = this.hint();
    return html`<fieldset aria-describedby=${hint ? 'hint' : ''}>
      <legend><span class="count">${STRINGS.count(this.number, this.total)}</span>${this.question.prompt}</legend>
      ${hint ? html`<p class="hint" id="hint">${hint}</p>` : null}
      ${this.renderControls()} ${this.renderFeedback()}
    </fieldset>`;
  }

  /** Moves focus to the feedback, which replaces the Check button that had it. */
  focusFeedback(): void {
    (this.renderRoot.querySelector('.feedback') as HTMLElement | null)?.focus();
  }

  /** Moves keyboard focus to the first control (used when an answer is missing). */
  focusFirst(): void {
    (this.renderRoot.querySelector('input, select, button') as HTMLElement | null)?.focus();
  }
}
