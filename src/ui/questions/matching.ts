import { css, html } from 'lit';
import type { Answer, MatchingQuestion } from '../../course/types.ts';
import { QuestionBase } from './question-base.ts';

/** Match each item to a target: one native select per item, no dragging. */
export class MatchingView extends QuestionBase<MatchingQuestion> {
  static override styles = [
    ...QuestionBase.styles,
    css`
      .pair {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.25rem 0.75rem;
        padding: 0.4rem 0;
      }
      .pair label {
        flex: 1 1 12rem;
      }
    `,
  ];
  protected override hint(): string {
    return 'Choose a match for each item.';
  }
  private targetOf(itemId: string, answer = this.answer): string {
    const p = (answer ?? []).find((x) => x.startsWith(`${itemId}.`));
    return p ? p.slice(itemId.length + 1) : '';
  }
  private choose(itemId: string, target: string): void {
    const rest = (this.answer ?? []).filter((x) => !x.startsWith(`${itemId}.`));
    const next = target ? [...rest, `${itemId}.${target}`] : rest;
    this.emit(this.question.items.map((i) => i.id).flatMap((id) => next.filter((x) => x.startsWith(`${id}.`))));
  }
  protected renderControls() {
    const q = this.question;
    return html`${q.items.map((item) => {
      const id = `m-${item.id}`;
      const chosen = this.targetOf(item.id);
      return html`<div class="pair">
        <label for=${id}>${item.text}</label>
        <select id=${id} ?disabled=${this.disabled} @change=${(e: Event) => this.choose(item.id, (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!chosen}>Choose…</option>
          ${this.order.map((t) => html`<option value=${t} ?selected=${chosen === t}>${this.textOf(q.targets, t)}</option>`)}
        </select>
      </div>`;
    })}`;
  }
  describe(answer: Answer | undefined): string {
    return this.question.items
      .map((item) => {
        const t = this.targetOf(item.id, answer);
        return t ? `${item.text}: ${this.textOf(this.question.targets, t)}` : '';
      })
      .filter(Boolean)
      .join('; ');
  }
  protected correct(): Answer {
    return this.question.items.map((i) => `${i.id}.${i.match}`);
  }
}
customElements.define('matching-view', MatchingView);
