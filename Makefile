# Bulletin: `make run` opens the reader on the bundled samples; `make test` runs every test.
PREFIX ?= /usr/local
SWIFT ?= swift
NCURSES_HEADER := /usr/include/ncursesw/curses.h
LIBXML2_HEADER := /usr/include/libxml2/libxml/HTMLparser.h

.PHONY: all build release run test bench stress fuzz install uninstall clean check-deps

all: build

check-deps:
	@test -f $(NCURSES_HEADER) || { echo "bulletin: libncurses-dev is missing; install it with: sudo apt-get install -y libncurses-dev" >&2; exit 1; }
	@test -f $(LIBXML2_HEADER) || { echo "bulletin: libxml2-dev is missing; install it with: sudo apt-get install -y libxml2-dev" >&2; exit 1; }

build: check-deps
	$(SWIFT) build

release: check-deps
	$(SWIFT) build -c release

run: build
	@LANG=$${LANG:-C.UTF-8} $$($(SWIFT) build --show-bin-path)/bulletin

test: check-deps
	$(SWIFT) build --build-tests
	LANG=C.UTF-8 $(SWIFT) test --skip-build --disable-swift-testing

# 1,000 SIGKILLs of a process writing state: zero corrupt files, zero lost confirmed changes.
stress: check-deps
	$(SWIFT) build --build-tests
	BULLETIN_STRESS_KILLS=$${STRESS_KILLS:-1000} LANG=C.UTF-8 $(SWIFT) test --skip-build --disable-swift-testing --filter 'CrashSafetyTests|CrashPointTests'

bench: release
	$$($(SWIFT) build -c release --show-bin-path)/bulletin-bench --out bench-results/bench.json $(BENCH_ARGS)

# Coverage-guided fuzzing (libFuzzer) of every untrusted-input parser; see FUZZING.md.
FUZZ_SECONDS ?= 60
fuzz: check-deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) Fuzz/run.sh

install: release
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/bulletin
	install -m 0755 $$($(SWIFT) build -c release --show-bin-path)/bulletin $(DESTDIR)$(PREFIX)/bin/bulletin
	rm -rf $(DESTDIR)$(PREFIX)/share/bulletin/Library
	cp -R Resources/Library $(DESTDIR)$(PREFIX)/share/bulletin/Library
	rm -rf $(DESTDIR)$(PREFIX)/share/bulletin/Feeds
	cp -R Resources/Feeds $(DESTDIR)$(PREFIX)/share/bulletin/Feeds
	@echo "installed $(DESTDIR)$(PREFIX)/bin/bulletin"

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/bulletin
	rm -rf $(DESTDIR)$(PREFIX)/share/bulletin

clean:
	$(SWIFT) package clean
	rm -rf .build
