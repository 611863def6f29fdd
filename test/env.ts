/** Settings for a server a test or benchmark drives itself: no sweeps on a timer, no job polling; the test drains the workers when it chooses. */
export const WORKERS_DRIVEN_BY_TEST = { REMINDER_INTERVAL_SECONDS: '0', JOB_POLL_SECONDS: '0' } as const;
