/** Intents the views send up to the course shell. Properties go down, events go up. */
export interface CourseIntents {
  navigate: { location: string };
  'lesson-viewed': { lessonId: string };
  answer: { quizId: string; questionId: string; choiceId: string };
  'submit-quiz': { quizId: string };
  'retry-quiz': { quizId: string };
}

export function intent<K extends keyof CourseIntents>(name: K, detail: CourseIntents[K]): CustomEvent<CourseIntents[K]> {
  return new CustomEvent(name, { detail, bubbles: true, composed: true });
}
