import { LitElement, html } from 'lit';
import type { EvaluationState } from '../course/evaluation.ts';
import type { Evaluation, EvaluationQuestion, Profession } from '../course/types.ts';
import { focusWithinCourse } from './course-scroll.ts';
import { PROFESSION_STRINGS, professionChoice } from './profession-choice.ts';
import { evaluationViewStyles } from './evaluation-view.styles.ts';
import { intent } from './events.ts';
import { formStyles } from './form-styles.ts';
import { theme } from './theme.ts';

const STRINGS = {
  heading: 'Evaluate this activity',
  intro: (required: boolean) =>
    'Your answers help the provider improve the course and are part of its continuing-education record. They are not scored. ' +
    'They reach your education coordinator through the learning management system, with your name, like your exam answers.' +
    `${required ? ' Your certificate is available once you submit.' : ''}`,
  required: 'required',
  optional: 'optional',
  charactersLeft: (n: number) => `${n} characters left`,
  submit: 'Submit evaluation',
  missingHeading: 'There is a problem',
  missing: (prompt: string) => `Answer: ${prompt}`,
  thanksHeading: 'Thank you',
  thanks: 'Your evaluation was submitted.',
  next: (label: string) => `Continue: ${label}`,
};

/** The learner's evaluation of the activity: likert questions and free text, not scored. */
export class EvaluationView extends LitElement {
  static override properties = {
    evaluation: { attribute: false },
    progress: { attribute: false },
    nextLocation: { attribute: false },
    nextLabel: { attribute: false },
    disabled: { type: Boolean },
    professions: { attribute: false },
    profession: { attribute: false },
    showMissing: { state: true },
  };
  declare evaluation: Evaluation;
  declare progress: EvaluationState;
  declare nextLocation: string | null;
  declare nextLabel: string;
  /** The professions the learner chooses from (none: the course does not ask). */
  declare professions: Profession[];
  declare profession: string | undefined;
  /** Review mode: the form is shown but cannot change. */
  declare disabled: boolean;
  declare showMissing: boolean;
  /** Focus goes to the thank-you heading once the submission is in the progress. */
  private focusThanks = false;

  constructor() {
    super();
    this.showMissing = false;
    this.disabled = false;
    this.professions = [];
  }

  static override styles = [theme, formStyles, evaluationViewStyles];

  focusHeading(): void {
    this.renderRoot.querySelector('h1')?.focus({ preventScroll: true });
  }

  protected override updated(): void {
    if (this.focusThanks && this.progress.submittedAt !== null) {
      this.focusThanks = false;
      focusWithinCourse(this.renderRoot.querySelector<HTMLElement>('#thanks-heading'), 'start');
    }
  }

  private missing(): EvaluationQuestion[] {
    return this.evaluation.questions.filter((q) => q.required && !(this.progress.answers[q.id] ?? '').trim());
  }

  private professionMissing(): boolean {
    return this.professions.length > 0 && !this.professions.some((p) => p.id === this.profession);
  }

  private answer(q: EvaluationQuestion, value: string): void {
    this.dispatchEvent(intent('evaluation-answer', { questionId: q.id, value }));
  }

  private submit(e: Event): void {
    e.preventDefault();
    if (this.missing().length || this.professionMissing()) {
      this.showMissing = true;
      void this.updateComplete.then(() => focusWithinCourse(this.renderRoot.querySelector<HTMLElement>('.error-summary'), 'start'));
      return;
    }
    this.focusThanks = true;
    this.dispatchEvent(intent('submit-evaluation', {}));
  }

  private jumpToProfession(e: Event): void {
    e.preventDefault();
    focusWithinCourse(this.renderRoot.querySelector<HTMLElement>('input[name="profession"]'));
  }

  private jumpTo(e: Event, q: EvaluationQuestion): void {
    e.preventDefault();
    const target = this.renderRoot.querySelector(`[name="${q.id}"], #${q.id}`) as HTMLElement | null;
    focusWithinCourse(target);
  }

  private renderQuestion(q: EvaluationQuestion, i: number) {
    const value = this.progress.answers[q.id] ?? '';
    const tag = html`<span class="tag">(${q.required ? STRINGS.required : STRINGS.optional})</span>`;
    if (q.type === 'likert') {
      return html`<fieldset>
        <legend id=${`legend-${q.id}`}>${i + 1}. ${q.prompt} ${tag}</legend>
        <div>
          ${q.scale.map(
            (s) =>
              html`<label class="option">
                <input
                  type="radio"
                  name=${q.id}
                  .value=${s.id}
                  .checked=${value === s.id}
                  ?disabled=${this.disabled}
                  ?required=${q.required}
                  @change=${() => this.answer(q, s.id)}
                />
                <span>${s.text}</span>
              </label>`,
          )}
        </div>
      </fieldset>`;
    }
    return html`<fieldset>
      <label class="text" for=${q.id}>${i + 1}. ${q.prompt} ${tag}</label>
      <textarea
        id=${q.id}
        maxlength=${q.maxLength}
        .value=${value}
        ?disabled=${this.disabled}
        ?required=${q.required}
        aria-describedby=${`count-${q.id}`}
        @input=${(e: Event) => this.answer(q, (e.target as HTMLTextAreaElement).value)}
      ></textarea>
      <p class="count" id=${`count-${q.id}`}>${STRINGS.charactersLeft(q.maxLength - value.length)}</p>
    </fieldset>`;
  }

  override render() {
    if (this.progress.submittedAt !== null) {
      return html`<h1 tabindex="-1">${STRINGS.heading}</h1>
        <section class="thanks" aria-labelledby="thanks-heading">
          <h2 id="thanks-heading" tabindex="-1">${STRINGS.thanksHeading}</h2>
          <p>${STRINGS.thanks}</p>
          ${
            this.nextLocation
              ? html`<button @click=${() => this.dispatchEvent(intent('navigate', { location: this.nextLocation ?? 'start' }))}>
                  ${STRINGS.next(this.nextLabel)}
                </button>`
              : null
          }
        </section>`;
    }
    const missing = this.showMissing ? this.missing() : [];
    const professionMissing = this.showMissing && this.professionMissing();
    return html`<h1 tabindex="-1">${STRINGS.heading}</h1>
      <p>${STRINGS.intro(this.evaluation.required)}</p>
      ${
        missing.length || professionMissing
          ? html`<div class="error-summary" role="alert" tabindex="-1">
              <h2>${STRINGS.missingHeading}</h2>
              <ul>
                ${
                  this.professionMissing()
                    ? html`<li>
                        <a href="#legend-profession" @click=${(e: Event) => this.jumpToProfession(e)}>${PROFESSION_STRINGS.missing}</a>
                      </li>`
                    : null
                }
                ${missing.map(
                  (q) => html`<li><a href=${`#${q.id}`} @click=${(e: Event) => this.jumpTo(e, q)}>${STRINGS.missing(q.prompt)}</a></li>`,
                )}
              </ul>
            </div>`
          : null
      }
      <form novalidate @submit=${this.submit}>
        ${
          this.professions.length
            ? professionChoice(
                this.professions,
                this.profession,
                (id) => this.dispatchEvent(intent('choose-profession', { profession: id })),
                {
                  disabled: this.disabled,
                },
              )
            : null
        }
        ${this.evaluation.questions.map((q, i) => this.renderQuestion(q, i))}
        <button type="submit" ?disabled=${this.disabled}>${STRINGS.submit}</button>
      </form>`;
  }
}

customElements.define('evaluation-view', EvaluationView);

declare global {
  interface HTMLElementTagNameMap {
    'evaluation-view': EvaluationView;
  }
}
