import { LitElement, html } from 'lit';
import {
  confidenceRatings,
  isAnswered,
  numberAnswer,
  rateConfidence,
  readWholeNumber,
  type ConfidenceWhen,
  type EvaluationState,
} from '../course/evaluation.ts';
import type { Evaluation, EvaluationQuestion, Profession } from '../course/types.ts';
import { focusWithinCourse } from './course-scroll.ts';
import { PROFESSION_STRINGS, professionChoice } from './profession-choice.ts';
import { evaluationViewStyles } from './evaluation-view.styles.ts';
import { intent } from './events.ts';
import { formStyles } from './form-styles.ts';
import { theme } from './theme.ts';

const STRINGS = {
  heading: 'Evaluate this activity',
  // Who reads the answers, said as it is: the LMS keeps them with the learner's name (docs/ce-provider.md#the-learner-evaluation).
  intro: 'Your answers help the provider evaluate and improve this activity. They are not scored.',
  privacy:
    'Your answers are stored in the learning management system with your name, like your exam answers. ' +
    'The course provider and the system’s teachers and administrators (such as your education coordinator) can read them. ' +
    'They are used to evaluate and improve the activity, and summarized for the accrediting body.',
  certificateAfter: 'Your certificate is available once you submit.',
  required: 'required',
  optional: 'optional',
  charactersLeft: (n: number) => `${n} characters left`,
  numberHint: (q: NumberQuestion) => `A whole number of ${q.unit}, from ${q.min} to ${q.max}.`,
  numberInvalid: (q: NumberQuestion) => `Enter the number of ${q.unit} as a whole number (digits only), from ${q.min} to ${q.max}`,
  numberTooLarge: (q: NumberQuestion, n: number) => `${n} ${q.unit} is more than ${q.max}: enter a number from ${q.min} to ${q.max}`,
  numberTooSmall: (q: NumberQuestion, n: number) => `${n} ${q.unit} is less than ${q.min}: enter a number from ${q.min} to ${q.max}`,
  errorPrefix: 'Error:',
  confidenceHint: 'For each topic, choose how confident you were before this course, and how confident you are now.',
  before: 'Before this course',
  now: 'Now',
  missingConfidence: (prompt: string) => `Rate every topic, before this course and now: ${prompt}`,
  submit: 'Submit evaluation',
  missingHeading: 'There is a problem',
  missing: (prompt: string) => `Answer: ${prompt}`,
  thanksHeading: 'Thank you',
  thanks: 'Your evaluation was submitted.',
  next: (label: string) => `Continue: ${label}`,
};

type NumberQuestion = Extract<EvaluationQuestion, { type: 'number' }>;
type ConfidenceQuestion = Extract<EvaluationQuestion, { type: 'confidence' }>;

/** What is wrong with a typed number, in words; null when it is a valid answer or empty. */
function numberError(q: NumberQuestion, typed: string): string | null {
  if (!typed.trim() || numberAnswer(q, typed) !== null) return null;
  const n = readWholeNumber(typed);
  if (n === null) return STRINGS.numberInvalid(q);
  return n > q.max ? STRINGS.numberTooLarge(q, n) : STRINGS.numberTooSmall(q, n);
}

/** The learner's evaluation of the activity: likert questions, numbers, confidence before and now, and free text; not scored. */
export class EvaluationView extends LitElement {
  static override get properties() {
    return {
      evaluation: { attribute: false },
      progress: { attribute: false },
      nextLocation: { attribute: false },
      nextLabel: { attribute: false },
      disabled: { type: Boolean },
      professions: { attribute: false },
      profession: { attribute: false },
      showMissing: { state: true },
      typed: { state: true },
      checked: { state: true },
    };
  }
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
  /** Numbers as typed, by question id: kept here so a value that is not (yet) valid stays in its field. */
  declare typed: Record<string, string>;
  /**
   * Number questions checked by a submission: their error shows from then on. Not when the field
   * is left, as GOV.UK advises: an error appearing then would move the Submit button under the pointer.
   */
  declare checked: ReadonlySet<string>;
  /** Focus goes to the thank-you heading once the submission is in the progress. */
  private focusThanks = false;

