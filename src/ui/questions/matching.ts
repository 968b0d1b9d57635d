import { css, html } from 'lit';
import { chosenTarget, withPair, type MatchingQuestion } from '../../course/question-types/matching.ts';
import { defineQuestionElement, pairReviewStyles, QuestionBase } from './question-base.ts';

const STRINGS = {
  hint: 'Choose a match for each item.',
  choose: 'Choose…',
  noMatch: 'No match chosen',
};

/** Match each item to a target: one native select per item, no dragging. */
export class MatchingView extends QuestionBase<MatchingQuestion> {
  static override styles = [
    ...QuestionBase.styles,
    pairReviewStyles,
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
      ul.review {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      ul.review > li {
        padding: 0.4rem 0;
      }
      ul.review .item {
        font-weight: 600;
      }
      ul.review > li + li {
        border-top: 1px solid var(--line);
      }
    `,
  ];
  protected override hint(): string {
    return STRINGS.hint;
  }
  private choose(source: string, target: string): void {
    this.emit(
      withPair(
        this.answer,
        this.question.items.map((s) => s.id),
        source,
        target,
      ),
    );
  }
  /** Each item with the learner's match and, when shown, the correct one, in words. */
  private renderReview() {
    const q = this.question;
    return html`<ul class="review">
      ${q.items.map((item) => {
        const chosen = chosenTarget(this.answer, item.id);
        const right = chosen === item.match;
        return html`<li>
          <span class="item">${item.text}</span><span class="visually-hidden">:</span>
          ${
            chosen
              ? html`<span class="value ${this.reviewClass(true, right)}"
                  >${this.textOf(q.targets, chosen)}${this.marks(true, right)}</span
                >`
              : html`<span class="value none">${STRINGS.noMatch}</span>`
          }
          ${this.revealing && !right ? html`<span class="value ${this.reviewClass(false, true)}">${this.textOf(q.targets, item.match)}${this.marks(false, true)}</span>` : null}
        </li>`;
      })}
    </ul>`;
  }
  protected renderControls() {
    const q = this.question;
    if (this.reviewing) return this.renderReview();
    return html`${q.items.map((item) => {
      const id = `m-${item.id}`;
      const chosen = chosenTarget(this.answer, item.id);
      return html`<div class="pair">
        <label for=${id}>${item.text}</label>
        <select id=${id} ?disabled=${this.disabled} @change=${(e: Event) => this.choose(item.id, (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!chosen}>${STRINGS.choose}</option>
          ${this.order.map((t) => html`<option value=${t} ?selected=${chosen === t}>${this.textOf(q.targets, t)}</option>`)}
        </select>
      </div>`;
    })}`;
  }
}
defineQuestionElement('matching', 'matching-view', MatchingView);

declare global {
  interface HTMLElementTagNameMap {
    'matching-view': MatchingView;
  }
}
