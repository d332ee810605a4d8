<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>DatabaseOpener</name>
    <message>
        <source>Preparing the contacts database…
%1

A database from an earlier version of Roster is upgraded once, and one another program removed contacts from is cleaned up; a large one takes a few minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roster</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldLabels</name>
    <message>
        <source>First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LinkedIn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales Navigator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company LinkedIn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Industry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Languages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picture URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other emails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other phones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other web pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:</source>
        <comment>form row label</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldValidator</name>
    <message>
        <source>Not an email address: it needs a name, an @ and a domain, like jane@example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a valid phone number. Check its country code and its digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No phone region is set, so a number needs its country code, like +33 6 12 34 56 78. Or choose the region in Edit &gt; Preferences.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a valid phone number for region %1. Write it with its country code, like +33 6 12 34 56 78.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a LinkedIn profile address. It looks like https://www.linkedin.com/in/jane-smith.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a Sales Navigator lead address. It looks like https://www.linkedin.com/sales/lead/….</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a domain name, like example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a LinkedIn company page. It looks like https://www.linkedin.com/company/acme.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a web address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a date. Write it as year-month-day, like 1990-04-23.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A contact needs at least an email, a phone or a LinkedIn address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An email address is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The LinkedIn address is not a profile address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Sales Navigator address is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone number could not be read; it was kept as typed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The company domain is not a domain name; it was kept as typed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The web address is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date is ambiguous; it was kept as typed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value is not yes or no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The field does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A custom field is not registered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A custom field value does not fit its type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contact no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The company does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This email, phone or LinkedIn address already belongs to another contact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another contact has the same email, phone or LinkedIn address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The owner was left unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A field was left unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tags were left unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database reported an error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is not a Roster database; it was left untouched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database comes from a newer Roster; it was left untouched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is nothing to undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is nothing to redo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This step cannot be undone: the contacts changed since.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file holds no contacts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not a table of contacts (a spreadsheet must be saved as CSV first).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be read as CSV or vCard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A value given is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service could not be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service asked to slow down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service refused the API key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service reported an error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service refused the record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service does not offer this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address is not https; an API key is only sent over https.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API key is stored for this account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same person is on an earlier line of the file; the two lines were merged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some characters could not be read and were replaced by �.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database file is read-only: nothing can be changed in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another program kept the database busy for too long; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sync of this account is already running in another window or program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is Roster&apos;s own database file; it cannot be imported or overwritten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CRM&apos;s list could not be read to the end; no contact was taken as deleted there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service did not let Roster read its custom field definitions; custom fields were not synced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service sent a reply too large to read; it was not read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service kept failing; the sync stopped rather than retry every record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held back: this change is sent once you confirm it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both sides changed this value; the account&apos;s conflict policy chose which to keep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record was deleted on the service; confirm or dismiss the deletion before it is sent again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operation failed (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full: free some space, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Roster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1:
