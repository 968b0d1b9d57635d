import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURE, ROOT } from './paths.ts';

/** The files an author edits: what docs/authors.md, "The files you edit", lists. */
export const CONTENT_FILES = ['lessons', 'quizzes', 'imsmanifest.xml', 'course.yaml'];

/** What the edit below sets, for the tests to compare the built course with. */
export const NEW_AUTHOR = {
  lessonTitle: 'Phone follow-up after a spinal procedure',
  objectives: ['call_script', 'call_record'],
  check: 'follow_up_check',
  examItems: ['fu_script_order', 'fu_script_ask', 'fu_record_what', 'fu_record_when'],
  passMark: 75,
  provider: 'Riverside Spine Education (example)',
  releaseDate: '2026-03-02',
  evaluationQuestion: 'call_useful',
};

const LESSON = `---
id: follow_up
title: "${NEW_AUTHOR.lessonTitle}"
quiz: ${NEW_AUTHOR.check}
objectives:
  - id: call_script
    text: Follow the clinic's script for a follow-up call the day after a spinal procedure.
  - id: call_record
    text: Record what the patient said on a follow-up call, and when it was made, in the chart.
references:
  - id: aspn2021
    text: "Example Society. Follow-up after interventional spine procedures: a practice note. 2021."
    doi: 10.1000/example.2021.1
---

## The call

A nurse or trained assistant calls the patient the day after the procedure, introduces
themself, confirms the patient's name and date of birth, and asks the questions of the
clinic's script in order.[^aspn2021]

## The record

What the patient said goes in the chart the same day, with the time of the call, in the
patient's own words where it matters.[^aspn2021]

## Key points

- Call the day after, confirm who you are speaking to, follow the script in order.
- Chart the call the same day, with its time and the patient's own words.
`;

const CHECK = `id: ${NEW_AUTHOR.check}
title: "Follow-up calls: knowledge check"
pass_mark: 75
feedback: immediate
questions:
  - id: fu_first
    type: single
    prompt: What do you confirm first on a follow-up call?
    objectives: [call_script]
    choices:
      - { id: identity, text: The patient's name and date of birth }
      - { id: pain, text: The patient's pain score today }
      - { id: bill, text: The amount of the patient's next bill }
    correct: identity
    rationale: Confirming who you are speaking to comes before any health question.
  - id: fu_when
    type: true_false
    prompt: "True or false: the follow-up call is charted the same day."
    objectives: [call_record]
    correct: true
    rationale: True. The chart shows what was said and when, on the day of the call.
  - id: fu_words
    type: single
    prompt: How is what the patient said recorded?
    objectives: [call_record]
    choices:
      - { id: own, text: "In their own words, where it matters" }
      - { id: summary, text: As a one-word summary of how they are }
      - { id: none, text: Left out if the patient says they are well }
    correct: own
    rationale: The patient's own words keep what was reported exact.
`;

const EXAM_ITEMS = `
  # Lesson 7: phone follow-up
  - id: fu_script_order
    type: single
    level: application
    prompt: Mr. Diaz answers your follow-up call by describing his night before you have asked anything. What do you do next?
    objectives: [call_script]
    choices:
      - { id: order, text: "Thank him, then go through the script's questions in order" }
      - { id: any, text: Ask about what he has raised first }
      - { id: end, text: End the call since he sounds well }
    correct: order
    rationale: The script's order makes sure no question is left out, whatever the patient says first.
  - id: fu_script_ask
    type: single
    level: application
    prompt: A woman picks up the phone and says she is Mrs. Lee's daughter. Mrs. Lee had an injection yesterday. What is your first step?
    objectives: [call_script]
    choices:
      - { id: confirm, text: Ask to speak with Mrs. Lee and confirm her name and date of birth }
      - { id: symptoms, text: Ask the daughter about her mother's symptoms }
      - { id: message, text: Leave the results of the procedure with the daughter }
    correct: confirm
    rationale: Confirming who you are speaking to comes before any health question.
  - id: fu_record_what
    type: single
    level: application
    prompt: On a busy morning you finish a follow-up call with a patient who is doing well. What do you chart?
    objectives: [call_record]
    choices:
      - { id: said, text: "What the patient said, with the time of the call" }
      - { id: nothing, text: Nothing since the patient is well }
      - { id: later, text: A note written at the end of the week }
    correct: said
    rationale: The chart records what was said and when, also when the patient is well.
  - id: fu_record_when
    type: single
    level: application
    prompt: A patient describes pins and needles in her left foot on the call. How do you record it?
    objectives: [call_record]
    choices:
      - { id: words, text: "In her own words, pins and needles in the left foot, with the time" }
      - { id: fine, text: As the patient is fine }
      - { id: skip, text: Leave it out since it is probably nothing }
    correct: words
    rationale: The patient's own words keep what was reported exact, for the clinician who reads it.
`;

