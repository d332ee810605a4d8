#!/usr/bin/env bash
# Takes the README's screenshots: builds roster if needed, fills a sample database through `roster upsert`,
# starts the window under Xvfb and lets its hidden --screenshot-dir option grab each view.
# Usage: scripts/screenshots.sh [BUILD_DIR]   (default: build)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build}"
out="$root/docs/screenshots"
if [[ ! -x "$build/app/roster" ]]; then
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
    cmake --build "$build" --target roster -j2
fi
roster="$build/app/roster"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
db="$work/sample.sqlite"

upsert() { "$roster" upsert --db "$db" "$@" >/dev/null; }
while IFS='|' read -r first last email phone company domain title city tags; do
    args=("first_name=$first" "last_name=$last" "email=$email" "company_name=$company" "company_domain=$domain"
          "job_title=$title" "city=$city")
    [[ -n "$phone" ]] && args+=("phone=$phone")
    [[ -n "$tags" ]] && args+=("tags+=$tags")
    upsert "${args[@]}"
done <<'DATA'
Jane|Smith|jane.smith@acme.com|+33 6 12 34 56 78|Acme|acme.com|Chief Technology Officer|Paris|customer,vip
John|Doe|john.doe@acme.com|+33 6 22 33 44 55|Acme|acme.com|Account Manager|Paris|customer
Zoé|Adler|zoe@globex.com|+49 30 1234567|Globex|globex.com|Head of Sales|Berlin|prospect
Émile|Brun|emile.brun@initech.fr|+33 4 78 12 34 56|Initech|initech.fr|Developer|Lyon|
Ada|Lovelace|ada@analytical.example|+44 20 7946 0001|Analytical Engines|analytical.example|Mathematician|London|vip
Grace|Hopper|grace@navy.example||US Navy|navy.example|Rear Admiral|Arlington|
Alan|Turing|alan@bletchley.example|+44 20 7946 0002|Bletchley Park|bletchley.example|Cryptanalyst|Bletchley|
Marie|Curie|marie.curie@sorbonne.example|+33 1 44 27 00 00|Sorbonne|sorbonne.example|Professor|Paris|customer
Linus|Torvalds|linus@kernel.example||Linux Foundation|kernel.example|Fellow|Portland|partner
Margaret|Hamilton|margaret@apollo.example|+1 617 555 0101|Apollo Labs|apollo.example|Director of Software|Boston|partner,vip
Hedy|Lamarr|hedy@spectrum.example|+1 310 555 0199|Spectrum Co|spectrum.example|Inventor|Los Angeles|prospect
Tim|Berners-Lee|tim@w3.example||W3 Org|w3.example|Director|Cambridge|
Sophie|Wilson|sophie@arm.example|+44 1223 400 400|ARM|arm.example|Chip Designer|Cambridge|customer
Katherine|Johnson|katherine@nasa.example|+1 757 555 0123|NASA|nasa.example|Mathematician|Hampton|
Claude|Shannon|claude@bell.example|+1 908 555 0142|Bell Labs|bell.example|Researcher|Murray Hill|prospect
Barbara|Liskov|barbara@mit.example|+1 617 555 0177|MIT|mit.example|Professor|Cambridge|partner
Dennis|Ritchie|dennis@bell.example|+1 908 555 0143|Bell Labs|bell.example|Researcher|Murray Hill|
Frances|Allen|frances@ibm.example|+1 914 555 0168|IBM|ibm.example|Fellow|Yorktown|customer
J.|Smith|j.smith@acme.com|+33 6 12 34 56 78|Acme|acme.com|CTO|Paris|
Anne|Dupont|anne.dupont@initech.fr|+33 4 78 98 76 54|Initech|initech.fr|Product Owner|Lyon|customer
DATA

mkdir -p "$out"
QT_QPA_PLATFORMTHEME= xvfb-run -a -s "-screen 0 1280x800x24" \
    "$roster" --db "$db" --lang en --screenshot-dir "$out" --screenshot-import "$root/tests/ui/data/import.csv"
ls -l "$out"
