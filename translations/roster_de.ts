<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>DatabaseOpener</name>
    <message>
        <source>Preparing the contacts database…
%1

A database from an earlier version of Roster is upgraded once, and one another program removed contacts from is cleaned up; a large one takes a few minutes.</source>
        <translation>Kontaktdatenbank wird vorbereitet…
%1

Eine Datenbank einer früheren Roster-Version wird einmalig aktualisiert, und eine, aus der ein anderes Programm Kontakte entfernt hat, wird bereinigt; bei einer großen dauert das einige Minuten.</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>Roster</translation>
    </message>
</context>
<context>
    <name>FieldLabels</name>
    <message>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>LinkedIn</source>
        <translation>LinkedIn</translation>
    </message>
    <message>
        <source>Sales Navigator</source>
        <translation>Sales Navigator</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Job description</source>
        <translation>Stellenbeschreibung</translation>
    </message>
    <message>
        <source>Headline</source>
        <translation>Profilzeile</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Company domain</source>
        <translation>Firmendomain</translation>
    </message>
    <message>
        <source>Company LinkedIn</source>
        <translation>Firmen-LinkedIn</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Stadt</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Bundesland</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Postleitzahl</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Branche</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Sprachen</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>Kenntnisse</translation>
    </message>
    <message>
        <source>Picture URL</source>
        <translation>Bild-URL</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Geschlecht</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Do not contact</source>
        <translation>Nicht kontaktieren</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Other emails</source>
        <translation>Weitere E-Mails</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>Phone kind</source>
        <translation>Telefonart</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Mobil</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>Geschäftlich</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Privat</translation>
    </message>
    <message>
        <source>Fax</source>
        <translation>Fax</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <source>Other phones</source>
        <translation>Weitere Telefonnummern</translation>
    </message>
    <message>
        <source>Other web pages</source>
        <translation>Weitere Webseiten</translation>
    </message>
    <message>
        <source>%1:</source>
        <comment>form row label</comment>
        <translation>%1:</translation>
    </message>
</context>
<context>
    <name>FieldValidator</name>
    <message>
        <source>Not an email address: it needs a name, an @ and a domain, like jane@example.com.</source>
        <translation>Keine E-Mail-Adresse: Sie braucht einen Namen, ein @ und eine Domain, etwa jana@beispiel.de.</translation>
    </message>
    <message>
        <source>Not a LinkedIn profile address. It looks like https://www.linkedin.com/in/jane-smith.</source>
        <translation>Keine LinkedIn-Profiladresse. Sie sieht aus wie https://www.linkedin.com/in/jana-schmidt.</translation>
    </message>
    <message>
        <source>Not a Sales Navigator lead address. It looks like https://www.linkedin.com/sales/lead/….</source>
        <translation>Keine Sales-Navigator-Lead-Adresse. Sie sieht aus wie https://www.linkedin.com/sales/lead/….</translation>
    </message>
    <message>
        <source>Not a domain name, like example.com.</source>
        <translation>Kein Domainname wie beispiel.de.</translation>
    </message>
    <message>
        <source>Not a LinkedIn company page. It looks like https://www.linkedin.com/company/acme.</source>
        <translation>Keine LinkedIn-Firmenseite. Sie sieht aus wie https://www.linkedin.com/company/acme.</translation>
    </message>
    <message>
        <source>Not a web address.</source>
        <translation>Keine Webadresse.</translation>
    </message>
    <message>
        <source>Not a date. Write it as year-month-day, like 1990-04-23.</source>
        <translation>Kein Datum. Schreiben Sie es als Jahr-Monat-Tag, etwa 1990-04-23.</translation>
    </message>
    <message>
        <source>A contact needs at least an email, a phone or a LinkedIn address.</source>
        <translation>Ein Kontakt braucht mindestens eine E-Mail, ein Telefon oder eine LinkedIn-Adresse.</translation>
    </message>
    <message>
        <source>An email address is not valid.</source>
        <translation>Eine E-Mail-Adresse ist ungültig.</translation>
    </message>
    <message>
        <source>The LinkedIn address is not a profile address.</source>
        <translation>Die LinkedIn-Adresse ist keine Profiladresse.</translation>
    </message>
    <message>
        <source>The Sales Navigator address is not valid.</source>
        <translation>Die Sales-Navigator-Adresse ist ungültig.</translation>
    </message>
    <message>
        <source>The phone number could not be read; it was kept as typed.</source>
        <translation>Die Telefonnummer war nicht lesbar; sie wurde wie eingegeben übernommen.</translation>
    </message>
    <message>
        <source>The company domain is not a domain name; it was kept as typed.</source>
        <translation>Die Firmendomain ist kein Domainname; sie wurde wie eingegeben übernommen.</translation>
    </message>
    <message>
        <source>The date is ambiguous; it was kept as typed.</source>
        <translation>Das Datum ist mehrdeutig; es wurde wie eingegeben übernommen.</translation>
    </message>
    <message>
        <source>A custom field is not registered.</source>
        <translation>Ein benutzerdefiniertes Feld ist nicht registriert.</translation>
    </message>
    <message>
        <source>A custom field value does not fit its type.</source>
        <translation>Der Wert eines benutzerdefinierten Felds passt nicht zu seinem Typ.</translation>
    </message>
    <message>
        <source>The contact no longer exists.</source>
        <translation>Den Kontakt gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>This email, phone or LinkedIn address already belongs to another contact.</source>
        <translation>Diese E-Mail, Telefonnummer oder LinkedIn-Adresse gehört bereits einem anderen Kontakt.</translation>
    </message>
    <message>
        <source>Another contact has the same email, phone or LinkedIn address.</source>
        <translation>Ein anderer Kontakt hat dieselbe E-Mail, Telefonnummer oder LinkedIn-Adresse.</translation>
    </message>
    <message>
        <source>A field was left unchanged.</source>
        <translation>Ein Feld blieb unverändert.</translation>
    </message>
    <message>
        <source>There is nothing to undo.</source>
        <translation>Es gibt nichts rückgängig zu machen.</translation>
    </message>
    <message>
        <source>There is nothing to redo.</source>
        <translation>Es gibt nichts wiederherzustellen.</translation>
    </message>
    <message>
        <source>This step cannot be undone: the contacts changed since.</source>
        <translation>Dieser Schritt lässt sich nicht rückgängig machen: Die Kontakte wurden seitdem geändert.</translation>
    </message>
    <message>
        <source>The database reported an error.</source>
        <translation>Die Datenbank hat einen Fehler gemeldet.</translation>
    </message>
    <message>
        <source>The operation failed (%1).</source>
        <translation>Der Vorgang ist fehlgeschlagen (%1).</translation>
    </message>
    <message>
        <source>The web address is not valid.</source>
        <translation>Die Webadresse ist ungültig.</translation>
    </message>
    <message>
        <source>The value is not yes or no.</source>
        <translation>Der Wert ist weder ja noch nein.</translation>
    </message>
    <message>
        <source>The field does not exist.</source>
        <translation>Dieses Feld gibt es nicht.</translation>
    </message>
    <message>
        <source>The company does not exist.</source>
        <translation>Das Unternehmen gibt es nicht.</translation>
    </message>
    <message>
        <source>The owner was left unchanged.</source>
        <translation>Der Verantwortliche blieb unverändert.</translation>
    </message>
    <message>
        <source>The tags were left unchanged.</source>
        <translation>Die Schlagwörter blieben unverändert.</translation>
    </message>
    <message>
        <source>This file is not a Roster database; it was left untouched.</source>
        <translation>Diese Datei ist keine Roster-Datenbank; sie wurde nicht verändert.</translation>
    </message>
    <message>
        <source>This database comes from a newer Roster; it was left untouched.</source>
        <translation>Diese Datenbank stammt von einer neueren Roster-Version; sie wurde nicht verändert.</translation>
    </message>
    <message>
        <source>The file does not exist.</source>
        <translation>Die Datei existiert nicht.</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>Die Datei kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The file holds no contacts.</source>
        <translation>Die Datei enthält keine Kontakte.</translation>
    </message>
    <message>
        <source>The file is not a table of contacts (a spreadsheet must be saved as CSV first).</source>
        <translation>Die Datei ist keine Kontakttabelle (eine Tabellenkalkulation muss zuerst als CSV gespeichert werden).</translation>
    </message>
    <message>
        <source>The file could not be read as CSV or vCard.</source>
        <translation>Die Datei konnte weder als CSV noch als vCard gelesen werden.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>A value given is not valid.</source>
        <translation>Ein angegebener Wert ist ungültig.</translation>
    </message>
    <message>
        <source>The service could not be reached.</source>
        <translation>Der Dienst ist nicht erreichbar.</translation>
    </message>
    <message>
        <source>The service did not answer in time.</source>
        <translation>Der Dienst hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The service asked to slow down.</source>
        <translation>Der Dienst bat darum, langsamer zu werden.</translation>
    </message>
    <message>
        <source>The service refused the API key.</source>
        <translation>Der Dienst hat den API-Schlüssel abgelehnt.</translation>
    </message>
    <message>
        <source>The service reported an error.</source>
        <translation>Der Dienst hat einen Fehler gemeldet.</translation>
    </message>
    <message>
        <source>The service refused the record.</source>
        <translation>Der Dienst hat den Datensatz abgelehnt.</translation>
    </message>
    <message>
        <source>The service does not offer this.</source>
        <translation>Der Dienst bietet das nicht an.</translation>
    </message>
    <message>
        <source>The address is not https; an API key is only sent over https.</source>
        <translation>Die Adresse ist nicht https; ein API-Schlüssel wird nur über https gesendet.</translation>
    </message>
    <message>
        <source>No API key is stored for this account.</source>
        <translation>Für dieses Konto ist kein API-Schlüssel gespeichert.</translation>
    </message>
    <message>
        <source>The same person is on an earlier line of the file; the two lines were merged.</source>
        <translation>Dieselbe Person steht in einer früheren Zeile der Datei; beide Zeilen wurden zusammengeführt.</translation>
    </message>
    <message>
        <source>Some characters could not be read and were replaced by �.</source>
        <translation>Einige Zeichen konnten nicht gelesen werden und wurden durch � ersetzt.</translation>
    </message>
    <message>
        <source>The database file is read-only: nothing can be changed in it.</source>
        <translation>Die Datenbankdatei ist schreibgeschützt: Es kann nichts darin geändert werden.</translation>
    </message>
    <message>
        <source>Another program kept the database busy for too long; nothing was changed.</source>
        <translation>Ein anderes Programm hat die Datenbank zu lange belegt; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>A sync of this account is already running in another window or program.</source>
        <translation>Eine Synchronisierung dieses Kontos läuft bereits in einem anderen Fenster oder Programm.</translation>
    </message>
    <message>
        <source>This is Roster&apos;s own database file; it cannot be imported or overwritten.</source>
        <translation>Das ist Rosters eigene Datenbankdatei; sie kann weder importiert noch überschrieben werden.</translation>
    </message>
    <message>
        <source>The CRM&apos;s list could not be read to the end; no contact was taken as deleted there.</source>
        <translation>Die Liste des CRM konnte nicht bis zum Ende gelesen werden; kein Kontakt wurde dort als gelöscht betrachtet.</translation>
    </message>
    <message>
        <source>The service did not let Roster read its custom field definitions; custom fields were not synced.</source>
        <translation>Der Dienst ließ Roster seine Definitionen benutzerdefinierter Felder nicht lesen; diese Felder wurden nicht synchronisiert.</translation>
    </message>
    <message>
        <source>The service sent a reply too large to read; it was not read.</source>
        <translation>Der Dienst hat eine zu große Antwort gesendet; sie wurde nicht gelesen.</translation>
    </message>
    <message>
        <source>The service kept failing; the sync stopped rather than retry every record.</source>
        <translation>Der Dienst schlug immer wieder fehl; die Synchronisierung wurde beendet, statt jeden Datensatz erneut zu versuchen.</translation>
    </message>
    <message>
        <source>Not a valid phone number. Check its country code and its digits.</source>
        <translation>Keine gültige Telefonnummer. Prüfen Sie Ländervorwahl und Ziffern.</translation>
    </message>
    <message>
        <source>No phone region is set, so a number needs its country code, like +33 6 12 34 56 78. Or choose the region in Edit &gt; Preferences.</source>
        <translation>Es ist keine Telefonregion eingestellt, daher braucht eine Nummer ihre Ländervorwahl, etwa +49 30 1234567. Oder wählen Sie die Region unter Bearbeiten &gt; Einstellungen.</translation>
    </message>
    <message>
        <source>Not a valid phone number for region %1. Write it with its country code, like +33 6 12 34 56 78.</source>
        <translation>Keine gültige Telefonnummer für die Region %1. Schreiben Sie sie mit Ländervorwahl, etwa +49 30 1234567.</translation>
    </message>
    <message>
        <source>Held back: this change is sent once you confirm it.</source>
        <translation>Zurückgehalten: Diese Änderung wird gesendet, sobald Sie sie bestätigen.</translation>
    </message>
    <message>
        <source>Both sides changed this value; the account&apos;s conflict policy chose which to keep.</source>
        <translation>Beide Seiten haben diesen Wert geändert; die Konfliktregel des Kontos hat entschieden, welcher bleibt.</translation>
    </message>
    <message>
        <source>The record was deleted on the service; confirm or dismiss the deletion before it is sent again.</source>
        <translation>Der Datensatz wurde beim Dienst gelöscht; bestätigen oder verwerfen Sie die Löschung, bevor er erneut gesendet wird.</translation>
    </message>
    <message>
        <source>The disk is full: free some space, then try again.</source>
        <translation>Der Datenträger ist voll: Geben Sie Speicherplatz frei und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Roster</source>
        <translation>Roster</translation>
    </message>
    <message>
        <source>Cannot open %1:
