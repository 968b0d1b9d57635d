/** What an LMS puts on a cmi5 AU's launch URL (cmi5 8.1): all five, or it is not a cmi5 launch. */
export interface Cmi5LaunchParams {
  /** The LRS's xAPI endpoint, ending in `/`. */
  endpoint: string;
  /** Where the AU POSTs once for its authorization token. */
  fetch: string;
  actor: Cmi5Actor;
  registration: string;
  /** The AU's activity id as this LMS knows it (the object of cmi5 defined statements). */
  activityId: string;
}

export interface Cmi5Actor {
  objectType?: 'Agent';
  name?: string;
  account: { homePage: string; name: string };
}

function isActor(v: unknown): v is Cmi5Actor {
  if (typeof v !== 'object' || v === null) return false;
  const account = (v as { account?: unknown }).account;
  return (
    typeof account === 'object' &&
    account !== null &&
    typeof (account as { homePage?: unknown }).homePage === 'string' &&
    typeof (account as { name?: unknown }).name === 'string'
  );
}

/** The cmi5 launch parameters of a URL's query, or null when any is missing or malformed (then the course looks for SCORM). */
export function readCmi5Launch(search: string): Cmi5LaunchParams | null {
  const q = new URLSearchParams(search);
  const endpoint = q.get('endpoint');
  const fetchUrl = q.get('fetch');
  const registration = q.get('registration');
  const activityId = q.get('activityId');
  const actorText = q.get('actor');
  if (!endpoint || !fetchUrl || !registration || !activityId || !actorText) return null;
  let actor: unknown;
  try {
    actor = JSON.parse(actorText);
  } catch {
    return null;
  }
  if (!isActor(actor)) return null;
  return { endpoint: endpoint.endsWith('/') ? endpoint : `${endpoint}/`, fetch: fetchUrl, actor, registration, activityId };
}
