/**
 * Every question type's element: each module in this folder defines one with
 * `defineQuestionElement`, named for its type (`label_diagram` → `label-diagram.ts`).
 */
import.meta.glob(['./*.ts', '!./index.ts', '!./question-base.ts'], { eager: true });

export { questionElement } from './question-base.ts';