%2</source>
        <translation>%1 kann nicht geöffnet werden:
%2</translation>
    </message>
</context>
<context>
    <name>UndoRunner</name>
    <message>
        <source>Redoing %1 (%2 changes)…</source>
        <translation>%1 wird wiederhergestellt (%2 Änderungen)…</translation>
    </message>
    <message>
        <source>Undoing %1 (%2 changes)…</source>
        <translation>%1 wird rückgängig gemacht (%2 Änderungen)…</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
</context>
<context>
    <name>roster::AccountDialog</name>
    <message>
        <source>&amp;Test Connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Add CRM account</source>
        <translation>CRM-Konto hinzufügen</translation>
    </message>
    <message>
        <source>Edit CRM account</source>
        <translation>CRM-Konto bearbeiten</translation>
    </message>
    <message>
        <source>Ask me</source>
        <translation>Nachfragen</translation>
    </message>
    <message>
        <source>Keep the value here</source>
        <translation>Wert hier behalten</translation>
    </message>
    <message>
        <source>Keep the service&apos;s value</source>
        <translation>Wert des Dienstes übernehmen</translation>
    </message>
    <message>
        <source>When a field was changed both here and in the service since the last sync</source>
        <translation>Wenn ein Feld seit der letzten Synchronisation hier und im Dienst geändert wurde</translation>
    </message>
    <message>
        <source>e.g. Sales team</source>
        <translation>z. B. Vertrieb</translation>
    </message>
    <message>
        <source>The service&apos;s API address. Plain http is allowed only for this computer.</source>
        <translation>Die API-Adresse des Dienstes. Einfaches http nur für diesen Rechner.</translation>
    </message>
    <message>
        <source>Paste the key from the service&apos;s settings</source>
        <translation>Schlüssel aus den Einstellungen des Dienstes einfügen</translation>
    </message>
    <message>
        <source>Stored in the keychain; type a new one to replace it</source>
        <translation>Im Schlüsselbund gespeichert; einen neuen eingeben, um ihn zu ersetzen</translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation>&amp;Dienst:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>Server&amp;adresse:</translation>
    </message>
    <message>
        <source>On &amp;conflict:</source>
        <translation>Bei &amp;Konflikt:</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API-&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>Connected: the service accepted the key.</source>
        <translation>Verbunden: Der Dienst hat den Schlüssel angenommen.</translation>
    </message>
    <message>
        <source>%1.
%2</source>
        <translation>%1.
