# Thin front end over CMake presets. `make demo` and `make test` work on a fresh Debian 12
# machine: both install what they need first (scripts/install-deps).
.PHONY: all build demo test test-sanitize fuzz bench format deps clean

JOBS ?= $(shell nproc)
RELEASE := build/release
TEST := build/test
SANITIZE := build/sanitize

all: build

deps:
	@scripts/install-deps

build: deps
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j $(JOBS)

demo: build
	$(RELEASE)/stormwatch hunt examples/lab

test: deps
	@cmake --preset test >/dev/null
	@cmake --build --preset test -j $(JOBS)
	@ctest --preset test -j $(JOBS)

test-sanitize: deps
	@cmake --preset sanitize >/dev/null
	@cmake --build --preset sanitize -j $(JOBS)
	@ctest --preset sanitize -j $(JOBS)

fuzz:
	@scripts/install-deps --fuzz
	@cmake --preset fuzz >/dev/null
	@cmake --build --preset fuzz -j $(JOBS)

bench:
	@scripts/install-deps --bench
	@cmake --preset bench >/dev/null
	@cmake --build --preset bench -j $(JOBS)

format:
	@find apps src tests bench -name '*.cpp' -o -name '*.cc' -o -name '*.h' | xargs clang-format -i

clean:
	rm -rf build
