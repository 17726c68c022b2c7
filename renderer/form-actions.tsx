/** A form's submit button and its way back to the start. */
export function FormActions({
  submit,
  busy,
  back,
  onBack,
}: {
  submit: string;
  busy: boolean;
  back: string;
  onBack: () => void;
}) {
  return (
    <div className="actions">
      <button type="submit" className="primary big" disabled={busy}>
        {submit}
      </button>
      <button type="button" className="tertiary" onClick={onBack}>
        {back}
      </button>
    </div>
  );
}
