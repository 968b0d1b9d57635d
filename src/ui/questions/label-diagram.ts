import { css, html, svg } from 'lit';
import { unsafeSVG } from 'lit/directives/unsafe-svg.js';
import type { DiagramPart, LabelDiagramQuestion } from '../../course/question-types/label-diagram.ts';
import { chosenTarget, withPair } from '../../course/question-types/matching.ts';
import { defineQuestionElement, pairReviewStyles, QuestionBase } from './question-base.ts';

const STRINGS = {
  hint: 'Choose a name for each numbered part of the figure.',
  choose: 'Choose…',
  noName: 'No name chosen',
};

/**
 * Name the numbered parts of a figure: the figure with numbered markers, and one native
 * select per number, described in words for learners who do not see the figure. The marker
 * of the part being answered is highlighted.
 */
export class LabelDiagramView extends QuestionBase<LabelDiagramQuestion> {
  // Lit adds these to the ones QuestionBase declares.
  static override get properties() {
    return { active: { state: true } };
  }
  /** The part whose select has focus or the pointer; its marker is highlighted. */
  declare active: string | null;

  constructor() {
    super();
    this.active = null;
  }

  static override styles = [
    ...QuestionBase.styles,
    pairReviewStyles,
    css`
      .layout {
        display: flex;
        flex-wrap: wrap;
        align-items: flex-start;
        gap: var(--space-3) var(--space-5);
      }
      figure {
        flex: 1 1 14rem;
        max-width: 22rem;
        margin: 0;
      }
      figure svg {
        display: block;
        width: 100%;
        height: auto;
        /* A tall figure (the whole spine) stays within a screen, beside or above its list. */
        max-height: 24rem;
      }
      .parts {
        flex: 2 1 16rem;
        min-width: 0;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .parts > li {
        padding: 0.4rem 0;
      }
      .parts > li + li {
        border-top: 1px solid var(--line);
      }
      .parts label,
      .part {
        display: block;
        font-weight: 600;
      }
      .where {
        display: block;
        font-weight: 400;
        color: var(--muted);
        font-size: var(--font-size-s);
      }
      select {
        margin-top: 0.25rem;
        width: 100%;
        max-width: 20rem;
      }
      /* What an authored figure may draw with, in both colour schemes. */
      .bone {
        fill: var(--surface);
        stroke: var(--text);
        stroke-width: 2;
      }
      .disc,
      .soft {
        fill: var(--notice-line);
        stroke: var(--text);
        stroke-width: 1.5;
      }
      .canal {
        fill: var(--bg);
        stroke: var(--text);
        stroke-width: 1.5;
      }
      .nerve {
        fill: var(--accent);
      }
      .line {
        fill: none;
        stroke: var(--text);
        stroke-width: 1.5;
      }
      .leader {
        fill: none;
        stroke: var(--text);
        stroke-width: 1.5;
      }
      .leader-end {
        fill: var(--text);
      }
      .marker circle {
        fill: var(--text);
        stroke: var(--surface);
        stroke-width: 2;
      }
      .marker text {
        fill: var(--surface);
        /* the size comes from the marker's font-size attribute, in the figure's units */
        font-family: system-ui, sans-serif;
        font-weight: 700;
        text-anchor: middle;
        dominant-baseline: central;
      }
      .marker.active circle {
        fill: var(--focus);
        stroke: var(--text);
      }
      .marker.right > circle,
      .marker.right .badge circle {
        fill: var(--ok);
      }
      .marker.wrong > circle,
      .marker.wrong .badge circle {
        fill: var(--bad);
      }
      .badge circle {
        stroke: var(--surface);
        stroke-width: 2;
      }
      .badge path {
        fill: none;
        stroke: var(--surface);
        stroke-linecap: round;
      }
      @media (forced-colors: active) {
        .badge circle {
          fill: CanvasText;
          stroke: Canvas;
        }
        .badge path {
          stroke: Canvas;
        }
        .leader {
          stroke: CanvasText;
        }
        .leader-end {
          fill: CanvasText;
        }
        .marker circle {
          fill: CanvasText;
          stroke: Canvas;
        }
        .marker text {
          fill: Canvas;
        }
        .marker.right > circle,
        .marker.wrong > circle {
          fill: CanvasText;
        }
        .marker.active circle {
          fill: Highlight;
        }
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
        this.question.parts.map((s) => s.id),
        source,
        target,
      ),
    );
  }

  private renderFigure() {
    const q = this.question;
    // Markers scale with the figure: about a thirtieth of its longer side, so a tall figure's stay readable.
    const r = Math.max(9, Math.round(Math.max(q.viewBox[2], q.viewBox[3]) / 30));
    return html`<figure>
      <svg viewBox=${q.viewBox.join(' ')} role="img" aria-label=${q.alt} focusable="false">
        ${unsafeSVG(q.svg)}
        ${q.parts.map((p) => (p.to ? svg`<path class="leader" d=${`M${p.at.join(' ')}L${p.to.join(' ')}`}></path><circle class="leader-end" cx=${p.to[0]} cy=${p.to[1]} r="3"></circle>` : null))}
        ${q.parts.map((p, i) => {
          const verdict = this.judging ? (chosenTarget(this.answer, p.id) === p.match ? 'right' : 'wrong') : '';
          return svg`<g class="marker ${this.active === p.id ? 'active' : ''} ${verdict}" transform=${`translate(${p.at[0]} ${p.at[1]})`}>
            <circle r=${r}></circle><text font-size=${Math.round(r * 1.3)}>${i + 1}</text>
            ${verdict ? this.badge(verdict === 'right', r) : null}
          </g>`;
        })}
      </svg>
    </figure>`;
  }

  /**
   * After checking, a marker turns green or red and carries a tick or a cross beside its
   * number, so the figure shows right and wrong by shape too; the list below says it in words.
   */
  private badge(right: boolean, r: number) {
    const b = Math.round(r * 0.6);
    const d = right
      ? `M${-b * 0.5} 0l${b * 0.35} ${b * 0.4}l${b * 0.6} ${-b * 0.75}`
      : `M${-b * 0.4} ${-b * 0.4}l${b * 0.8} ${b * 0.8}M${b * 0.4} ${-b * 0.4}l${-b * 0.8} ${b * 0.8}`;
    return svg`<g class="badge" transform=${`translate(${r * 0.85} ${-r * 0.85})`}>
      <circle r=${b}></circle><path d=${d} stroke-width=${Math.max(2, b * 0.3)}></path>
    </g>`;
  }

  private partName(p: DiagramPart) {
    return html`${p.text}<span class="visually-hidden">:</span> <span class="where">${p.where}</span>`;
  }

  /** Each part with the learner's name for it and, when shown, the correct one, in words. */
  private renderReview() {
    const q = this.question;
    return html`<ul class="parts">
      ${q.parts.map((p) => {
        const chosen = chosenTarget(this.answer, p.id);
        const right = chosen === p.match;
        return html`<li @mouseenter=${() => (this.active = p.id)} @mouseleave=${() => (this.active = null)}>
          <span class="part">${this.partName(p)}</span>
          ${
            chosen
              ? html`<span class="value ${this.reviewClass(true, right)}">${this.textOf(q.labels, chosen)}${this.marks(true, right)}</span>`
              : html`<span class="value none">${STRINGS.noName}</span>`
          }
          ${this.revealing && !right ? html`<span class="value ${this.reviewClass(false, true)}">${this.textOf(q.labels, p.match)}${this.marks(false, true)}</span>` : null}
        </li>`;
      })}
    </ul>`;
  }

  protected renderControls() {
    const q = this.question;
    const list = this.reviewing
      ? this.renderReview()
      : html`<ul class="parts">
          ${q.parts.map((p) => {
            const id = `p-${p.id}`;
            const chosen = chosenTarget(this.answer, p.id);
            return html`<li>
              <label for=${id}>${this.partName(p)}</label>
              <select
                id=${id}
                ?disabled=${this.disabled}
                @focus=${() => (this.active = p.id)}
                @blur=${() => (this.active = null)}
                @change=${(e: Event) => this.choose(p.id, (e.target as HTMLSelectElement).value)}
              >
                <option value="" ?selected=${!chosen}>${STRINGS.choose}</option>
                ${this.order.map((l) => html`<option value=${l} ?selected=${chosen === l}>${this.textOf(q.labels, l)}</option>`)}
              </select>
            </li>`;
          })}
        </ul>`;
    return html`<div class="layout">${this.renderFigure()}${list}</div>`;
  }
}

defineQuestionElement('label_diagram', 'label-diagram-view', LabelDiagramView);

declare global {
  interface HTMLElementTagNameMap {
    'label-diagram-view': LabelDiagramView;
  }
}