%2</translation>
    </message>
    <message>
        <source>Give the account a name.</source>
        <translation>Geben Sie dem Konto einen Namen.</translation>
    </message>
    <message>
        <source>An account named “%1” exists already.</source>
        <translation>Ein Konto namens „%1“ gibt es bereits.</translation>
    </message>
    <message>
        <source>Enter the server address.</source>
        <translation>Geben Sie die Serveradresse ein.</translation>
    </message>
    <message>
        <source>The server address must start with https:// (plain http only for this computer).</source>
        <translation>Die Serveradresse muss mit https:// beginnen (einfaches http nur für diesen Rechner).</translation>
    </message>
    <message>
        <source>“%1” is not a valid server address.</source>
        <translation>„%1“ ist keine gültige Serveradresse.</translation>
    </message>
    <message>
        <source>Enter the API key.</source>
        <translation>Geben Sie den API-Schlüssel ein.</translation>
    </message>
    <message>
        <source>Enter the API key first.</source>
        <translation>Geben Sie zuerst den API-Schlüssel ein.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Cannot store the key in the keychain: %1</source>
        <translation>Schlüssel kann nicht im Schlüsselbund gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Cannot save the account: %1</source>
        <translation>Konto kann nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The name “%1” reads the same key variable as the account “%2”; choose a name that differs in letters or digits.</source>
        <translation>Der Name „%1“ liest dieselbe Schlüsselvariable wie das Konto „%2“; wählen Sie einen Namen, der sich in Buchstaben oder Ziffern unterscheidet.</translation>
    </message>
    <message>
        <source>The server address changed: enter the API key for the new server.</source>
        <translation>Die Serveradresse hat sich geändert: Geben Sie den API-Schlüssel für den neuen Server ein.</translation>
    </message>
    <message>
        <source>Keep the key in memory until Roster &amp;quits</source>
        <translation>Schlüssel bis zum &amp;Beenden von Roster im Speicher halten</translation>
    </message>
    <message>
        <source>Type a new key to replace the one in use</source>
        <translation>Neuen Schlüssel eingeben, um den aktuellen zu ersetzen</translation>
    </message>
    <message>
        <source>No system keychain is available, so the key cannot be stored. Roster can keep it in memory until it quits; it is never written to disk. To keep it for good, set the environment variable %1 to the key before starting Roster (roster account list --json shows it as secret_env).</source>
        <translation>Es ist kein Schlüsselbund verfügbar, daher kann der Schlüssel nicht gespeichert werden. Roster kann ihn bis zum Beenden im Speicher halten; er wird nie auf die Festplatte geschrieben. Um ihn dauerhaft zu behalten, setzen Sie vor dem Start von Roster die Umgebungsvariable %1 auf den Schlüssel (roster account list --json zeigt sie als secret_env).</translation>
    </message>
    <message>
        <source>No keychain is available to keep the key: tick “%1”, or set the environment variable %2 and restart Roster.</source>
        <translation>Kein Schlüsselbund für den Schlüssel verfügbar: „%1“ ankreuzen oder die Umgebungsvariable %2 setzen und Roster neu starten.</translation>
    </message>
    <message>
        <source>Cannot keep the key: %1</source>
        <translation>Der Schlüssel kann nicht behalten werden: %1</translation>
    </message>
    <message>
        <source>Enter the %1 %2.</source>
        <translation>Geben Sie das Feld „%2“ für %1 ein.</translation>
    </message>
</context>
<context>
    <name>roster::ConflictInbox</name>
    <message>
        <source>&amp;Keep Value Here</source>
        <translation>Wert hier &amp;behalten</translation>
    </message>
    <message>
        <source>Take Service’s Val&amp;ue</source>
        <translation>Wert des Dienstes über&amp;nehmen</translation>
    </message>
    <message>
        <source>&amp;Delete Here Too</source>
        <translation>Hier auch &amp;löschen</translation>
    </message>
    <message>
        <source>Keep and Send A&amp;gain</source>
        <translation>Behalten und erneut &amp;senden</translation>
    </message>
    <message>
        <source>Keep the value in Roster; the next sync sends it</source>
        <translation>Wert in Roster behalten; die nächste Synchronisation sendet ihn</translation>
    </message>
    <message>
        <source>Take the service’s value into Roster (undoable)</source>
        <translation>Wert des Dienstes in Roster übernehmen (rückgängig machbar)</translation>
    </message>
    <message>
        <source>Fields changed both here and in the service since the last sync.</source>
        <translation>Seit der letzten Synchronisation hier und im Dienst geänderte Felder.</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Records removed from the service</source>
        <translation>Im Dienst gelöschte Einträge</translation>
    </message>
    <message>
        <source>Delete the selected contacts in Roster too (undoable)</source>
        <translation>Die gewählten Kontakte auch in Roster löschen (rückgängig machbar)</translation>
    </message>
    <message>
        <source>Keep the selected contacts; the next sync creates them on the service again</source>
        <translation>Die gewählten Kontakte behalten; die nächste Synchronisation legt sie im Dienst neu an</translation>
    </message>
    <message>
        <source>Removed from the service since the last full sync:</source>
        <translation>Seit der letzten vollständigen Synchronisation im Dienst gelöscht:</translation>
    </message>
    <message>
        <source>(deleted contact)</source>
        <translation>(gelöschter Kontakt)</translation>
    </message>
    <message>
        <source>Record %1 on the service</source>
        <translation>Eintrag %1 im Dienst</translation>
    </message>
    <message>
        <source>Removed records</source>
        <translation>Gelöschte Einträge</translation>
    </message>
    <message>
        <source>Some could not be settled:
%1</source>
        <translation>Einige konnten nicht erledigt werden:
%1</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <source>Some conflicts could not be settled:
%1</source>
        <translation>Einige Konflikte konnten nicht gelöst werden:
