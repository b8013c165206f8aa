// Every follow as a feed, from the same engine as the mails: the newest meetings with a
// public agenda, each matched (matching.ts) against the one follow as if it were a
// subscription. So a feed reader or a calendar gets exactly what a subscriber's mail would
// have held, and never more than the public search sees.
import { recentPublicMeetings } from '../../storage/repositories/alert-events.js';
import type { SubscriptionRow } from '../../storage/repositories/subscriptions.js';
import { minutesArePublic } from '../../domain/meeting.js';
import type { MeetingState } from '../../domain/meeting.js';
import type { AlertMeeting } from '../../storage/repositories/alert-events.js';
import type { AlertDeps, SubscriptionKind } from './deps.js';
import { type AlertMatch, matchPublication } from './matching.js';

/** How many of the newest public meetings a follow feed looks at. */
export const FOLLOW_FEED_MEETINGS = 40;

export interface FollowFeedItem {
  meeting: AlertMeeting;
  kind: 'agenda' | 'minutes';
  match: AlertMatch;
}

export async function followFeed(
  deps: AlertDeps,
  follow: { kind: SubscriptionKind; target: string | null; query: string | null; label: string },
): Promise<FollowFeedItem[]> {
  const virtual: SubscriptionRow = {
    id: 'feed',
    email: '',
    ...follow,
    frequency: 'instant',
    confirmedAt: deps.now().toISOString(),
    createdAt: deps.now().toISOString(),
    lastDigestAt: null,
  };
  const out: FollowFeedItem[] = [];
  for (const m of await recentPublicMeetings(deps.database.db, FOLLOW_FEED_MEETINGS)) {
    const kind = minutesArePublic(m.state as MeetingState) ? 'minutes' : 'agenda';
    const { meeting, matches } = await matchPublication(deps, { kind, meetingId: m.id }, { subscriptions: [virtual] });
    const match = matches.get(virtual);
    if (match) out.push({ meeting, kind, match });
  }
  return out;
}
