import { html } from 'lit';
import { describeCorrect } from '../../course/questions.ts';
import type { NumericQuestion } from '../../course/question-types/numeric.ts';
import { defineQuestionElement, QuestionBase } from './question-base.ts';

/** A number typed in a native text field (decimal keypad on tablets). */
export class NumericView extends QuestionBase<NumericQuestion> {
  protected override hint(): string {
    return 'Type a number.';
  }
  protected override get onePart(): boolean {
    return true;
  }
  /** The number given and, when shown and different, the correct one, in words. */
  private renderReview() {
    const mine = this.describe(this.answer);
    const right = (this.feedback?.earned ?? 0) === 1;
    return html`${mine ? html`<p class="value ${this.reviewClass(true, right)}">${mine}${this.marks(true, right)}</p>` : null}
    ${this.revealing && !right ? html`<p class="value ${this.reviewClass(false, true)}">${describeCorrect(this.question)}${this.marks(false, true)}</p>` : null}`;
  }
  protected renderControls() {
    const q = this.question;
    if (this.reviewing) return this.renderReview();
    return html`<label class="option">
      <span class="visually-hidden">Your answer${q.unit ? ` in ${q.unit}` : ''}</span>
      <input
        type="text"
        inputmode="decimal"
        autocomplete="off"
        size="8"
        .value=${this.answer?.[0] ?? ''}
        ?disabled=${this.disabled}
        @change=${(e: Event) => this.emit([(e.target as HTMLInputElement).value.slice(0, 40)])}
      />
      ${q.unit ? html`<span aria-hidden="true">${q.unit}</span>` : null}
    </label>`;
  }
}
defineQuestionElement('numeric', 'numeric-view', NumericView);

declare global {
  interface HTMLElementTagNameMap {
    'numeric-view': NumericView;
  }
}
