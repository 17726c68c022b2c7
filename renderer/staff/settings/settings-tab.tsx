import { useCallback, useId, useMemo, useState, type FormEvent } from 'react';
import type { SettingChange, SettingsPreview, SettingsView } from '../../../shared/api/settings';
import { formatDateTime } from '../../../shared/date-format';
import { translate, type Language } from '../../../shared/messages';
import { noticeSections } from '../../../shared/notice';
import { HIDDEN_SECRET, isSecretKey, SETTING_KEYS, settingInput, valueAt } from '../../../shared/settings/config-paths';
import type { SettingProblem } from '../../../shared/settings/setting-problems';
import { ScreenHeading } from '../../screen-heading';
import { ErrorLine } from '../kit/error-line';
import type { StaffTabProps } from '../kit/tab-props';
import { useLoaded } from '../kit/use-loaded';
import { announceDeskChanged } from '../kit/desk-changed';
import { rebaseDraft, type Draft } from './rebase-draft';
import { GROUP_TITLES, groupOf, SETTING_LABELS, SETTING_OPTION_LABELS, type SettingGroup } from './setting-labels';
import { settingsText } from './settings-texts';
import './settings-tab.css';

const GROUPS = Object.keys(GROUP_TITLES) as SettingGroup[];

/** A setting's value as its field shows it. */
function shownValue(key: string, value: unknown): string | boolean {
  const input = settingInput(key);
  if (input.kind === 'boolean') return value === true;
  if (isSecretKey(key)) return '';
  if (value === null || value === undefined) return '';
  if (input.kind === 'json') return JSON.stringify(value);
  return String(value);
}

/** A field's text as the value to save; a JSON field that does not parse is reported, not sent. */
function parsedValue(key: string, shown: string | boolean): { value: unknown } | { invalidJson: true } {
  const input = settingInput(key);
  if (input.kind === 'boolean') return { value: shown === true };
  const text = String(shown).trim();
  if (text === '' && input.nullable) return { value: null };
  if (input.kind === 'integer' || input.kind === 'number')
    return { value: text === '' ? null : Number(text.replace(',', '.')) };
  if (input.kind === 'json') {
    try {
      return { value: JSON.parse(text) as unknown };
    } catch {
      return { invalidJson: true };
    }
  }
  return { value: text };
}

/** The admin's settings: every key of config.json by group, checked as at start-up, applied at once. */
export function SettingsTab({ client, language, timeZone }: StaffTabProps) {
  const load = useCallback(() => client.invoke('settings.show', {}), [client]);
  const { value: view, reload } = useLoaded(load);
  const text = settingsText[language];
  return (
    <>
      <ScreenHeading>{text.title}</ScreenHeading>
      <p className="lead">{text.lead}</p>
      {view &&
        GROUPS.map((group) => (
          <SettingsGroup
            key={group}
            group={group}
            view={view}
            client={client}
            language={language}
            timeZone={timeZone}
            onSaved={reload}
          />
        ))}
    </>
  );
}

