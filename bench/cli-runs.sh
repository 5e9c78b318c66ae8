#!/usr/bin/env bash
# Whole-run timings of `bhh audit` on generated data, and a SQLite baseline of two rules over
# the same CSV files. Each size is timed three ways: the full audit (json), the same with PDF
# reports (json+pdf), and only the two rules SQLite runs (two-rules). See bench/README.md
# ("Whole runs") for what each row means.
#
#   bench/cli-runs.sh [SIZE...]
#
# SIZE is one of agency-100k, state-500k, state-1m, state-2m (default: all four), tiny
# (3 agencies, 30,000 records: a quick check that everything works), or state-2m-e5000 (2M
# records over the 5,000 enrollees of state-500k: how memory grows with records alone). Run from anywhere; the
# script works from the repository root.
#
# Environment:
#   REPEATS=3            timed runs of each command (the table shows the median and the range)
#   ARTIFACTS=/tmp/art-bench-cli   build output (dotnet build --artifacts-path)
#   DATA=/tmp/bhh-bench-states     where generated states are kept (reused when present)
#   RUNS=/tmp/bhh-bench-runs       reports, /usr/bin/time output and logs of the runs
#   PROFILE=self-check   the profile of the full ("json") runs; it must run SVC-MONTHLY-MINIMUM and
#                        BILL-SUBSTANTIATED for the SQLite comparison
#   PDF=1                also time the batch runs with --format pdf (0: skip)
#   SQLITE=1             run the SQLite baseline (0: skip)
#   BUILD=1              build the CLI and the generator first (0: use what ARTIFACTS holds)
#   JOBS=                pass --jobs N to batch runs (empty: the CLI's default)
#
# Needs: the .NET SDK, GNU time at /usr/bin/time, sqlite3 (3.32 or later, for .import --skip)
# and jq. Exit status: 0, or 1 when a run failed or SQLite and bhh disagree.

set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)

REPEATS=${REPEATS:-3}
ARTIFACTS=${ARTIFACTS:-/tmp/art-bench-cli}
DATA=${DATA:-/tmp/bhh-bench-states}
RUNS=${RUNS:-/tmp/bhh-bench-runs}
PROFILE=${PROFILE:-self-check}
PDF=${PDF:-1}
SQLITE=${SQLITE:-1}
BUILD=${BUILD:-1}
JOBS=${JOBS:-}
SEED=2026
TWO_RULES="$RUNS/rules-two"

BHH="$ARTIFACTS/bin/BhhCompliance.Cli/release/bhh.dll"
GENERATOR="$ARTIFACTS/bin/BhhCompliance.SampleGenerator/release/BhhCompliance.SampleGenerator.dll"

# name: mode agencies enrollees services
declare -A SIZE_SPEC=(
    [tiny]="batch 3 300 30000"
    [agency-100k]="single 1 1000 100000"
    [state-500k]="batch 30 5000 500000"
    [state-1m]="batch 30 10000 1000000"
    [state-2m]="batch 30 20000 2000000"
    [state-2m-e5000]="batch 30 5000 2000000"
)
ALL_SIZES=(agency-100k state-500k state-1m state-2m)

FAILED=0
ROWS=()          # lines of the results table
declare -A PEAK  # size -> median peak RSS (KiB) of the json run, for the targets
declare -A WALL  # size -> median wall time (s) of the json run

say() { printf '%s\n' "$*" >&2; }

loud() {
    say ""
    say "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
    say "!!! $*"
    say "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
    FAILED=1
}

# The median and the range of numbers on stdin, one a line: "median min max".
stats() {
    sort -g | awk '{ v[NR] = $1 } END {
        if (NR == 0) { print "nan nan nan"; exit }
        m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
        print m, v[1], v[NR] }'
}

