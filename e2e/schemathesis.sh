#!/usr/bin/env bash
# Fuzzes the real server against its own OpenAPI document with Schemathesis (`--checks all`),
# once anonymously and once per demo role, and prints a summary. Slow (a few minutes), so it
# is not part of the default test command.
#
#   e2e/schemathesis.sh            # every caller, SCHEMATHESIS_EXAMPLES (default 10) per operation
#   e2e/schemathesis.sh officer    # only the named callers: anonymous officer tenant-admin
#                                  # regional regional-admin auditor
#
# Needs python3 with venv; PyPI must be reachable the first time (the venv is cached under
# ${XDG_CACHE_HOME:-~/.cache}/antikor). ANTIKOR_BIN overrides the binary; otherwise the debug
# build in ${CARGO_TARGET_DIR:-target} is built and used. Exits non-zero when any run fails.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

SCHEMATHESIS_VERSION=4.32.5
examples=${SCHEMATHESIS_EXAMPLES:-10}
venv=${XDG_CACHE_HOME:-$HOME/.cache}/antikor/schemathesis-venv
if [[ ! -x $venv/bin/schemathesis ]] ||
  [[ $("$venv/bin/schemathesis" --version) != *" $SCHEMATHESIS_VERSION" ]]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet "schemathesis==$SCHEMATHESIS_VERSION"
fi

if [[ -n ${ANTIKOR_BIN:-} ]]; then
  bin=$ANTIKOR_BIN
else
  cargo build --quiet -p antikor-server --bin antikor
  bin=${CARGO_TARGET_DIR:-$root/target}/debug/antikor
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/antikor-schemathesis.XXXXXX")
server_pid=
cleanup() {
  if [[ -n $server_pid ]]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

ANTIKOR_LOG=${ANTIKOR_LOG:-error} "$bin" serve --listen 127.0.0.1:0 --data "$work/data" \
  --assets "$work/no-frontend" --demo >"$work/server.out" 2>"$work/server.err" &
server_pid=$!
for _ in $(seq 1 600); do
  if grep -q '^listening on ' "$work/server.out" 2>/dev/null; then break; fi
  if ! kill -0 "$server_pid" 2>/dev/null; then
    cat "$work/server.err" >&2
    echo "the server did not start" >&2
    exit 1
  fi
  sleep 0.1
done
base=$(sed -n 's/^listening on //p' "$work/server.out")
[[ -n $base ]] || { echo "the server did not say where it listens" >&2; exit 1; }
echo "server: $base (data in $work/data)"

# Every session is opened before any fuzzing: the anonymous run's wrong logins soon make the
# address throttle refuse even right passwords (429), which is the behaviour under test.
declare -A account=(
  [officer]=blagoevgrad.officer
  [tenant-admin]=blagoevgrad.admin
  [regional]=oblast.sekretar
  [regional-admin]=oblast.admin
  [auditor]=odit
)
callers=("$@")
[[ ${#callers[@]} -gt 0 ]] || callers=(anonymous officer tenant-admin regional regional-admin auditor)
declare -A headers=()
for caller in "${callers[@]}"; do
  [[ $caller == anonymous ]] && continue
  user=${account[$caller]:?unknown caller $caller}
  headers[$caller]=$("$venv/bin/python" - "$base" "$user" <<'EOF'
import json, sys, urllib.request
base, user = sys.argv[1:]
request = urllib.request.Request(
    base + "/api/session",
    data=json.dumps({"username": user, "password": "antikor-demo-2017"}).encode(),
    headers={"Content-Type": "application/json"},
)
with urllib.request.urlopen(request) as answer:
    session = json.load(answer)
    cookie = answer.headers["Set-Cookie"].split(";", 1)[0]
print(f"{cookie}\t{session['csrf_token']}")
EOF
  )
done

status=0
summary=()
for caller in "${callers[@]}"; do
  # The credentials go to the document's security schemes rather than into raw headers, so
  # that Schemathesis knows them: its negative cases then leave them out for real.
  config=$work/$caller.toml
  cp e2e/schemathesis.toml "$config"
  skip=()
  if [[ $caller != anonymous ]]; then
    # Logging out would end the very session the rest of the run uses; the anonymous run
    # covers the operation.
    skip=(--exclude-name "DELETE /api/session")
    IFS=$'\t' read -r cookie csrf <<<"${headers[$caller]}"
    printf '\n[auth.openapi.session]\napi_key = "%s"\n[auth.openapi.csrf]\napi_key = "%s"\n' \
      "${cookie#*=}" "$csrf" >>"$config"
  fi
  echo
  echo "=== $caller ==="
  started=$SECONDS
  set +e
  "$venv/bin/schemathesis" --config-file "$config" run "$base/api/openapi.json" \
    --checks all \
    --max-examples "$examples" \
    --seed 1 \
    --generation-database none \
    --workers 2 \
    --no-color \
    --report junit --report-dir "$work/report-$caller" \
    "${skip[@]}" \
    2>&1 | tee "$work/$caller.log"
  rc=${PIPESTATUS[0]}
  set -e
  cases=$(grep -A1 '^Test cases:' "$work/$caller.log" | tail -n1 | sed 's/^ *//')
  outcome=$(grep -E '^=+ .* in [0-9.]+s =+$' "$work/$caller.log" | tail -n1 | tr -d '=' | sed 's/^ *//;s/ *$//')
  summary+=("$caller: $cases; $outcome; $((SECONDS - started)) s in all")
  [[ $rc -eq 0 ]] || status=1
done

echo
echo "=== summary ==="
printf '%s\n' "${summary[@]}"
exit $status
