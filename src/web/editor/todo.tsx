// "Mangler" on /redigering: the secretariat's to-do list (services/lifecycle/todo.ts), each
// entry linked to the screen where the work is done.
import { formatDate } from '../../render/format.js';
import type { TodoEntry, TodoKind } from '../../services/lifecycle/todo.js';
import { approvalsPath, roomPath } from './meeting-room-fields.js';

const heading: Record<TodoKind, string> = {
  minutes_missing: 'Afholdt uden referat',
  approvals_missing: 'Referatet venter på godkendelse',
  publication_missing: 'Godkendt, men ikke offentliggjort',
};

const action: Record<TodoKind, { label: string; href: (id: string) => string }> = {
  minutes_missing: { label: 'Registrér fremmøde og beslutninger', href: roomPath },
  approvals_missing: { label: 'Se godkendelserne', href: approvalsPath },
  publication_missing: { label: 'Offentliggør referatet', href: approvalsPath },
};

export function TodoSection(props: { entries: TodoEntry[] }) {
  const kinds = (Object.keys(heading) as TodoKind[]).filter((k) => props.entries.some((e) => e.kind === k));
  return (
    <section aria-labelledby="mangler" class="todo">
      <h2 id="mangler">Mangler</h2>
      {kinds.length === 0 ? (
        <p>Ingen afholdte møder mangler referat, godkendelse eller offentliggørelse.</p>
      ) : (
        kinds.map((k) => (
          <>
            <h3 class="h4">{heading[k]}</h3>
            <ul class="todo-list">
              {props.entries
                .filter((e) => e.kind === k)
                .map((e) => (
                  <li>
                    {`${e.meeting.organizationName}, ${formatDate(e.meeting.date)}`}
                    {e.missing.length > 0 ? <span class="meta">{` – mangler: ${e.missing.join(', ')}`}</span> : null}{' '}
                    <a href={action[k].href(e.meeting.id)}>
                      {action[k].label}
                      <span class="sr-only">{`: ${e.meeting.organizationName}, ${formatDate(e.meeting.date)}`}</span>
                    </a>
                  </li>
                ))}
            </ul>
          </>
        ))
      )}
    </section>
  );
}
