import type { InteractionAnswer } from './session.ts';

/** Response and correct-response pattern of one interaction, in a version's own format. */
export interface FormattedAnswer {
  type: InteractionAnswer['type'];
  /** Null when the learner gave no answer (an empty response is invalid in 2004). */
  response: string | null;
  pattern: string;
}

/** SCORM 1.2 responses are one character per option: a-z, then 0-9, by authored position. */
const CODES = 'abcdefghijklmnopqrstuvwxyz0123456789';

export function scorm12Code(options: readonly string[], id: string): string {
  const code = CODES[options.indexOf(id)];
  if (!code) throw new Error(`option "${id}" cannot be reported in SCORM 1.2`);
  return code;
}

const orNull = (s: string) => (s === '' ? null : s);

/** SCORM 1.2: single characters joined by commas; `t`/`f`; `1.a` pairs; decimals. */
export function formatScorm12(a: InteractionAnswer): FormattedAnswer {
  switch (a.type) {
    case 'choice':
    case 'sequencing': {
      const codes = (ids: string[]) => ids.map((id) => scorm12Code(a.options, id)).join(',');
      return { type: a.type, response: orNull(codes(a.response)), pattern: codes(a.correct) };
    }
    case 'true-false':
      return { type: a.type, response: a.response === null ? null : a.response ? 't' : 'f', pattern: a.correct ? 't' : 'f' };
    case 'matching': {
      const pairs = (ps: [string, string][]) => ps.map(([s, t]) => `${scorm12Code(a.sources, s)}.${scorm12Code(a.targets, t)}`).join(',');
      return { type: a.type, response: orNull(pairs(a.response)), pattern: pairs(a.correct) };
    }
    case 'numeric':
      // 1.2 has no range syntax: the pattern is the expected value.
      return { type: a.type, response: orNull(a.response), pattern: String((a.min + a.max) / 2) };
  }
}

/** SCORM 2004: identifiers joined by `[,]`, `true`/`false`, `s[.]t` pairs, `min[:]max` ranges. */
export function formatScorm2004(a: InteractionAnswer): FormattedAnswer {
  switch (a.type) {
    case 'choice':
    case 'sequencing':
      return { type: a.type, response: orNull(a.response.join('[,]')), pattern: a.correct.join('[,]') };
    case 'true-false':
      return { type: a.type, response: a.response === null ? null : String(a.response), pattern: String(a.correct) };
    case 'matching': {
      const pairs = (ps: [string, string][]) => ps.map(([s, t]) => `${s}[.]${t}`).join('[,]');
      return { type: a.type, response: orNull(pairs(a.response)), pattern: pairs(a.correct) };
    }
    case 'numeric':
      // The pattern is always a range (RTE 4.2.9.2: <min>[:]<max>); an exact answer is n[:]n.
      return { type: a.type, response: orNull(a.response), pattern: `${a.min}[:]${a.max}` };
  }
}
