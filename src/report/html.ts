import { escapeHtml as esc } from '../package/question-key.ts';
import { attemptShares, THRESHOLDS, transcript, type Analysis, type EvaluationSummary, type ItemStats } from './analysis.ts';
import { moodleMinutes } from './moodle.ts';
import { fixed, mean, median } from './statistics.ts';

/** What the report says, in one place. */
export const TEXT = {
  title: 'Coordinator’s report',
  transcript: 'Transcript',
  transcriptNote:
    'The record to keep: one row per learner. Profession, credit, hours and certificate number come from the CE record the course writes into the LMS when the learner completes; where the download holds none, the source says “Moodle”: the status comes from the score against the pass mark and whether the evaluation was submitted, and the date is Moodle’s date of last access, not the date of completion.',
  evaluation: 'Evaluation summary',
  items: 'Item analysis of the final exam',
  objectives: 'Objectives',
  reliability: 'Reliability',
  unused: 'Rows not used',
  sources: 'How the figures are computed, and their sources',
  smallSample: (n: number) =>
    `Only ${n} learner${n === 1 ? '' : 's'} took the exam. Under ${THRESHOLDS.smallSample}, difficulty and discrimination move a lot with one or two answers: read the flags as prompts to look at a question, not as verdicts.`,
  noTime:
    'Mean time per question cannot be shown: Moodle’s downloads do not hold the time or latency of each answer (it is only on each learner’s attempt page).',
  scorm2004:
    'With the SCORM 2004 package, Moodle 5.1’s interactions report is empty (it counts only SCORM 1.2’s interaction fields), so its download holds no answers: no item analysis, no evaluation and no CE record can be read from it. The basic report (status, score, dates) and the objectives report still work. For reporting, give learners the SCORM 1.2 package.',
} as const;

const pct = (x: number | null) => (x === null || Number.isNaN(x) ? '—' : `${Math.round(x * 100)}%`);

/** A bar whose length is `share` of the track; decorative, as the numbers beside it say the same. */
function bar(share: number, highlight = false): string {
  const w = Math.max(0, Math.min(1, share)) * 100;
  return `<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false"><rect class="track" x="0" y="0" width="100" height="10"/><rect class="${highlight ? 'fill key' : 'fill'}" x="0" y="0" width="${w.toFixed(1)}" height="10"/></svg>`;
}

function table(caption: string, head: string[], rows: string[][], cls = ''): string {
  return `<table${cls ? ` class="${cls}"` : ''}>
<caption>${caption}</caption>
<thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>
<tbody>
${rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${c}</th>` : `<td>${c}</td>`)).join('')}</tr>`).join('\n')}
</tbody>
</table>`;
}

function transcriptHtml(a: Analysis, names: boolean): string {
  const rows = transcript(a);
  const showEmail = names && rows.some((r) => r.email);
  const head = [
    'Learner',
    ...(showEmail ? ['Email'] : []),
    'Profession',
    'Status',
    'Score',
    'Exam attempts',
    'Completed',
    'Credit type',
    'Amount',
    'Hours',
    'Certificate',
    'Version',
    'Source',
  ];
  return `<h2 id="transcript">${TEXT.transcript}</h2>
<p class="note">${TEXT.transcriptNote}</p>
${table(
  `${rows.length} learners; ${rows.filter((r) => r.status === 'Completed').length} completed`,
  head,
  rows.map((r) =>
    [
      r.learner,
      ...(showEmail ? [r.email] : []),
      r.profession || '—',
      r.status,
      r.score || '—',
      String(r.examAttempts),
      r.completed || '—',
      r.creditType || '—',
      r.creditAmount || '—',
      r.hours || '—',
      r.certificate || '—',
      r.version || '—',
      r.source,
    ].map(esc),
  ),
  'transcript',
)}`;
}

/**
 * Time in the activity from Moodle's columns: the span from "Started on" to "Last accessed on" of each
 * completed learner. It includes breaks and return visits, so it is an upper bound, not time spent.
 */