# Runs a command under /usr/bin/time -v, appending "wall_seconds max_rss_kib" to $2.
# $1: log file prefix; $2: the file to append to; the rest: the command. Exit codes 0 and 1
# are success (1: some finding failed, normal for generated data).
timed() {
    local log=$1 results=$2
    shift 2
    local status=0
    /usr/bin/time -v -o "$log.time" "$@" >"$log.out" 2>"$log.err" || status=$?
    if [[ $status -gt 1 ]]; then
        loud "exit $status from: $* (see $log.err)"
        tail -n 20 "$log.err" >&2 || true
        return 1
    fi
    awk -F': ' '
        /Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; wall = s }
        /Maximum resident set size/ { rss = $2 }
        END { print wall, rss }' "$log.time" >>"$results"
}

# "median (min–max)" with the given printf format.
range() {
    local fmt=$1 median=$2 low=$3 high=$4
    # shellcheck disable=SC2059
    printf "$fmt ($fmt–$fmt)" "$median" "$low" "$high"
}

build() {
    say "Building the CLI and the generator (Release) into $ARTIFACTS ..."
    dotnet build src/BhhCompliance.Cli -c Release --artifacts-path "$ARTIFACTS" -v quiet -nologo >&2
    dotnet build tools/BhhCompliance.SampleGenerator -c Release --artifacts-path "$ARTIFACTS" -v quiet -nologo >&2
}

# Writes the state of a size, unless a complete one (with its README.txt) is there already.
generate() {
    local dir=$1 agencies=$2 enrollees=$3 services=$4
    if [[ -f "$dir/README.txt" ]]; then
        return
    fi
    say "Generating $dir ($agencies agencies, $enrollees enrollees, $services services) ..."
    rm -rf "$dir"
    dotnet "$GENERATOR" --statewide --agencies "$agencies" --enrollees "$enrollees" \
        --services "$services" --seed "$SEED" --out "$dir" >&2
}

# The agency snapshot folders of a state, one a line.
agency_folders() {
    find "$1" -mindepth 2 -maxdepth 2 -name agency.yaml -printf '%h\n' | sort
}

