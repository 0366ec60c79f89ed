#!/usr/bin/env bash
# Mutation testing of one folder of Miljofyrtarn.Core with Stryker.NET (docs/quality.md). The test project is compiled
# with only the tests of that folder (and the helpers they use), so a run finishes on two cores.
# Usage: tools/mutation.sh Schedule   (Catalog, Catalog/Json, Organisations, Resolution, Assessment, Lifecycle, Schedule,
#        ReadModels, Notifications, Interchange or Storage), or tools/mutation.sh Sqlite | Postgres for a store project with all its
#        tests (PostgreSQL: the tests start a throw-away server when MILJOFYRTARN_POSTGRES is unset).
# The report lands in tests/Miljofyrtarn.Core.Tests/StrykerOutput/<date>/reports.
set -euo pipefail
folder=${1:?folder: Catalog, Catalog/Json, Organisations, Resolution, Assessment, Lifecycle, Schedule, ReadModels, Notifications, Interchange, Storage, Sqlite or Postgres}
if [ "$folder" = Sqlite ] || [ "$folder" = Postgres ]; then
  cd "$(dirname "$0")/../tests/Miljofyrtarn.Storage.$folder.Tests"
  dotnet tool restore >/dev/null
  exec dotnet stryker "${@:2}"
fi
helpers='Organisations/Heim.cs;Organisations/OrganisationState.cs;Lifecycle/HeimLifecycle.cs;Lifecycle/LifecycleFingerprint.cs;Docs/RepositoryFiles.cs'
case "$folder" in
  Catalog) tests='Catalog/*.cs' ;;
  Organisations | Resolution | Assessment) tests='Organisations/*.cs;Assessment/*.cs;Lifecycle/CommonSetSwitchTest.cs' ;;
  Lifecycle) tests='Lifecycle/*.cs;Interchange/SnapshotInvariantsTest.cs;Diagnostics/ExtremeValueProperties.cs;Diagnostics/CodedFailureTest.cs;Schedule/FollowUpAuditTest.cs;Reporting/ReportBuilder.cs;Reporting/ReportRoundTripProperties.cs' ;;
  Schedule) tests='Schedule/*.cs' ;;
  ReadModels) tests='ReadModels/*.cs' ;;
  Notifications) tests='Notifications/*.cs' ;;
  Catalog/Json) tests='Catalog/*.cs;Reporting/*.cs' ;;
  Interchange | Storage) tests='Interchange/*.cs;Integrity/*.cs;Roles/*.cs;Contracts/*.cs;Diagnostics/*.cs;Reporting/*.cs;Lifecycle/OrganisationLifecycleProperties.cs' ;;
  *) echo "unknown folder: $folder" >&2; exit 2 ;;
esac
cd "$(dirname "$0")/../tests/Miljofyrtarn.Core.Tests"
dotnet tool restore >/dev/null
MFT_MUTATION_TESTS="$tests;$helpers" dotnet stryker --mutate "**/$folder/*.cs" "${@:2}"