function spanHtml(a: Analysis, statedMinutes: number): string {
  const spans = transcript(a).flatMap((row, i) => {
    const l = a.learners[i];
    if (row.status !== 'Completed' || !l) return [];
    return l.attempts.flatMap((at) => {
      const from = moodleMinutes(at.started);
      const to = moodleMinutes(at.last);
      return from !== null && to !== null && to >= from ? [to - from] : [];
    });
  });
  const stated = `The course states ${statedMinutes} minutes (${(statedMinutes / 60).toFixed(2)} h).`;
  if (!spans.length) return `<h3>Time to complete</h3><p>${stated} Moodle’s downloads give no span for a completed learner.</p>`;
  return `<h3>Time to complete</h3><p>${stated} From Moodle’s “Started on” to “Last accessed on”, completed attempts (${spans.length}) took a median of ${fixed(median(spans), 0)} minute${median(spans) === 1 ? '' : 's'} (from ${Math.min(...spans)} to ${Math.max(...spans)}). This span includes breaks and return visits: it is not the time spent${a.course.evaluation?.questions.some((q) => (q.type as string) === 'number') ? '; the evaluation’s own question on time is above' : ''}.</p>`;
}

function evaluationHtml(summary: EvaluationSummary[]): string {
  const parts = summary.map((s) => {
    const h = `<h3>${esc(s.prompt)} <code>${esc(s.id)}</code></h3>`;
    switch (s.kind) {
      case 'likert': {
        const total = s.answered || 1;
        return `${h}${table(
          `${s.answered} answers`,
          ['Answer', 'Learners', 'Share', '<span class="sr">Bar</span>'],
          s.scale.map((o) => [esc(o.text), String(o.count), pct(o.count / total), bar(o.count / total)]),
          'dist',
        )}`;
      }
      case 'text':
        return `${h}<p class="note">${s.answers.length} answers, listed without names.</p>${s.answers.length ? `<ul class="answers">${s.answers.map((t) => `<li>${esc(t)}</li>`).join('')}</ul>` : ''}`;
      case 'number': {
        const stated =
          s.statedMinutes === null ? '' : ` The course states ${s.statedMinutes} minutes (${(s.statedMinutes / 60).toFixed(2)} h).`;
        return `${h}<p>${s.values.length} answers: mean ${fixed(s.mean, 1)}, median ${fixed(s.median, 1)}, from ${fixed(s.min, 0)} to ${fixed(s.max, 0)} ${esc(s.unit)}.${stated}</p>`;
      }
      case 'confidence': {
        const k = s.scale.length;
        return `${h}<p class="note">Mean on the scale 1 (${esc(s.scale[0]?.text ?? '')}) to ${k} (${esc(s.scale[k - 1]?.text ?? '')}).</p>${table(
          'Confidence before the course and now',
          ['Item', 'Learners', 'Before', 'Now', 'Change'],
          s.items.map((it) => {
            const b = mean(it.before);
            const n = mean(it.after);
            return [
              esc(it.text),
              String(Math.min(it.before.length, it.after.length)),
              fixed(b, 2),
              fixed(n, 2),
              Number.isNaN(b - n) ? '—' : `${n - b >= 0 ? '+' : ''}${(n - b).toFixed(2)}`,
            ];
          }),
        )}`;
      }
    }
  });
  return `<h2 id="evaluation">${TEXT.evaluation}</h2>${parts.join('\n')}`;
}

const FLAG_CLASS: Record<ItemStats['flags'][number]['kind'], string> = {
  'too hard': 'warn',
  'too easy': 'info',
  'low discrimination': 'warn',
  'unused option': 'info',
  'distractor beats key': 'warn',
};

function itemDetail(it: ItemStats): string {
  const e = it.entry;
  const seen = it.seen || 1;
  const options = it.options.length
    ? table(
        'How often each option was chosen (all who saw it / upper group)',
        ['Option', 'Text', 'Chosen', 'Share', 'Upper group', '<span class="sr">Bar</span>'],
        it.options.map((o) => [
          `<code>${esc(o.code)}</code>`,
          `${esc(o.text)}${o.correct ? ' <span class="ok">✓ key</span>' : ''}`,
          String(o.chosen),
          pct(o.chosen / seen),
          String(o.chosenUpper),
          bar(o.chosen / seen, o.correct),
        ]),
        'dist options',
      )
    : it.responses.length
      ? table(
          'Responses given (SCORM codes; see the question key)',
          ['Response', 'Learners', 'Result'],
          it.responses.slice(0, 8).map((r) => [`<code>${esc(r.response)}</code>`, String(r.count), r.correct ? 'correct' : 'wrong']),
          'options',
        )
      : '';
  const flags = it.flags.length
    ? `<ul class="flags">${it.flags.map((f) => `<li class="${FLAG_CLASS[f.kind]}"><b>${esc(f.kind)}:</b> ${esc(f.reason)}</li>`).join('')}</ul>`
    : '';
  return `<section class="item" id="i-${esc(e.interactionId)}" aria-labelledby="h-${esc(e.interactionId)}">
<h3 id="h-${esc(e.interactionId)}"><code>${esc(e.interactionId)}</code></h3>
<p class="prompt">${esc(e.question.prompt)}</p>
<p class="meta">${esc(e.typeLabel)} · objective ${e.objectives.map((o) => `<code>${esc(o.id)}</code>`).join(', ')} · seen by ${it.seen} · difficulty ${fixed(it.difficulty)} · discrimination ${fixed(it.discrimination)}</p>
${flags}${options}
</section>`;
}

