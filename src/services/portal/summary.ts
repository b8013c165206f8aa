// A meeting as the portal's lists show it. Its own file so the page use cases beside
// portal.ts (cases.ts) can share it without importing portal.ts, which imports them.
import type { Meeting } from '../../domain/meeting.js';

export interface MeetingSummary extends Meeting {
  organizationName: string;
  /** "Aflyst" for a cancelled meeting, else the state label. */
  stateLabel: string;
}
