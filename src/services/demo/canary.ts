// A phrase that appears only in the demo's closed case text and closed attachment. Tests look
// for it in every public page, feed and API response: if it shows up, a closed item leaked.
export const DEMO_CLOSED_CANARY = 'FORTROLIG-KANARIE';