  constructor() {
    super();
    this.showMissing = false;
    this.disabled = false;
    this.professions = [];
    this.typed = {};
    this.checked = new Set();
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
    return this.evaluation.questions.filter(
      (q) => q.required && !isAnswered(q, this.progress.answers[q.id]) && !(q.type === 'number' && this.numberErrorOf(q)),
    );
  }

  private typedNumber(q: NumberQuestion): string {
    return this.typed[q.id] ?? this.progress.answers[q.id] ?? '';
  }

  private numberErrorOf(q: NumberQuestion): string | null {
    return numberError(q, this.typedNumber(q));
  }

  /** Numbers typed that are not valid answers, with what is wrong. */
  private invalidNumbers(): { q: NumberQuestion; error: string }[] {
    return this.evaluation.questions.flatMap((q) => {
      const error = q.type === 'number' ? this.numberErrorOf(q) : null;
      return q.type === 'number' && error ? [{ q, error }] : [];
    });
  }

  private typeNumber(q: NumberQuestion, typed: string): void {
    this.typed = { ...this.typed, [q.id]: typed };
    // Only a valid number is an answer; anything else leaves the question unanswered until corrected.
    const value = numberAnswer(q, typed) ?? '';
    if (value !== (this.progress.answers[q.id] ?? '')) this.answer(q, value);
  }

  private rate(q: ConfidenceQuestion, item: string, when: ConfidenceWhen, point: string): void {
    this.answer(q, rateConfidence(q, this.progress.answers[q.id] ?? '', item, when, point));
  }

  private professionMissing(): boolean {
    return this.professions.length > 0 && !this.professions.some((p) => p.id === this.profession);
  }

  private answer(q: EvaluationQuestion, value: string): void {
    this.dispatchEvent(intent({ type: 'evaluation-answer', questionId: q.id, value }));
  }

  private submit(e: Event): void {
    e.preventDefault();
    this.checked = new Set(this.evaluation.questions.filter((q) => q.type === 'number').map((q) => q.id));
    if (this.missing().length || this.professionMissing() || this.invalidNumbers().length) {
      this.showMissing = true;
      void this.updateComplete.then(() => focusWithinCourse(this.renderRoot.querySelector<HTMLElement>('.error-summary'), 'start'));
      return;
    }
    this.focusThanks = true;
    this.dispatchEvent(intent({ type: 'submit-evaluation' }));
  }

  private jumpToProfession(e: Event): void {
    e.preventDefault();
    focusWithinCourse(this.renderRoot.querySelector<HTMLElement>('input[name="profession"]'));
  }

  private jumpTo(e: Event, q: EvaluationQuestion): void {
    e.preventDefault();
    let name = q.id;
    if (q.type === 'confidence') {
      // The first rating not yet given.
      const ratings = confidenceRatings(q, this.progress.answers[q.id] ?? '');
      const item = q.items.find((i) => !ratings?.get(i.id)?.before || !ratings.get(i.id)?.after) ?? q.items[0];
      name = item ? `${q.id}-${item.id}-${ratings?.get(item.id)?.before ? 'after' : 'before'}` : q.id;
    }
    const target = this.renderRoot.querySelector(`[name="${name}"], #${q.id}`) as HTMLElement | null;
    focusWithinCourse(target);
  }