%1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln contact deleted here too (undoable).</source>
        <translation>
            <numerusform>%Ln Kontakt auch hier gelöscht (rückgängig machbar).</numerusform>
            <numerusform>%Ln Kontakt auch hier gelöscht (rückgängig machbar).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln contacts deleted here too (undoable).</source>
        <translation>
            <numerusform>%Ln Kontakte auch hier gelöscht (rückgängig machbar).</numerusform>
            <numerusform>%Ln Kontakte auch hier gelöscht (rückgängig machbar).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln contact kept; the next sync sends it again.</source>
        <translation>
            <numerusform>%Ln Kontakt behalten; die nächste Synchronisation sendet ihn erneut.</numerusform>
            <numerusform>%Ln Kontakt behalten; die nächste Synchronisation sendet ihn erneut.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln contacts kept; the next sync sends them again.</source>
        <translation>
            <numerusform>%Ln Kontakte behalten; die nächste Synchronisation sendet sie erneut.</numerusform>
            <numerusform>%Ln Kontakte behalten; die nächste Synchronisation sendet sie erneut.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln conflict settled: the value here will be sent at the next sync.</source>
        <translation>
            <numerusform>%Ln Konflikt gelöst: Der Wert von hier wird bei der nächsten Synchronisation gesendet.</numerusform>
            <numerusform>%Ln Konflikt gelöst: Der Wert von hier wird bei der nächsten Synchronisation gesendet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln conflicts settled: the values here will be sent at the next sync.</source>
        <translation>
            <numerusform>%Ln Konflikte gelöst: Die Werte von hier werden bei der nächsten Synchronisation gesendet.</numerusform>
            <numerusform>%Ln Konflikte gelöst: Die Werte von hier werden bei der nächsten Synchronisation gesendet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln conflict settled with the service’s value.</source>
        <translation>
            <numerusform>%Ln Konflikt mit dem Wert des Dienstes gelöst.</numerusform>
            <numerusform>%Ln Konflikt mit dem Wert des Dienstes gelöst.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln conflicts settled with the service’s values.</source>
        <translation>
            <numerusform>%Ln Konflikte mit den Werten des Dienstes gelöst.</numerusform>
            <numerusform>%Ln Konflikte mit den Werten des Dienstes gelöst.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>roster::ContactEditorDialog</name>
    <message>
        <source>New contact</source>
        <translation>Neuer Kontakt</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <source>Never contact this person</source>
        <translation>Diese Person nie kontaktieren</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>+33 6 12 34 56 78</source>
        <translation>+49 30 1234567</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>One address per line</source>
        <translation>Eine Adresse pro Zeile</translation>
    </message>
    <message>
        <source>Comma separated, like customer, paris</source>
        <translation>Durch Kommas getrennt, etwa Kunde, Berlin</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>Beruf</translation>
    </message>
    <message>
        <source>Not linked to a company</source>
        <translation>Mit keiner Firma verknüpft</translation>
    </message>
    <message>
        <source>Set by the company domain or company LinkedIn page when saved.</source>
        <translation>Wird beim Speichern über die Firmendomain oder die LinkedIn-Firmenseite gesetzt.</translation>
    </message>
    <message>
        <source>Linked company:</source>
        <translation>Verknüpfte Firma:</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Weiteres</translation>
    </message>
    <message>
        <source>Custom fields</source>
        <translation>Benutzerdefinierte Felder</translation>
    </message>
    <message>
        <source>No custom fields yet. An import or `roster field add` creates them.</source>
        <translation>Noch keine benutzerdefinierten Felder. Ein Import oder `roster field add` legt sie an.</translation>
    </message>
    <message>
        <source>Open the other contact</source>
        <translation>Anderen Kontakt öffnen</translation>
    </message>
    <message>
        <source>Not email addresses: %1</source>
        <translation>Keine E-Mail-Adressen: %1</translation>
    </message>
    <message>
        <source>Create %1</source>
        <translation>%1 anlegen</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>The %1 already belongs to %2, so it was not applied here.</source>
        <translation>Das Feld %1 gehört bereits zu %2 und wurde hier daher nicht übernommen.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Other emails</source>
        <translation>Weitere E-Mails</translation>
    </message>
    <message>
        <source>Correct first: %1.</source>
        <translation>Zuerst korrigieren: %1.</translation>
    </message>
    <message>
        <source>Not saved: the %1 already belongs to %2. Open %2 to add to that contact instead.</source>
        <translation>Nicht gespeichert: %1 gehört bereits zu %2. Öffnen Sie %2, um stattdessen diesen Kontakt zu ergänzen.</translation>
    </message>
    <message>
        <source>Adds what you typed to the other contact: its empty fields are filled, phones, emails and tags are added, and nothing it holds is overwritten.</source>
        <translation>Fügt das Eingegebene dem anderen Kontakt hinzu: leere Felder werden gefüllt, Telefonnummern, E-Mails und Schlagwörter ergänzt, nichts Vorhandenes wird überschrieben.</translation>
    </message>
    <message>
        <source>Not phone numbers: %1. Write them with their country code, like +33 6 12 34 56 78.</source>
        <translation>Keine Telefonnummern: %1. Schreiben Sie sie mit Ländervorwahl, etwa +49 30 1234567.</translation>
    </message>
    <message>
        <source>Added to %1, who keeps their %2.</source>
        <translation>Zu %1 hinzugefügt; behalten wurden: %2.</translation>
    </message>
    <message>
        <source>Add to %1</source>
        <translation>Zu %1 hinzufügen</translation>
    </message>
    <message>
        <source>Saved, with a remark: %1</source>
        <translation>Gespeichert, mit einem Hinweis: %1</translation>
    </message>
    <message>
        <source>Not saved: the %1 already belongs to %2. Add what you typed to %2, or open %2.</source>
        <translation>Nicht gespeichert: %1 gehört bereits zu %2. Fügen Sie das Eingegebene %2 hinzu oder öffnen Sie %2.</translation>
    </message>
</context>
<context>
    <name>roster::ContactTableModel</name>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
</context>
<context>
    <name>roster::DuplicatesDialog</name>
    <message>
        <source>&amp;Merge…</source>
        <translation>&amp;Zusammenführen…</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Possible duplicates</source>
        <translation>Mögliche Duplikate</translation>
    </message>
    <message>
        <source>&amp;Scan Again</source>
        <translation>&amp;Erneut suchen</translation>
    </message>
    <message>
        <source>The scan failed: %1</source>
        <translation>Die Suche ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>&amp;Not a Duplicate</source>
        <translation>&amp;Kein Duplikat</translation>
    </message>
    <message>
        <source>These are two people: do not list this pair again (Undo takes it back)</source>
        <translation>Das sind zwei Personen: dieses Paar nicht mehr anzeigen (Rückgängig nimmt es zurück)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Undone: %1</source>
        <translation>Rückgängig gemacht: %1</translation>
    </message>
    <message>
        <source>No possible duplicates: no two contacts share an email, a phone or a LinkedIn profile, and no one at a company has a colleague of nearly the same name.</source>
        <translation>Keine möglichen Duplikate: Keine zwei Kontakte teilen eine E-Mail, eine Telefonnummer oder ein LinkedIn-Profil, und niemand hat in seiner Firma einen Kollegen mit fast gleichem Namen.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln pair(s) of contacts may be the same person, the likeliest first. Merge a pair, or mark it Not a Duplicate if they are two people.</source>
        <translation>
            <numerusform>%Ln Kontaktpaar könnte dieselbe Person sein, das wahrscheinlichste zuerst. Führen Sie ein Paar zusammen oder markieren Sie es als „Kein Duplikat“, wenn es zwei Personen sind.</numerusform>
            <numerusform>%Ln Kontaktpaare könnten dieselbe Person sein, die wahrscheinlichsten zuerst. Führen Sie ein Paar zusammen oder markieren Sie es als „Kein Duplikat“, wenn es zwei Personen sind.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not a duplicate: %1 and %2</source>
        <translation>Kein Duplikat: %1 und %2</translation>
    </message>
    <message>
        <source>The verdict could not be saved: %1</source>
        <translation>Die Entscheidung konnte nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>roster::DuplicatesModel</name>
    <message>
        <source>Flagged on import</source>
        <translation>Beim Import gemeldet</translation>
    </message>
    <message>
        <source>Flagged on import: %1 also matches</source>
        <translation>Beim Import gemeldet: %1 passt auch</translation>
    </message>
    <message>
        <source>Same email</source>
        <translation>Gleiche E-Mail</translation>
    </message>
    <message>
        <source>Same phone</source>
        <translation>Gleiche Telefonnummer</translation>
    </message>
    <message>
        <source>Same LinkedIn profile</source>
        <translation>Gleiches LinkedIn-Profil</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>(gelöscht)</translation>
    </message>
    <message>
        <source>Contact %1</source>
        <translation>Kontakt %1</translation>
    </message>
    <message>
        <source>%1 &lt;%2&gt;</source>
        <translation>%1 &lt;%2&gt;</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>Mögliches Duplikat</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Shared value</source>
        <translation>Gemeinsamer Wert</translation>
    </message>
    <message>
        <source>Same name</source>
        <translation>Gleicher Name</translation>
    </message>
    <message>
        <source>Same name, spelled differently</source>
        <translation>Gleicher Name, anders geschrieben</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>Spitzname</translation>
    </message>
    <message>
        <source>First names one letter apart</source>
        <translation>Vornamen mit einem Buchstaben Unterschied</translation>
    </message>
    <message>
        <source>Initial of the first name</source>
        <translation>Initiale des Vornamens</translation>
    </message>
    <message>
        <source>Same company</source>
        <translation>Gleiche Firma</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Punkte</translation>
    </message>
</context>
<context>
    <name>roster::ExternalWritesStatus</name>
    <message>
        <source>Process %1 is writing to this file; the list follows its changes.</source>
        <translation>Prozess %1 schreibt in diese Datei; die Liste folgt seinen Änderungen.</translation>
    </message>
    <message>
        <source>%1 (process %2) is writing to this file; the list follows its changes.</source>
        <translation>%1 (Prozess %2) schreibt in diese Datei; die Liste folgt seinen Änderungen.</translation>
    </message>
</context>
<context>
    <name>roster::FacetListModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%1
%Ln contact(s)</source>
        <translation>
            <numerusform>%1
%Ln Kontakt</numerusform>
            <numerusform>%1
%Ln Kontakte</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>roster::ImportChangesModel</name>
    <message>
        <source>Contact %1</source>
        <translation>Kontakt %1</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <source>After the import</source>
        <translation>Nach dem Import</translation>
    </message>
