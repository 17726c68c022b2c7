import { useEffect, useState } from 'react';
import type { ExportRecord } from '../../../shared/api/privacy-exports';
import { formatDateTime } from '../../../shared/date-format';
import { translate, type Language } from '../../../shared/messages';
import type { ApiClient } from '../../api/client';
import { DataTable } from '../kit/data-table';
import { privacyText } from './privacy-texts';

interface Props {
  client: ApiClient;
  language: Language;
  zone: string;
  /** Changes after each export or erasure, so the list is read again. */
  refreshKey: number;
  /** privacy.exportDays, once the core has told it. */
  exportDays: number | null;
}

/** The copies in the export folder, each with when it goes (issue 20: exports are records with an expiry). */
export function PrivacyExportsList({ client, language, zone, refreshKey, exportDays }: Props) {
  const text = privacyText[language];
  const [exports, setExports] = useState<ExportRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    void client.invoke('privacy.listExports', {}).then((result) => {
      if (!current) return;
      if (result.ok) setExports(result.value);
      else setError(translate(result.error.key, language));
    });
    return () => {
      current = false;
    };
  }, [client, language, refreshKey]);

  return (
    <section className="privacy-section" aria-labelledby="privacy-exports-title">
      <h2 id="privacy-exports-title">{text.exportsTitle}</h2>
      <p className="lead">{text.exportsLead(exportDays)}</p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {exports && exports.length === 0 && <p>{text.noExports}</p>}
      {exports && exports.length > 0 && (
        <DataTable<ExportRecord>
          caption={text.exportsTitle}
          rows={exports}
          rowKey={(record) => record.id}
          columns={[
            {
              key: 'made',
              header: text.exportsColumns.made,
              cell: (record) => formatDateTime(record.createdAt, zone, language),
              rowHeader: true,
              nowrap: true,
            },
            { key: 'kind', header: text.exportsColumns.kind, cell: (record) => text.exportKinds[record.kind] },
            { key: 'purpose', header: text.exportsColumns.purpose, cell: (record) => text.purposes[record.purpose] },
            { key: 'by', header: text.exportsColumns.by, cell: (record) => record.exportedBy },
            { key: 'files', header: text.exportsColumns.files, cell: (record) => record.fileCount, nowrap: true },
            {
              key: 'until',
              header: text.exportsColumns.until,
              cell: (record) =>
                record.heldByActiveHold
                  ? text.keptWhileHeld
                  : text.deletedAfter(formatDateTime(record.expiresAt, zone, language)),
            },
          ]}
        />
      )}
    </section>
  );
}
