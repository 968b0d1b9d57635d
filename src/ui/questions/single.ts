import { html } from 'lit';
import type { SingleChoiceQuestion } from '../../course/question-types/single.ts';
import { defineQuestionElement, QuestionBase } from './question-base.ts';

/** One answer from a list: native radio buttons. */
export class SingleChoiceView extends QuestionBase<SingleChoiceQuestion> {
  protected override get onePart(): boolean {
    return true;
  }
  protected renderControls() {
    const q = this.question;
    return html`${this.order.map((id) => {
      const mine = this.answer?.[0] === id;
      return html`<label class="option ${this.reviewClass(mine, q.correct === id)}">
        <input type="radio" name=${q.id} .checked=${mine} ?disabled=${this.disabled} @change=${() => this.emit([id])} />
        <span>${this.textOf(q.choices, id)}${this.marks(mine, q.correct === id)}</span>
      </label>`;
    })}`;
  }
}
defineQuestionElement('single', 'single-choice-view', SingleChoiceView);

declare global {
  interface HTMLElementTagNameMap {
    'single-choice-view': SingleChoiceView;
  }
}
