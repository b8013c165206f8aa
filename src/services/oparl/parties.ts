// Parties as OParl Organizations (organizationType "Partei"), derived from the party letters
// on memberships: the minutes print "(A)", "(V)", so the letter is what we know for sure.
// The national list letters have well-known names; a local list keeps its letter.
const nationalParties: Record<string, string> = {
  A: 'Socialdemokratiet',
  B: 'Radikale Venstre',
  C: 'Det Konservative Folkeparti',
  D: 'Nye Borgerlige',
  F: 'SF – Socialistisk Folkeparti',
  I: 'Liberal Alliance',
  K: 'Kristendemokraterne',
  M: 'Moderaterne',
  O: 'Dansk Folkeparti',
  V: 'Venstre',
  Æ: 'Danmarksdemokraterne',
  Ø: 'Enhedslisten',
  Å: 'Alternativet',
};

/** The letter as stored, without parentheses or spaces ("(A)" → "A"); null when none is left. */
export function partyLetter(raw: string | null): string | null {
  const letter = (raw ?? '').replace(/[()\s]/g, '');
  return letter === '' ? null : letter;
}

export function partyName(letter: string): string {
  return nationalParties[letter] ?? `Liste ${letter}`;
}
