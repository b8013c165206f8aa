// The records beside an item's decision, as the public sees them: who did not take part, who
// was disqualified, the vote as a table and the minority's statements. The same for items
// decided in the meeting room and for imported minutes (whose records were read from the text).
import type { PublicAgendaItem, VoteChoice } from '../../domain/agenda-item.js';
import { withParty } from './components.js';

const choiceLabel: Record<VoteChoice, string> = { for: 'For', against: 'Imod', abstain: 'Undlod at stemme' };

/** "A, C og F": a Danish list. */
function listed(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} og ${names.at(-1)}`;
}

/** Statements of the same words by several members or parties are shown once, with all their names. */
function groupedDissents(dissents: PublicAgendaItem['dissents']): { names: string[]; text: string }[] {
  const out: { names: string[]; text: string }[] = [];
  for (const d of dissents) {
    const same = out.find((g) => g.text === d.text);
    if (same) same.names.push(withParty(d));
    else out.push({ names: [withParty(d)], text: d.text });
  }
  return out;
}

export function DecisionRecords(props: { item: Pick<PublicAgendaItem, 'number' | 'absences' | 'disqualifications' | 'dissents' | 'votes'> }) {
  const item = props.item;
  return (
    <>
      {item.absences.length > 0 ? (
        <p>
          <strong>Deltog ikke i behandlingen:</strong> {listed(item.absences.map(withParty))}
        </p>
      ) : null}
      {item.disqualifications.map((d) => (
        <p>
          <strong>Inhabil:</strong> {withParty(d)}
          {d.reason ? ` – ${d.reason}` : ''}
        </p>
      ))}
      {item.votes.length > 0 ? (
        <div class="votes">
          <h3>Afstemning</h3>
          <div class="table-wrap">
            <table class="table vote-table">
              <caption class="sr-only">Afstemning om punkt {item.number}</caption>
              <thead>
                <tr>
                  <th scope="col">Stemme</th>
                  <th scope="col">Hvem</th>
                  <th scope="col">Antal</th>
                </tr>
              </thead>
              <tbody>
                {item.votes.map((v) => (
                  <tr>
                    <th scope="row">{choiceLabel[v.choice]}</th>
                    <td>{v.label === '' ? <span class="meta">ikke oplyst</span> : v.label}</td>
                    <td>{v.count === null ? <span class="meta">ikke oplyst</span> : v.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}
      {item.dissents.length > 0 ? (
        <div class="dissents">
          <h3>Mindretalsudtalelser og forbehold</h3>
          <ul>
            {groupedDissents(item.dissents).map((g) => (
              <li>
                <strong>{listed(g.names)}</strong>
                {g.text === '' ? '' : `: ${g.text}`}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
