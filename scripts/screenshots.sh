#!/usr/bin/env bash
# Takes the README's screenshots: builds roster if needed, fills a sample database through `roster upsert`,
# starts the window under Xvfb and lets its hidden --screenshot-dir option grab each view.
# Usage: scripts/screenshots.sh [BUILD_DIR]   (default: build)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build}"
out="$root/docs/screenshots"
if [[ ! -x "$build/app/roster" || ! -x "$build/tests/emulators/roster-emulator" ]]; then
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
    cmake --build "$build" --target roster roster-emulator -j2
fi
roster="$build/app/roster"
emulator="$build/tests/emulators/roster-emulator"
work="$(mktemp -d)"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT
db="$work/sample.sqlite"

upsert() { "$roster" upsert --db "$db" "$@" >/dev/null; }
emails=()
while IFS='|' read -r first last email phone company domain title city tags; do
    emails+=("$email")
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
# The contact the editor's picture shows keeps three phones, each with its kind.
upsert email=zoe@globex.com phone_type=work "extra_phones=+49 171 2345678 (mobile); +49 30 1234569 (fax)" \
    "extra_websites=https://globex.com/team/zoe"

# The sync panel's views: two CRM emulators on loopback (limits 20 times faster, the client's clock too), an
# account on each, and a few syncs for the history: the first push, records added on the services and
# pulled, local edits pushed, and contacts with a custom field lemlist does not know (an error to show). The
# overwrite guard is off (guard_share=1): the sample rewrites most records on purpose.
export ROSTER_NO_KEYCHAIN=1 ROSTER_SYNC_TIME_SCALE=0.05
export ROSTER_SECRET_SALES=sales-key-2718 ROSTER_SECRET_AGENCY=agency-key-3141
start_emulator() { # provider key -> base URL
    "$emulator" --provider "$1" --key "$2" --rate-scale 0.05 >"$work/$1.url" 2>/dev/null &
    pids+=($!)
    for _ in $(seq 50); do [[ -s "$work/$1.url" ]] && break; sleep 0.1; done
    head -n1 "$work/$1.url"
}
control() { # base-url endpoint json: the emulator's test endpoints, at the server's root (needs curl)
    curl -sf -X POST "$(sed -E 's#^(https?://[^/]+).*#\1#' <<<"$1")/__emulator/$2" \
        -H 'Content-Type: application/json' -d "$3" >/dev/null
}
lemlist_url="$(start_emulator lemlist "$ROSTER_SECRET_SALES")"
highlevel_url="$(start_emulator highlevel "$ROSTER_SECRET_AGENCY")"
location="$(curl -sf "${highlevel_url%/}/__emulator/config" | sed -n 's/.*"locationId":"\([^"]*\)".*/\1/p')"
"$roster" account add --db "$db" --provider lemlist --name Sales --base-url "$lemlist_url" \
    --option guard_share=1 --secret-env ROSTER_SECRET_SALES >/dev/null
"$roster" account add --db "$db" --provider highlevel --name Agency --base-url "$highlevel_url" \
    --option "location_id=$location" --option guard_share=1 --secret-env ROSTER_SECRET_AGENCY >/dev/null
run_sync() { "$roster" sync --db "$db" >/dev/null || true; }
run_sync
control "$lemlist_url" seed '[
    {"email":"nina@orbit.example","firstName":"Nina","lastName":"Petrova","jobTitle":"Growth Lead"},
    {"email":"omar@orbit.example","firstName":"Omar","lastName":"Haddad","jobTitle":"Sales Engineer"},
    {"email":"lea@quanta.example","firstName":"Léa","lastName":"Martin","jobTitle":"Head of Marketing"},
    {"email":"ken@quanta.example","firstName":"Ken","lastName":"Ito","jobTitle":"Founder"}]'
control "$highlevel_url" seed "[
    {\"email\":\"sam@north.example\",\"firstName\":\"Sam\",\"lastName\":\"Okafor\",\"companyName\":\"Northwind\",
     \"city\":\"Leeds\",\"locationId\":\"$location\"},
    {\"email\":\"ana@north.example\",\"firstName\":\"Ana\",\"lastName\":\"Silva\",\"companyName\":\"Northwind\",
     \"city\":\"Porto\",\"locationId\":\"$location\"}]"
run_sync
for who in jane.smith@acme.com john.doe@acme.com zoe@globex.com ada@analytical.example; do
    upsert "email=$who" "summary=Met at the spring fair" "address1=1 Main Street"
done
run_sync
"$roster" field add --db "$db" --key score --label Score >/dev/null
upsert email=grace@navy.example custom.score=92
upsert email=alan@bletchley.example custom.score=88
run_sync
# A conflict as the pull records one when both sides changed a field since the last sync (the sync
# branch's three-way merge); the inbox and its Keep buttons are the panel's.
sqlite3 "$db" "INSERT INTO sync_conflicts (contact_id, account_id, field, base_value, local_value, remote_value,
    found_at) SELECT c.id, a.id, 'job_title', '\"Software Lead\"', '\"Director of Software\"', '\"VP Software\"',
    strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM contacts c, accounts a
    WHERE c.email_norm = 'margaret@apollo.example' AND a.name = 'Sales'"
# Changes (in fields the table does not show) for the Sync Now the window starts, which the picture catches
# half way: with the services' real limits on the client side (lemlist: 20 requests per 2 s) and slow replies,
# it takes a few seconds.
for who in "${emails[@]}"; do
    upsert "email=$who" "summary=Newsletter subscriber" "address1=2 Station Road"
done
control "$lemlist_url" faults '{"delayMs": 300}'
control "$highlevel_url" faults '{"delayMs": 300}'
export ROSTER_SYNC_TIME_SCALE=1

# The file the import views show: an Outlook-style export with what real files hold: a person listed twice,
# an email that is not one, a title newer than the one here (Check First lists it), and a name whose last letter the exporter cut in half (invalid UTF-8).
printf '%s\r\n' 'First Name,Last Name,E-mail Address,Company,Job Title,Mobile Phone' \
    'Ada,Lovelace,ada@analytical.example,Analytical Engines,Mathematician,+44 20 7946 0001' \
    'Hannah,Schmidt,hannah@kraft.example,Kraft & Söhne,Einkaufsleiterin,+49 89 1234 5678' \
    'Bad,Row,not-an-email,Nowhere,,' \
    'Zoé,Adler,zoe@globex.com,Globex,Sales Director,' \
    'Léon,Mercier,LEON@BATIX.EXAMPLE,Batix,Directeur commercial,' \
    'Léon,Mercier,leon@batix.example,Batix,Directeur commercial,+33 6 98 76 54 32' >"$work/Contacts.csv"
printf 'Chlo\xc3,Martin,chloe@batix.example,Batix,Acheteuse,+33 6 11 22 33 44\r\n' >>"$work/Contacts.csv"

mkdir -p "$out"
# The same sample for the French and German main window, taken before the English tour changes it.
sqlite3 "$db" ".backup '$work/fr.sqlite'"
sqlite3 "$db" ".backup '$work/de.sqlite'"
# Every view at 1024 px wide, the narrowest width the window is checked at.
export ROSTER_SCREENSHOT_WIDTH=1024
QT_QPA_PLATFORMTHEME= xvfb-run -a -s "-screen 0 1280x800x24" \
    "$roster" --db "$db" --lang en --screenshot-dir "$out" --screenshot-import "$work/Contacts.csv"
for lang in fr de; do
    mkdir -p "$work/$lang"
    QT_QPA_PLATFORMTHEME= xvfb-run -a -s "-screen 0 1280x800x24" \
        "$roster" --db "$work/$lang.sqlite" --lang "$lang" --screenshot-dir "$work/$lang" \
        --screenshot-import "$work/Contacts.csv" || true
    cp "$work/$lang/main-window.png" "$out/main-window-$lang.png"
done
ls -l "$out"
