// The withdrawal screen's view (/redigering/moeder/:id/tilbagetraek): the published versions
// and the attachments, each with a "træk tilbage" form that asks for a reason, and the form
// that replaces a passage of an item by "[fjernet: <begrundelse>]" everywhere it was published.
// Routes in withdrawal.tsx. DKFDS markup; every refusal in the summary and at its field.
import { formatDate, formatDateShort } from '../../render/format.js';
import { publicationKindLabel } from '../../domain/publication.js';
import type { StaffMeeting } from '../../services/lifecycle/staff-views.js';
import type { WithdrawalOverview } from '../../services/lifecycle/withdrawal.js';
import { StateBadge, editorMeetingHref } from './common.js';
import { ErrorSummary, type FieldError, HiddenCsrf, Select, SubmitButton, TextArea, TextField, errorsByField } from './forms.js';
import { EditorLayout, SuccessAlert } from './layout.js';
import type { Viewer } from './page.js';

/** Where the screen lives; the meeting editor links here once something is published. */
export const withdrawalHref = (meetingId: string): string => `${editorMeetingHref(meetingId)}/tilbagetraek`;

/** Field ids, so the error summary and the service's `where` find the right form. */
export const versionReasonId = (kind: string, version: number): string => `grund-${kind}-${version}`;
export const fileReasonId = (fileId: string): string => `grund-bilag-${fileId}`;
export const REDACT_FIELDS = { itemId: 'fjern-punkt', text: 'fjern-tekst', reason: 'fjern-grund' } as const;

export interface WithdrawalPageProps {
  viewer: Viewer;
  meeting: StaffMeeting;
  overview: WithdrawalOverview;
  errors?: FieldError[];
  /** What the user typed, by field id, shown again after a refusal. */
  values?: Record<string, string>;
  message?: string | undefined;
}

const title = (m: StaffMeeting): string => `${m.organizationName}, ${formatDate(m.date)}`;

function Withdrawn(props: { at: string; by: string | null; reason: string | null }) {
  return (
    <span>
      <span class="badge badge-error">Trukket tilbage</span> {`${formatDateShort(props.at)}${props.by ? ` af ${props.by}` : ''}: ${props.reason ?? ''}`}
    </span>
  );
}

