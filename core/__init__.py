"""The bottom layer, what every app may use; it imports no app of ours.

The stored files (`core.files`, the one door to the media folder or the object store, `core.storage`), Thai
formatting (`core.thai`; on every page, `{% load thai %}`, and a form's refusals, `{% load refusals %}`:
`core/templatetags/`), the one error class (`core.errors.PortalError`), the access gate (`core.gate`; a form
refused for the second factor kept and sent again after the code, `core.interrupted`), the acts (`core.acts`), the
map (`core.thaimap`), `Hook`, `takes_files`, migration helpers (`core.migration_ops`) and the system checks
(`core.checks`), an upload's content checks (`core/validators`), sheets read and written for every import and export
(`core/sheets/`: `tabular`, `xlsx`, `limits`, `exporter`), the bulk writes (`core.bulk`: the JSON update, the insert
of plain rows, by COPY on PostgreSQL, and `AnyOf`, a filter over thousands of values as one array), URL converters,
the one `Content-Disposition`, the API's JSON parser; what a process keeps of the database between requests, under
keys that change with the rows, the least recently used dropped first (`core.process_cache`); a number from a
request read one way, ASCII digits only (`core.numbers`), and the one check of a name that reaches a header, no
control character (`core.names`; its form validator `core/validators/name.py`), both plain Python so `rulebook` asks
them too."""