function itemsHtml(a: Analysis): string {
  // The likeliest faults first: a key the better learners disagree with, then the weakest discrimination.
  const severity = (i: ItemStats) =>
    (i.flags.some((f) => f.kind === 'distractor beats key') ? -2 : 0) +
    (i.discrimination !== null && i.discrimination < 0 ? -1 : 0) +
    (i.discrimination ?? 1) / 10;
  const flagged = a.items.filter((i) => i.flags.some((f) => f.kind !== 'unused option')).sort((x, y) => severity(x) - severity(y));
  const shares = attemptShares(a);
  const summary = `<p>${a.exams.length} exam attempts by ${a.learners.filter((l) => l.exams.length).length} learners; mean share right ${pct(mean(shares))}, median ${pct(median(shares))}. Each attempt draws its own questions, so each question was seen by only some attempts: every figure below is computed on the attempts that saw it. ${TEXT.noTime}</p>`;
  const rows = a.items.map((it) => [
    `<a href="#i-${esc(it.entry.interactionId)}"><code>${esc(it.entry.interactionId)}</code></a>`,
    esc(it.entry.question.prompt.length > 90 ? `${it.entry.question.prompt.slice(0, 88)}…` : it.entry.question.prompt),
    String(it.seen),
    fixed(it.difficulty),
    fixed(it.discrimination),
    it.flags.length ? it.flags.map((f) => `<span class="flag ${FLAG_CLASS[f.kind]}">${esc(f.kind)}</span>`).join(' ') : '',
  ]);
  return `<h2 id="items">${TEXT.items}</h2>
${summary}
${flagged.length ? `<h3>Flagged for review (${flagged.length})</h3>${flagged.map(itemDetail).join('\n')}` : '<p>No question is flagged for difficulty or discrimination.</p>'}
<h3>Every question</h3>
${table(
  'Difficulty is the share of attempts that answered right; discrimination the corrected point-biserial (the item against the share right on the attempt’s other questions)',
  ['Interaction id', 'Question', 'Seen', 'Difficulty', 'Discrimination', 'Flags'],
  rows,
  'items',
)}
<h3>Options and responses, question by question</h3>
<p class="print-only">Left out of the printed copy to keep it short: options.csv holds every question’s option counts.</p>
<div class="screen-only">
${a.items
  .filter((i) => !flagged.includes(i))
  .map(itemDetail)
  .join('\n')}
</div>`;
}

function objectivesHtml(a: Analysis): string {
  const source =
    a.objectives[0]?.source === 'objectives report'
      ? 'the objectives report (the status Moodle kept last)'
      : a.kinds.has('objectives')
        ? 'each learner’s last exam attempt in the interactions report (the objectives report holds no objective status for this package)'
        : 'each learner’s last exam attempt (no objectives report was given)';
  return `<h2 id="objectives">${TEXT.objectives}</h2>
<p class="note">Share of learners who mastered each objective, from ${source}. A critical objective counts as mastered only when every question on it was right.</p>
${table(
  'Mastery per objective',
  ['Objective', 'Text', 'Lesson', 'Learners', 'Mastered', 'Share', '<span class="sr">Bar</span>'],
  a.objectives.map((o) => [
    `<code>${esc(o.id)}</code>${o.critical ? ' <span class="flag warn">critical</span>' : ''}`,
    esc(o.text),
    esc(o.lesson),
    String(o.learners),
    String(o.mastered),
    pct(o.learners ? o.mastered / o.learners : null),
    bar(o.learners ? o.mastered / o.learners : 0),
  ]),
  'dist',
)}`;
}

function reliabilityHtml(a: Analysis): string {
  const r = a.reliability;
  return `<h2 id="reliability">${TEXT.reliability}</h2>
<p class="figure"><b>${fixed(r.value)}</b> — ${esc(r.method)}, on ${r.attempts} attempts (half-test correlation ${fixed(r.halfCorrelation)}).</p>
<p class="note">${esc(r.why)} As a rough guide, 0.70 or more is usually expected of a test used for a pass/fail decision; a lower figure says the pass mark rests on a noisier score.</p>`;
}

