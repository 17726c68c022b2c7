import { Fragment, type ReactNode } from 'react';
import './data-table.css';
import { breakable } from './breakable-text';

export interface Column<Row> {
  /** Stable key for React, and the cell's class (`col-<key>`) for a tab's own widths. */
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** The cell that names the row, read out by screen readers with each cell of it. */
  rowHeader?: boolean;
  /** Times, numbers, short codes: kept on one line. Anything free-form wraps. */
  nowrap?: boolean;
  /** Left out of print (buttons). */
  noPrint?: boolean;
}

interface Props<Row> {
  caption: ReactNode;
  /** The caption as a visible heading above the table (e.g. "Laatste runs"), or for screen readers only. */
  showCaption?: boolean;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string | number;
  rowClassName?: (row: Row) => string | undefined;
  /** What belongs to a row across the table's width, under it: its player, its form, its buttons. */
  rowPanel?: (row: Row) => ReactNode;
  className?: string;
}

/**
 * The staff screens' one table: it fits its card in both orientations. Long unbroken words (an
 * 80-letter surname, a file path) wrap anywhere instead of widening the page; the frame scrolls
 * sideways only as a last resort, so nothing is ever clipped out of reach.
 */
export function DataTable<Row>({
  caption,
  showCaption = false,
  columns,
  rows,
  rowKey,
  rowClassName,
  rowPanel,
  className,
}: Props<Row>) {
  const columnClass = (column: Column<Row>) =>
    [`col-${column.key}`, column.nowrap ? 'nowrap' : '', column.noPrint ? 'no-print' : ''].filter(Boolean).join(' ');
  return (
    <div className={`data-table-frame ${className ?? ''}`}>
      <table className="data-table">
        <caption className={showCaption ? 'data-table-caption' : 'visually-hidden'}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={columnClass(column)}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const panel = rowPanel?.(row);
            const classes = [rowClassName?.(row), panel ? 'has-panel' : ''].filter(Boolean).join(' ');
            return (
              <Fragment key={rowKey(row)}>
                <tr className={classes || undefined}>
                  {columns.map((column) =>
                    column.rowHeader ? (
                      <th key={column.key} scope="row" className={columnClass(column)}>
                        <div className="cell">{breakable(column.cell(row))}</div>
                      </th>
                    ) : (
                      <td key={column.key} className={columnClass(column)}>
                        <div className="cell">{breakable(column.cell(row))}</div>
                      </td>
                    ),
                  )}
                </tr>
                {panel && (
                  <tr className="row-panel">
                    <td colSpan={columns.length}>{panel}</td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
