#!/usr/bin/env bash
# `make fuzz`: builds one coverage-guided libFuzzer binary per untrusted-input parser with
# `swiftc -sanitize=fuzzer,address` (called directly: SwiftPM's -sanitize=fuzzer cannot link
# an executable's main) and runs each for FUZZ_SECONDS seconds (default 60), one at a time.
#
#   FUZZ_SECONDS=600 Fuzz/run.sh            every target, ten minutes each
#   FUZZ_TARGETS="text wrap" Fuzz/run.sh    some targets
#
# The project's modules are compiled from their sources, instrumented, into .build/fuzz;
# each harness (Fuzz/<target>.swift) is linked with them and with the shared checks in
# Tests/FuzzTests/Checks (the same code the regression replay in `make test` runs).
# Corpora grow in .build/fuzz/corpus/<target>, seeded from the fixtures; crashes, timeouts
# and memory blow-ups are saved in .build/fuzz/artifacts/<target>/ (copy each into
# Tests/Fixtures/fuzz-regressions/<target>/ once fixed). The run ends with one line per
# target, `fuzz NAME: N runs, C crashes`, and exits 1 when any target crashed.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
ALL_TARGETS="text html feeds json-feed opml read-state saved-state index-cache config front-matter wrap"
TARGETS=${FUZZ_TARGETS:-$ALL_TARGETS}
OUT=$ROOT/.build/fuzz
MODS=$OUT/modules
SWIFTC=${SWIFTC:-swiftc}
CXX=${CXX:-$(dirname "$(command -v "$SWIFTC")")/clang++}
SANITIZE="-sanitize=fuzzer,address"
mkdir -p "$MODS" "$OUT/bin" "$OUT/logs"

# TOMLKit (for config.toml) comes from SwiftPM's checkout: its C++ part (toml++ behind a C
# API) is compiled with clang++, its Swift part like the project's modules.
TOMLKIT=$ROOT/.build/checkouts/TOMLKit/Sources
log() { echo "fuzz: $*" >&2; }
if [[ ! -d $TOMLKIT ]]; then
    log "fetching TOMLKit (swift package resolve)"
    swift package resolve >/dev/null
fi

# Module name, then its source folder; in dependency order.
MODULES=(
    "Articles Sources/Articles"
    "Storage Sources/Storage"
    "ReaderUI Sources/ReaderUI"
    "Feeds Sources/Feeds"
    "TOMLKit .build/checkouts/TOMLKit/Sources/TOMLKit"
    "Settings Sources/Settings"
)
INCLUDES=(-I "$MODS" -I "$ROOT/Sources/CLibXML2" -I "$ROOT/Sources/CNcursesw" -Xcc -I/usr/include/libxml2
          -I "$TOMLKIT/CTOML/include/CTOML")
LIBS=(-lxml2 -lncursesw -lstdc++)

# Compiles one module (whole-module, optimised, instrumented, testable) when a source
# changed since its object was built.
build_module() {
    local name=$1 dir=$2
    local object=$MODS/$name.o
    local sources
    mapfile -t sources < <(find "$ROOT/$dir" -name '*.swift' | sort)
    if [[ -f $object ]] && [[ -z $(find "$ROOT/$dir" -name '*.swift' -newer "$object" | head -1) ]] \
        && [[ $(cat "$MODS/$name.sources" 2>/dev/null) == "${sources[*]}" ]]; then
        return
    fi
    log "compiling $name (${#sources[@]} files)"
    "$SWIFTC" -parse-as-library -module-name "$name" $SANITIZE -O -enable-testing -wmo \
        -emit-module -emit-module-path "$MODS/$name.swiftmodule" "${INCLUDES[@]}" \
        -c "${sources[@]}" -o "$object"
    echo "${sources[*]}" > "$MODS/$name.sources"
}