</context>
<context>
    <name>roster::ImportDialog</name>
    <message>
        <source>Import %1</source>
        <translation>%1 importieren</translation>
    </message>
    <message>
        <source>&amp;Check First</source>
        <translation>Zuerst &amp;prüfen</translation>
    </message>
    <message>
        <source>Reads the whole file and says what the import would do, without writing.</source>
        <translation>Liest die ganze Datei und zeigt, was der Import täte, ohne etwas zu schreiben.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>First rows:</source>
        <translation>Erste Zeilen:</translation>
    </message>
    <message>
        <source>Where each column goes:</source>
        <translation>Ziel jeder Spalte:</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>Stopping after the current batch…</source>
        <translation>Halte nach dem laufenden Stapel an…</translation>
    </message>
    <message>
        <source>&amp;Save Rejected Rows…</source>
        <translation>Abgelehnte Zeilen &amp;speichern…</translation>
    </message>
    <message>
        <source>&amp;Undo This Import</source>
        <translation>Diesen Import &amp;rückgängig machen</translation>
    </message>
    <message>
        <source>Save rejected rows</source>
        <translation>Abgelehnte Zeilen speichern</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>(leave out)</source>
        <translation>(auslassen)</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Vollständiger Name</translation>
    </message>
    <message>
        <source>Custom: %1</source>
        <translation>Benutzerdefiniert: %1</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>Tabulator</translation>
    </message>
    <message>
        <source>comma</source>
        <translation>Komma</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>Semikolon</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>Datei wird geprüft…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Import läuft…</translation>
    </message>
    <message>
        <source>The import failed: %1 %2</source>
        <translation>Der Import ist fehlgeschlagen: %1 %2</translation>
    </message>
    <message>
        <source>The import would create %1, update %2, leave %3 unchanged and reject %4 of %5 rows.</source>
        <translation>Der Import würde %1 anlegen, %2 aktualisieren, %3 unverändert lassen und %4 von %5 Zeilen ablehnen.</translation>
    </message>
    <message>
        <source>%1 rows read: %2 created, %3 updated, %4 unchanged, %5 rejected.</source>
        <translation>%1 Zeilen gelesen: %2 angelegt, %3 aktualisiert, %4 unverändert, %5 abgelehnt.</translation>
    </message>
    <message>
        <source>Cancelled: the rows from line %1 on were not imported.</source>
        <translation>Abgebrochen: Die Zeilen ab Zeile %1 wurden nicht importiert.</translation>
    </message>
    <message>
        <source>Other changes were made after this import: use Edit &gt; Undo step by step.</source>
        <translation>Nach diesem Import gab es weitere Änderungen: Verwenden Sie Bearbeiten &gt; Rückgängig Schritt für Schritt.</translation>
    </message>
    <message>
        <source>The import was undone.</source>
        <translation>Der Import wurde rückgängig gemacht.</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>vCard files (*.vcf)</source>
        <translation>vCard-Dateien (*.vcf)</translation>
    </message>
    <message>
        <source>Phone (%1)</source>
        <translation>Telefon (%1)</translation>
    </message>
    <message>
        <source>vCard file %1 — encoding %2. Each card becomes a contact; no columns to map.</source>
        <translation>vCard-Datei %1 — Kodierung %2. Jede Karte wird ein Kontakt; keine Spalten zuzuordnen.</translation>
    </message>
    <message numerus="yes">
        <source>CSV file %1 — encoding %2, delimiter %3, %Ln column(s).</source>
        <translation>
            <numerusform>CSV-Datei %1 – Kodierung %2, Trennzeichen %3, %Ln Spalte.</numerusform>
            <numerusform>CSV-Datei %1 – Kodierung %2, Trennzeichen %3, %Ln Spalten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) read…</source>
        <translation>
            <numerusform>%Ln Zeile gelesen…</numerusform>
            <numerusform>%Ln Zeilen gelesen…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %Ln contact it would change, field by field:</source>
        <translation>
            <numerusform>Der Kontakt, den er ändern würde, Feld für Feld:</numerusform>
            <numerusform>Die %Ln Kontakte, die er ändern würde, Feld für Feld:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %Ln contacts it would change, field by field:</source>
        <translation>
            <numerusform>Der Kontakt, den er ändern würde, Feld für Feld:</numerusform>
            <numerusform>Die %Ln Kontakte, die er ändern würde, Feld für Feld:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) merged into an earlier row for the same person.</source>
        <translation>
            <numerusform>%Ln Zeile mit einer früheren Zeile derselben Person zusammengeführt.</numerusform>
            <numerusform>%Ln Zeilen mit einer früheren Zeile derselben Person zusammengeführt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep &amp;Browsing</source>
        <translation>&amp;Weiterarbeiten</translation>
    </message>
    <message>
        <source>Hides this window while the import runs on; it comes back with the report.</source>
        <translation>Blendet dieses Fenster aus, während der Import weiterläuft; es kehrt mit dem Bericht zurück.</translation>
    </message>
    <message>
        <source>The import stopped at line %1: %2 The rows before it are saved: Undo This Import removes them, and importing the same file again adds the rest.</source>
        <translation>Der Import wurde in Zeile %1 angehalten: %2 Die Zeilen davor sind gespeichert: „Diesen Import rückgängig machen“ entfernt sie, und ein erneuter Import derselben Datei fügt den Rest hinzu.</translation>
    </message>
    <message>
        <source>The file could be read only up to line %1; the rows before it were imported.</source>
        <translation>Die Datei konnte nur bis Zeile %1 gelesen werden; die Zeilen davor wurden importiert.</translation>
    </message>
    <message>
        <source>Every row is saved, but the indexes could not be built: %1 Roster builds them again when it next opens the file.</source>
        <translation>Alle Zeilen sind gespeichert, aber die Indizes konnten nicht erstellt werden: %1 Roster erstellt sie beim nächsten Öffnen der Datei neu.</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>Nichts wurde importiert: %1</translation>
    </message>
</context>
<context>
    <name>roster::ImportIssuesModel</name>
    <message>
        <source>Line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>Problem / line</source>
        <translation>Problem / Zeile</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Rejected — %1 (%2)</source>
        <translation>Abgelehnt — %1 (%2)</translation>
    </message>
    <message>
        <source>Merged — %1 (%2)</source>
        <translation>Zusammengeführt — %1 (%2)</translation>
    </message>
    <message>
        <source>Warning — %1 (%2)</source>
        <translation>Warnung — %1 (%2)</translation>
    </message>
</context>
<context>
    <name>roster::ImportStatus</name>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message numerus="yes">
        <source>Importing %1: %Ln row(s) read…</source>
        <translation>
            <numerusform>Import von %1: %Ln Zeile gelesen…</numerusform>
            <numerusform>Import von %1: %Ln Zeilen gelesen…</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Import von %1…</translation>
    </message>
</context>
<context>
    <name>roster::MainWindow</name>
    <message>
        <source>&amp;New Database…</source>
        <translation>&amp;Neue Datenbank…</translation>
    </message>
    <message>
        <source>&amp;Open Database…</source>
        <translation>Datenbank ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>Import contacts</source>
        <translation>Kontakte importieren</translation>
    </message>
    <message>
        <source>Contacts (*.csv *.vcf *.vcard);;All files (*)</source>
        <translation>Kontakte (*.csv *.vcf *.vcard);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;New Contact…</source>
        <translation>&amp;Neuer Kontakt…</translation>
    </message>
    <message>
        <source>&amp;Edit Contact…</source>
        <translation>Kontakt &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>Find &amp;Duplicates…</source>
        <translation>&amp;Duplikate suchen…</translation>
    </message>
    <message>
        <source>&amp;Columns…</source>
        <translation>&amp;Spalten…</translation>
    </message>
    <message>
        <source>Show &amp;All Contacts</source>
        <translation>&amp;Alle Kontakte zeigen</translation>
    </message>
    <message>
        <source>&amp;About Roster</source>
        <translation>Über &amp;Roster</translation>
    </message>
    <message>
        <source>About Roster</source>
        <translation>Über Roster</translation>
    </message>
    <message>
        <source>Roster %1
A local-first contact manager.</source>
        <translation>Roster %1
