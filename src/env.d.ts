/// <reference types="vite/client" />
declare module 'virtual:course' {
  import type { Course } from './course/types.ts';
  const course: Course;
  export default course;
  /** Its learning time in minutes (`estimatedMinutes`), counted at build time. */
  export const minutes: number;
}
