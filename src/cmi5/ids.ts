/**
 * The package's own IRIs, one source for cmi5.xml and the AU: derived from the provider's
 * activity id (or, until it is given, the manifest's identifier), as the zips are named.
 * Allowed statements use them too, so a question keeps one id whichever LMS launched it.
 */
export interface Cmi5Ids {
  course: string;
  au: string;
  /** An exam question, evaluation answer or other record by its interaction id. */
  record(interactionId: string): string;
  /** Marks evaluation answers as survey responses (a context category). */
  survey: string;
  /** The CE record's result extension keys, by its `ce-…` id. */
  ceExtension(id: string): string;
}

export function cmi5Ids(activityIdOrCourseId: string): Cmi5Ids {
  const slug = activityIdOrCourseId.replace(/[^0-9A-Za-z._-]+/g, '-').replace(/^[-.]+|-+$/g, '') || 'course';
  const base = `urn:course:${slug}`;
  return {
    course: base,
    au: `${base}:au`,
    record: (id) => `${base}:record:${encodeURIComponent(id)}`,
    survey: `${base}:category:survey-response`,
    ceExtension: (id) => `${base}:ce-record:${id}`,
  };
}