Eine lokale Kontaktverwaltung.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Roster databases (*.sqlite *.roster);;All files (*)</source>
        <translation>Roster-Datenbanken (*.sqlite *.roster);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>Neue Datenbank</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>Datenbank öffnen</translation>
    </message>
    <message>
        <source>%1 contacts</source>
        <translation>%1 Kontakte</translation>
    </message>
    <message>
        <source>%1 of %2 contacts</source>
        <translation>%1 von %2 Kontakten</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Rückgängig: %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Wiederherstellen: %1</translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation>Rückgängig: %1</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>Nichts rückgängig zu machen</translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation>Wiederherstellen: %1</translation>
    </message>
    <message>
        <source>Nothing to redo</source>
        <translation>Nichts wiederherzustellen</translation>
    </message>
    <message>
        <source>Redone: %1</source>
        <translation>Wiederhergestellt: %1</translation>
    </message>
    <message>
        <source>Undone: %1</source>
        <translation>Rückgängig gemacht: %1</translation>
    </message>
    <message numerus="yes">
        <source>(%Ln contact(s) skipped: removed from the file by another program)</source>
        <translation>
            <numerusform>(%Ln Kontakt übersprungen: von einem anderen Programm aus der Datei entfernt)</numerusform>
            <numerusform>(%Ln Kontakte übersprungen: von einem anderen Programm aus der Datei entfernt)</numerusform>
        </translation>
    </message>
    <message>
        <source>Export contacts</source>
        <translation>Kontakte exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;vCard files (*.vcf)</source>
        <translation>CSV-Dateien (*.csv);;vCard-Dateien (*.vcf)</translation>
    </message>
    <message>
        <source>Cannot export to %1: %2</source>
        <translation>Export nach %1 nicht möglich: %2</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>Roster</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>&amp;Sync Now</source>
        <translation>Jetzt &amp;synchronisieren</translation>
    </message>
    <message>
        <source>Sync every CRM account both ways (F5)</source>
        <translation>Alle CRM-Konten in beide Richtungen synchronisieren (F5)</translation>
    </message>
    <message>
        <source>Sync &amp;Panel</source>
        <translation>Synchronisations&amp;bereich</translation>
    </message>
    <message>
        <source>&amp;Add CRM Account…</source>
        <translation>CRM-Konto &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>S&amp;ynchronisation</translation>
    </message>
    <message>
        <source>Drop a CSV or vCard file here, or press Ctrl+I to import.</source>
        <translation>Ziehen Sie eine CSV- oder vCard-Datei hierher oder drücken Sie Strg+I zum Importieren.</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Schreibgeschützt</translation>
    </message>
    <message>
        <source>You cannot write %1, so Roster only shows its contacts. Copy it to a folder of yours, or ask its owner for write access, to change it.</source>
        <translation>Sie können %1 nicht schreiben, daher zeigt Roster nur die Kontakte. Kopieren Sie die Datei in einen eigenen Ordner oder bitten Sie den Besitzer um Schreibrechte, um sie zu ändern.</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Phone region: %1. It applies to numbers typed or imported from now on.</source>
        <translation>Telefonregion: %1. Sie gilt für ab jetzt eingegebene oder importierte Nummern.</translation>
    </message>
    <message>
        <source>Search names, emails, phones, job titles, companies, tags…</source>
        <translation>Namen, E-Mails, Telefonnummern, Positionen, Firmen, Schlagwörter suchen…</translation>
    </message>
    <message>
        <source>%1 (read-only)[*]</source>
        <translation>%1 (schreibgeschützt)[*]</translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln contact(s)</source>
        <translation>
            <numerusform>%Ln Kontakt löschen</numerusform>
            <numerusform>%Ln Kontakte löschen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %Ln contact(s). Undo brings them back.</source>
        <translation>
            <numerusform>%Ln Kontakt gelöscht. Rückgängig holt ihn zurück.</numerusform>
            <numerusform>%Ln Kontakte gelöscht. Rückgängig holt sie zurück.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln contact(s).</source>
        <translation>
            <numerusform>%Ln Kontakt exportiert.</numerusform>
            <numerusform>%Ln Kontakte exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>An import is running: import %1 when it ends.</source>
        <translation>Ein Import läuft: importieren Sie %1, wenn er beendet ist.</translation>
    </message>
</context>
<context>
    <name>roster::MergeDialog</name>
    <message>
        <source>Merge contacts</source>
        <translation>Kontakte zusammenführen</translation>
    </message>
    <message>
        <source>Pick the value to keep for each field that differs. Nothing is lost: emails not picked become other emails, tags are joined, and other values are kept in the notes. The contact on the right is then deleted; Undo reverses the whole merge.</source>
        <translation>Wählen Sie für jedes abweichende Feld den Wert, der bleibt. Nichts geht verloren: Nicht gewählte E-Mails werden weitere E-Mails, Schlagwörter werden vereint und andere Werte in den Notizen aufbewahrt. Der rechte Kontakt wird danach gelöscht; Rückgängig macht die ganze Zusammenführung rückgängig.</translation>
    </message>
    <message>
        <source>&amp;Keep the Other One</source>
        <translation>&amp;Den anderen behalten</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Zusammenführen</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Keep: %1</source>
        <translation>Behalten: %1</translation>
    </message>
    <message>
        <source>Merge in and delete: %1</source>
        <translation>Übernehmen und löschen: %1</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>Other emails: %1</source>
        <translation>Weitere E-Mails: %1</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>Schlagwörter: %1</translation>
    </message>
    <message>
        <source>Kept in the notes: %1</source>
        <translation>In den Notizen aufbewahrt: %1</translation>
    </message>
    <message>
        <source>Merge %1 into %2</source>
        <translation>%1 mit %2 zusammenführen</translation>
    </message>
</context>
<context>
    <name>roster::NoMatchHint</name>
    <message>
        <source>Show All Contacts</source>
        <translation>Alle Kontakte anzeigen</translation>
    </message>
    <message>
        <source>No contact matches the chosen tag and company.</source>
        <translation>Kein Kontakt passt zum gewählten Schlagwort und zur gewählten Firma.</translation>
    </message>
    <message>
        <source>No contact matches “%1”.</source>
        <translation>Kein Kontakt passt zu „%1“.</translation>
    </message>
    <message>
        <source>Clear Search</source>
        <translation>Suche löschen</translation>
    </message>
</context>
<context>
    <name>roster::PhoneListEdit</name>
    <message>
        <source>Add phone</source>
        <translation>Telefon hinzufügen</translation>
    </message>
    <message>
        <source>+33 6 12 34 56 78</source>
        <translation>+49 30 1234567</translation>
    </message>
    <message>
        <source>Remove this phone</source>
        <translation>Diese Nummer entfernen</translation>
    </message>
</context>
<context>
    <name>roster::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Phone numbers written without their country code (like 06 12 34 56 78) are read as numbers of this country. A number that is not valid there is kept as typed, with a warning. Stored in this database, so imports, syncs and `roster config` use the same region.</source>
        <translation>Telefonnummern ohne Ländervorwahl (etwa 030 1234567) werden als Nummern dieses Landes gelesen. Eine dort ungültige Nummer wird wie eingegeben behalten, mit einer Warnung. In dieser Datenbank gespeichert, damit Importe, Synchronisierungen und `roster config` dieselbe Region verwenden.</translation>
    </message>
    <message>
        <source>Phone region:</source>
        <translation>Telefonregion:</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>None: numbers need their country code</source>
        <translation>Keine: Nummern brauchen ihre Ländervorwahl</translation>
    </message>
    <message>
        <source>%1 — the system&apos;s, by default</source>
        <translation>%1 — die des Systems, standardmäßig</translation>
    </message>
</context>
<context>
    <name>roster::ProviderCatalog</name>
    <message>
        <source>List ID</source>
        <translation>Listen-ID</translation>
    </message>
    <message>
        <source>The list new contacts go to</source>
        <translation>Die Liste, in die neue Kontakte kommen</translation>
    </message>
    <message>
        <source>Team ID</source>
        <translation>Team-ID</translation>
    </message>
    <message>
        <source>Optional: only if the service asks for a Team-ID</source>
        <translation>Optional: nur wenn der Dienst eine Team-ID verlangt</translation>
    </message>
    <message>
        <source>Location ID</source>
        <translation>Standort-ID</translation>
    </message>
    <message>
        <source>The HighLevel sub-account (location) to sync</source>
        <translation>Das zu synchronisierende HighLevel-Unterkonto (Standort)</translation>
    </message>
