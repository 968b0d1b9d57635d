import { html } from 'lit';
import type { TrueFalseQuestion } from '../../course/question-types/true-false.ts';
import { defineQuestionElement, QuestionBase } from './question-base.ts';

const LABELS: Record<string, string> = { true: 'True', false: 'False' };

/** A statement to judge: two native radio buttons. */
export class TrueFalseView extends QuestionBase<TrueFalseQuestion> {
  protected override get onePart(): boolean {
    return true;
  }
  protected renderControls() {
    return html`${['true', 'false'].map((v) => {
      const mine = this.answer?.[0] === v;
      const right = String(this.question.correct) === v;
      return html`<label class="option ${this.reviewClass(mine, right)}">
        <input type="radio" name=${this.question.id} .checked=${mine} ?disabled=${this.disabled} @change=${() => this.emit([v])} />
        <span>${LABELS[v]}${this.marks(mine, right)}</span>
      </label>`;
    })}`;
  }
}
defineQuestionElement('true_false', 'true-false-view', TrueFalseView);

declare global {
  interface HTMLElementTagNameMap {
    'true-false-view': TrueFalseView;
  }
}
