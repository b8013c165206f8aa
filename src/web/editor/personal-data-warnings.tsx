// The personal-data warnings of the meeting editor: e-mail addresses, phone numbers and street
// addresses found in what would be published (domain/personal-data.ts). They do not block
// publishing; each can be marked as checked (the same mark as a CPR false positive), after
// which it is no longer listed.
import { type PersonalDataWarning, personalDataKindLabel } from '../../domain/personal-data.js';
import { editorItemHref, editorMeetingHref } from './common.js';
import { ActionForm } from './forms.js';

/** "Telefonnummer 12 34 56 78 — Punkt 3 »Titel«, Sagsfremstilling, linje 2, kolonne 7". */
export function warningText(w: PersonalDataWarning): string {
  return `${personalDataKindLabel[w.kind]} »${w.value}« — ${w.location}`;
}

export function PersonalDataWarnings(props: { meetingId: string; warnings: readonly PersonalDataWarning[]; csrf: string }) {
  const { warnings } = props;
  return (
    <section aria-labelledby="persondata-kontrol">
      <h2 id="persondata-kontrol">Andre personoplysninger</h2>
      {warnings.length === 0 ? (
        <p>Ingen e-mailadresser, telefonnumre eller adresser på privatpersoner fundet i de offentlige tekster og bilag.</p>
      ) : (
        <>
          <p>
            {warnings.length === 1 ? 'Der er 1 mulig personoplysning' : `Der er ${warnings.length} mulige personoplysninger`} i det, der offentliggøres. De
            blokerer ikke offentliggørelsen, men kontrollér, om de tilhører en privatperson. Fjern dem i så fald, eller markér dem som kontrolleret.
          </p>
          <ul class="cpr-hits">
            {warnings.map((w) => (
              <li id={`persondata-${w.fingerprint.slice(0, 16)}`}>
                <span>{warningText(w)}</span>
                {w.itemId ? (
                  <>
                    {' '}
                    <a href={editorItemHref(w.itemId)}>Ret punkt {w.itemNumber ?? ''}</a>
                  </>
                ) : null}
                <ActionForm
                  action={`${editorMeetingHref(props.meetingId)}/cpr-kontrolleret`}
                  csrf={props.csrf}
                  label="Markér som kontrolleret"
                  srSuffix={`: ${personalDataKindLabel[w.kind]}, ${w.location}`}
                  hidden={{ fingerprint: w.fingerprint }}
                />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
