import { html } from 'lit';
import type { MultipleResponseQuestion } from '../../course/question-types/multiple.ts';
import { defineQuestionElement, QuestionBase } from './question-base.ts';

/** Several answers from a list: native checkboxes. */
export class MultipleResponseView extends QuestionBase<MultipleResponseQuestion> {
  protected override hint(): string | null {
    // Said once: many prompts already end with it.
    return /select all that apply/i.test(this.question.prompt) ? null : 'Select all that apply.';
  }
  private toggle(id: string, on: boolean): void {
    const now = new Set(this.answer ?? []);
    if (on) now.add(id);
    else now.delete(id);
    this.emit(this.question.choices.map((c) => c.id).filter((c) => now.has(c)));
  }
  protected renderControls() {
    const q = this.question;
    return html`${this.order.map((id) => {
      const mine = this.answer?.includes(id) ?? false;
      const right = q.correct.includes(id);
      return html`<label class="option ${this.reviewClass(mine, right)}">
        <input
          type="checkbox"
          .checked=${mine}
          ?disabled=${this.disabled}
          @change=${(e: Event) => this.toggle(id, (e.target as HTMLInputElement).checked)}
        />
        <span>${this.textOf(q.choices, id)}${this.marks(mine, right)}</span>
      </label>`;
    })}`;
  }
}
defineQuestionElement('multiple', 'multiple-response-view', MultipleResponseView);

declare global {
  interface HTMLElementTagNameMap {
    'multiple-response-view': MultipleResponseView;
  }
}
