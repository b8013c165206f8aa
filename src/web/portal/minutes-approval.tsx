// The approval of the published minutes on the public meeting page: who approved which version
// (and how, when the secretariat recorded it), a correction marked "Rettet <dato>" with its
// change note, and a corrected version that waits for fresh approvals. Names and times only:
// who pressed the button is not public.
import type { PublicationSummary } from '../../domain/publication.js';
import { awaitingLine, correctionLines, mannerText } from '../../render/approval-text.js';
import { formatInstant } from '../../render/format.js';
import type { MinutesApprovalRecord } from '../../services/lifecycle/minutes-approval-status.js';
import { Alert } from './components.js';

export function MinutesApprovalSection(props: { record: MinutesApprovalRecord; versions: PublicationSummary[] }) {
  const { record } = props;
  const minutes = props.versions.filter((v) => v.kind === 'minutes');
  const corrections = correctionLines(record.approvedVersion, minutes);
  const awaiting = awaitingLine(record.approvedVersion, record.awaitingVersion);
  if (corrections.length === 0 && awaiting === null && record.approved.length === 0) return null;
  return (
    <section aria-labelledby="godkendelse" class="minutes-approval">
      <h2 id="godkendelse">Godkendelse af referatet</h2>
      {awaiting ? <Alert variant="info">{awaiting}</Alert> : null}
      {corrections.map((line) => (
        <Alert variant="warning">{line}</Alert>
      ))}
      {record.approved.length > 0 ? (
        <>
          <p>{`Godkendt (version ${record.approvedVersion ?? 1}) af:`}</p>
          <ul>
            {record.approved.map((a) => {
              const how = mannerText(a.givenHow);
              return <li>{`${a.name}, ${formatInstant(a.approvedAt)}${how ? ` (godkendt ${how})` : ''}`}</li>;
            })}
          </ul>
        </>
      ) : null}
    </section>
  );
}