%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UndoRunner</name>
    <message>
        <source>Redoing %1 (%2 changes)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undoing %1 (%2 changes)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>roster::AccountDialog</name>
    <message>
        <source>&amp;Test Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add CRM account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit CRM account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the value here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the service&apos;s value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When a field was changed both here and in the service since the last sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Sales team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service&apos;s API address. Plain http is allowed only for this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the key from the service&apos;s settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored in the keychain; type a new one to replace it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On &amp;conflict:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected: the service accepted the key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the account a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An account named “%1” exists already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the server address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server address must start with https:// (plain http only for this computer).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a valid server address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name “%1” reads the same key variable as the account “%2”; choose a name that differs in letters or digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server address changed: enter the API key for the new server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the API key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the API key first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot store the key in the keychain: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save the account: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the key in memory until Roster &amp;quits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a new key to replace the one in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keychain is available, so the key cannot be stored. Roster can keep it in memory until it quits; it is never written to disk. To keep it for good, set the environment variable %1 to the key before starting Roster (roster account list --json shows it as secret_env).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain is available to keep the key: tick “%1”, or set the environment variable %2 and restart Roster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot keep the key: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the %1 %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>roster::ConflictInbox</name>
    <message>
        <source>&amp;Keep Value Here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take Service’s Val&amp;ue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete Here Too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep and Send A&amp;gain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the value in Roster; the next sync sends it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the service’s value into Roster (undoable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields changed both here and in the service since the last sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records removed from the service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected contacts in Roster too (undoable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the selected contacts; the next sync creates them on the service again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed from the service since the last full sync:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(deleted contact)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record %1 on the service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some could not be settled:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some conflicts could not be settled:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln contact deleted here too (undoable).</source>
        <translation>
            <numerusform>%Ln contact deleted here too (undoable).</numerusform>
            <numerusform>%Ln contact deleted here too (undoable).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln contacts deleted here too (undoable).</source>
        <translation>
            <numerusform>%Ln contacts deleted here too (undoable).</numerusform>
            <numerusform>%Ln contacts deleted here too (undoable).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln contact kept; the next sync sends it again.</source>
        <translation>
            <numerusform>%Ln contact kept; the next sync sends it again.</numerusform>
            <numerusform>%Ln contact kept; the next sync sends it again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln contacts kept; the next sync sends them again.</source>
        <translation>
            <numerusform>%Ln contacts kept; the next sync sends them again.</numerusform>
            <numerusform>%Ln contacts kept; the next sync sends them again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln conflict settled: the value here will be sent at the next sync.</source>
        <translation>
            <numerusform>%Ln conflict settled: the value here will be sent at the next sync.</numerusform>
            <numerusform>%Ln conflict settled: the value here will be sent at the next sync.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln conflicts settled: the values here will be sent at the next sync.</source>
        <translation>
            <numerusform>%Ln conflicts settled: the values here will be sent at the next sync.</numerusform>
            <numerusform>%Ln conflicts settled: the values here will be sent at the next sync.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln conflict settled with the service’s value.</source>
        <translation>
            <numerusform>%Ln conflict settled with the service’s value.</numerusform>
            <numerusform>%Ln conflict settled with the service’s value.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln conflicts settled with the service’s values.</source>
        <translation>
            <numerusform>%Ln conflicts settled with the service’s values.</numerusform>
            <numerusform>%Ln conflicts settled with the service’s values.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>roster::ContactEditorDialog</name>
    <message>
        <source>New contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never contact this person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+33 6 12 34 56 78</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One address per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comma separated, like customer, paris</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not linked to a company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set by the company domain or company LinkedIn page when saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linked company:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No custom fields yet. An import or `roster field add` creates them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the other contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds what you typed to the other contact: its empty fields are filled, phones, emails and tags are added, and nothing it holds is overwritten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not email addresses: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other emails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not phone numbers: %1. Write them with their country code, like +33 6 12 34 56 78.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct first: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added to %1, who keeps their %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: the %1 already belongs to %2. Open %2 to add to that contact instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 already belongs to %2, so it was not applied here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved, with a remark: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: the %1 already belongs to %2. Add what you typed to %2, or open %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>roster::ContactTableModel</name>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>roster::DuplicatesDialog</name>
    <message>
        <source>&amp;Merge…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possible duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Scan Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scan failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Not a Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These are two people: do not list this pair again (Undo takes it back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undone: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No possible duplicates: no two contacts share an email, a phone or a LinkedIn profile, and no one at a company has a colleague of nearly the same name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln pair(s) of contacts may be the same person, the likeliest first. Merge a pair, or mark it Not a Duplicate if they are two people.</source>
        <translation>
            <numerusform>%Ln pair of contacts may be the same person, the likeliest first. Merge a pair, or mark it Not a Duplicate if they are two people.</numerusform>
            <numerusform>%Ln pairs of contacts may be the same person, the likeliest first. Merge a pair, or mark it Not a Duplicate if they are two people.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not a duplicate: %1 and %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The verdict could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>roster::DuplicatesModel</name>
    <message>
        <source>Same email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same LinkedIn profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flagged on import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flagged on import: %1 also matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &lt;%2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same name, spelled differently</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First names one letter apart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initial of the first name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>roster::ExternalWritesStatus</name>
    <message>
        <source>Process %1 is writing to this file; the list follows its changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (process %2) is writing to this file; the list follows its changes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>roster::FacetListModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1
%Ln contact(s)</source>
        <translation>
            <numerusform>%1
%Ln contact</numerusform>
            <numerusform>%1
%Ln contacts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>roster::ImportChangesModel</name>
    <message>
        <source>Contact %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After the import</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>roster::ImportDialog</name>
    <message>
        <source>Import %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check First</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reads the whole file and says what the import would do, without writing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First rows:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where each column goes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping after the current batch…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save Rejected Rows…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo This Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save rejected rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vCard files (*.vcf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(leave out)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vCard file %1 — encoding %2. Each card becomes a contact; no columns to map.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import failed: %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import would create %1, update %2, leave %3 unchanged and reject %4 of %5 rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rows read: %2 created, %3 updated, %4 unchanged, %5 rejected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: the rows from line %1 on were not imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other changes were made after this import: use Edit &gt; Undo step by step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import was undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>CSV file %1 — encoding %2, delimiter %3, %Ln column(s).</source>
        <translation>
            <numerusform>CSV file %1 — encoding %2, delimiter %3, %Ln column.</numerusform>
            <numerusform>CSV file %1 — encoding %2, delimiter %3, %Ln columns.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) read…</source>
        <translation>
            <numerusform>%Ln row read…</numerusform>
            <numerusform>%Ln rows read…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %Ln contact it would change, field by field:</source>
        <translation>
            <numerusform>The %Ln contact it would change, field by field:</numerusform>
            <numerusform>The %Ln contact it would change, field by field:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %Ln contacts it would change, field by field:</source>
        <translation>
            <numerusform>The %Ln contacts it would change, field by field:</numerusform>
            <numerusform>The %Ln contacts it would change, field by field:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) merged into an earlier row for the same person.</source>
        <translation>
            <numerusform>%Ln row merged into an earlier row for the same person.</numerusform>
            <numerusform>%Ln rows merged into an earlier row for the same person.</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep &amp;Browsing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hides this window while the import runs on; it comes back with the report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import stopped at line %1: %2 The rows before it are saved: Undo This Import removes them, and importing the same file again adds the rest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could be read only up to line %1; the rows before it were imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every row is saved, but the indexes could not be built: %1 Roster builds them again when it next opens the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>roster::ImportIssuesModel</name>
    <message>
        <source>Line %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem / line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected — %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged — %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning — %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>roster::ImportStatus</name>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Importing %1: %Ln row(s) read…</source>
        <translation>
            <numerusform>Importing %1: %Ln row read…</numerusform>
            <numerusform>Importing %1: %Ln rows read…</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>roster::MainWindow</name>
    <message>
        <source>Drop a CSV or vCard file here, or press Ctrl+I to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts (*.csv *.vcf *.vcard);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Contact…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit Contact…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find &amp;Duplicates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Columns…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;All Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sync Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync every CRM account both ways (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync &amp;Panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add CRM Account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Roster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Roster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roster %1
A local-first contact manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roster databases (*.sqlite *.roster);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redone: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undone: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>(%Ln contact(s) skipped: removed from the file by another program)</source>
        <translation>
            <numerusform>(%Ln contact skipped: removed from the file by another program)</numerusform>
            <numerusform>(%Ln contacts skipped: removed from the file by another program)</numerusform>
        </translation>
    </message>
    <message>
        <source>Phone region: %1. It applies to numbers typed or imported from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You cannot write %1, so Roster only shows its contacts. Copy it to a folder of yours, or ask its owner for write access, to change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv);;vCard files (*.vcf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search names, emails, phones, job titles, companies, tags…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (read-only)[*]</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln contact(s)</source>
        <translation>
            <numerusform>Delete %Ln contact</numerusform>
            <numerusform>Delete %Ln contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %Ln contact(s). Undo brings them back.</source>
        <translation>
            <numerusform>Deleted %Ln contact. Undo brings it back.</numerusform>
            <numerusform>Deleted %Ln contacts. Undo brings them back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln contact(s).</source>
        <translation>
            <numerusform>Exported %Ln contact.</numerusform>
            <numerusform>Exported %Ln contacts.</numerusform>
        </translation>
    </message>
    <message>
        <source>An import is running: import %1 when it ends.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>roster::MergeDialog</name>
    <message>
        <source>Merge contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick the value to keep for each field that differs. Nothing is lost: emails not picked become other emails, tags are joined, and other values are kept in the notes. The contact on the right is then deleted; Undo reverses the whole merge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep the Other One</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge in and delete: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other emails: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept in the notes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge %1 into %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>roster::NoMatchHint</name>
    <message>
        <source>Show All Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No contact matches the chosen tag and company.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No contact matches “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear Search</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>roster::PhoneListEdit</name>
    <message>
        <source>Add phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+33 6 12 34 56 78</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this phone</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>roster::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone numbers written without their country code (like 06 12 34 56 78) are read as numbers of this country. A number that is not valid there is kept as typed, with a warning. Stored in this database, so imports, syncs and `roster config` use the same region.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone region:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None: numbers need their country code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — the system&apos;s, by default</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>roster::ProviderCatalog</name>
    <message>
        <source>List ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list new contacts go to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: only if the service asks for a Team-ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The HighLevel sub-account (location) to sync</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>roster::SelectionActions</name>
    <message>
        <source>Add &amp;Tag…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove Tag…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Merge Selected…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;LinkedIn Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag to add to the selected contacts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag to remove from the selected contacts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Tag %Ln contact(s) “%1”</source>
        <translation>
            <numerusform>Tag %Ln contact “%1”</numerusform>
            <numerusform>Tag %Ln contacts “%1”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tagged %Ln contact(s) “%1”.</source>
        <translation>
            <numerusform>Tagged %Ln contact “%1”.</numerusform>
            <numerusform>Tagged %Ln contacts “%1”.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Untag %Ln contact(s) “%1”</source>
        <translation>
            <numerusform>Untag %Ln contact “%1”</numerusform>
            <numerusform>Untag %Ln contacts “%1”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed “%1” from %Ln contact(s).</source>
        <translation>
            <numerusform>Removed “%1” from %Ln contact.</numerusform>
            <numerusform>Removed “%1” from %Ln contacts.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>roster::SidebarWidget</name>
    <message>
        <source>All tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All companies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Companies</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>roster::SyncAccountsModel</name>
    <message>
        <source>Today %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running elsewhere (process %1, since %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running elsewhere (process %1 on %2, since %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another Roster window or a roster sync command is syncing this account; Sync Now leaves it alone until that run ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln s left</source>
        <translation>
            <numerusform>%Ln s left</numerusform>
            <numerusform>%Ln s left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln min left</source>
        <translation>
            <numerusform>%Ln min left</numerusform>
            <numerusform>%Ln min left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln h left</source>
        <translation>
            <numerusform>%Ln h left</numerusform>
            <numerusform>%Ln h left</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sync stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln sent</source>
        <translation>
            <numerusform>%Ln sent</numerusform>
            <numerusform>%Ln sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln received</source>
        <translation>
            <numerusform>%Ln received</numerusform>
            <numerusform>%Ln received</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln conflict</source>
        <translation>
            <numerusform>%Ln conflict</numerusform>
            <numerusform>%Ln conflict</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln conflicts</source>
        <translation>
            <numerusform>%Ln conflicts</numerusform>
            <numerusform>%Ln conflicts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln error</source>
        <translation>
            <numerusform>%Ln error</numerusform>
            <numerusform>%Ln error</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln errors</source>
        <translation>
            <numerusform>%Ln errors</numerusform>
            <numerusform>%Ln errors</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>roster::SyncConflictsModel</name>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>roster::SyncErrorsModel</name>
    <message>
        <source>API key refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused by the service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API key stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address is not https</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown custom field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settled by the conflict policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted on the service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(whole account)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>roster::SyncHistoryChart</name>
    <message>
        <source>Pushed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pulled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records pushed, pulled and failed per sync run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sync yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>roster::SyncPanel</name>
    <message>
        <source>S&amp;ync Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ca&amp;ncel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ed&amp;it…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send local changes to every account and read their contacts (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send Anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync this account again and send the records held back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records sent without part of them. Fix the contact or the service, then sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the accounts: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No CRM account yet: add one to sync your contacts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records per run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records per run: all accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records the last sync could not send or read. Fix the cause, then retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; is waiting for your confirmation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending the records held back for %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the account “%1”? Its links to the service’s records, its history and its key are forgotten. Contacts stay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot remove the account: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln account was left alone: another program is syncing it.</source>
        <translation>
            <numerusform>%Ln account was left alone: another program is syncing it.</numerusform>
            <numerusform>%Ln account was left alone: another program is syncing it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln accounts were left alone: another program is syncing them.</source>
        <translation>
            <numerusform>%Ln accounts were left alone: another program is syncing them.</numerusform>
            <numerusform>%Ln accounts were left alone: another program is syncing them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln account, ready: Sync Now sends your changes and reads the service&apos;s contacts.</source>
        <translation>
            <numerusform>%Ln account, ready: Sync Now sends your changes and reads the service&apos;s contacts.</numerusform>
            <numerusform>%Ln account, ready: Sync Now sends your changes and reads the service&apos;s contacts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln accounts, ready: Sync Now sends your changes and reads the services&apos; contacts.</source>
        <translation>
            <numerusform>%Ln accounts, ready: Sync Now sends your changes and reads the services&apos; contacts.</numerusform>
            <numerusform>%Ln accounts, ready: Sync Now sends your changes and reads the services&apos; contacts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln changed record would overwrite a contact already on %1.</source>
        <translation>
            <numerusform>%Ln changed record would overwrite a contact already on %1.</numerusform>
            <numerusform>%Ln changed record would overwrite a contact already on %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln changed records would overwrite contacts already on %1, more than a safe share of them.</source>
        <translation>
            <numerusform>%Ln changed records would overwrite contacts already on %1, more than a safe share of them.</numerusform>
            <numerusform>%Ln changed records would overwrite contacts already on %1, more than a safe share of them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln record deleted here would be deleted on %1.</source>
        <translation>
            <numerusform>%Ln record deleted here would be deleted on %1.</numerusform>
            <numerusform>%Ln record deleted here would be deleted on %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln records deleted here would be deleted on %1.</source>
        <translation>
            <numerusform>%Ln records deleted here would be deleted on %1.</numerusform>
            <numerusform>%Ln records deleted here would be deleted on %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%Ln accounts are waiting.)</source>
        <translation>
            <numerusform>(%Ln accounts are waiting.)</numerusform>
            <numerusform>(%Ln accounts are waiting.)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Syncing %Ln account…</source>
        <translation>
            <numerusform>Syncing %Ln account…</numerusform>
            <numerusform>Syncing %Ln account…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Syncing %Ln accounts…</source>
        <translation>
            <numerusform>Syncing %Ln accounts…</numerusform>
            <numerusform>Syncing %Ln accounts…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retrying %Ln account…</source>
        <translation>
            <numerusform>Retrying %Ln account…</numerusform>
            <numerusform>Retrying %Ln account…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retrying %Ln accounts…</source>
        <translation>
            <numerusform>Retrying %Ln accounts…</numerusform>
            <numerusform>Retrying %Ln accounts…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API key of “%1” is kept in memory until Roster quits. To keep it for good, set %2 before starting Roster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the selected records again (an account-level error syncs its whole account); with none selected, every record the last sync could not send, listed or not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;More</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the next errors of the last sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Showing %1 of %Ln records the last sync could not send or read. Fix the cause, then retry.</source>
        <translation>
            <numerusform>Showing %1 of %Ln record the last sync could not send or read. Fix the cause, then retry.</numerusform>
            <numerusform>Showing %1 of %Ln records the last sync could not send or read. Fix the cause, then retry.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing the first %1 of %Ln records sent without part of them. Fix the contact or the service, then sync.</source>
        <translation>
            <numerusform>Showing the first %1 of %Ln record sent without part of it. Fix the contact or the service, then sync.</numerusform>
            <numerusform>Showing the first %1 of %Ln records sent without part of them. Fix the contact or the service, then sync.</numerusform>
        </translation>
    </message>
</context>
</TS>
