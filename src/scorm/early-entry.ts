// The classic script in a SCORM package's <head> (vite.config.ts): Initialize before the course's script loads.
import { openEarly } from './early-open.ts';

openEarly(window, document.querySelector<HTMLMetaElement>('meta[name="scorm-version"]')?.content);
