import { html } from 'lit';
import type { Answer, TrueFalseQuestion } from '../../course/types.ts';
import { QuestionBase } from './question-base.ts';

const LABELS: Record<string, string> = { true: 'True', false: 'False' };

/** A statement to judge: two native radio buttons. */
export class TrueFalseView extends QuestionBase<TrueFalseQuestion> {
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
  describe(answer: Answer | undefined): string {
    return answer?.[0] ? (LABELS[answer[0]] ?? '') : '';
  }
  protected correct(): Answer {
    return [String(this.question.correct)];
  }
}
customElements.define('true-false-view', TrueFalseView);