# A key of agency.yaml's agency or review section (unquoted, without a comment).
yaml_value() {
    local file=$1 section=$2 key=$3
    awk -v section="$section:" -v key="$key:" '
        $0 ~ "^[^ #]" { inside = ($1 == section) ; next }
        inside && $1 == key { v = $2; gsub(/["'\'']/, "", v); print v; exit }' "$file"
}

# Checks that a CSV file's header is the columns the SQL expects, in that order.
check_header() {
    local file=$1 expected=$2 header
    header=$(head -n 1 "$file" | tr -d '\r' | sed 's/^\xEF\xBB\xBF//' | tr '[:upper:]' '[:lower:]')
    if [[ "$header" != "$expected" ]]; then
        loud "$file: header is '$header', the SQLite baseline expects '$expected'"
        return 1
    fi
}

# Generates the import part of the SQLite baseline for the agency folders given.
sqlite_import() {
    local folder id start end q
    for folder in "$@"; do
        id=$(yaml_value "$folder/agency.yaml" agency id)
        start=$(yaml_value "$folder/agency.yaml" review period_start)
        end=$(yaml_value "$folder/agency.yaml" review period_end)
        q=${id//\'/\'\'}
        check_header "$folder/enrollees.csv" "enrollee_id,enrolled_on,disenrolled_on" || return 1
        check_header "$folder/services.csv" "enrollee_id,date,service,minutes,procedure_code,staff_id,note_id" || return 1
        check_header "$folder/claims.csv" "claim_id,enrollee_id,month,amount" || return 1
        cat <<SQL
INSERT INTO agencies VALUES ('$(basename "$folder")', '$q', '$start', '$end');
.import --csv --skip 1 "$folder/enrollees.csv" enrollees_csv
INSERT INTO enrollees SELECT '$q', enrollee_id, enrolled_on, disenrolled_on FROM enrollees_csv;
DELETE FROM enrollees_csv;
.import --csv --skip 1 "$folder/services.csv" services_csv
INSERT INTO services SELECT '$q', enrollee_id, date, substr(date, 1, 7), CAST(minutes AS REAL), note_id FROM services_csv;
DELETE FROM services_csv;
.import --csv --skip 1 "$folder/claims.csv" claims_csv
INSERT INTO claims SELECT '$q', claim_id, enrollee_id, month, CAST(round(CAST(amount AS REAL) * 100) AS INTEGER) FROM claims_csv;
DELETE FROM claims_csv;
SQL
    done
}

# The two rules' evidence from bhh's findings.json files, in the SQLite output's form.
bhh_evidence() {
    find "$1" -name '*.json' -type f -print0 | xargs -0 -r jq -r '
        select(type == "object" and .schema == "bhh-findings/1")
        | .agency.id as $agency
        | (.findings[] | select(.rule_id == "SVC-MONTHLY-MINIMUM")
            | "SVC-MONTHLY-MINIMUM,\($agency),\(.evidence.enrollee_months),\(.evidence.met),\(.evidence.unmet)"),
          (.findings[] | select(.rule_id == "BILL-SUBSTANTIATED")
            | "BILL-SUBSTANTIATED,\($agency),\(.evidence.claims),\(.evidence.unsubstantiated),\(if .evidence.amount_at_risk == null then null else (.evidence.amount_at_risk * 100 | round) end)")' \
        | sort
}

# Compares SQLite's per-agency results with bhh's findings; loud on any difference.
compare() {
    local size=$1 sqlite_out=$2 findings=$3 work=$4
    tr -d '\r' <"$sqlite_out" | grep -v '^PHASE,' | sort >"$work/sqlite.csv"
    bhh_evidence "$findings" >"$work/bhh.csv"
    if [[ ! -s "$work/bhh.csv" ]]; then
        loud "$size: no SVC-MONTHLY-MINIMUM or BILL-SUBSTANTIATED finding in $findings (profile $PROFILE)"
    elif ! diff -u "$work/sqlite.csv" "$work/bhh.csv" >"$work/compare.diff"; then
        loud "$size: SQLite and bhh DISAGREE (- sqlite, + bhh; $work/compare.diff)"
        head -n 40 "$work/compare.diff" >&2
    else
        say "$size: SQLite and bhh agree on $(grep -c '^SVC' "$work/bhh.csv") agencies (SVC-MONTHLY-MINIMUM: enrollee_months, met, unmet; BILL-SUBSTANTIATED: claims, unsubstantiated, amount_at_risk)"
    fi
}

# 1234567 -> 1,234,567
commas() { sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }

# One table row from a results file of "wall rss" lines; records the json run's median wall
# time and peak RSS for the targets.
row() {
    local size=$1 services=$2 run=$3 results=$4 sqlite=${5:-} sqlite_wall=${6:-}
    local wall wall_low wall_high rss rss_low rss_high
    read -r wall wall_low wall_high < <(cut -d' ' -f1 "$results" | stats)
    read -r rss rss_low rss_high < <(cut -d' ' -f2 "$results" | stats)
    if [[ $run == json ]]; then
        WALL[$size]=$wall
        PEAK[$size]=$rss
    fi
    local ratio="-"
    if [[ -n "$sqlite_wall" ]]; then
        ratio=$(awk -v s="$sqlite_wall" -v b="$wall" 'BEGIN { printf "%.2f", s / b }')
    fi
    local mib per_second
    mib=$(awk -v m="$rss" -v l="$rss_low" -v h="$rss_high" 'BEGIN { printf "%.0f (%.0f–%.0f)", m / 1024, l / 1024, h / 1024 }')
    per_second=$(awk -v n="$services" -v w="$wall" 'BEGIN { printf "%.0f", n / w }' | commas)
    ROWS+=("| $size | $(echo "$services" | commas) | $run | $(range %.2f "$wall" "$wall_low" "$wall_high") s | $mib | $per_second | ${sqlite:--} | $ratio |")
}

measure() {
    local size=$1
    read -r mode agencies enrollees services <<<"${SIZE_SPEC[$size]}"
    local state="$DATA/a$agencies-e$enrollees-s$services-seed$SEED"
    local work="$RUNS/$size"
    generate "$state" "$agencies" "$enrollees" "$services"
    rm -rf "$work"
    mkdir -p "$work"

    local folders
    mapfile -t folders < <(agency_folders "$state")
    if [[ ${#folders[@]} -eq 0 ]]; then
        loud "$size: no agency folder in $state"
        return
    fi
    local rows=0 f
    for f in "${folders[@]}"; do
        rows=$((rows + $(wc -l <"$f/services.csv") - 1))
    done

    # The commands, json first (its findings are compared with SQLite).
    local -a variants=()
    local -A command
    local json_findings i
    local jobs=${JOBS:+--jobs $JOBS }
    if [[ $mode == single ]]; then
        command[json]="dotnet $BHH audit ${folders[0]} --profile $PROFILE --format json --out $work/json/findings.json -q"
        command[two-rules]="dotnet $BHH audit ${folders[0]} --rules $TWO_RULES --profile two-rules --format json --out $work/two-rules/findings.json -q"
        variants=(json two-rules)
        json_findings="$work/json"
    else
        command[json]="dotnet $BHH audit $state --out-dir $work/json --profile $PROFILE ${jobs}--format json -q"
        command[json+pdf]="dotnet $BHH audit $state --out-dir $work/json+pdf --profile $PROFILE ${jobs}--format json --format pdf -q"
        command[two-rules]="dotnet $BHH audit $state --out-dir $work/two-rules --rules $TWO_RULES --profile two-rules ${jobs}--format json -q"
        variants=(json two-rules)
        [[ $PDF == 1 ]] && variants+=(json+pdf)
        json_findings="$work/json"
    fi

    local sqlite="" sqlite_wall=""
    if [[ $SQLITE == 1 ]]; then
        sqlite_import "${folders[@]}" >"$work/import.sql" || return
        say "$size: SQLite, $REPEATS runs ..."
        for ((i = 1; i <= REPEATS; i++)); do
            timed "$work/sqlite-$i" "$work/sqlite.results" sqlite3 -bail -batch :memory: \
                ".read $ROOT/bench/sqlite/schema.sql" ".read $work/import.sql" ".read $ROOT/bench/sqlite/rules.sql" || return
        done
        local low high rss
        read -r sqlite_wall low high < <(cut -d' ' -f1 "$work/sqlite.results" | stats)
        read -r rss _ < <(cut -d' ' -f2 "$work/sqlite.results" | stats)
        sqlite="$(range %.2f "$sqlite_wall" "$low" "$high") s, $(awk -v r="$rss" 'BEGIN { printf "%.0f", r / 1024 }') MiB"
        tr -d '\r' <"$work/sqlite-1.out" | grep '^PHASE,' | sed 's/^PHASE,/  sqlite phase (s): /' >&2
    fi

    local variant
    for variant in "${variants[@]}"; do
        say "$size: bhh $variant, 1 untimed and $REPEATS timed runs: ${command[$variant]}"
        mkdir -p "$work/$variant"
        # shellcheck disable=SC2086 # the command is split on spaces on purpose
        timed "$work/$variant-warm" /dev/null ${command[$variant]} || continue
        for ((i = 1; i <= REPEATS; i++)); do
            # shellcheck disable=SC2086
            timed "$work/$variant-$i" "$work/$variant.results" ${command[$variant]} || continue 2
        done
        if [[ $variant == json || $variant == two-rules ]]; then
            row "$size" "$rows" "$variant" "$work/$variant.results" "$sqlite" "$sqlite_wall"
        else
            row "$size" "$rows" "$variant" "$work/$variant.results"
        fi
    done

    if [[ $SQLITE == 1 ]]; then
        compare "$size" "$work/sqlite-1.out" "$json_findings" "$work"
    fi
}

# The targets of bench/README.md, checked on what was measured (json runs, medians).
targets() {
    local size verdict
    check() { awk -v v="$2" -v limit="$3" 'BEGIN { exit !(v < limit) }' && verdict=met || verdict=MISSED; echo "- $1: $verdict"; }
    [[ -n "${WALL[agency-100k]:-}" ]] && check "one agency, 100k records, wall ${WALL[agency-100k]} s < 1 s" "${WALL[agency-100k]}" 1
    [[ -n "${WALL[state-2m]:-}" ]] && check "statewide 2M, wall ${WALL[state-2m]} s < 5 s" "${WALL[state-2m]}" 5
    for size in state-500k state-1m state-2m state-2m-e5000; do
        [[ -n "${PEAK[$size]:-}" ]] || continue
        check "$size, peak RSS $(awk -v r="${PEAK[$size]}" 'BEGIN { printf "%.0f", r / 1024 }') MiB < 400 MiB" "${PEAK[$size]}" $((400 * 1024))
    done
    if [[ -n "${PEAK[state-2m]:-}" && -n "${PEAK[state-500k]:-}" ]]; then
        local ratio
        ratio=$(awk -v a="${PEAK[state-2m]}" -v b="${PEAK[state-500k]}" 'BEGIN { printf "%.2f", a / b }')
        check "peak RSS at 2M / at 500k = $ratio <= 1.5" "$ratio" 1.5000001
    fi
    if [[ -n "${PEAK[state-2m-e5000]:-}" && -n "${PEAK[state-500k]:-}" ]]; then
        local ratio
        ratio=$(awk -v a="${PEAK[state-2m-e5000]}" -v b="${PEAK[state-500k]}" 'BEGIN { printf "%.2f", a / b }')
        check "peak RSS at 2M records / at 500k, same 5,000 enrollees = $ratio <= 1.5" "$ratio" 1.5000001
    fi
    return 0
}

main() {
    local sizes=("$@")
    [[ ${#sizes[@]} -eq 0 ]] && sizes=("${ALL_SIZES[@]}")
    local size
    for size in "${sizes[@]}"; do
        [[ -n "${SIZE_SPEC[$size]:-}" ]] || { say "unknown size '$size' (${!SIZE_SPEC[*]})"; exit 2; }
    done
    for tool in /usr/bin/time jq; do
        command -v "$tool" >/dev/null || { say "$tool is needed"; exit 2; }
    done
    if [[ $SQLITE == 1 ]] && ! command -v sqlite3 >/dev/null; then
        say "sqlite3 is needed (or SQLITE=0)"
        exit 2
    fi

    [[ $BUILD == 1 ]] && build
    mkdir -p "$DATA" "$RUNS"

    # The shipped rule set with one more profile that runs only the two rules SQLite runs: the
    # same work on both sides (the "two-rules" rows).
    rm -rf "$TWO_RULES"
    mkdir -p "$TWO_RULES"
    cp "$ROOT"/rules/*.yaml "$TWO_RULES"/
    printf '%s\n' '' '  - name: two-rules' '    description: The two rules of the SQLite baseline' \
        '    rules: [SVC-MONTHLY-MINIMUM, BILL-SUBSTANTIATED]' >>"$TWO_RULES/90-profiles.yaml"

    for size in "${sizes[@]}"; do
        measure "$size"
    done

    echo
    echo "$(date -u +%Y-%m-%d), $(nproc) cores, .NET $(dotnet --version), $(sqlite3 --version | cut -d' ' -f1 2>/dev/null || echo '-') SQLite; $REPEATS runs each, after one untimed run; profile $PROFILE"
    echo
    echo "| size | services rows | run | wall time, median (range) | peak RSS MiB, median (range) | service rows/s | SQLite wall, median (range), peak RSS | SQLite / bhh |"
    echo "| --- | ---: | --- | --- | --- | ---: | --- | ---: |"
    printf '%s\n' "${ROWS[@]}"
    echo
    echo "Targets:"
    targets
    exit "$FAILED"
}

main "$@"
