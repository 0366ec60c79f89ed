#!/usr/bin/env bash
# Adds every public symbol the PublicApiAnalyzers report as undeclared (RS0016) to the project's
# PublicAPI.Unshipped.txt, and removes the ones it reports as gone (RS0017). Review the diff afterwards.
# Usage: tools/update-public-api.sh src/Miljofyrtarn.Core
set -euo pipefail
project_dir=${1:?project directory}
log=$(mktemp)
dotnet build "$project_dir" -c Release -p:TreatWarningsAsErrors=false --no-incremental >"$log" 2>&1 || true
python3 - "$log" "$project_dir/PublicAPI.Unshipped.txt" <<'PY'
import re, sys
log, target = sys.argv[1], sys.argv[2]
text = open(log, encoding="utf-8").read()
added = set(re.findall(r"RS0016: Symbol '(.*?)' is not part of the declared public API", text))
removed = set(re.findall(r"RS0017: Symbol '(.*?)' is part of the declared API, but is either not public or could not be found", text))
lines = [l.rstrip("\n") for l in open(target, encoding="utf-8")]
header = [l for l in lines if l.startswith("#")] or ["#nullable enable"]
body = {l for l in lines if l and not l.startswith("#")}
body = (body | added) - removed
open(target, "w", encoding="utf-8").write("\n".join(header + sorted(body, key=str.lower)) + "\n")
print(f"added {len(added)}, removed {len(removed)}")
PY
rm -f "$log"