</context>
<context>
    <name>roster::SelectionActions</name>
    <message>
        <source>Add &amp;Tag…</source>
        <translation>&amp;Schlagwort hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Remove Tag…</source>
        <translation>Schlagwort &amp;entfernen…</translation>
    </message>
    <message>
        <source>&amp;Merge Selected…</source>
        <translation>Auswahl &amp;zusammenführen…</translation>
    </message>
    <message>
        <source>&amp;Copy Email</source>
        <translation>E-Mail &amp;kopieren</translation>
    </message>
    <message>
        <source>Open &amp;LinkedIn Profile</source>
        <translation>&amp;LinkedIn-Profil öffnen</translation>
    </message>
    <message>
        <source>Add Tag</source>
        <translation>Schlagwort hinzufügen</translation>
    </message>
    <message>
        <source>Tag to add to the selected contacts:</source>
        <translation>Schlagwort für die ausgewählten Kontakte:</translation>
    </message>
    <message>
        <source>Remove Tag</source>
        <translation>Schlagwort entfernen</translation>
    </message>
    <message>
        <source>Tag to remove from the selected contacts:</source>
        <translation>Von den ausgewählten Kontakten zu entfernendes Schlagwort:</translation>
    </message>
    <message numerus="yes">
        <source>Tag %Ln contact(s) “%1”</source>
        <translation>
            <numerusform>%Ln Kontakt mit „%1“ verschlagworten</numerusform>
            <numerusform>%Ln Kontakte mit „%1“ verschlagworten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tagged %Ln contact(s) “%1”.</source>
        <translation>
            <numerusform>%Ln Kontakt mit „%1“ verschlagwortet.</numerusform>
            <numerusform>%Ln Kontakte mit „%1“ verschlagwortet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Untag %Ln contact(s) “%1”</source>
        <translation>
            <numerusform>„%1“ von %Ln Kontakt entfernen</numerusform>
            <numerusform>„%1“ von %Ln Kontakten entfernen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed “%1” from %Ln contact(s).</source>
        <translation>
            <numerusform>„%1“ von %Ln Kontakt entfernt.</numerusform>
            <numerusform>„%1“ von %Ln Kontakten entfernt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>roster::SidebarWidget</name>
    <message>
        <source>All tags</source>
        <translation>Alle Schlagwörter</translation>
    </message>
    <message>
        <source>All companies</source>
        <translation>Alle Firmen</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>Companies</source>
        <translation>Firmen</translation>
    </message>
</context>
<context>
    <name>roster::SyncAccountsModel</name>
    <message>
        <source>Today %1</source>
        <translation>Heute %1</translation>
    </message>
    <message>
        <source>%1 of %2 sent</source>
        <translation>%1 von %2 gesendet</translation>
    </message>
    <message>
        <source>%1 sent</source>
        <translation>%1 gesendet</translation>
    </message>
    <message>
        <source>%1 of %2 received</source>
        <translation>%1 von %2 empfangen</translation>
    </message>
    <message>
        <source>%1 received</source>
        <translation>%1 empfangen</translation>
    </message>
    <message>
        <source>%1 of %2 deleted</source>
        <translation>%1 von %2 gelöscht</translation>
    </message>
    <message>
        <source>%1 deleted</source>
        <translation>%1 gelöscht</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisiere…</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Nie synchronisiert</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Unterbrochen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Waiting for confirmation</source>
        <translation>Wartet auf Bestätigung</translation>
    </message>
    <message>
        <source>Running elsewhere (process %1, since %2)</source>
        <translation>Läuft anderswo (Prozess %1, seit %2)</translation>
    </message>
    <message>
        <source>Running elsewhere (process %1 on %2, since %3)</source>
        <translation>Läuft anderswo (Prozess %1 auf %2, seit %3)</translation>
    </message>
    <message>
        <source>Another Roster window or a roster sync command is syncing this account; Sync Now leaves it alone until that run ends.</source>
        <translation>Ein anderes Roster-Fenster oder ein Befehl roster sync synchronisiert dieses Konto; „Jetzt synchronisieren“ lässt es aus, bis dieser Lauf endet.</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Letzte Synchronisation</translation>
    </message>
    <message numerus="yes">
        <source>%Ln s left</source>
        <translation>
            <numerusform>noch %Ln s</numerusform>
            <numerusform>noch %Ln s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln min left</source>
        <translation>
            <numerusform>noch %Ln min</numerusform>
            <numerusform>noch %Ln min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln h left</source>
        <translation>
            <numerusform>noch %Ln h</numerusform>
            <numerusform>noch %Ln h</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>the sync stopped</source>
        <translation>die Synchronisierung wurde abgebrochen</translation>
    </message>
    <message numerus="yes">
        <source>%Ln sent</source>
        <translation>
            <numerusform>%Ln gesendet</numerusform>
            <numerusform>%Ln gesendet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln received</source>
        <translation>
            <numerusform>%Ln empfangen</numerusform>
            <numerusform>%Ln empfangen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln conflict</source>
        <translation>
            <numerusform>%Ln Konflikt</numerusform>
            <numerusform>%Ln Konflikte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln conflicts</source>
        <translation>
            <numerusform>%Ln Konflikt</numerusform>
            <numerusform>%Ln Konflikte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln error</source>
        <translation>
            <numerusform>%Ln Fehler</numerusform>
            <numerusform>%Ln Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln errors</source>
        <translation>
            <numerusform>%Ln Fehler</numerusform>
            <numerusform>%Ln Fehler</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>roster::SyncConflictsModel</name>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>Account %1</source>
        <translation>Konto %1</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>Hier</translation>
    </message>
    <message>
        <source>In the service</source>
        <translation>Im Dienst</translation>
    </message>
    <message>
        <source>Contact %1</source>
        <translation>Kontakt %1</translation>
    </message>
</context>
<context>
    <name>roster::SyncErrorsModel</name>
    <message>
        <source>API key refused</source>
        <translation>API-Schlüssel abgelehnt</translation>
    </message>
    <message>
        <source>Service unreachable</source>
        <translation>Dienst nicht erreichbar</translation>
    </message>
    <message>
        <source>No answer in time</source>
        <translation>Keine Antwort rechtzeitig</translation>
    </message>
    <message>
        <source>Too many requests</source>
        <translation>Zu viele Anfragen</translation>
    </message>
    <message>
        <source>Refused by the service</source>
        <translation>Vom Dienst abgelehnt</translation>
    </message>
    <message>
        <source>No API key stored</source>
        <translation>Kein API-Schlüssel gespeichert</translation>
    </message>
    <message>
        <source>Address is not https</source>
        <translation>Adresse ist nicht https</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Service error</source>
        <translation>Fehler des Dienstes</translation>
    </message>
    <message>
        <source>Unknown custom field</source>
        <translation>Unbekanntes benutzerdefiniertes Feld</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>(whole account)</source>
        <translation>(ganzes Konto)</translation>
    </message>
    <message>
        <source>Contact %1</source>
        <translation>Kontakt %1</translation>
    </message>
    <message>
        <source>Waiting for confirmation</source>
        <translation>Wartet auf Bestätigung</translation>
    </message>
    <message>
        <source>Settled by the conflict policy</source>
        <translation>Durch die Konfliktregel entschieden</translation>
    </message>
    <message>
        <source>Deleted on the service</source>
        <translation>Beim Dienst gelöscht</translation>
    </message>
</context>
<context>
    <name>roster::SyncHistoryChart</name>
    <message>
        <source>Pushed</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Pulled</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Records pushed, pulled and failed per sync run</source>
        <translation>Gesendete, empfangene und fehlgeschlagene Einträge je Synchronisation</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>No sync yet</source>
        <translation>Noch keine Synchronisation</translation>
    </message>
