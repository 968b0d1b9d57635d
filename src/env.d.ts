/// <reference types="vite/client" />
declare module 'virtual:course' {
  import type { Course } from './course/types.ts';
  const course: Course;
  export default course;
}
