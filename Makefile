# Ontwikkelplein build entry points.
#
# sam build: every function in template.yaml has `Metadata: BuildMethod: makefile` and
# `CodeUri: .`, so SAM runs `make build-<LogicalId>` here with ARTIFACTS_DIR set to the
# function's output directory. The Lambda Java runtime loads classes from the root of the zip
# (and jars under lib/), so each target unpacks the function's shaded jar into ARTIFACTS_DIR.
#
# Without SAM, e.g.:  make build-PublicApiFunction ARTIFACTS_DIR=/tmp/public-api
#
# SAM runs one make per function. By default each runs in its own scratch copy of CodeUri (the
# whole repository), so every function builds its module once. With `sam build --build-in-source`
# they all run here and share target/ directories: then do not add --parallel, or two Maven runs
# may write the same module at once.
#
# Other targets: `make jars` (all function jars, with tests), `make coldstart-bench` and
# `make enrolment-bench` (docs/benchmarks.md).

MVN        ?= mvn
MVN_FLAGS  ?= -q -B
JAVA       ?= java
BENCH_ARGS ?=

# One Maven run builds a module and what it needs (-am) in one reactor. Two such runs at the
# same time would write the same target/ directories, so this Makefile never runs in parallel.
.NOTPARALLEL:

.PHONY: help jars coldstart-bench enrolment-bench workspace-list-bench check-artifacts-dir \
        jar-api jar-workspace jar-site-builder jar-search-index jar-importer \
        build-PublicApiFunction build-EditorApiFunction build-EnrolmentEventsFunction build-RemindersFunction jar-notifications build-WorkspaceFunction build-SiteBuilderFunction \
        build-SiteRebuildFunction build-SitePublishFunction build-SearchIndexFunction build-ImportFunction

help:
	@echo "make build-<Function> ARTIFACTS_DIR=<dir>   what sam build runs (PublicApiFunction, EditorApiFunction, EnrolmentEventsFunction, RemindersFunction, WorkspaceFunction,"
	@echo "                                            SiteBuilderFunction, SiteRebuildFunction, SitePublishFunction, SearchIndexFunction, ImportFunction)"
	@echo "make jars                                   mvn install: all modules, tests included"
	@echo "make coldstart-bench [BENCH_ARGS='--runs 11 --cds']   cold-start benchmark (docs/benchmarks.md)"
	@echo "make enrolment-bench [BENCH_ARGS='--extra-offers 10000']   enrolment under load on the local run"
	@echo "make workspace-list-bench [BENCH_ARGS='--requests 200']   the staff offer list at 25, 1,000 and 5,000 offers"

# ---------------------------------------------------------------- sam build targets

# The module's shaded jar; `package` without `install`, tests skipped (run them in CI with `make jars`).
# Phony on purpose: Maven decides what is stale. Within one make run each module builds once, so
# `make build-PublicApiFunction build-EditorApiFunction` runs Maven once.
# (Explicit rules: make skips pattern rules for .PHONY targets.)
MODULE_PACKAGE = $(MVN) $(MVN_FLAGS) -DskipTests -pl functions/$(1) -am package

jar-api:
	$(call MODULE_PACKAGE,api)

jar-workspace:
	$(call MODULE_PACKAGE,workspace)

jar-site-builder:
	$(call MODULE_PACKAGE,site-builder)

jar-search-index:
	$(call MODULE_PACKAGE,search-index)

jar-importer:
	$(call MODULE_PACKAGE,importer)

# $(1): path of the shaded jar, unpacked into ARTIFACTS_DIR with the JDK's own `jar` tool (no
# unzip needed in the build image).
define unpack
	@test -f "$(1)" || { echo "$(1) was not built" >&2; exit 1; }
	mkdir -p "$(ARTIFACTS_DIR)"
	cd "$(ARTIFACTS_DIR)" && jar xf "$(CURDIR)/$(1)"
	@echo "$@: $(1) unpacked into $(ARTIFACTS_DIR)"
endef

# Checked before Maven runs. SAM always hands over a fresh, empty directory; by hand, an old
# function's classes must not mix with a new one's, and nothing here deletes a directory it was
# given, so it must be empty or absent.
check-artifacts-dir:
	@test -n "$(ARTIFACTS_DIR)" || { echo "ARTIFACTS_DIR is not set (sam build sets it; by hand: make <target> ARTIFACTS_DIR=/tmp/x)" >&2; exit 2; }
	@test ! -e "$(ARTIFACTS_DIR)" || test -z "$$(ls -A "$(ARTIFACTS_DIR)")" || { echo "ARTIFACTS_DIR $(ARTIFACTS_DIR) is not empty" >&2; exit 2; }

build-PublicApiFunction: check-artifacts-dir jar-api
	$(call unpack,functions/api/target/api-function.jar)

build-EditorApiFunction: check-artifacts-dir jar-api
	$(call unpack,functions/api/target/api-function.jar)

jar-notifications:
	$(call MODULE_PACKAGE,notifications)

build-EnrolmentEventsFunction: check-artifacts-dir jar-notifications
	$(call unpack,functions/notifications/target/notifications-function.jar)

build-RemindersFunction: check-artifacts-dir jar-notifications
	$(call unpack,functions/notifications/target/notifications-function.jar)

build-WorkspaceFunction: check-artifacts-dir jar-workspace
	$(call unpack,functions/workspace/target/workspace-function.jar)

build-SiteBuilderFunction: check-artifacts-dir jar-site-builder
	$(call unpack,functions/site-builder/target/site-builder-function.jar)

build-SiteRebuildFunction: check-artifacts-dir jar-site-builder
	$(call unpack,functions/site-builder/target/site-builder-function.jar)

build-SitePublishFunction: check-artifacts-dir jar-site-builder
	$(call unpack,functions/site-builder/target/site-builder-function.jar)

build-SearchIndexFunction: check-artifacts-dir jar-search-index
	$(call unpack,functions/search-index/target/search-index-function.jar)

build-ImportFunction: check-artifacts-dir jar-importer
	$(call unpack,functions/importer/target/importer-function.jar)

# ---------------------------------------------------------------- development

jars:
	$(MVN) $(MVN_FLAGS) install

# The cold-start benchmark: every function jar in a fresh JVM against loopback stand-ins.
# Needs the jars: `mvn -q -DskipTests install` first (the benchmark says so when they are missing).
coldstart-bench:
	$(MVN) -q -pl tools/coldstart-bench compile exec:exec -Dexec.executable="$(JAVA)" \
	  -Dexec.args="-cp %classpath nl.ontwikkelplein.tools.bench.ColdStartBench $(BENCH_ARGS)"

# Enrolment under load on a fresh local run with the demo data (docs/benchmarks.md).
enrolment-bench:
	$(MVN) -q -pl tools/enrolment-bench exec:java -Dexec.args="$(BENCH_ARGS)"

# The staff list ("Ons aanbod") at 25 (baseline), 1,000 and 5,000 offers (docs/benchmarks.md).
workspace-list-bench:
	$(MVN) -q -pl tools/enrolment-bench exec:java -Dexec.mainClass=nl.ontwikkelplein.tools.load.WorkspaceListBench -Dexec.args="$(BENCH_ARGS)"