function SettingsGroup({
  group,
  view,
  client,
  language,
  timeZone,
  onSaved,
}: {
  group: SettingGroup;
  view: SettingsView;
  client: StaffTabProps['client'];
  language: Language;
  /** The kiosk's zone (config.timeZone): the inspection's recording times are shown in it. */
  timeZone: string;
  onSaved: () => Promise<void>;
}) {
  const text = settingsText[language];
  const headingId = useId();
  const keys = useMemo(() => SETTING_KEYS.filter((key) => groupOf(key) === group), [group]);
  const initial = useMemo(
    () => Object.fromEntries(keys.map((key) => [key, shownValue(key, valueAt(view.config, key))])),
    [keys, view],
  );
  const [draft, setDraft] = useState<Draft>(initial);
  // Saved (here or elsewhere): untouched fields show the settings now in force, typed ones keep the typing.
  const [draftOf, setDraftOf] = useState(initial);
  if (draftOf !== initial) {
    setDraftOf(initial);
    setDraft(rebaseDraft(draft, draftOf, initial));
  }
  const [problems, setProblems] = useState<SettingProblem[]>([]);
  const [preview, setPreview] = useState<Extract<SettingsPreview, { valid: true }> | null>(null);
  const [pending, setPending] = useState<SettingChange[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const label = (key: string) => SETTING_LABELS[key]?.[language] ?? key;

  function changes(): SettingChange[] | null {
    const out: SettingChange[] = [];
    const local: SettingProblem[] = [];
    for (const key of keys) {
      if (draft[key] === initial[key]) continue;
      const parsed = parsedValue(key, draft[key]!);
      if ('invalidJson' in parsed) local.push({ key, code: 'format', message: text.notJson });
      else out.push({ key, value: parsed.value as SettingChange['value'] });
    }
    setProblems(local);
    return local.length > 0 ? null : out;
  }

  async function save(list: SettingChange[], confirmed: boolean) {
    const result = await client.invoke('settings.save', { changes: list, confirmed });
    if (!result.ok) {
      setFailure(translate(result.error.key, language, result.error.params));
      return;
    }
    if (result.value.outcome === 'invalid') setProblems(result.value.problems);
    else if (result.value.outcome === 'saved') {
      announceDeskChanged();
      setPreview(null);
      setPending(null);
      // What was saved now reads as the kiosk shows it ("1,5" as "1.5", a password as an empty field).
      const saved = Object.fromEntries(list.map((change) => [change.key, shownValue(change.key, change.value)]));
      setDraft((current) => ({ ...current, ...saved }));
      setMessage(result.value.changed.length ? text.saved : text.nothingChanged);
      await onSaved();
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    setFailure(null);
    const list = changes();
    if (!list) return;
    if (list.length === 0) {
      setMessage(text.nothingChanged);
      return;
    }
    setBusy(true);
    try {
      const result = await client.invoke('settings.preview', { changes: list });
      if (!result.ok) {
        setFailure(translate(result.error.key, language, result.error.params));
        return;
      }
      if (!result.value.valid) {
        setProblems(result.value.problems);
        return;
      }
      const { effects } = result.value;
      // What touches the promise is shown first and saved only when confirmed.
      if (result.value.needsConfirmation || effects.notice || effects.recorders) {
        setPreview(result.value);
        setPending(list);
        return;
      }
      await save(list, false);
    } finally {
      setBusy(false);
    }
  }

  async function testMail() {
    setMessage(null);
    setFailure(null);
    const result = await client.invoke('settings.testMail', {});
    if (!result.ok) setFailure(translate(result.error.key, language, result.error.params));
    else if (result.value.sent) setMessage(text.testMailSent(result.value.to.join(', ')));
    else if (result.value.reason === 'notConfigured') setFailure(text.testMailOff);
    else setFailure(text.testMailFailed(result.value.stage, result.value.serverMessage));
  }

  const problemFor = (key: string) =>
    problems.filter((problem) => problem.key === key || problem.key.startsWith(`${key}.`));
  const otherProblems = problems.filter((problem) => !keys.some((key) => problemFor(key).includes(problem)));

  return (
    <section className="settings-group" aria-labelledby={headingId}>
      <h2 id={headingId}>{GROUP_TITLES[group][language]}</h2>
      {keys.length === 0 ? (
        <p className="note">{text.noSettings}</p>
      ) : (
        <form onSubmit={submit} noValidate autoComplete="off">
          <div className="settings-fields">
            {keys.map((key) => (
              <SettingField
                key={key}
                settingKey={key}
                label={label(key)}
                value={draft[key]!}
                secretSet={isSecretKey(key) && valueAt(view.config, key) === HIDDEN_SECRET}
                language={language}
                errors={problemFor(key).map((problem) => text.problem(label(problem.key) ?? problem.key, problem))}
                onChange={(value) => setDraft((current) => ({ ...current, [key]: value }))}
              />
            ))}
          </div>
          {otherProblems.map((problem) => (
            <ErrorLine key={problem.key + problem.message} message={text.problem(label(problem.key), problem)} />
          ))}
          {preview && pending && <Effects preview={preview} language={language} timeZone={timeZone} />}
          <ErrorLine message={failure} />
          {message && (
            <p className="settings-saved" role="status">
              {message}
            </p>
          )}
          <div className="actions">
            {preview && pending ? (
              <>
                <button type="button" className="secondary" onClick={() => (setPreview(null), setPending(null))}>
                  {text.cancel}
                </button>
                <button type="button" className="primary" disabled={busy} onClick={() => void save(pending, true)}>
                  {text.confirmSave}
                </button>
              </>
            ) : (
              <>
                {group === 'mail' && (
                  <button type="button" className="secondary" onClick={() => void testMail()}>
                    {text.testMail}
                  </button>
                )}
                <button type="submit" className="primary" disabled={busy}>
                  {text.save}
                </button>
              </>
            )}
          </div>
        </form>
      )}
    </section>
  );
}

function SettingField({
  settingKey,
  label,
  value,
  secretSet,
  language,
  errors,
  onChange,
}: {
  settingKey: string;
  label: string;
  value: string | boolean;
  secretSet: boolean;
  language: Language;
  errors: string[];
  onChange: (value: string | boolean) => void;
}) {
  const id = useId();
  const input = settingInput(settingKey);
  const text = settingsText[language];
  const described = errors.length ? `${id}-error` : undefined;
  const common = { id, 'aria-invalid': errors.length > 0, 'aria-describedby': described, 'data-setting': settingKey };
  let control;
  if (input.kind === 'boolean')
    control = (
      <input
        type="checkbox"
        {...common}
        checked={value === true}
        onChange={(event) => onChange(event.target.checked)}
      />
    );
  else if (input.kind === 'choice')
    control = (
      <select {...common} value={String(value)} onChange={(event) => onChange(event.target.value)}>
        {input.options.map((option) => (
          <option key={option} value={option}>
            {SETTING_OPTION_LABELS[settingKey]?.[option]?.[language] ?? option}
          </option>
        ))}
      </select>
    );
  else if (input.kind === 'json')
    control = (
      <textarea {...common} rows={2} value={String(value)} onChange={(event) => onChange(event.target.value)} />
    );
  else
    control = (
      <input
        {...common}
        type={isSecretKey(settingKey) ? 'password' : 'text'}
        inputMode={input.kind === 'integer' ? 'numeric' : input.kind === 'number' ? 'decimal' : undefined}
        placeholder={isSecretKey(settingKey) ? (secretSet ? text.passwordSet : text.passwordUnset) : undefined}
        value={String(value)}
        onChange={(event) => onChange(event.target.value)}
        autoComplete={isSecretKey(settingKey) ? 'new-password' : 'off'}
      />
    );
  return (
    <div
      className={`field setting-field ${input.kind === 'boolean' ? 'setting-check' : ''} ${errors.length ? 'has-error' : ''}`}
    >
      <label htmlFor={id}>{label}</label>
      {control}
      {errors.length > 0 && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {errors.join(' ')}
        </p>
      )}
    </div>
  );
}

function Effects({
  preview,
  language,
  timeZone,
}: {
  preview: Extract<SettingsPreview, { valid: true }>;
  language: Language;
  timeZone: string;
}) {
  const text = settingsText[language];
  const { effects } = preview;
  return (
    <div className="settings-effects" role="region" aria-label={text.effectsTitle}>
      <h3>{text.effectsTitle}</h3>
      {preview.needsConfirmation && (
        <p className="settings-erases">
          {text.erases(effects.visitsErasedNextRun ?? 0, effects.visitsErasedByChange ?? 0)}
        </p>
      )}
      {effects.recorders &&
        ('inspection' in effects.recorders ? (
          <div className="settings-recorders">
            <h4>{text.recorderTitle(effects.recorders.inspection.root)}</h4>
            <p>{text.recorderFiles(effects.recorders.inspection.files, effects.recorders.inspection.layouts.length)}</p>
            <ul>
              {effects.recorders.inspection.layouts.slice(0, 5).map((layout) => (
                <li key={`${layout.folderPattern}-${layout.layout}`}>
                  <strong>{layout.title ?? layout.layout ?? '–'}</strong>: {layout.folderPattern} ({layout.files})
                  <ul>
                    {layout.samples.slice(0, 3).map((sample) => (
                      <li key={sample.path}>
                        {sample.path} – {sample.cameraName}, {formatDateTime(sample.recordedAt, timeZone, language)}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p className="settings-erases">{text.recorderError(effects.recorders.detail)}</p>
        ))}
      {effects.notice && (
        <div className="settings-notice">
          <h4>{text.noticeTitle}</h4>
          {(['nl', 'en'] as const).map((noticeLanguage) => (
            <div key={noticeLanguage} lang={noticeLanguage} className="settings-notice-text">
              {noticeSections(effects.notice!.after, noticeLanguage).map((section) => (
                <div key={section.heading}>
                  <h5>{section.heading}</h5>
                  {section.paragraphs.map((paragraph) => (
                    <p key={paragraph}>{paragraph}</p>
                  ))}
                </div>
              ))}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