# Compiles TOMLKit's C++ part (CTOML) into one archive when a source changed.
build_ctoml() {
    local archive=$MODS/libCTOML.a
    local dir=$TOMLKIT/CTOML
    if [[ -f $archive ]] && [[ -z $(find "$dir" -newer "$archive" -type f | head -1) ]]; then return; fi
    log "compiling CTOML (C++)"
    local objects=()
    for f in "$dir"/Sources/*.cpp; do
        local o=$MODS/ctoml-$(basename "$f" .cpp | tr -c 'A-Za-z0-9\n' '_').o
        "$CXX" -std=c++17 -O1 -w -fsanitize=fuzzer-no-link,address -DTOML_EXCEPTIONS=1 -I "$dir/include" \
            -c "$f" -o "$o"
        objects+=("$o")
    done
    rm -f "$archive"
    ar rcs "$archive" "${objects[@]}"
}

# Links the harness of one target with every module and the shared checks.
build_target() {
    local target=$1
    local binary=$OUT/bin/fuzz-$target
    local sources=("$ROOT/Fuzz/FuzzEntry.swift" "$ROOT/Fuzz/$target.swift")
    local checks
    mapfile -t checks < <(find "$ROOT/Tests/FuzzTests/Checks" -name '*.swift' | sort)
    local objects=()
    for m in "${MODULES[@]}"; do objects+=("$MODS/${m%% *}.o"); done
    objects+=("$MODS/libCTOML.a")
    local newest
    newest=$(ls -t "${sources[@]}" "${checks[@]}" "${objects[@]}" | head -1)
    if [[ -x $binary && $binary -nt $newest ]]; then return; fi
    log "linking fuzz-$target"
    "$SWIFTC" -parse-as-library -module-name FuzzHarness $SANITIZE -O "${INCLUDES[@]}" \
        "${sources[@]}" "${checks[@]}" "${objects[@]}" "${LIBS[@]}" -o "$binary"
}

# Seed folders for a target: fixtures, hand-written seeds and the saved regressions.
seeds() {
    local target=$1
    mkdir -p "$ROOT/Tests/Fixtures/fuzz-regressions/$target"
    local dirs=("$ROOT/Tests/Fixtures/fuzz-regressions/$target")
    [[ -d $ROOT/Fuzz/Seeds/$target ]] && dirs+=("$ROOT/Fuzz/Seeds/$target")
    local fixtures=$ROOT/Tests/FeedsTests/Fixtures
    case $target in
        text)
            dirs+=("$ROOT/Tests/ArticlesTests/Fixtures")
            mkdir -p "$OUT/seeds/text"
            find "$ROOT/Resources/Library" -type f \( -name '*.txt' -o -name '*.md' \) -exec cp {} "$OUT/seeds/text/" \;
            dirs+=("$OUT/seeds/text")
            ;;
        html)
            dirs+=("$ROOT/Tests/ArticlesTests/Fixtures/html")
            mkdir -p "$OUT/seeds/html"
            cp "$fixtures"/*.html "$OUT/seeds/html/"
            dirs+=("$OUT/seeds/html")
            ;;
        feeds | json-feed | opml)
            local pattern
            case $target in feeds) pattern='\.(xml|rss|atom)$' ;; json-feed) pattern='\.json$' ;; opml) pattern='\.opml$' ;; esac
            mkdir -p "$OUT/seeds/$target"
            find "$fixtures" "$ROOT/Resources/Feeds" -type f | grep -E "$pattern" | while read -r f; do cp "$f" "$OUT/seeds/$target/"; done
            dirs+=("$OUT/seeds/$target")
            ;;
        wrap)
            # A width byte (40 or 7 cells), then a fixture's text.
            mkdir -p "$OUT/seeds/wrap"
            for f in "$ROOT"/Tests/ArticlesTests/Fixtures/*.txt; do
                { printf '\050'; head -c 4000 "$f"; } > "$OUT/seeds/wrap/40-$(basename "$f")"
                { printf '\007'; head -c 600 "$f"; } > "$OUT/seeds/wrap/7-$(basename "$f")"
            done
            dirs+=("$OUT/seeds/wrap")
            ;;
    esac
    printf '%s\n' "${dirs[@]}"
}

build_ctoml
for m in "${MODULES[@]}"; do build_module $m; done
for target in $TARGETS; do
    [[ -f $ROOT/Fuzz/$target.swift ]] || { log "unknown target $target (targets: $ALL_TARGETS)"; exit 2; }
    build_target "$target"
done

summary=()
failed=0
for target in $TARGETS; do
    corpus=$OUT/corpus/$target
    artifacts=$OUT/artifacts/$target
    mkdir -p "$corpus" "$artifacts"
    mapfile -t seed_dirs < <(seeds "$target")
    before=$(find "$artifacts" -type f | wc -l)
    log "running $target for ${FUZZ_SECONDS}s"
    status=0
    extra=()
    # TOMLKit 0.6 never frees the array `TOMLTable.keys` gets from its C++ side (a few
    # hundred bytes per config load, once per start): not a finding in Bulletin's code.
    asan=""
    if [[ $target == config ]]; then extra+=(-detect_leaks=0); asan="detect_leaks=0"; fi
    ASAN_OPTIONS=$asan SWIFT_BACKTRACE=enable=no "$OUT/bin/fuzz-$target" -max_len=1048576 -timeout=10 -rss_limit_mb=2048 \
        -max_total_time="$FUZZ_SECONDS" -print_final_stats=1 -artifact_prefix="$artifacts/" ${extra[@]+"${extra[@]}"} \
        "$corpus" "${seed_dirs[@]}" > "$OUT/logs/$target.log" 2>&1 || status=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$OUT/logs/$target.log" | tail -1)
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$OUT/logs/$target.log" | tail -1)
    if [[ -z $runs ]]; then  # a crash ends the run before the final stats
        runs=$(grep -oE '^#[0-9]+' "$OUT/logs/$target.log" | tail -1 | tr -d '#')
    fi
    crashes=$(( $(find "$artifacts" -type f | wc -l) - before ))
    if [[ $status -ne 0 && $crashes -eq 0 ]]; then crashes=1; fi
    if [[ $crashes -ne 0 ]]; then
        failed=1
        log "$target failed (exit $status); last lines of $OUT/logs/$target.log:"
        tail -25 "$OUT/logs/$target.log" >&2
        find "$artifacts" -type f -newer "$OUT/bin/fuzz-$target" >&2 || true
    else
        log "$target: ${runs:-0} runs in ${FUZZ_SECONDS}s, ${speed:-?} exec/s, corpus $(find "$corpus" -type f | wc -l) inputs"
    fi
    summary+=("fuzz $target: ${runs:-0} runs, $crashes crashes")
done
printf '%s\n' "${summary[@]}"
exit $failed
