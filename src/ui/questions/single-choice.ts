import { html } from 'lit';
import type { Answer, SingleChoiceQuestion } from '../../course/types.ts';
import { QuestionBase } from './question-base.ts';

/** One answer from a list: native radio buttons. */
export class SingleChoiceView extends QuestionBase<SingleChoiceQuestion> {
  protected renderControls() {
    const q = this.question;
    return html`${this.order.map(
      (id) => html`<label class="option">
        <input type="radio" name=${q.id} .checked=${this.answer?.[0] === id} ?disabled=${this.disabled} @change=${() => this.emit([id])} />
        <span>${this.textOf(q.choices, id)}</span>
      </label>`,
    )}`;
  }
  describe(answer: Answer | undefined): string {
    return answer?.[0] ? this.textOf(this.question.choices, answer[0]) : '';
  }
  protected correct(): Answer {
    return [this.question.correct];
  }
}
customElements.define('single-choice-view', SingleChoiceView);