function unusedHtml(a: Analysis): string {
  const other = [...a.otherIds];
  if (!a.unused.length && !other.length) return `<h2 id="unused">${TEXT.unused}</h2><p>Every row of every file was used.</p>`;
  return `<h2 id="unused">${TEXT.unused}</h2>
${
  a.unused.length
    ? table(
        `${a.unused.length} rows not used in the item analysis (they still count in the transcript)`,
        ['File', 'Row', 'Why'],
        a.unused.map((u) => [esc(u.file), String(u.row), esc(u.reason)]),
      )
    : ''
}
${
  other.length
    ? table(
        `${other.length} interaction ids that are neither the exam’s, the evaluation’s nor the CE record’s (knowledge checks are not reported, so these come from elsewhere)`,
        ['Interaction id', 'Times'],
        other.map(([id, n]) => [`<code>${esc(id)}</code>`, String(n)]),
      )
    : ''
}`;
}

const SOURCES = `<h2 id="sources">${TEXT.sources}</h2>
<ul class="sources">
<li><b>Difficulty</b> (p): the share of the attempts that saw a question and answered it fully right. Flagged when under ${THRESHOLDS.tooHard} (too hard) or over ${THRESHOLDS.tooEasy} (too easy): items outside moderate difficulty tell little about who has learned, as Haladyna &amp; Rodriguez, <i>Developing and Validating Test Items</i> (Routledge, 2013), discuss for item review.</li>
<li><b>Discrimination</b>: the corrected item-total (point-biserial) correlation, the question’s right/wrong against the share right on the attempt’s other questions, on the attempts that saw it. Flagged under ${THRESHOLDS.lowDiscrimination}; Ebel &amp; Frisbie, <i>Essentials of Educational Measurement</i> (5th ed., 1991), rate a discrimination index of 0.19 or less as poor, and a negative one usually means a wrong key or a misleading question.</li>
<li><b>Options</b>: an option nobody chooses does not work as a distractor (Haladyna &amp; Downing, “How many options is enough for a multiple-choice test item?”, <i>Educational and Psychological Measurement</i> 53, 1993, call distractors chosen by under 5% non-functioning); an option the upper group (attempts whose rest score is at or above the median) chooses more often than the key suggests a wrong key or a defensible option.</li>
<li><b>Reliability</b>: see above; with random draws KR-20 and coefficient alpha do not apply.</li>
<li><b>Small samples</b>: under ${THRESHOLDS.smallSample} learners the report warns that the figures are unstable.</li>
<li><b>Where the codes come from</b>: the question key of this content (the same functions the course reports with), so a report read with other content stops with an error instead of misreading codes.</li>
</ul>`;