  private renderNumber(q: NumberQuestion, i: number, tag: unknown) {
    const error = this.checked.has(q.id) ? this.numberErrorOf(q) : null;
    return html`<div class="question">
      <label class="text" for=${q.id}>${i + 1}. ${q.prompt} ${tag}</label>
      <p class="hint" id=${`hint-${q.id}`}>${STRINGS.numberHint(q)}</p>
      ${error ? html`<p class="field-error" id=${`error-${q.id}`}><span class="visually-hidden">${STRINGS.errorPrefix}</span> ${error}</p>` : null}
      <div class="number">
        <input
          id=${q.id}
          type="text"
          inputmode="numeric"
          autocomplete="off"
          spellcheck="false"
          size="5"
          maxlength="12"
          .value=${this.typedNumber(q)}
          ?disabled=${this.disabled}
          ?required=${q.required}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? `hint-${q.id} error-${q.id}` : `hint-${q.id}`}
          @input=${(e: Event) => this.typeNumber(q, (e.target as HTMLInputElement).value)}
        />
        <span class="unit" aria-hidden="true">${q.unit}</span>
      </div>
    </div>`;
  }

  private renderConfidence(q: ConfidenceQuestion, i: number, tag: unknown) {
    const ratings = confidenceRatings(q, this.progress.answers[q.id] ?? '');
    const group = (item: string, when: ConfidenceWhen) => {
      const chosen = ratings?.get(item)?.[when] ?? null;
      return html`<fieldset class="when">
        <legend>${when === 'before' ? STRINGS.before : STRINGS.now}</legend>
        <div>
          ${q.scale.map(
            (s) =>
              html`<label class="option">
                <input
                  type="radio"
                  name=${`${q.id}-${item}-${when}`}
                  .value=${s.id}
                  .checked=${chosen === s.id}
                  ?disabled=${this.disabled}
                  ?required=${q.required}
                  @change=${() => this.rate(q, item, when, s.id)}
                />
                <span>${s.text}</span>
              </label>`,
          )}
        </div>
      </fieldset>`;
    };
    return html`<fieldset class="confidence" id=${q.id} aria-describedby=${`hint-${q.id}`}>
      <legend id=${`legend-${q.id}`}>${i + 1}. ${q.prompt} ${tag}</legend>
      <p class="hint" id=${`hint-${q.id}`}>${STRINGS.confidenceHint}</p>
      ${q.items.map(
        (item) =>
          html`<fieldset class="item">
            <legend>${item.text}</legend>
            <div class="pair">${group(item.id, 'before')} ${group(item.id, 'after')}</div>
          </fieldset>`,
      )}
    </fieldset>`;
  }

  private renderQuestion(q: EvaluationQuestion, i: number) {
    const value = this.progress.answers[q.id] ?? '';
    const tag = html`<span class="tag">(${q.required ? STRINGS.required : STRINGS.optional})</span>`;
    if (q.type === 'number') return this.renderNumber(q, i, tag);
    if (q.type === 'confidence') return this.renderConfidence(q, i, tag);
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
              ? html`<button @click=${() => this.dispatchEvent(intent({ type: 'navigate', location: this.nextLocation ?? 'start' }))}>
                  ${STRINGS.next(this.nextLabel)}
                </button>`
              : null
          }
        </section>`;
    }
    const missing = this.showMissing ? this.missing() : [];
    const professionMissing = this.showMissing && this.professionMissing();
    const invalid = this.showMissing ? this.invalidNumbers() : [];
    return html`<h1 tabindex="-1">${STRINGS.heading}</h1>
      <p>${STRINGS.intro}${this.evaluation.required ? ` ${STRINGS.certificateAfter}` : ''}</p>
      <p class="privacy">${STRINGS.privacy}</p>
      ${
        missing.length || professionMissing || invalid.length
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
                ${this.evaluation.questions.map((q) => {
                  const error = invalid.find((x) => x.q === q)?.error;
                  const text =
                    error ??
                    (!missing.includes(q)
                      ? null
                      : q.type === 'confidence'
                        ? STRINGS.missingConfidence(q.prompt)
                        : STRINGS.missing(q.prompt));
                  return text ? html`<li><a href=${`#${q.id}`} @click=${(e: Event) => this.jumpTo(e, q)}>${text}</a></li>` : null;
                })}
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
                (id) => this.dispatchEvent(intent({ type: 'choose-profession', profession: id })),
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