export function WithdrawalPage(props: WithdrawalPageProps) {
  const { meeting: m, overview, viewer } = props;
  const errors = props.errors ?? [];
  const byField = errorsByField(errors);
  const values = props.values ?? {};
  const base = withdrawalHref(m.id);
  const itemTitle = new Map(m.items.map((i) => [i.id, `Punkt ${i.number}: ${i.title}`]));
  const pageTitle = `Tilbagetræk og fjern tekst: ${title(m)}`;
  return (
    <EditorLayout
      title={errors.length > 0 ? `Fejl: ${pageTitle}` : pageTitle}
      principal={viewer.principal}
      csrfToken={viewer.csrf}
      section="meetings"
      breadcrumbs={[{ label: 'Møder', href: '/redigering' }, { label: title(m), href: editorMeetingHref(m.id) }, { label: 'Tilbagetræk' }]}
      summary={errors.length > 0 ? <ErrorSummary errors={errors} /> : props.message ? <SuccessAlert text={props.message} /> : null}
    >
      <h1>
        {pageTitle} <StateBadge state={m.state} cancelled={m.cancelled} />
      </h1>
      <p>
        Det, der trækkes tilbage eller fjernes, forsvinder fra portalen, de tidligere versioner, søgningen, feeds, PDF'erne, OParl og de åbne data. Begrundelsen
        skrives i revisionsloggen.
      </p>

      <h2 id="versioner">Offentliggjorte versioner</h2>
      <p>
        En tilbagetrukket version vises ikke længere. Trækkes den sidste version af referatet tilbage, er referatet ikke længere offentligt; trækkes den sidste
        version af dagsordenen tilbage (og intet referat står), er mødet ikke længere offentligt.
      </p>
      {overview.publications.length === 0 ? (
        <p>Intet er offentliggjort.</p>
      ) : (
        <ul class="nobullet-list">
          {overview.publications.map((p) => (
            <li>
              <h3 class="h5">{`${publicationKindLabel[p.kind]}, version ${p.version} (${formatDateShort(p.publishedAt)})`}</h3>
              {p.withdrawnAt !== null ? (
                <Withdrawn at={p.withdrawnAt} by={p.withdrawnBy} reason={p.withdrawnReason} />
              ) : (
                <form method="post" action={`${base}/version`}>
                  <HiddenCsrf token={viewer.csrf} />
                  <input type="hidden" name="kind" value={p.kind} />
                  <input type="hidden" name="version" value={String(p.version)} />
                  <TextField
                    id={versionReasonId(p.kind, p.version)}
                    name="reason"
                    label="Begrundelse"
                    value={values[versionReasonId(p.kind, p.version)]}
                    error={byField[versionReasonId(p.kind, p.version)]}
                  />
                  <SubmitButton label="Træk versionen tilbage" variant="warning" />
                </form>
              )}
            </li>
          ))}
        </ul>
      )}

      <h2 id="bilag">Bilag</h2>
      {overview.files.length === 0 ? (
        <p>Mødet har ingen bilag.</p>
      ) : (
        <ul class="nobullet-list">
          {overview.files.map((f) => (
            <li>
              <h3 class="h5">{`${f.title} (${f.fileName})`}</h3>
              <p>{itemTitle.get(f.agendaItemId ?? '') ?? ''}</p>
              {f.withdrawnAt !== null ? (
                <Withdrawn at={f.withdrawnAt} by={f.withdrawnBy} reason={f.withdrawnReason} />
              ) : (
                <form method="post" action={`${base}/bilag`}>
                  <HiddenCsrf token={viewer.csrf} />
                  <input type="hidden" name="fileId" value={f.id} />
                  <p>{f.public ? 'Offentligt bilag' : 'Lukket bilag'}</p>
                  <TextField id={fileReasonId(f.id)} name="reason" label="Begrundelse" value={values[fileReasonId(f.id)]} error={byField[fileReasonId(f.id)]} />
                  <SubmitButton label="Træk bilaget tilbage" variant="warning" />
                </form>
              )}
            </li>
          ))}
        </ul>
      )}

      <h2 id="fjern-tekst-overskrift">Fjern en tekst</h2>
      <p>
        Teksten erstattes med »[fjernet: begrundelse]« i punktets titel, tekst, beslutning, protokoltilførsler og bilagstitler og i alle offentliggjorte
        versioner. Tekst inde i en bilagsfil kan ikke ændres: træk bilaget tilbage i stedet.
      </p>
      <form method="post" action={`${base}/tekst`}>
        <HiddenCsrf token={viewer.csrf} />
        <Select
          id={REDACT_FIELDS.itemId}
          name="itemId"
          label="Punkt"
          options={m.items.map((i) => ({ value: i.id, label: `Punkt ${i.number}: ${i.title}` }))}
          value={values[REDACT_FIELDS.itemId]}
          error={byField[REDACT_FIELDS.itemId]}
        />
        <TextArea
          id={REDACT_FIELDS.text}
          name="text"
          label="Teksten, der skal fjernes"
          hint="Præcis som den står"
          rows={3}
          value={values[REDACT_FIELDS.text]}
          error={byField[REDACT_FIELDS.text]}
        />
        <TextField
          id={REDACT_FIELDS.reason}
          name="reason"
          label="Begrundelse"
          hint="Vises i teksten, fx »personoplysning«"
          value={values[REDACT_FIELDS.reason]}
          error={byField[REDACT_FIELDS.reason]}
        />
        <SubmitButton label="Fjern teksten" variant="warning" id="fjern-knap" />
      </form>
    </EditorLayout>
  );
}
