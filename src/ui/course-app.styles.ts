import { css } from 'lit';

/**
 * The course shell: the header with its progress and Exit, the contents menu beside the main
 * column, the narrow course's contents panel, and print.
 */
export const courseAppStyles = css`
  /*
   * The course sizes itself by its own width, not the screen's: in an LMS it runs in a
   * frame (about 700 px wide in Moodle's player on a laptop), and the shell's container
   * width is what the header and the contents menu have to fit.
   */
  :host {
    display: block;
    min-height: 100vh;
    background: var(--bg);
    container: course / inline-size;
  }
  .skip {
    position: absolute;
    left: 0.5rem;
    top: -4rem;
    background: var(--surface);
    color: var(--accent);
    padding: 0.75rem 1rem;
    z-index: 10;
  }
  .skip:focus {
    top: 0.5rem;
  }
  header {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto auto;
    gap: 0 1.25rem;
    align-items: center;
    padding: 0.625rem 1.25rem;
    border-bottom: 1px solid var(--line);
    background: var(--surface);
    /* The header is a tool bar, not body text: it keeps 16 px where the body grows to 19 px. */
    font-size: var(--font-size-m);
  }
  header > :not(.saving) {
    grid-row: 1;
  }
  .course-title {
    font-weight: 600;
    font-size: var(--font-size-s);
    margin: 0;
    order: -1;
  }
  /*
   * Exit comes first in the source, so that in a narrow course the contents follow their
   * button in the tab order; it is the header's only control where the course is wide, so
   * showing it at the end there leaves the focus order as it was.
   */
  .exit {
    order: 1;
  }
  .progress {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    color: var(--muted);
    font-size: 0.9rem;
    white-space: nowrap;
  }
  /* Announced where it is, shown on its own line under the row when there is something to say. */
  .saving {
    grid-column: 1 / -1;
    grid-row: 2;
    color: var(--muted);
    font-size: 0.9rem;
  }
  progress {
    width: 8rem;
    max-width: 40vw;
    height: 0.6rem;
    accent-color: var(--accent);
  }
  .menu-toggle {
    display: none;
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(12rem, 18rem) minmax(0, 1fr);
    max-width: 72rem;
    margin: 0 auto;
    position: relative;
  }
  /* Beside the lesson, the contents stay in view while it scrolls (the course's own scroller). */
  course-menu {
    padding: 1rem 1.25rem;
    border-right: 1px solid var(--line);
    position: sticky;
    top: 0;
    align-self: start;
    max-height: 100vh;
    box-sizing: border-box;
    overflow-y: auto;
  }
  /* After exit there is nothing to navigate: the title and the progress, on one row at every width. */
  header.exited {
    grid-template-columns: minmax(0, 1fr) auto;
  }
  .layout.exited {
    grid-template-columns: minmax(0, 1fr);
    max-width: 48rem;
  }
  main {
    padding: 1rem 1.5rem 3rem;
    max-width: 48rem;
    min-width: 0;
    overflow-wrap: break-word;
  }
  /*
   * A narrow course (a phone, a tablet, an LMS frame): one header row with the contents
   * button, the title as far as it fits, the progress and Exit; the contents open as a
   * panel over the top of the page instead of pushing the lesson down.
   */
  @container course (max-width: 48rem) {
    header {
      grid-template-columns: auto minmax(0, 1fr) auto auto;
      gap: 0 0.5rem;
      padding: 0.375rem 0.75rem;
    }
    .menu-toggle {
      justify-self: end;
      display: inline-flex;
      align-items: center;
      gap: 0.4rem;
      padding: 0.4rem 0.75rem;
      font-size: var(--font-size-s);
    }
    .menu-toggle svg {
      width: 1.1em;
      height: 1.1em;
      flex: none;
    }
    .course-title {
      margin: 0;
      font-size: var(--font-size-s);
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .progress-words {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    /* Short beside its words, so the short title fits whole in Moodle's 714 px frame. */
    progress {
      width: 3rem;
    }
    .course-title,
    .exit {
      order: 0;
    }
    .exit {
      padding: 0.4rem 0.75rem;
      font-size: var(--font-size-s);
    }
    .saving {
      font-size: var(--font-size-s);
    }
    .layout {
      grid-template-columns: minmax(0, 1fr);
    }
    course-menu {
      display: none;
      position: absolute;
      max-height: none;
      overflow-y: visible;
      z-index: 5;
      top: 0;
      right: 0;
      width: min(24rem, 100%);
      box-sizing: border-box;
      padding: 0.75rem 1rem 1rem;
      border: 1px solid var(--line);
      border-top: 0;
      background: var(--surface);
      box-shadow: 0 0.5rem 1.25rem rgb(0 0 0 / 0.25);
    }
    course-menu.open {
      display: block;
    }
    main {
      padding: 0.5rem 1rem 3rem;
    }
  }
  /* A phone: the title gives way to the controls, the progress bar keeps its words on a second row. */
  @container course (max-width: 30rem) {
    header {
      grid-template-columns: auto minmax(0, 1fr) auto;
      gap: 0.25rem 0.5rem;
      padding: 0.375rem 0.5rem;
    }
    .course-title {
      display: none;
    }
    header.exited {
      grid-template-columns: minmax(0, 1fr);
    }
    /* Exit, the colour scheme and Contents on the first row; the progress on its own row under them. */
    header > .progress {
      grid-row: 2;
      grid-column: 1 / -1;
      justify-self: start;
      gap: 0.35rem;
      font-size: var(--font-size-s);
    }
    header > .scheme {
      justify-self: end;
    }
    .saving {
      grid-row: 3;
    }
    progress {
      width: 4rem;
    }
    .exit,
    .menu-toggle {
      padding: 0.4rem 0.6rem;
    }
  }
  @media print {
    :host {
      background: #fff;
      color: #000;
      min-height: 0;
    }
    header,
    .skip,
    .notice,
    course-menu,
    course-menu.open {
      display: none;
    }
    .layout {
      display: block;
    }
    main {
      max-width: none;
      padding: 0;
    }
  }
`;
