// The start, end and place of a meeting: the same three fields on "Opret møde", "Opret
// mødeserie" and the meeting editor, so their labels, hints and widths stay one.
import { TextField } from './forms.js';

export function MeetingTimeAndPlaceFields(props: {
  values: { start?: string | undefined; end?: string | undefined; location?: string | undefined };
  errors: Record<string, string | undefined>;
}) {
  const { values, errors } = props;
  return (
    <>
      <TextField
        id="start"
        type="time"
        label="Starttidspunkt"
        optional
        hint="TT:MM, fx 16:30"
        inputClass="input-width-xs"
        value={values.start}
        error={errors.start}
      />
      <TextField id="end" type="time" label="Sluttidspunkt" optional hint="TT:MM, fx 18:00" inputClass="input-width-xs" value={values.end} error={errors.end} />
      <TextField id="location" label="Mødested" optional value={values.location} error={errors.location} />
    </>
  );
}
