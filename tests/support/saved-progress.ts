import { initialState, type CourseState } from '../../src/course/state.ts';
import { decodeState, encodeState, type DecodeResult, type SaveStamp } from '../../src/course/suspend-codec.ts';
import { courseData } from './flows.ts';

/**
 * `cmi.suspend_data` read as the course reads it: the state, when and for which LMS record
 * it was saved. Tests assert on these fields, never on the format's layout. Anything but a
 * string (a value the LMS does not have, a call not made) reads as nothing saved.
 */
export async function readSaved(suspendData: unknown): Promise<DecodeResult> {
  return decodeState(await courseData(), typeof suspendData === 'string' ? suspendData : '');
}

/** `cmi.suspend_data` as the course writes it, for `state` (over a fresh start) saved for one LMS record. */
export function savedProgress(stamp: SaveStamp, state: Partial<CourseState> = {}): string {
  return encodeState({ ...initialState(), ...state }, stamp);
}
