# English: the server's error messages and other texts the API answers with.
# Every id starts with "server-"; shared/src/i18n.rs says how the catalogue works.

## Every error answer.
server-internal = Something went wrong on the server. Please try again; if it happens again, tell the administrator.
server-closing = The server is shutting down and accepts no changes.
server-log-unreachable = The log's database cannot be reached just now. Nothing is lost; try again in a moment.
server-log-broken = The event log failed verification ({ $reason }); no changes are accepted.
server-log-out-of-range = No such part of the log: { $what }.
server-stale = Someone else changed this record in the meantime (current version { $actual }, expected version { $expected }). Reload it.
server-stale-any = Someone else changed this record in the meantime (current version { $actual }). Reload it.
server-stale-new = Someone else changed this record in the meantime (current version { $actual }, expected a new record). Reload it.
server-duplicate-event = Event { $id } is already recorded at position { $position } by another change.

## Sessions, passwords and the shape of requests.
server-log-in = Log in to continue.
server-csrf = The request has no valid security token (CSRF). Reload the page and try again.
server-password-common = This password is among the most common ones or contains the username. Choose another.
server-password-missing = Enter a password (up to { $max } characters).
server-page-size = A page holds from 1 to { $max } items.
server-page-cursor = Invalid cursor “after”: use the “next” value of the previous page.
server-bad-query = Invalid query parameters: { $detail }
server-bad-path = Invalid address: { $detail }
server-json-content-type = Send the data as JSON (Content-Type: application/json).
server-json-too-large = The data is too large: attach up to 3 files of up to 2 MB each.
server-body-stalled = The data stopped arriving and the connection was closed. Try again.
server-bad-json = The request's data is not in the expected form: { $detail }
