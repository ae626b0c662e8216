#!/usr/bin/env bash
# Declares GenEft's current public API in PublicAPI.Unshipped.txt: adds every symbol the analyzer reports as
# undeclared (RS0016) and drops every declared symbol it reports as gone (RS0017). Run after changing the public
# API, review the diff (it IS the API change), commit it. At a release, move Unshipped's lines into Shipped.
set -euo pipefail
cd "$(dirname "$0")"
log=$(mktemp)
dotnet build -c Release --no-incremental -p:TreatWarningsAsErrors=false -p:WarningsAsErrors= GenEft.csproj >"$log" 2>&1 || true
python3 - "$log" <<'PY'
import re, sys
log = open(sys.argv[1], encoding="utf-8").read()
added = set(re.findall(r"warning RS0016: Symbol '(.+?)' is not part of the declared public API", log))
removed = set(re.findall(r"warning RS0017: Symbol '(.+?)' is part of the declared API, but is either not public or could not be found", log))
path = "PublicAPI.Unshipped.txt"
lines = [l.rstrip("\n") for l in open(path, encoding="utf-8") if l.strip() and not l.startswith("#nullable")]
current = (set(lines) | added) - removed
with open(path, "w", encoding="utf-8", newline="\n") as f:
    f.write("#nullable enable\n")
    for line in sorted(current, key=lambda s: (s.lower(), s)):
        f.write(line + "\n")
print(f"PublicAPI.Unshipped.txt: +{len(added)} -{len(removed)} -> {len(current)} symbols")
PY
rm -f "$log"
dotnet build -c Release GenEft.csproj 2>&1 | grep -E "RS00(16|17)|error" | head -5 || true
