import { html } from 'lit';
import type { Profession } from '../course/types.ts';

/** The question that decides which credit a learner's certificate shows (course.yaml `professions`). */
export const PROFESSION_STRINGS = {
  legend: 'Your profession',
  hint: 'Your certificate shows the credit designated for your profession; other professions receive a certificate of participation. You can change your answer until you submit.',
  hintOnce: 'Your certificate shows the credit designated for your profession; other professions receive a certificate of participation.',
  required: 'required',
  missing: 'Answer: Your profession',
};

/** One radio per profession, inside a fieldset whose legend is the question. */
export function professionChoice(
  professions: Profession[],
  chosen: string | undefined,
  onChoose: (id: string) => void,
  { disabled = false, correctable = true } = {},
) {
  return html`<fieldset class="profession">
    <legend id="legend-profession">${PROFESSION_STRINGS.legend} <span class="tag">(${PROFESSION_STRINGS.required})</span></legend>
    <p class="hint" id="profession-hint">${correctable ? PROFESSION_STRINGS.hint : PROFESSION_STRINGS.hintOnce}</p>
    <div>
      ${professions.map(
        (p) =>
          html`<label class="option">
            <input
              type="radio"
              name="profession"
              .value=${p.id}
              .checked=${chosen === p.id}
              ?disabled=${disabled}
              aria-describedby="profession-hint"
              @change=${() => onChoose(p.id)}
            />
            <span>${p.name}</span>
          </label>`,
      )}
    </div>
  </fieldset>`;
}