const EVALUATION_QUESTION = `    - id: ${NEW_AUTHOR.evaluationQuestion}
      type: text
      prompt: Was the lesson on follow-up calls useful in your work? (optional)
      required: false
      max_length: 500
`;

function edit(dir: string, rel: string, change: (text: string) => string): void {
  const file = join(dir, rel);
  const before = readFileSync(file, 'utf8');
  const after = change(before);
  // An edit that no longer applies would test nothing: say which one.
  if (after === before) throw new Error(`the new author's edit of ${rel} no longer applies: update tests/support/new-author.ts`);
  writeFileSync(file, after);
}

/**
 * The new author's task of the checklist in docs/authors.md, on a copy of the content in `dir`: a seventh
 * lesson with two objectives (the limit lowered under `rules:`), its knowledge check, four exam
 * items, the pass mark from 80 to 75 (exam and manifest), an optional evaluation question, and
 * the provider's name and release date filled in. Only what docs/authors.md lets an author change.
 */
export function applyNewAuthorEdit(dir: string): void {
  writeFileSync(join(dir, 'lessons/07-follow-up.md'), LESSON);
  writeFileSync(join(dir, 'quizzes/follow-up-check.yaml'), CHECK);
  edit(
    dir,
    'quizzes/final-exam.yaml',
    (t) => `${t.replace(/^pass_mark: 80$/m, `pass_mark: ${NEW_AUTHOR.passMark}`).trimEnd()}\n${EXAM_ITEMS}`,
  );
  edit(dir, 'imsmanifest.xml', (t) =>
    t.replace('<adlcp:masteryscore>80</adlcp:masteryscore>', `<adlcp:masteryscore>${NEW_AUTHOR.passMark}</adlcp:masteryscore>`),
  );
  edit(dir, 'course.yaml', (t) =>
    t
      .replace(/objectives_per_lesson: \{ min: 3, max: 5 \}/, 'objectives_per_lesson: { min: 2, max: 5 }')
      .replace(/^( {2}name:) TO BE COMPLETED BY THE PROVIDER$/m, `$1 ${NEW_AUTHOR.provider}`)
      .replace(/^release_date: TO BE COMPLETED BY THE PROVIDER$/m, `release_date: ${NEW_AUTHOR.releaseDate}`)
      .replace(/^(\s+max_length: 1000\n)/m, `$1${EVALUATION_QUESTION}`),
  );
}

/** A temporary copy of the fixture content (not the shipped one, which an author may have edited already) with the edit applied. */
export function newAuthorCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'new-author-'));
  for (const entry of CONTENT_FILES) cpSync(join(FIXTURE, entry), join(dir, entry), { recursive: true });
  applyNewAuthorEdit(dir);
  return dir;
}

/** The copy as a whole project (its own src, the same node_modules), for the tools that build a root. */
export function linkProject(dir: string): void {
  for (const entry of ['src', 'vite.config.ts', 'index.html', 'tsconfig.json', 'package.json'])
    cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
}
