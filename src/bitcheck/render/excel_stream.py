"""openpyxl's write-only worksheet, fed prepared cells (issue 11: the Excel report's speed).

A row is a list of entries: a ready `Cell` (one with a comment, or styled by hand on the Summary
sheet) or a `(value, data_type, style)` triple, None for an empty column. openpyxl writes a
styled value through two new `Cell` objects, a caught exception and a generic XML serialiser;
here a row of triples is written as the markup openpyxl would write for it (the tests compare
the two byte for byte), and any other row through openpyxl, with one reused cell per style and
column for its triples. Everything above the rows (column widths, frozen panes, page-setup
properties) has to be set before the first row is appended.

This leans on openpyxl 3.1's write-only internals (`_write_rows`, `_values_to_row`) and on
et_xmlfile's text writer; where openpyxl writes through lxml instead (fast already), or with
`FAST_ROWS` off, every row goes through openpyxl's own cell writer.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator, Sequence

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.chart._chart import ChartBase
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.worksheet.cell_range import MultiCellRange
from openpyxl.worksheet.dimensions import ColumnDimension, DimensionHolder, RowDimension
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.page import PrintPageSetup
from openpyxl.worksheet.properties import WorksheetProperties
from openpyxl.worksheet.worksheet import Worksheet

Prepared = tuple[object, str, StyleArray | None]  # value, data type ("s", "n", "b", "d"), style
Entry = Cell | Prepared
Rows = Generator[None, Sequence[Entry | None], None]

assert hasattr(WriteOnlyWorksheet, "_write_rows"), "openpyxl changed its write-only sheet"
FAST_ROWS = True  # the tests turn it off to compare with openpyxl's own markup


class StreamSheet(WriteOnlyWorksheet):
    """A write-only worksheet whose `append` takes a row of entries."""

    # set by Worksheet._setup, which the write-only worksheet shares; missing from the stubs
    row_dimensions: DimensionHolder[int, RowDimension]
    column_dimensions: DimensionHolder[str, ColumnDimension]
    page_setup: PrintPageSetup
    sheet_properties: WorksheetProperties
    auto_filter: AutoFilter
    merged_cells: MultiCellRange
    _writer: WorksheetWriter | None
    PAPERSIZE_A4 = Worksheet.PAPERSIZE_A4

    def __init__(self, parent: Workbook, title: str) -> None:
        super().__init__(parent, title)
        self.dimension = "A1:A1"
        self._reused: dict[tuple[int, int], Cell] = {}
        self._style_attributes: dict[int, str] = {}
        self._letters: list[str] = [""]

    def add_chart(self, chart: ChartBase, anchor: str | None = None) -> None:
        Worksheet.add_chart(self, chart, anchor)  # type: ignore[arg-type]  # as openpyxl shares it

    def calculate_dimension(self) -> str:
        """The used range, as a normal worksheet writes it (set before the first row)."""
        return self.dimension

    def _write_rows(self) -> Rows:
        """Receives the appended rows and writes them inside <sheetData>."""
        writer = self._writer
        assert writer is not None
        try:
            xf = writer.xf.send(True)
        except StopIteration:
            self._already_saved()  # type: ignore[attr-defined]  # raises
            raise
        assert xf is not None
        raw = getattr(xf, "_file", None)  # et_xmlfile's text writer; lxml's has none (and is fast)
        with xf.element("sheetData"):
            row_idx = 1
            try:
                while True:
                    row = yield
                    if not row and row_idx not in self.row_dimensions:
                        row_idx += 1  # a gap, left out as a normal worksheet leaves it out
                        continue
                    markup = self._markup(row, row_idx) if FAST_ROWS and callable(raw) else None
                    if markup is not None:
                        raw(markup)  # type: ignore[misc]  # callable, checked above
                    else:
                        writer.write_row(xf, self._values_to_row(row, row_idx), row_idx)
                    row_idx += 1
            except GeneratorExit:
                pass
        writer.xf.send(None)

    def _values_to_row(self, values: Sequence[Entry | None], row_idx: int) -> Iterator[Cell]:
        for column, entry in enumerate(values, start=1):
            if entry is None:
                continue
            if isinstance(entry, Cell):
                cell = entry
            else:
                value, data_type, style = entry
                cell = self._reused_cell(style, column)
                cell._value = value  # type: ignore[attr-defined]  # typed and cleaned already
                cell.data_type = data_type
            cell.row = row_idx
            cell.column = column
            yield cell

    def _reused_cell(self, style: StyleArray | None, column: int) -> Cell:
        key = (id(style), column)  # the book keeps every style alive, so ids stay unique
        cell = self._reused.get(key)
        if cell is None:
            cell = self._reused[key] = Cell(self, row=1, column=column)
            cell._style = style  # type: ignore[attr-defined]  # shared and never changed
        return cell

    def _markup(self, row: Sequence[Entry | None], row_idx: int) -> str | None:
        """The row as openpyxl's etree writer writes it, or None if it holds a ready cell."""
        dimension = self.row_dimensions.get(row_idx)
        extra = "".join(f' {k}="{v}"' for k, v in dimension) if dimension is not None else ""
        parts = [f'<row r="{row_idx}"{extra}>']
        if len(self._letters) <= len(row):
            self._letters += [get_column_letter(n) for n in range(len(self._letters), len(row) + 1)]
        for column, entry in enumerate(row, start=1):
            if entry is None:
                continue
            if isinstance(entry, Cell):
                return None
            value, data_type, style = entry
            attributes = f'<c r="{self._letters[column]}{row_idx}"{self._style_attribute(style)}'
            parts.append(_cell_markup(attributes, value, data_type, self._date_serial))
        parts.append("</row>")
        return "".join(parts)

    def _style_attribute(self, style: StyleArray | None) -> str:
        found = self._style_attributes.get(id(style))
        if found is None:
            cell = self._reused_cell(style, 0)
            found = f' s="{cell.style_id}"' if cell.has_style else ""
            self._style_attributes[id(style)] = found
        return found

    def _date_serial(self, value: object) -> object:
        workbook = self.parent
        assert workbook is not None and not workbook.iso_dates, "dates as serial numbers"
        return to_excel(value, workbook.epoch)  # type: ignore[no-untyped-call]


def _cell_markup(
    attributes: str, value: object, data_type: str, date_serial: Callable[[object], object]
) -> str:
    if data_type == "s":
        if not value:
            return f'{attributes} t="inlineStr" />'
        text = str(value)
        stripped = text.strip()
        space = ' xml:space="preserve"' if stripped and stripped != text else ""
        return f'{attributes} t="inlineStr"><is><t{space}>{_escaped(text)}</t></is></c>'
    if data_type == "d":
        value, data_type = date_serial(value), "n"
    if value is None:
        return f'{attributes} t="{data_type}" />'
    return f'{attributes} t="{data_type}"><v>{format(value, ".16g")}</v></c>'  # as safe_string


def _escaped(text: str) -> str:
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def stream_workbook(titles: Sequence[str]) -> tuple[Workbook, list[StreamSheet]]:
    """A write-only workbook with one StreamSheet per title, in that order."""
    workbook = Workbook(write_only=True)
    sheets = [StreamSheet(workbook, title) for title in titles]
    for sheet in sheets:
        workbook._add_sheet(sheet)  # type: ignore[attr-defined]  # create_sheet has no class
    return workbook, sheets
