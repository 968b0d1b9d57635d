import { css, html } from 'lit';
import type { OrderingQuestion } from '../../course/question-types/ordering.ts';
import { defineQuestionElement, QuestionBase } from './question-base.ts';

/** Put items in order: move each up or down with buttons (keyboard and screen reader friendly). */
export class OrderingView extends QuestionBase<OrderingQuestion> {
  // Lit adds these to the ones QuestionBase declares.
  static override get properties() {
    return { announcement: { state: true } };
  }
  declare announcement: string;

  constructor() {
    super();
    this.announcement = '';
  }

  static override styles = [
    ...QuestionBase.styles,
    css`
      ol {
        padding-left: 1.5rem;
        margin: 0;
      }
      li {
        padding: 0.35rem 0;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem;
      }
      .row span {
        flex: 1 1 10rem;
      }
      .row button {
        min-width: 44px;
        padding: 0.3rem 0.6rem;
      }
      .confirm {
        margin-top: 0.5rem;
      }
      .orders {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 2rem;
      }
      .orders > div {
        flex: 1 1 14rem;
        min-width: 0;
      }
      .orders .reviewed {
        margin-left: 0;
        padding-top: 0.25rem;
        padding-bottom: 0.25rem;
      }
      .caption {
        margin: 0 0 0.25rem;
      }
      .caption .mark {
        margin-left: 0;
        margin-right: 0.5rem;
      }
    `,
  ];
  protected override get onePart(): boolean {
    return true;
  }
  protected override hint(): string {
    return 'Use the Up and Down buttons to put the items in order, first at the top. If the order shown is already yours, choose "Use this order".';
  }
  /** The learner has not moved or confirmed anything yet: the question is unanswered. */
  private get untouched(): boolean {
    return this.answer?.length !== this.question.items.length;
  }
  private confirm(): void {
    this.emit([...this.current()]);
    this.announcement = 'Order saved as shown.';
  }
  /** The current order: the learner's, or the attempt's starting order. */
  private current(): string[] {
    return this.answer?.length === this.question.items.length ? this.answer : this.order;
  }
  private move(from: number, to: number): void {
    const list = [...this.current()];
    const [item] = list.splice(from, 1);
    if (item === undefined) return;
    list.splice(to, 0, item);
    this.emit(list);
    this.announcement = `${this.textOf(this.question.items, item)} moved to position ${to + 1} of ${list.length}.`;
    void this.updateComplete.then(() => {
      const buttons = this.renderRoot.querySelectorAll<HTMLButtonElement>(`li:nth-child(${to + 1}) button`);
      const keep =
        [...buttons].find((b) => !b.disabled && b.dataset.dir === (to > from ? 'down' : 'up')) ?? [...buttons].find((b) => !b.disabled);
      keep?.focus();
    });
  }
  /** The learner's order and, when shown and different, the correct one, each under its words. */
  private renderReview() {
    const items = this.question.items;
    const right = this.correct();
    const mine = this.untouched ? null : this.current();
    const isRight = mine !== null && mine.every((id, i) => id === right[i]);
    const list = (ids: readonly string[]) =>
      html`<ol>
        ${ids.map((id) => html`<li>${this.textOf(items, id)}</li>`)}
      </ol>`;
    return html`<div class="orders">
      ${
        mine
          ? html`<div class=${this.reviewClass(true, isRight)}>
              <p class="caption">${this.marks(true, isRight, { after: false })}</p>
              ${list(mine)}
            </div>`
          : null
      }
      ${
        this.revealing && !isRight
          ? html`<div class=${this.reviewClass(false, true)}>
              <p class="caption">${this.marks(false, true, { after: false })}</p>
              ${list(right)}
            </div>`
          : null
      }
    </div>`;
  }
  protected renderControls() {
    if (this.reviewing) return this.renderReview();
    const list = this.current();
    return html`<ol>
        ${list.map((id, i) => {
          const text = this.textOf(this.question.items, id);
          return html`<li>
            <div class="row">
              <span>${text}</span>
              <button
                type="button"
                class="secondary"
                data-dir="up"
                aria-label=${`Move up: ${text}`}
                ?disabled=${this.disabled || i === 0}
                @click=${() => this.move(i, i - 1)}
              >
                ↑ Up
              </button>
              <button
                type="button"
                class="secondary"
                data-dir="down"
                aria-label=${`Move down: ${text}`}
                ?disabled=${this.disabled || i === list.length - 1}
                @click=${() => this.move(i, i + 1)}
              >
                ↓ Down
              </button>
            </div>
          </li>`;
        })}
      </ol>
      ${this.untouched && !this.disabled ? html`<button type="button" class="secondary confirm" @click=${this.confirm}>Use this order</button>` : null}
      <p class="visually-hidden" aria-live="polite">${this.announcement}</p>`;
  }
}
defineQuestionElement('ordering', 'ordering-view', OrderingView);

declare global {
  interface HTMLElementTagNameMap {
    'ordering-view': OrderingView;
  }
}