</context>
<context>
    <name>roster::SyncPanel</name>
    <message>
        <source>S&amp;ync Now</source>
        <translation>Jetzt s&amp;ynchronisieren</translation>
    </message>
    <message>
        <source>Ca&amp;ncel</source>
        <translation>Ab&amp;brechen</translation>
    </message>
    <message>
        <source>&amp;Add Account…</source>
        <translation>Konto &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Ed&amp;it…</source>
        <translation>Bearbe&amp;iten…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Ent&amp;fernen</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>E&amp;rneut versuchen</translation>
    </message>
    <message>
        <source>Send local changes to every account and read their contacts (F5)</source>
        <translation>Lokale Änderungen an jedes Konto senden und dessen Kontakte lesen (F5)</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>&amp;Send Anyway</source>
        <translation>&amp;Trotzdem senden</translation>
    </message>
    <message>
        <source>Sync this account again and send the records held back</source>
        <translation>Dieses Konto erneut synchronisieren und die zurückgehaltenen Einträge senden</translation>
    </message>
    <message>
        <source>Sync finished.</source>
        <translation>Synchronisation abgeschlossen.</translation>
    </message>
    <message>
        <source>Sync warnings</source>
        <translation>Synchronisationswarnungen</translation>
    </message>
    <message>
        <source>Records sent without part of them. Fix the contact or the service, then sync.</source>
        <translation>Nur teilweise gesendete Einträge. Kontakt oder Dienst korrigieren, dann synchronisieren.</translation>
    </message>
    <message>
        <source>Cannot read the accounts: %1</source>
        <translation>Konten können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No CRM account yet: add one to sync your contacts.</source>
        <translation>Noch kein CRM-Konto: Fügen Sie eines hinzu, um Ihre Kontakte zu synchronisieren.</translation>
    </message>
    <message>
        <source>Records per run: %1</source>
        <translation>Einträge je Synchronisation: %1</translation>
    </message>
    <message>
        <source>Records per run: all accounts</source>
        <translation>Einträge je Synchronisation: alle Konten</translation>
    </message>
    <message>
        <source>Records the last sync could not send or read. Fix the cause, then retry.</source>
        <translation>Einträge, die die letzte Synchronisation nicht senden oder lesen konnte. Ursache beheben, dann erneut versuchen.</translation>
    </message>
    <message>
        <source>Errors (%1)</source>
        <translation>Fehler (%1)</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Conflicts (%1)</source>
        <translation>Konflikte (%1)</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <source>Warnings (%1)</source>
        <translation>Warnungen (%1)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; is waiting for your confirmation.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; wartet auf Ihre Bestätigung.</translation>
    </message>
    <message>
        <source>Sending the records held back for %1…</source>
        <translation>Zurückgehaltene Einträge für %1 werden gesendet…</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Konto entfernen</translation>
    </message>
    <message>
        <source>Remove the account “%1”? Its links to the service’s records, its history and its key are forgotten. Contacts stay.</source>
        <translation>Konto „%1“ entfernen? Seine Verknüpfungen zu den Einträgen des Dienstes, sein Verlauf und sein Schlüssel werden vergessen. Die Kontakte bleiben.</translation>
    </message>
    <message>
        <source>Cannot remove the account: %1</source>
        <translation>Konto kann nicht entfernt werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln account was left alone: another program is syncing it.</source>
        <translation>
            <numerusform>%Ln Konto wurde ausgelassen: ein anderes Programm synchronisiert es.</numerusform>
            <numerusform>%Ln Konto wurde ausgelassen: ein anderes Programm synchronisiert es.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln accounts were left alone: another program is syncing them.</source>
        <translation>
            <numerusform>%Ln Konten wurden ausgelassen: ein anderes Programm synchronisiert sie.</numerusform>
            <numerusform>%Ln Konten wurden ausgelassen: ein anderes Programm synchronisiert sie.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln account, ready: Sync Now sends your changes and reads the service&apos;s contacts.</source>
        <translation>
            <numerusform>%Ln Konto, bereit: Jetzt synchronisieren sendet Ihre Änderungen und liest die Kontakte des Dienstes.</numerusform>
            <numerusform>%Ln Konten, bereit: Jetzt synchronisieren sendet Ihre Änderungen und liest die Kontakte der Dienste.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln accounts, ready: Sync Now sends your changes and reads the services&apos; contacts.</source>
        <translation>
            <numerusform>%Ln Konto, bereit: Jetzt synchronisieren sendet Ihre Änderungen und liest die Kontakte des Dienstes.</numerusform>
            <numerusform>%Ln Konten, bereit: Jetzt synchronisieren sendet Ihre Änderungen und liest die Kontakte der Dienste.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln changed record would overwrite a contact already on %1.</source>
        <translation>
            <numerusform>%Ln geänderter Eintrag würde einen Kontakt in %1 überschreiben.</numerusform>
            <numerusform>%Ln geänderter Eintrag würde einen Kontakt in %1 überschreiben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln changed records would overwrite contacts already on %1, more than a safe share of them.</source>
        <translation>
            <numerusform>%Ln geänderte Einträge würden Kontakte in %1 überschreiben, mehr als ein sicherer Anteil.</numerusform>
            <numerusform>%Ln geänderte Einträge würden Kontakte in %1 überschreiben, mehr als ein sicherer Anteil.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln record deleted here would be deleted on %1.</source>
        <translation>
            <numerusform>%Ln hier gelöschter Eintrag würde in %1 gelöscht.</numerusform>
            <numerusform>%Ln hier gelöschter Eintrag würde in %1 gelöscht.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln records deleted here would be deleted on %1.</source>
        <translation>
            <numerusform>%Ln hier gelöschte Einträge würden in %1 gelöscht.</numerusform>
            <numerusform>%Ln hier gelöschte Einträge würden in %1 gelöscht.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%Ln accounts are waiting.)</source>
        <translation>
            <numerusform>(%Ln Konto wartet.)</numerusform>
            <numerusform>(%Ln Konten warten.)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Syncing %Ln account…</source>
        <translation>
            <numerusform>%Ln Konto wird synchronisiert…</numerusform>
            <numerusform>%Ln Konto wird synchronisiert…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Syncing %Ln accounts…</source>
        <translation>
            <numerusform>%Ln Konten werden synchronisiert…</numerusform>
            <numerusform>%Ln Konten werden synchronisiert…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retrying %Ln account…</source>
        <translation>
            <numerusform>Erneuter Versuch für %Ln Konto…</numerusform>
            <numerusform>Erneuter Versuch für %Ln Konto…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retrying %Ln accounts…</source>
        <translation>
            <numerusform>Erneuter Versuch für %Ln Konten…</numerusform>
            <numerusform>Erneuter Versuch für %Ln Konten…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The API key of “%1” is kept in memory until Roster quits. To keep it for good, set %2 before starting Roster.</source>
        <translation>Der API-Schlüssel von „%1“ wird bis zum Beenden von Roster im Speicher gehalten. Um ihn dauerhaft zu behalten, setzen Sie %2 vor dem Start von Roster.</translation>
    </message>
    <message>
        <source>Send the selected records again (an account-level error syncs its whole account); with none selected, every record the last sync could not send, listed or not yet</source>
        <translation>Ausgewählte Datensätze erneut senden (ein Fehler auf Kontoebene synchronisiert das ganze Konto); ohne Auswahl jeden Datensatz, den die letzte Synchronisierung nicht senden konnte, ob angezeigt oder nicht</translation>
    </message>
    <message>
        <source>Show &amp;More</source>
        <translation>&amp;Mehr anzeigen</translation>
    </message>
    <message>
        <source>List the next errors of the last sync</source>
        <translation>Die nächsten Fehler der letzten Synchronisierung anzeigen</translation>
    </message>
    <message numerus="yes">
        <source>Showing %1 of %Ln records the last sync could not send or read. Fix the cause, then retry.</source>
        <translation>
            <numerusform>%1 von %Ln Datensatz angezeigt, den die letzte Synchronisierung nicht senden oder lesen konnte. Beheben Sie die Ursache und versuchen Sie es erneut.</numerusform>
            <numerusform>%1 von %Ln Datensätzen angezeigt, die die letzte Synchronisierung nicht senden oder lesen konnte. Beheben Sie die Ursache und versuchen Sie es erneut.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing the first %1 of %Ln records sent without part of them. Fix the contact or the service, then sync.</source>
        <translation>
            <numerusform>Die ersten %1 von %Ln Datensatz, der ohne einen Teil seiner Daten gesendet wurde. Korrigieren Sie den Kontakt oder den Dienst und synchronisieren Sie dann.</numerusform>
            <numerusform>Die ersten %1 von %Ln Datensätzen, die ohne einen Teil ihrer Daten gesendet wurden. Korrigieren Sie den Kontakt oder den Dienst und synchronisieren Sie dann.</numerusform>
        </translation>
    </message>
</context>
</TS>
