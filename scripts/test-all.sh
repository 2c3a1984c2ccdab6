#!/usr/bin/env bash
# `npm test`: everything — type check, lint and format (side by side), unit and integration tests on real
# Postgres (Vitest), then the production build driven in Chromium
# (Playwright). Ends with one plain totals line: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1
results=.test-results
rm -rf "$results" && mkdir -p "$results"
failed_steps=()

# Each step's wall time, printed as it ends and once more, all together, before the totals.
phases=()
phase=""
phase_started=$SECONDS
end_phase() {
  [ -n "$phase" ] || return 0
  local took=$((SECONDS - phase_started))
  echo "   (${took} s)"
  phases+=("$(printf '%5d s  %s' "$took" "$phase")")
  phase=""
}
step() {
  end_phase
  phase=$1
  phase_started=$SECONDS
  echo
  echo "━━ $1"
}

step "setup: chromium, pg_dump 18, Prisma 6 schema tools, Prisma client"
bash scripts/ensure-chromium.sh || failed_steps+=("chromium")
# The backup test needs pg_dump/pg_restore 18; it fails (never skips) without them.
bash scripts/ensure-pg-tools.sh >/dev/null || failed_steps+=("pg tools")
[ -d tools/prisma6/node_modules/prisma ] || npm ci --no-audit --no-fund --prefix tools/prisma6 >/dev/null || failed_steps+=("tools/prisma6")
npx prisma generate >/dev/null || failed_steps+=("prisma generate")

# Three independent checks, each mostly on one core: side by side, each one's output shown whole.
step "type check, lint (ESLint, zero warnings) and format (Prettier), side by side"
npx tsc --noEmit > "$results/tsc.log" 2>&1 &
tsc_pid=$!
npx prettier --check . > "$results/prettier.log" 2>&1 &
prettier_pid=$!
npx eslint --max-warnings 0 . || failed_steps+=("lint")
wait "$tsc_pid" || { cat "$results/tsc.log"; failed_steps+=("typecheck"); }
wait "$prettier_pid" || { cat "$results/prettier.log"; failed_steps+=("format"); }

step "unit and integration tests (Vitest, real Postgres)"
npx vitest run --reporter=default --reporter=json --outputFile.json="$results/vitest.json" || failed_steps+=("vitest")

step "production build"
# tsc --noEmit above covered every file (a failure there is already counted): the build need not check them again.
if ATTUNE_TYPECHECKED=1 npx next build > "$results/next-build.log" 2>&1; then
  tail -n 25 "$results/next-build.log"
  step "browser tests (Playwright, Chromium, next start)"
  npx playwright test || failed_steps+=("playwright")
else
  cat "$results/next-build.log"
  failed_steps+=("next build")
fi

end_phase
echo
echo "━━ time per step (wall clock, ${SECONDS} s in all)"
printf '%s\n' "${phases[@]}"
echo
npx tsx scripts/test-totals.ts "$results" "${failed_steps[@]}"
