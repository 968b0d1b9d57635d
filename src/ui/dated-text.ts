import { html, type TemplateResult } from 'lit';
import { spelledDate, splitDated } from '../course/dates.ts';

/**
 * Text from course.yaml that may carry dated statements (`{as of 2026-01}`, checked by the
 * build), shown as the lessons show them: "as of January 2026" in a `time` element.
 */
export function datedText(text: string): (string | TemplateResult)[] {
  return splitDated(text).map((p) =>
    typeof p === 'string' ? p : html`<time class="as-of" datetime=${p.date}>${p.capital ? 'A' : 'a'}s of ${spelledDate(p.date)}</time>`,
  );
}