const STYLE = `
:root { color-scheme: light; --fg: #1b1c1e; --muted: #4a4f57; --line: #c2c6cc; --head: #f1f3f6; --bar: #2f6db5; --key: #1d6a32; --warn: #8a1c1c; --warnbg: #fdecea; --info: #3b4a5c; --infobg: #e9eef5; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 72rem; padding: 1.5rem 1.25rem 3rem; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--fg); background: #fff; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; border-bottom: 2px solid var(--line); padding-bottom: .2rem; break-after: avoid; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .3rem; break-after: avoid; }
code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .9em; overflow-wrap: anywhere; }
.note, .meta { color: var(--muted); }
.sub { color: var(--muted); margin: 0 0 1rem; }
table { border-collapse: collapse; margin: .4rem 0 1rem; width: 100%; }
caption { text-align: left; font-weight: 600; padding: .2rem 0; }
th, td { border: 1px solid var(--line); padding: .25rem .45rem; text-align: left; vertical-align: top; }
thead th { background: var(--head); font-size: .85rem; }
tbody th { font-weight: 600; }
tr { break-inside: avoid; }
thead { display: table-header-group; }
table.transcript, table.items { font-size: .85rem; }
table.transcript td:nth-child(2) { overflow-wrap: anywhere; }
th code, td code { overflow-wrap: normal; word-break: normal; }
table.items td:nth-child(2) { min-width: 16rem; }
table.dist { width: auto; min-width: 32rem; }
table.dist td:last-child { width: 12rem; }
.bar { display: block; width: 12rem; height: .8rem; }
.bar .track { fill: var(--head); }
.bar .fill { fill: var(--bar); }
.bar .fill.key { fill: var(--key); }
.ok { color: var(--key); font-weight: 700; white-space: nowrap; }
.flag { display: inline-block; border-radius: 3px; padding: 0 .35em; font-size: .8rem; font-weight: 600; white-space: nowrap; border: 1px solid currentColor; }
.flag.warn, .flags .warn b { color: var(--warn); }
.flag.info { color: var(--info); }
.flags { margin: .3rem 0; padding-left: 1.2rem; }
.flags li { margin: .15rem 0; }
.warning { border: 2px solid var(--warn); background: var(--warnbg); padding: .6rem .9rem; border-radius: 4px; margin: .8rem 0; }
.warning p { margin: .2rem 0; }
.item { border: 1px solid var(--line); border-radius: 6px; padding: .4rem .8rem; margin: .8rem 0; break-inside: avoid; }
.item h3 { margin: .2rem 0; }
.item .prompt { font-weight: 600; margin: .2rem 0; }
.figure { font-size: 1.1rem; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
nav ul { display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; padding: 0; list-style: none; }
a { color: #0b57a4; }
:focus-visible { outline: 3px solid #0b57a4; outline-offset: 2px; }
@media (forced-colors: active) { .bar .fill { fill: CanvasText; } .bar .track { fill: Canvas; stroke: CanvasText; stroke-width: .5; } }
@media screen and (max-width: 700px) { body { padding: 1rem .6rem; } table.dist { min-width: 0; } .bar { width: 6rem; } table { display: block; overflow-x: auto; } }
.print-only { display: none; }
@page { margin: 12mm; size: A4 landscape; }
@media print {
  body { max-width: none; padding: 0; font-size: 9pt; }
  nav, .screen-only { display: none; }
  .print-only { display: block; }
  a { color: inherit; text-decoration: none; }
  .bar, .bar rect { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  h2 { break-before: page; }
  h2#transcript { break-before: auto; }
}
`;

export interface HtmlOptions {
  files: { file: string; kind: string; format: string; rows: number }[];
  pseudonyms: boolean;
  generated: string;
  version: string;
  evaluation: EvaluationSummary[];
  /** The course's learning time as it states it (estimatedMinutes). */
  statedMinutes: number;
}

export function reportHtml(a: Analysis, o: HtmlOptions): string {
  const tookExam = a.learners.filter((l) => l.exams.length).length;
  const warnings: string[] = [];
  if (tookExam < THRESHOLDS.smallSample) warnings.push(TEXT.smallSample(tookExam));
  if (!a.kinds.has('interactions'))
    warnings.push(`No interactions report was given: no item analysis, evaluation or CE record. ${TEXT.scorm2004}`);
  else if (!a.exams.length) warnings.push(`The interactions report holds no answers. ${TEXT.scorm2004}`);
  if (!a.kinds.has('basic') && !a.kinds.has('objectives') && !a.kinds.has('interactions')) warnings.push('No report was read.');
  if (a.unused.length || a.otherIds.size)
    warnings.push(`Some rows or interaction ids were not used: see <a href="#unused">${TEXT.unused}</a>.`);
  const title = `${TEXT.title}: ${a.course.title}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${esc(title)}</h1>
<p class="sub">Content version ${esc(o.version)} · ${a.learners.length} learners · made ${esc(o.generated)} from ${o.files.length} Moodle download${o.files.length === 1 ? '' : 's'}${o.pseudonyms ? ' · <b>names replaced by pseudonyms</b>' : ''}</p>
<nav aria-label="Sections"><ul>
<li><a href="#transcript">${TEXT.transcript}</a></li><li><a href="#evaluation">${TEXT.evaluation}</a></li><li><a href="#items">Item analysis</a></li><li><a href="#objectives">${TEXT.objectives}</a></li><li><a href="#reliability">${TEXT.reliability}</a></li><li><a href="#unused">${TEXT.unused}</a></li><li><a href="#sources">Sources</a></li>
</ul></nav>
${warnings.length ? `<div class="warning" role="note">${warnings.map((w) => `<p>${w}</p>`).join('')}</div>` : ''}
${table(
  'Files read',
  ['File', 'Report', 'Format', 'Rows'],
  o.files.map((f) => [esc(f.file), esc(f.kind), esc(f.format), String(f.rows)]),
)}
${transcriptHtml(a, !o.pseudonyms)}
${evaluationHtml(o.evaluation)}
${spanHtml(a, o.statedMinutes)}
${itemsHtml(a)}
${objectivesHtml(a)}
${reliabilityHtml(a)}
${unusedHtml(a)}
${SOURCES}
</main>
</body>
</html>
`;
}
