<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>DatabaseOpener</name>
    <message>
        <source>Preparing the contacts database…
%1

A database from an earlier version of Roster is upgraded once, and one another program removed contacts from is cleaned up; a large one takes a few minutes.</source>
        <translation>Préparation de la base de contacts…
%1

Une base d’une version antérieure de Roster est mise à jour une seule fois, et une base dont un autre programme a supprimé des contacts est remise en ordre&#x202f;; une grande base prend quelques minutes.</translation>
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
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
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
        <translation>Poste</translation>
    </message>
    <message>
        <source>Job description</source>
        <translation>Description du poste</translation>
    </message>
    <message>
        <source>Headline</source>
        <translation>Titre du profil</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <source>Company domain</source>
        <translation>Domaine de l’entreprise</translation>
    </message>
    <message>
        <source>Company LinkedIn</source>
        <translation>LinkedIn de l’entreprise</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Site web</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Localisation</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Langues</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>Compétences</translation>
    </message>
    <message>
        <source>Picture URL</source>
        <translation>URL de la photo</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Genre</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Do not contact</source>
        <translation>Ne pas contacter</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Other emails</source>
        <translation>Autres e-mails</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Phone kind</source>
        <translation>Type de téléphone</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Portable</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>Travail</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Domicile</translation>
    </message>
    <message>
        <source>Fax</source>
        <translation>Fax</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Other phones</source>
        <translation>Autres téléphones</translation>
    </message>
    <message>
        <source>Other web pages</source>
        <translation>Autres pages web</translation>
    </message>
    <message>
        <source>%1:</source>
        <comment>form row label</comment>
        <translation>%1&#xa0;:</translation>
    </message>
</context>
<context>
    <name>FieldValidator</name>
    <message>
        <source>Not an email address: it needs a name, an @ and a domain, like jane@example.com.</source>
        <translation>Ce n’est pas une adresse e-mail&#xa0;: il faut un nom, un @ et un domaine, par exemple jeanne@exemple.fr.</translation>
    </message>
    <message>
        <source>Not a LinkedIn profile address. It looks like https://www.linkedin.com/in/jane-smith.</source>
        <translation>Ce n’est pas l’adresse d’un profil LinkedIn. Elle ressemble à https://www.linkedin.com/in/jeanne-martin.</translation>
    </message>
    <message>
        <source>Not a Sales Navigator lead address. It looks like https://www.linkedin.com/sales/lead/….</source>
        <translation>Ce n’est pas l’adresse d’un prospect Sales Navigator. Elle ressemble à https://www.linkedin.com/sales/lead/….</translation>
    </message>
    <message>
        <source>Not a domain name, like example.com.</source>
        <translation>Ce n’est pas un nom de domaine, comme exemple.fr.</translation>
    </message>
    <message>
        <source>Not a LinkedIn company page. It looks like https://www.linkedin.com/company/acme.</source>
        <translation>Ce n’est pas une page d’entreprise LinkedIn. Elle ressemble à https://www.linkedin.com/company/acme.</translation>
    </message>
    <message>
        <source>Not a web address.</source>
        <translation>Ce n’est pas une adresse web.</translation>
    </message>
    <message>
        <source>Not a date. Write it as year-month-day, like 1990-04-23.</source>
        <translation>Ce n’est pas une date. Écrivez-la sous la forme année-mois-jour, par exemple 1990-04-23.</translation>
    </message>
    <message>
        <source>A contact needs at least an email, a phone or a LinkedIn address.</source>
        <translation>Un contact a besoin d’au moins un e-mail, un téléphone ou une adresse LinkedIn.</translation>
    </message>
    <message>
        <source>An email address is not valid.</source>
        <translation>Une adresse e-mail n’est pas valide.</translation>
    </message>
    <message>
        <source>The LinkedIn address is not a profile address.</source>
        <translation>L’adresse LinkedIn n’est pas celle d’un profil.</translation>
    </message>
    <message>
        <source>The Sales Navigator address is not valid.</source>
        <translation>L’adresse Sales Navigator n’est pas valide.</translation>
    </message>
    <message>
        <source>The phone number could not be read; it was kept as typed.</source>
        <translation>Le numéro de téléphone n’a pas pu être lu&#x202f;; il a été gardé tel quel.</translation>
    </message>
    <message>
        <source>The company domain is not a domain name; it was kept as typed.</source>
        <translation>Le domaine de l’entreprise n’est pas un nom de domaine&#x202f;; il a été gardé tel quel.</translation>
    </message>
    <message>
        <source>The date is ambiguous; it was kept as typed.</source>
        <translation>La date est ambiguë&#x202f;; elle a été gardée telle quelle.</translation>
    </message>
    <message>
        <source>A custom field is not registered.</source>
        <translation>Un champ personnalisé n’est pas enregistré.</translation>
    </message>
    <message>
        <source>A custom field value does not fit its type.</source>
        <translation>La valeur d’un champ personnalisé ne correspond pas à son type.</translation>
    </message>
    <message>
        <source>The contact no longer exists.</source>
        <translation>Le contact n’existe plus.</translation>
    </message>
    <message>
        <source>This email, phone or LinkedIn address already belongs to another contact.</source>
        <translation>Cet e-mail, ce téléphone ou cette adresse LinkedIn appartient déjà à un autre contact.</translation>
    </message>
    <message>
        <source>Another contact has the same email, phone or LinkedIn address.</source>
        <translation>Un autre contact a le même e-mail, téléphone ou adresse LinkedIn.</translation>
    </message>
    <message>
        <source>A field was left unchanged.</source>
        <translation>Un champ est resté inchangé.</translation>
    </message>
    <message>
        <source>There is nothing to undo.</source>
        <translation>Il n’y a rien à annuler.</translation>
    </message>
    <message>
        <source>There is nothing to redo.</source>
        <translation>Il n’y a rien à rétablir.</translation>
    </message>
    <message>
        <source>This step cannot be undone: the contacts changed since.</source>
        <translation>Cette étape ne peut pas être annulée&#xa0;: les contacts ont changé depuis.</translation>
    </message>
    <message>
        <source>The database reported an error.</source>
        <translation>La base de données a signalé une erreur.</translation>
    </message>
    <message>
        <source>The operation failed (%1).</source>
        <translation>L’opération a échoué (%1).</translation>
    </message>
    <message>
        <source>The web address is not valid.</source>
        <translation>L’adresse web n’est pas valide.</translation>
    </message>
    <message>
        <source>The value is not yes or no.</source>
        <translation>La valeur n’est ni oui ni non.</translation>
    </message>
    <message>
        <source>The field does not exist.</source>
        <translation>Ce champ n’existe pas.</translation>
    </message>
    <message>
        <source>The company does not exist.</source>
        <translation>L’entreprise n’existe pas.</translation>
    </message>
    <message>
        <source>The owner was left unchanged.</source>
        <translation>Le responsable est resté inchangé.</translation>
    </message>
    <message>
        <source>The tags were left unchanged.</source>
        <translation>Les étiquettes sont restées inchangées.</translation>
    </message>
    <message>
        <source>This file is not a Roster database; it was left untouched.</source>
        <translation>Ce fichier n’est pas une base Roster&#x202f;; il n’a pas été modifié.</translation>
    </message>
    <message>
        <source>This database comes from a newer Roster; it was left untouched.</source>
        <translation>Cette base vient d’une version plus récente de Roster&#x202f;; elle n’a pas été modifiée.</translation>
    </message>
    <message>
        <source>The file does not exist.</source>
        <translation>Le fichier n’existe pas.</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>Le fichier ne peut pas être lu.</translation>
    </message>
    <message>
        <source>The file holds no contacts.</source>
        <translation>Le fichier ne contient aucun contact.</translation>
    </message>
    <message>
        <source>The file is not a table of contacts (a spreadsheet must be saved as CSV first).</source>
        <translation>Le fichier n’est pas un tableau de contacts (enregistrez d’abord le classeur au format CSV).</translation>
    </message>
    <message>
        <source>The file could not be read as CSV or vCard.</source>
        <translation>Le fichier n’a pas pu être lu comme CSV ou vCard.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>A value given is not valid.</source>
        <translation>Une valeur donnée n’est pas valide.</translation>
    </message>
    <message>
        <source>The service could not be reached.</source>
        <translation>Le service est injoignable.</translation>
    </message>
    <message>
        <source>The service did not answer in time.</source>
        <translation>Le service n’a pas répondu à temps.</translation>
    </message>
    <message>
        <source>The service asked to slow down.</source>
        <translation>Le service a demandé de ralentir.</translation>
    </message>
    <message>
        <source>The service refused the API key.</source>
        <translation>Le service a refusé la clé d’API.</translation>
    </message>
    <message>
        <source>The service reported an error.</source>
        <translation>Le service a signalé une erreur.</translation>
    </message>
    <message>
        <source>The service refused the record.</source>
        <translation>Le service a refusé la fiche.</translation>
    </message>
    <message>
        <source>The service does not offer this.</source>
        <translation>Le service ne propose pas cela.</translation>
    </message>
    <message>
        <source>The address is not https; an API key is only sent over https.</source>
        <translation>L’adresse n’est pas en https&#x202f;; une clé d’API n’est envoyée qu’en https.</translation>
    </message>
    <message>
        <source>No API key is stored for this account.</source>
        <translation>Aucune clé d’API n’est enregistrée pour ce compte.</translation>
    </message>
    <message>
        <source>The same person is on an earlier line of the file; the two lines were merged.</source>
        <translation>La même personne figure sur une ligne précédente du fichier&#x202f;; les deux lignes ont été fusionnées.</translation>
    </message>
    <message>
        <source>Some characters could not be read and were replaced by �.</source>
        <translation>Certains caractères n’ont pas pu être lus et ont été remplacés par �.</translation>
    </message>
    <message>
        <source>The database file is read-only: nothing can be changed in it.</source>
        <translation>Le fichier de la base est en lecture seule&#xa0;: rien ne peut y être modifié.</translation>
    </message>
    <message>
        <source>Another program kept the database busy for too long; nothing was changed.</source>
        <translation>Un autre programme a occupé la base trop longtemps&#x202f;; rien n’a été modifié.</translation>
    </message>
    <message>
        <source>A sync of this account is already running in another window or program.</source>
        <translation>Une synchronisation de ce compte tourne déjà dans une autre fenêtre ou un autre programme.</translation>
    </message>
    <message>
        <source>This is Roster&apos;s own database file; it cannot be imported or overwritten.</source>
        <translation>C’est le fichier de base de Roster lui-même&#x202f;; il ne peut être ni importé ni écrasé.</translation>
    </message>
    <message>
        <source>The CRM&apos;s list could not be read to the end; no contact was taken as deleted there.</source>
        <translation>La liste du CRM n’a pas pu être lue jusqu’au bout&#x202f;; aucun contact n’y a été considéré comme supprimé.</translation>
    </message>
    <message>
        <source>The service did not let Roster read its custom field definitions; custom fields were not synced.</source>
        <translation>Le service n’a pas laissé Roster lire ses définitions de champs personnalisés&#x202f;; ceux-ci n’ont pas été synchronisés.</translation>
    </message>
    <message>
        <source>The service sent a reply too large to read; it was not read.</source>
        <translation>Le service a envoyé une réponse trop volumineuse&#x202f;; elle n’a pas été lue.</translation>
    </message>
    <message>
        <source>The service kept failing; the sync stopped rather than retry every record.</source>
        <translation>Le service échouait sans cesse&#x202f;; la synchronisation s’est arrêtée plutôt que de réessayer chaque fiche.</translation>
    </message>
    <message>
        <source>Not a valid phone number. Check its country code and its digits.</source>
        <translation>Ce n’est pas un numéro de téléphone valide. Vérifiez son indicatif et ses chiffres.</translation>
    </message>
    <message>
        <source>No phone region is set, so a number needs its country code, like +33 6 12 34 56 78. Or choose the region in Edit &gt; Preferences.</source>
        <translation>Aucune région téléphonique n’est choisie&#xa0;: un numéro doit porter son indicatif, comme +33 6 12 34 56 78. Ou choisissez la région dans Édition &gt; Préférences.</translation>
    </message>
    <message>
        <source>Not a valid phone number for region %1. Write it with its country code, like +33 6 12 34 56 78.</source>
        <translation>Ce n’est pas un numéro valide pour la région %1. Écrivez-le avec son indicatif, comme +33 6 12 34 56 78.</translation>
    </message>
    <message>
        <source>Held back: this change is sent once you confirm it.</source>
        <translation>Retenu&#xa0;: ce changement sera envoyé quand vous l’aurez confirmé.</translation>
    </message>
    <message>
        <source>Both sides changed this value; the account&apos;s conflict policy chose which to keep.</source>
        <translation>Les deux côtés ont modifié cette valeur&#x202f;; la règle de conflit du compte a choisi laquelle garder.</translation>
    </message>
    <message>
        <source>The record was deleted on the service; confirm or dismiss the deletion before it is sent again.</source>
        <translation>La fiche a été supprimée sur le service&#x202f;; confirmez ou écartez la suppression avant qu’elle ne soit renvoyée.</translation>
    </message>
    <message>
        <source>The disk is full: free some space, then try again.</source>
        <translation>Le disque est plein&#xa0;: libérez de la place, puis réessayez.</translation>
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
        <translation>Impossible d’ouvrir %1&#xa0;:
%2</translation>
    </message>
</context>
<context>
    <name>UndoRunner</name>
    <message>
        <source>Redoing %1 (%2 changes)…</source>
        <translation>Rétablissement de %1 (%2 modifications)…</translation>
    </message>
    <message>
        <source>Undoing %1 (%2 changes)…</source>
        <translation>Annulation de %1 (%2 modifications)…</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>roster::AccountDialog</name>
    <message>
        <source>&amp;Test Connection</source>
        <translation>&amp;Tester la connexion</translation>
    </message>
    <message>
        <source>Add CRM account</source>
        <translation>Ajouter un compte CRM</translation>
    </message>
    <message>
        <source>Edit CRM account</source>
        <translation>Modifier le compte CRM</translation>
    </message>
    <message>
        <source>Ask me</source>
        <translation>Me demander</translation>
    </message>
    <message>
        <source>Keep the value here</source>
        <translation>Garder la valeur d’ici</translation>
    </message>
    <message>
        <source>Keep the service&apos;s value</source>
        <translation>Garder la valeur du service</translation>
    </message>
    <message>
        <source>When a field was changed both here and in the service since the last sync</source>
        <translation>Quand un champ a changé ici et dans le service depuis la dernière synchronisation</translation>
    </message>
    <message>
        <source>e.g. Sales team</source>
        <translation>p. ex. Équipe commerciale</translation>
    </message>
    <message>
        <source>The service&apos;s API address. Plain http is allowed only for this computer.</source>
        <translation>L’adresse de l’API du service. http simple seulement pour cet ordinateur.</translation>
    </message>
    <message>
        <source>Paste the key from the service&apos;s settings</source>
        <translation>Collez la clé depuis les réglages du service</translation>
    </message>
    <message>
        <source>Stored in the keychain; type a new one to replace it</source>
        <translation>Enregistrée dans le trousseau&#x202f;; saisissez-en une autre pour la remplacer</translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation>&amp;Service&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>&amp;Adresse du serveur&#xa0;:</translation>
    </message>
    <message>
        <source>On &amp;conflict:</source>
        <translation>En cas de &amp;conflit&#xa0;:</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>&amp;Clé d’API&#xa0;:</translation>
    </message>
    <message>
        <source>Connected: the service accepted the key.</source>
        <translation>Connecté&#xa0;: le service a accepté la clé.</translation>
    </message>
    <message>
        <source>%1.
%2</source>
        <translation>%1.
%2</translation>
    </message>
    <message>
        <source>Give the account a name.</source>
        <translation>Donnez un nom au compte.</translation>
    </message>
    <message>
        <source>An account named “%1” exists already.</source>
        <translation>Un compte nommé « %1 » existe déjà.</translation>
    </message>
    <message>
        <source>Enter the server address.</source>
        <translation>Saisissez l’adresse du serveur.</translation>
    </message>
    <message>
        <source>The server address must start with https:// (plain http only for this computer).</source>
        <translation>L’adresse du serveur doit commencer par https:// (http simple seulement pour cet ordinateur).</translation>
    </message>
    <message>
        <source>“%1” is not a valid server address.</source>
        <translation>« %1 » n’est pas une adresse de serveur valide.</translation>
    </message>
    <message>
        <source>Enter the API key.</source>
        <translation>Saisissez la clé d’API.</translation>
    </message>
    <message>
        <source>Enter the API key first.</source>
        <translation>Saisissez d’abord la clé d’API.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Cannot store the key in the keychain: %1</source>
        <translation>Impossible d’enregistrer la clé dans le trousseau&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cannot save the account: %1</source>
        <translation>Impossible d’enregistrer le compte&#xa0;: %1</translation>
    </message>
    <message>
        <source>The name “%1” reads the same key variable as the account “%2”; choose a name that differs in letters or digits.</source>
        <translation>Le nom « %1 » lit la même variable de clé que le compte « %2 »&#x202f;; choisissez un nom qui diffère par ses lettres ou ses chiffres.</translation>
    </message>
    <message>
        <source>The server address changed: enter the API key for the new server.</source>
        <translation>L’adresse du serveur a changé&#xa0;: saisissez la clé d’API du nouveau serveur.</translation>
    </message>
    <message>
        <source>Keep the key in memory until Roster &amp;quits</source>
        <translation>Garder la clé en mémoire jusqu’à la fermeture de Roster (&amp;q)</translation>
    </message>
    <message>
        <source>Type a new key to replace the one in use</source>
        <translation>Saisissez une nouvelle clé pour remplacer celle en usage</translation>
    </message>
    <message>
        <source>No system keychain is available, so the key cannot be stored. Roster can keep it in memory until it quits; it is never written to disk. To keep it for good, set the environment variable %1 to the key before starting Roster (roster account list --json shows it as secret_env).</source>
        <translation>Aucun trousseau système n’est disponible&#xa0;: la clé ne peut pas être enregistrée. Roster peut la garder en mémoire jusqu’à sa fermeture&#x202f;; elle n’est jamais écrite sur le disque. Pour la garder durablement, donnez la clé à la variable d’environnement %1 avant de lancer Roster (roster account list --json l’indique sous secret_env).</translation>
    </message>
    <message>
        <source>No keychain is available to keep the key: tick “%1”, or set the environment variable %2 and restart Roster.</source>
        <translation>Aucun trousseau pour garder la clé&#xa0;: cochez « %1 », ou définissez la variable d’environnement %2 et relancez Roster.</translation>
    </message>
    <message>
        <source>Cannot keep the key: %1</source>
        <translation>Impossible de garder la clé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Enter the %1 %2.</source>
        <translation>Saisissez le champ « %2 » de %1.</translation>
    </message>
</context>
<context>
    <name>roster::ConflictInbox</name>
    <message>
        <source>&amp;Keep Value Here</source>
        <translation>&amp;Garder la valeur d’ici</translation>
    </message>
    <message>
        <source>Take Service’s Val&amp;ue</source>
        <translation>Prendre la val&amp;eur du service</translation>
    </message>
    <message>
        <source>&amp;Delete Here Too</source>
        <translation>&amp;Supprimer ici aussi</translation>
    </message>
    <message>
        <source>Keep and Send A&amp;gain</source>
        <translation>Garder et &amp;renvoyer</translation>
    </message>
    <message>
        <source>Keep the value in Roster; the next sync sends it</source>
        <translation>Garder la valeur dans Roster&#x202f;; la prochaine synchronisation l’envoie</translation>
    </message>
    <message>
        <source>Take the service’s value into Roster (undoable)</source>
        <translation>Prendre la valeur du service dans Roster (annulable)</translation>
    </message>
    <message>
        <source>Fields changed both here and in the service since the last sync.</source>
        <translation>Champs modifiés ici et dans le service depuis la dernière synchronisation.</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Records removed from the service</source>
        <translation>Fiches supprimées du service</translation>
    </message>
    <message>
        <source>Delete the selected contacts in Roster too (undoable)</source>
        <translation>Supprimer aussi les contacts choisis dans Roster (annulable)</translation>
    </message>
    <message>
        <source>Keep the selected contacts; the next sync creates them on the service again</source>
        <translation>Garder les contacts choisis&#x202f;; la prochaine synchronisation les recrée dans le service</translation>
    </message>
    <message>
        <source>Removed from the service since the last full sync:</source>
        <translation>Supprimés du service depuis la dernière synchronisation complète&#xa0;:</translation>
    </message>
    <message>
        <source>(deleted contact)</source>
        <translation>(contact supprimé)</translation>
    </message>
    <message>
        <source>Record %1 on the service</source>
        <translation>Fiche %1 dans le service</translation>
    </message>
    <message>
        <source>Removed records</source>
        <translation>Fiches supprimées</translation>
    </message>
    <message>
        <source>Some could not be settled:
%1</source>
        <translation>Certaines n’ont pas pu être réglées&#xa0;:
%1</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflits</translation>
    </message>
    <message>
        <source>Some conflicts could not be settled:
%1</source>
        <translation>Certains conflits n’ont pas pu être réglés&#xa0;:
%1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln contact deleted here too (undoable).</source>
        <translation>
            <numerusform>%Ln contact supprimé ici aussi (annulable).</numerusform>
            <numerusform>%Ln contact supprimé ici aussi (annulable).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln contacts deleted here too (undoable).</source>
        <translation>
            <numerusform>%Ln contacts supprimés ici aussi (annulable).</numerusform>
            <numerusform>%Ln contacts supprimés ici aussi (annulable).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln contact kept; the next sync sends it again.</source>
        <translation>
            <numerusform>%Ln contact gardé&#x202f;; la prochaine synchronisation le renvoie.</numerusform>
            <numerusform>%Ln contact gardé&#x202f;; la prochaine synchronisation le renvoie.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln contacts kept; the next sync sends them again.</source>
        <translation>
            <numerusform>%Ln contacts gardés&#x202f;; la prochaine synchronisation les renvoie.</numerusform>
            <numerusform>%Ln contacts gardés&#x202f;; la prochaine synchronisation les renvoie.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln conflict settled: the value here will be sent at the next sync.</source>
        <translation>
            <numerusform>%Ln conflit réglé&#xa0;: la valeur d’ici sera envoyée à la prochaine synchronisation.</numerusform>
            <numerusform>%Ln conflit réglé&#xa0;: la valeur d’ici sera envoyée à la prochaine synchronisation.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln conflicts settled: the values here will be sent at the next sync.</source>
        <translation>
            <numerusform>%Ln conflits réglés&#xa0;: les valeurs d’ici seront envoyées à la prochaine synchronisation.</numerusform>
            <numerusform>%Ln conflits réglés&#xa0;: les valeurs d’ici seront envoyées à la prochaine synchronisation.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln conflict settled with the service’s value.</source>
        <translation>
            <numerusform>%Ln conflit réglé avec la valeur du service.</numerusform>
            <numerusform>%Ln conflit réglé avec la valeur du service.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln conflicts settled with the service’s values.</source>
        <translation>
            <numerusform>%Ln conflits réglés avec les valeurs du service.</numerusform>
            <numerusform>%Ln conflits réglés avec les valeurs du service.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>roster::ContactEditorDialog</name>
    <message>
        <source>New contact</source>
        <translation>Nouveau contact</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Modifier %1</translation>
    </message>
    <message>
        <source>Never contact this person</source>
        <translation>Ne jamais contacter cette personne</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>+33 6 12 34 56 78</source>
        <translation>+33 6 12 34 56 78</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>One address per line</source>
        <translation>Une adresse par ligne</translation>
    </message>
    <message>
        <source>Comma separated, like customer, paris</source>
        <translation>Séparées par des virgules, par exemple client, paris</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>Travail</translation>
    </message>
    <message>
        <source>Not linked to a company</source>
        <translation>Lié à aucune entreprise</translation>
    </message>
    <message>
        <source>Set by the company domain or company LinkedIn page when saved.</source>
        <translation>Défini à l’enregistrement par le domaine ou la page LinkedIn de l’entreprise.</translation>
    </message>
    <message>
        <source>Linked company:</source>
        <translation>Entreprise liée&#xa0;:</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Plus</translation>
    </message>
    <message>
        <source>Custom fields</source>
        <translation>Champs personnalisés</translation>
    </message>
    <message>
        <source>No custom fields yet. An import or `roster field add` creates them.</source>
        <translation>Pas encore de champ personnalisé. Un import ou `roster field add` en crée.</translation>
    </message>
    <message>
        <source>Open the other contact</source>
        <translation>Ouvrir l’autre contact</translation>
    </message>
    <message>
        <source>Not email addresses: %1</source>
        <translation>Adresses e-mail non valides&#xa0;: %1</translation>
    </message>
    <message>
        <source>Create %1</source>
        <translation>Créer %1</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Non enregistré&#xa0;: %1</translation>
    </message>
    <message>
        <source>The %1 already belongs to %2, so it was not applied here.</source>
        <translation>Le champ %1 appartient déjà à %2&#x202f;; il n’a donc pas été appliqué ici.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Other emails</source>
        <translation>Autres e-mails</translation>
    </message>
    <message>
        <source>Correct first: %1.</source>
        <translation>À corriger d’abord&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Not saved: the %1 already belongs to %2. Open %2 to add to that contact instead.</source>
        <translation>Non enregistré&#xa0;: le champ %1 appartient déjà à %2. Ouvrez %2 pour compléter plutôt ce contact.</translation>
    </message>
    <message>
        <source>Adds what you typed to the other contact: its empty fields are filled, phones, emails and tags are added, and nothing it holds is overwritten.</source>
        <translation>Ajoute ce que vous avez saisi à l’autre contact&#xa0;: ses champs vides sont remplis, téléphones, e-mails et étiquettes sont ajoutés, et rien de ce qu’il contient n’est écrasé.</translation>
    </message>
    <message>
        <source>Not phone numbers: %1. Write them with their country code, like +33 6 12 34 56 78.</source>
        <translation>Ce ne sont pas des numéros de téléphone&#xa0;: %1. Écrivez-les avec leur indicatif, comme +33 6 12 34 56 78.</translation>
    </message>
    <message>
        <source>Added to %1, who keeps their %2.</source>
        <translation>Ajouté à %1, qui garde&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Add to %1</source>
        <translation>Ajouter à %1</translation>
    </message>
    <message>
        <source>Saved, with a remark: %1</source>
        <translation>Enregistré, avec une remarque&#xa0;: %1</translation>
    </message>
    <message>
        <source>Not saved: the %1 already belongs to %2. Add what you typed to %2, or open %2.</source>
        <translation>Non enregistré&#xa0;: le champ %1 appartient déjà à %2. Ajoutez ce que vous avez saisi à %2, ou ouvrez %2.</translation>
    </message>
</context>
<context>
    <name>roster::ContactTableModel</name>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
</context>
<context>
    <name>roster::DuplicatesDialog</name>
    <message>
        <source>&amp;Merge…</source>
        <translation>&amp;Fusionner…</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>Possible duplicates</source>
        <translation>Doublons possibles</translation>
    </message>
    <message>
        <source>&amp;Scan Again</source>
        <translation>&amp;Rechercher à nouveau</translation>
    </message>
    <message>
        <source>The scan failed: %1</source>
        <translation>La recherche a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>&amp;Not a Duplicate</source>
        <translation>&amp;Pas un doublon</translation>
    </message>
    <message>
        <source>These are two people: do not list this pair again (Undo takes it back)</source>
        <translation>Ce sont deux personnes&#xa0;: ne plus proposer cette paire (Annuler revient dessus)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Undone: %1</source>
        <translation>Annulé&#xa0;: %1</translation>
    </message>
    <message>
        <source>No possible duplicates: no two contacts share an email, a phone or a LinkedIn profile, and no one at a company has a colleague of nearly the same name.</source>
        <translation>Aucun doublon possible&#xa0;: aucun contact ne partage un e-mail, un téléphone ou un profil LinkedIn avec un autre, et personne n’a dans son entreprise un collègue au nom presque identique.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln pair(s) of contacts may be the same person, the likeliest first. Merge a pair, or mark it Not a Duplicate if they are two people.</source>
        <translation>
            <numerusform>%Ln paire de contacts peut être une même personne, la plus probable en premier. Fusionnez une paire, ou marquez-la « Pas un doublon » s’il s’agit de deux personnes.</numerusform>
            <numerusform>%Ln paires de contacts peuvent être une même personne, les plus probables en premier. Fusionnez une paire, ou marquez-la « Pas un doublon » s’il s’agit de deux personnes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not a duplicate: %1 and %2</source>
        <translation>Pas un doublon&#xa0;: %1 et %2</translation>
    </message>
    <message>
        <source>The verdict could not be saved: %1</source>
        <translation>Le choix n’a pas pu être enregistré&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>roster::DuplicatesModel</name>
    <message>
        <source>Flagged on import</source>
        <translation>Signalé à l’import</translation>
    </message>
    <message>
        <source>Flagged on import: %1 also matches</source>
        <translation>Signalé à l’import&#xa0;: %1 correspond aussi</translation>
    </message>
    <message>
        <source>Same email</source>
        <translation>Même e-mail</translation>
    </message>
    <message>
        <source>Same phone</source>
        <translation>Même téléphone</translation>
    </message>
    <message>
        <source>Same LinkedIn profile</source>
        <translation>Même profil LinkedIn</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>(supprimé)</translation>
    </message>
    <message>
        <source>Contact %1</source>
        <translation>Contact %1</translation>
    </message>
    <message>
        <source>%1 &lt;%2&gt;</source>
        <translation>%1 &lt;%2&gt;</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>Doublon possible</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>Shared value</source>
        <translation>Valeur commune</translation>
    </message>
    <message>
        <source>Same name</source>
        <translation>Même nom</translation>
    </message>
    <message>
        <source>Same name, spelled differently</source>
        <translation>Même nom, autre graphie</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>Diminutif</translation>
    </message>
    <message>
        <source>First names one letter apart</source>
        <translation>Prénoms à une lettre près</translation>
    </message>
    <message>
        <source>Initial of the first name</source>
        <translation>Initiale du prénom</translation>
    </message>
    <message>
        <source>Same company</source>
        <translation>Même entreprise</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
</context>
<context>
    <name>roster::ExternalWritesStatus</name>
    <message>
        <source>Process %1 is writing to this file; the list follows its changes.</source>
        <translation>Le processus %1 écrit dans ce fichier&#x202f;; la liste suit ses modifications.</translation>
    </message>
    <message>
        <source>%1 (process %2) is writing to this file; the list follows its changes.</source>
        <translation>%1 (processus %2) écrit dans ce fichier&#x202f;; la liste suit ses modifications.</translation>
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
        <translation>Contact %1</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Actuellement</translation>
    </message>
    <message>
        <source>After the import</source>
        <translation>Après l’import</translation>
    </message>
</context>
<context>
    <name>roster::ImportDialog</name>
    <message>
        <source>Import %1</source>
        <translation>Importer %1</translation>
    </message>
    <message>
        <source>&amp;Check First</source>
        <translation>&amp;Vérifier d’abord</translation>
    </message>
    <message>
        <source>Reads the whole file and says what the import would do, without writing.</source>
        <translation>Lit tout le fichier et indique ce que ferait l’import, sans rien écrire.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>First rows:</source>
        <translation>Premières lignes&#xa0;:</translation>
    </message>
    <message>
        <source>Where each column goes:</source>
        <translation>Destination de chaque colonne&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>Stopping after the current batch…</source>
        <translation>Arrêt après le lot en cours…</translation>
    </message>
    <message>
        <source>&amp;Save Rejected Rows…</source>
        <translation>&amp;Enregistrer les lignes rejetées…</translation>
    </message>
    <message>
        <source>&amp;Undo This Import</source>
        <translation>Annuler &amp;cet import</translation>
    </message>
    <message>
        <source>Save rejected rows</source>
        <translation>Enregistrer les lignes rejetées</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>(leave out)</source>
        <translation>(ignorer)</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nom complet</translation>
    </message>
    <message>
        <source>Custom: %1</source>
        <translation>Personnalisé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>tabulation</translation>
    </message>
    <message>
        <source>comma</source>
        <translation>virgule</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>point-virgule</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>Vérification du fichier…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Import en cours…</translation>
    </message>
    <message>
        <source>The import failed: %1 %2</source>
        <translation>L’import a échoué&#xa0;: %1 %2</translation>
    </message>
    <message>
        <source>The import would create %1, update %2, leave %3 unchanged and reject %4 of %5 rows.</source>
        <translation>L’import créerait %1, mettrait à jour %2, laisserait %3 inchangés et rejetterait %4 des %5 lignes.</translation>
    </message>
    <message>
        <source>%1 rows read: %2 created, %3 updated, %4 unchanged, %5 rejected.</source>
        <translation>%1 lignes lues&#xa0;: %2 créés, %3 mis à jour, %4 inchangés, %5 rejetées.</translation>
    </message>
    <message>
        <source>Cancelled: the rows from line %1 on were not imported.</source>
        <translation>Annulé&#xa0;: les lignes à partir de la ligne %1 n’ont pas été importées.</translation>
    </message>
    <message>
        <source>Other changes were made after this import: use Edit &gt; Undo step by step.</source>
        <translation>D’autres modifications ont suivi cet import&#xa0;: utilisez Édition &gt; Annuler étape par étape.</translation>
    </message>
    <message>
        <source>The import was undone.</source>
        <translation>L’import a été annulé.</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>Impossible d’écrire %1.</translation>
    </message>
    <message>
        <source>vCard files (*.vcf)</source>
        <translation>Fichiers vCard (*.vcf)</translation>
    </message>
    <message>
        <source>Phone (%1)</source>
        <translation>Téléphone (%1)</translation>
    </message>
    <message>
        <source>vCard file %1 — encoding %2. Each card becomes a contact; no columns to map.</source>
        <translation>Fichier vCard %1 — encodage %2. Chaque carte devient un contact&#x202f;; aucune colonne à associer.</translation>
    </message>
    <message numerus="yes">
        <source>CSV file %1 — encoding %2, delimiter %3, %Ln column(s).</source>
        <translation>
            <numerusform>Fichier CSV %1 — encodage %2, séparateur %3, %Ln colonne.</numerusform>
            <numerusform>Fichier CSV %1 — encodage %2, séparateur %3, %Ln colonnes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) read…</source>
        <translation>
            <numerusform>%Ln ligne lue…</numerusform>
            <numerusform>%Ln lignes lues…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %Ln contact it would change, field by field:</source>
        <translation>
            <numerusform>Le contact qu’il modifierait, champ par champ&#xa0;:</numerusform>
            <numerusform>Les %Ln contacts qu’il modifierait, champ par champ&#xa0;:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %Ln contacts it would change, field by field:</source>
        <translation>
            <numerusform>Le contact qu’il modifierait, champ par champ&#xa0;:</numerusform>
            <numerusform>Les %Ln contacts qu’il modifierait, champ par champ&#xa0;:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) merged into an earlier row for the same person.</source>
        <translation>
            <numerusform>%Ln ligne fusionnée avec une ligne précédente de la même personne.</numerusform>
            <numerusform>%Ln lignes fusionnées avec une ligne précédente de la même personne.</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep &amp;Browsing</source>
        <translation>&amp;Continuer à parcourir</translation>
    </message>
    <message>
        <source>Hides this window while the import runs on; it comes back with the report.</source>
        <translation>Masque cette fenêtre pendant que l’import continue&#x202f;; elle revient avec le rapport.</translation>
    </message>
    <message>
        <source>The import stopped at line %1: %2 The rows before it are saved: Undo This Import removes them, and importing the same file again adds the rest.</source>
        <translation>L’import s’est arrêté à la ligne %1&#xa0;: %2 Les lignes précédentes sont enregistrées&#xa0;: «&#xa0;Annuler cet import&#xa0;» les retire, et importer de nouveau le même fichier ajoute le reste.</translation>
    </message>
    <message>
        <source>The file could be read only up to line %1; the rows before it were imported.</source>
        <translation>Le fichier n’a pu être lu que jusqu’à la ligne %1&#x202f;; les lignes précédentes ont été importées.</translation>
    </message>
    <message>
        <source>Every row is saved, but the indexes could not be built: %1 Roster builds them again when it next opens the file.</source>
        <translation>Toutes les lignes sont enregistrées, mais les index n’ont pas pu être construits&#xa0;: %1 Roster les reconstruit à la prochaine ouverture du fichier.</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>Rien n’a été importé&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>roster::ImportIssuesModel</name>
    <message>
        <source>Line %1</source>
        <translation>Ligne %1</translation>
    </message>
    <message>
        <source>Problem / line</source>
        <translation>Problème / ligne</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Rejected — %1 (%2)</source>
        <translation>Refusées — %1 (%2)</translation>
    </message>
    <message>
        <source>Merged — %1 (%2)</source>
        <translation>Fusionnées — %1 (%2)</translation>
    </message>
    <message>
        <source>Warning — %1 (%2)</source>
        <translation>Avertissement — %1 (%2)</translation>
    </message>
</context>
<context>
    <name>roster::ImportStatus</name>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message numerus="yes">
        <source>Importing %1: %Ln row(s) read…</source>
        <translation>
            <numerusform>Import de %1&#xa0;: %Ln ligne lue…</numerusform>
            <numerusform>Import de %1&#xa0;: %Ln lignes lues…</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Import de %1…</translation>
    </message>
</context>
<context>
    <name>roster::MainWindow</name>
    <message>
        <source>&amp;New Database…</source>
        <translation>&amp;Nouvelle base…</translation>
    </message>
    <message>
        <source>&amp;Open Database…</source>
        <translation>&amp;Ouvrir une base…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importer…</translation>
    </message>
    <message>
        <source>Import contacts</source>
        <translation>Importer des contacts</translation>
    </message>
    <message>
        <source>Contacts (*.csv *.vcf *.vcard);;All files (*)</source>
        <translation>Contacts (*.csv *.vcf *.vcard);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>E&amp;xporter…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;New Contact…</source>
        <translation>&amp;Nouveau contact…</translation>
    </message>
    <message>
        <source>&amp;Edit Contact…</source>
        <translation>&amp;Modifier le contact…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Rechercher</translation>
    </message>
    <message>
        <source>Find &amp;Duplicates…</source>
        <translation>Chercher les &amp;doublons…</translation>
    </message>
    <message>
        <source>&amp;Columns…</source>
        <translation>&amp;Colonnes…</translation>
    </message>
    <message>
        <source>Show &amp;All Contacts</source>
        <translation>Afficher &amp;tous les contacts</translation>
    </message>
    <message>
        <source>&amp;About Roster</source>
        <translation>À &amp;propos de Roster</translation>
    </message>
    <message>
        <source>About Roster</source>
        <translation>À propos de Roster</translation>
    </message>
    <message>
        <source>Roster %1
A local-first contact manager.</source>
        <translation>Roster %1
Un gestionnaire de contacts local.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Outils</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Barre d’outils principale</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>Impossible d’ouvrir %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Roster databases (*.sqlite *.roster);;All files (*)</source>
        <translation>Bases Roster (*.sqlite *.roster);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>Nouvelle base</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>Ouvrir une base</translation>
    </message>
    <message>
        <source>%1 contacts</source>
        <translation>%1 contacts</translation>
    </message>
    <message>
        <source>%1 of %2 contacts</source>
        <translation>%1 sur %2 contacts</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Annuler&#xa0;: %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Rétablir&#xa0;: %1</translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation>Annuler&#xa0;: %1</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>Rien à annuler</translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation>Rétablir&#xa0;: %1</translation>
    </message>
    <message>
        <source>Nothing to redo</source>
        <translation>Rien à rétablir</translation>
    </message>
    <message>
        <source>Redone: %1</source>
        <translation>Rétabli&#xa0;: %1</translation>
    </message>
    <message>
        <source>Undone: %1</source>
        <translation>Annulé&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>(%Ln contact(s) skipped: removed from the file by another program)</source>
        <translation>
            <numerusform>(%Ln contact ignoré&#xa0;: supprimé du fichier par un autre programme)</numerusform>
            <numerusform>(%Ln contacts ignorés&#xa0;: supprimés du fichier par un autre programme)</numerusform>
        </translation>
    </message>
    <message>
        <source>Export contacts</source>
        <translation>Exporter les contacts</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;vCard files (*.vcf)</source>
        <translation>Fichiers CSV (*.csv);;Fichiers vCard (*.vcf)</translation>
    </message>
    <message>
        <source>Cannot export to %1: %2</source>
        <translation>Impossible d’exporter vers %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>Roster</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>&amp;Sync Now</source>
        <translation>&amp;Synchroniser</translation>
    </message>
    <message>
        <source>Sync every CRM account both ways (F5)</source>
        <translation>Synchroniser tous les comptes CRM dans les deux sens (F5)</translation>
    </message>
    <message>
        <source>Sync &amp;Panel</source>
        <translation>&amp;Panneau de synchronisation</translation>
    </message>
    <message>
        <source>&amp;Add CRM Account…</source>
        <translation>&amp;Ajouter un compte CRM…</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>S&amp;ynchronisation</translation>
    </message>
    <message>
        <source>Drop a CSV or vCard file here, or press Ctrl+I to import.</source>
        <translation>Déposez ici un fichier CSV ou vCard, ou appuyez sur Ctrl+I pour importer.</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Lecture seule</translation>
    </message>
    <message>
        <source>You cannot write %1, so Roster only shows its contacts. Copy it to a folder of yours, or ask its owner for write access, to change it.</source>
        <translation>Vous ne pouvez pas écrire %1&#xa0;: Roster en montre seulement les contacts. Copiez-le dans un dossier à vous, ou demandez à son propriétaire l’accès en écriture, pour le modifier.</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <source>Phone region: %1. It applies to numbers typed or imported from now on.</source>
        <translation>Région téléphonique&#xa0;: %1. Elle s’applique aux numéros saisis ou importés à partir de maintenant.</translation>
    </message>
    <message>
        <source>Search names, emails, phones, job titles, companies, tags…</source>
        <translation>Rechercher noms, e-mails, téléphones, postes, entreprises, étiquettes…</translation>
    </message>
    <message>
        <source>%1 (read-only)[*]</source>
        <translation>%1 (lecture seule)[*]</translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln contact(s)</source>
        <translation>
            <numerusform>Supprimer %Ln contact</numerusform>
            <numerusform>Supprimer %Ln contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %Ln contact(s). Undo brings them back.</source>
        <translation>
            <numerusform>%Ln contact supprimé. Annuler le fait revenir.</numerusform>
            <numerusform>%Ln contacts supprimés. Annuler les fait revenir.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln contact(s).</source>
        <translation>
            <numerusform>%Ln contact exporté.</numerusform>
            <numerusform>%Ln contacts exportés.</numerusform>
        </translation>
    </message>
    <message>
        <source>An import is running: import %1 when it ends.</source>
        <translation>Un import est en cours&#xa0;: importez %1 quand il sera terminé.</translation>
    </message>
</context>
<context>
    <name>roster::MergeDialog</name>
    <message>
        <source>Merge contacts</source>
        <translation>Fusionner des contacts</translation>
    </message>
    <message>
        <source>Pick the value to keep for each field that differs. Nothing is lost: emails not picked become other emails, tags are joined, and other values are kept in the notes. The contact on the right is then deleted; Undo reverses the whole merge.</source>
        <translation>Choisissez la valeur à garder pour chaque champ qui diffère. Rien n’est perdu&#xa0;: les e-mails non choisis deviennent d’autres e-mails, les étiquettes sont réunies et les autres valeurs sont gardées dans les notes. Le contact de droite est ensuite supprimé&#x202f;; Annuler défait toute la fusion.</translation>
    </message>
    <message>
        <source>&amp;Keep the Other One</source>
        <translation>&amp;Garder l’autre</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Fusionner</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Keep: %1</source>
        <translation>Garder&#xa0;: %1</translation>
    </message>
    <message>
        <source>Merge in and delete: %1</source>
        <translation>Fusionner puis supprimer&#xa0;: %1</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <source>Other emails: %1</source>
        <translation>Autres e-mails&#xa0;: %1</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>Étiquettes&#xa0;: %1</translation>
    </message>
    <message>
        <source>Kept in the notes: %1</source>
        <translation>Gardé dans les notes&#xa0;: %1</translation>
    </message>
    <message>
        <source>Merge %1 into %2</source>
        <translation>Fusionner %1 dans %2</translation>
    </message>
</context>
<context>
    <name>roster::NoMatchHint</name>
    <message>
        <source>Show All Contacts</source>
        <translation>Afficher tous les contacts</translation>
    </message>
    <message>
        <source>No contact matches the chosen tag and company.</source>
        <translation>Aucun contact ne correspond à l’étiquette et à l’entreprise choisies.</translation>
    </message>
    <message>
        <source>No contact matches “%1”.</source>
        <translation>Aucun contact ne correspond à « %1 ».</translation>
    </message>
    <message>
        <source>Clear Search</source>
        <translation>Effacer la recherche</translation>
    </message>
</context>
<context>
    <name>roster::PhoneListEdit</name>
    <message>
        <source>Add phone</source>
        <translation>Ajouter un téléphone</translation>
    </message>
    <message>
        <source>+33 6 12 34 56 78</source>
        <translation>+33 6 12 34 56 78</translation>
    </message>
    <message>
        <source>Remove this phone</source>
        <translation>Retirer ce téléphone</translation>
    </message>
</context>
<context>
    <name>roster::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>Phone numbers written without their country code (like 06 12 34 56 78) are read as numbers of this country. A number that is not valid there is kept as typed, with a warning. Stored in this database, so imports, syncs and `roster config` use the same region.</source>
        <translation>Les numéros écrits sans indicatif (comme 06 12 34 56 78) sont lus comme des numéros de ce pays. Un numéro qui n’y est pas valide est gardé tel quel, avec un avertissement. Enregistré dans cette base&#xa0;: imports, synchronisations et `roster config` utilisent la même région.</translation>
    </message>
    <message>
        <source>Phone region:</source>
        <translation>Région téléphonique&#xa0;:</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>None: numbers need their country code</source>
        <translation>Aucune&#xa0;: les numéros doivent porter leur indicatif</translation>
    </message>
    <message>
        <source>%1 — the system&apos;s, by default</source>
        <translation>%1 — celle du système, par défaut</translation>
    </message>
</context>
<context>
    <name>roster::ProviderCatalog</name>
    <message>
        <source>List ID</source>
        <translation>ID de liste</translation>
    </message>
    <message>
        <source>The list new contacts go to</source>
        <translation>La liste où vont les nouveaux contacts</translation>
    </message>
    <message>
        <source>Team ID</source>
        <translation>ID d’équipe</translation>
    </message>
    <message>
        <source>Optional: only if the service asks for a Team-ID</source>
        <translation>Facultatif&#xa0;: seulement si le service demande un Team-ID</translation>
    </message>
    <message>
        <source>Location ID</source>
        <translation>ID de location</translation>
    </message>
    <message>
        <source>The HighLevel sub-account (location) to sync</source>
        <translation>Le sous-compte HighLevel (location) à synchroniser</translation>
    </message>
</context>
<context>
    <name>roster::SelectionActions</name>
    <message>
        <source>Add &amp;Tag…</source>
        <translation>Ajouter une é&amp;tiquette…</translation>
    </message>
    <message>
        <source>&amp;Remove Tag…</source>
        <translation>&amp;Retirer une étiquette…</translation>
    </message>
    <message>
        <source>&amp;Merge Selected…</source>
        <translation>&amp;Fusionner la sélection…</translation>
    </message>
    <message>
        <source>&amp;Copy Email</source>
        <translation>&amp;Copier l’e-mail</translation>
    </message>
    <message>
        <source>Open &amp;LinkedIn Profile</source>
        <translation>Ouvrir le profil &amp;LinkedIn</translation>
    </message>
    <message>
        <source>Add Tag</source>
        <translation>Ajouter une étiquette</translation>
    </message>
    <message>
        <source>Tag to add to the selected contacts:</source>
        <translation>Étiquette à ajouter aux contacts sélectionnés&#xa0;:</translation>
    </message>
    <message>
        <source>Remove Tag</source>
        <translation>Retirer une étiquette</translation>
    </message>
    <message>
        <source>Tag to remove from the selected contacts:</source>
        <translation>Étiquette à retirer des contacts sélectionnés&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <source>Tag %Ln contact(s) “%1”</source>
        <translation>
            <numerusform>Étiqueter %Ln contact « %1 »</numerusform>
            <numerusform>Étiqueter %Ln contacts « %1 »</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tagged %Ln contact(s) “%1”.</source>
        <translation>
            <numerusform>%Ln contact étiqueté « %1 ».</numerusform>
            <numerusform>%Ln contacts étiquetés « %1 ».</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Untag %Ln contact(s) “%1”</source>
        <translation>
            <numerusform>Retirer « %1 » de %Ln contact</numerusform>
            <numerusform>Retirer « %1 » de %Ln contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed “%1” from %Ln contact(s).</source>
        <translation>
            <numerusform>« %1 » retiré de %Ln contact.</numerusform>
            <numerusform>« %1 » retiré de %Ln contacts.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>roster::SidebarWidget</name>
    <message>
        <source>All tags</source>
        <translation>Toutes les étiquettes</translation>
    </message>
    <message>
        <source>All companies</source>
        <translation>Toutes les entreprises</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Companies</source>
        <translation>Entreprises</translation>
    </message>
</context>
<context>
    <name>roster::SyncAccountsModel</name>
    <message>
        <source>Today %1</source>
        <translation>Aujourd’hui %1</translation>
    </message>
    <message>
        <source>%1 of %2 sent</source>
        <translation>%1 sur %2 envoyés</translation>
    </message>
    <message>
        <source>%1 sent</source>
        <translation>%1 envoyés</translation>
    </message>
    <message>
        <source>%1 of %2 received</source>
        <translation>%1 sur %2 reçus</translation>
    </message>
    <message>
        <source>%1 received</source>
        <translation>%1 reçus</translation>
    </message>
    <message>
        <source>%1 of %2 deleted</source>
        <translation>%1 sur %2 supprimés</translation>
    </message>
    <message>
        <source>%1 deleted</source>
        <translation>%1 supprimés</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Jamais synchronisé</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Interrompu</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Waiting for confirmation</source>
        <translation>En attente de confirmation</translation>
    </message>
    <message>
        <source>Running elsewhere (process %1, since %2)</source>
        <translation>En cours ailleurs (processus %1, depuis %2)</translation>
    </message>
    <message>
        <source>Running elsewhere (process %1 on %2, since %3)</source>
        <translation>En cours ailleurs (processus %1 sur %2, depuis %3)</translation>
    </message>
    <message>
        <source>Another Roster window or a roster sync command is syncing this account; Sync Now leaves it alone until that run ends.</source>
        <translation>Une autre fenêtre de Roster ou une commande roster sync synchronise ce compte&#x202f;; Synchroniser le laisse de côté jusqu’à la fin de cette synchronisation.</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>À jour</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Dernière synchro</translation>
    </message>
    <message numerus="yes">
        <source>%Ln s left</source>
        <translation>
            <numerusform>encore %Ln s</numerusform>
            <numerusform>encore %Ln s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln min left</source>
        <translation>
            <numerusform>encore %Ln min</numerusform>
            <numerusform>encore %Ln min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln h left</source>
        <translation>
            <numerusform>encore %Ln h</numerusform>
            <numerusform>encore %Ln h</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Échec&#xa0;: %1</translation>
    </message>
    <message>
        <source>the sync stopped</source>
        <translation>la synchronisation s’est arrêtée</translation>
    </message>
    <message numerus="yes">
        <source>%Ln sent</source>
        <translation>
            <numerusform>%Ln envoyé</numerusform>
            <numerusform>%Ln envoyés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln received</source>
        <translation>
            <numerusform>%Ln reçu</numerusform>
            <numerusform>%Ln reçus</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln conflict</source>
        <translation>
            <numerusform>%Ln conflit</numerusform>
            <numerusform>%Ln conflits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln conflicts</source>
        <translation>
            <numerusform>%Ln conflit</numerusform>
            <numerusform>%Ln conflits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln error</source>
        <translation>
            <numerusform>%Ln erreur</numerusform>
            <numerusform>%Ln erreur</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln errors</source>
        <translation>
            <numerusform>%Ln erreurs</numerusform>
            <numerusform>%Ln erreurs</numerusform>
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
        <translation>(vide)</translation>
    </message>
    <message>
        <source>Account %1</source>
        <translation>Compte %1</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Avant</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>Ici</translation>
    </message>
    <message>
        <source>In the service</source>
        <translation>Dans le service</translation>
    </message>
    <message>
        <source>Contact %1</source>
        <translation>Contact %1</translation>
    </message>
</context>
<context>
    <name>roster::SyncErrorsModel</name>
    <message>
        <source>API key refused</source>
        <translation>Clé d’API refusée</translation>
    </message>
    <message>
        <source>Service unreachable</source>
        <translation>Service injoignable</translation>
    </message>
    <message>
        <source>No answer in time</source>
        <translation>Pas de réponse à temps</translation>
    </message>
    <message>
        <source>Too many requests</source>
        <translation>Trop de requêtes</translation>
    </message>
    <message>
        <source>Refused by the service</source>
        <translation>Refusé par le service</translation>
    </message>
    <message>
        <source>No API key stored</source>
        <translation>Aucune clé d’API enregistrée</translation>
    </message>
    <message>
        <source>Address is not https</source>
        <translation>L’adresse n’est pas en https</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>Service error</source>
        <translation>Erreur du service</translation>
    </message>
    <message>
        <source>Unknown custom field</source>
        <translation>Champ personnalisé inconnu</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>(whole account)</source>
        <translation>(tout le compte)</translation>
    </message>
    <message>
        <source>Contact %1</source>
        <translation>Contact %1</translation>
    </message>
    <message>
        <source>Waiting for confirmation</source>
        <translation>En attente de confirmation</translation>
    </message>
    <message>
        <source>Settled by the conflict policy</source>
        <translation>Réglé par la règle de conflit</translation>
    </message>
    <message>
        <source>Deleted on the service</source>
        <translation>Supprimé sur le service</translation>
    </message>
</context>
<context>
    <name>roster::SyncHistoryChart</name>
    <message>
        <source>Pushed</source>
        <translation>Envoyés</translation>
    </message>
    <message>
        <source>Pulled</source>
        <translation>Reçus</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Records pushed, pulled and failed per sync run</source>
        <translation>Fiches envoyées, reçues et en échec par synchronisation</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>No sync yet</source>
        <translation>Pas encore de synchronisation</translation>
    </message>
</context>
<context>
    <name>roster::SyncPanel</name>
    <message>
        <source>S&amp;ync Now</source>
        <translation>S&amp;ynchroniser</translation>
    </message>
    <message>
        <source>Ca&amp;ncel</source>
        <translation>A&amp;nnuler</translation>
    </message>
    <message>
        <source>&amp;Add Account…</source>
        <translation>&amp;Ajouter un compte…</translation>
    </message>
    <message>
        <source>Ed&amp;it…</source>
        <translation>Mod&amp;ifier…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Suppri&amp;mer</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Réessayer</translation>
    </message>
    <message>
        <source>Send local changes to every account and read their contacts (F5)</source>
        <translation>Envoyer les modifications locales à chaque compte et lire leurs contacts (F5)</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>&amp;Send Anyway</source>
        <translation>&amp;Envoyer quand même</translation>
    </message>
    <message>
        <source>Sync this account again and send the records held back</source>
        <translation>Resynchroniser ce compte et envoyer les fiches retenues</translation>
    </message>
    <message>
        <source>Sync finished.</source>
        <translation>Synchronisation terminée.</translation>
    </message>
    <message>
        <source>Sync warnings</source>
        <translation>Avertissements de synchronisation</translation>
    </message>
    <message>
        <source>Records sent without part of them. Fix the contact or the service, then sync.</source>
        <translation>Fiches envoyées en partie seulement. Corrigez le contact ou le service, puis synchronisez.</translation>
    </message>
    <message>
        <source>Cannot read the accounts: %1</source>
        <translation>Impossible de lire les comptes&#xa0;: %1</translation>
    </message>
    <message>
        <source>No CRM account yet: add one to sync your contacts.</source>
        <translation>Aucun compte CRM&#xa0;: ajoutez-en un pour synchroniser vos contacts.</translation>
    </message>
    <message>
        <source>Records per run: %1</source>
        <translation>Fiches par synchronisation&#xa0;: %1</translation>
    </message>
    <message>
        <source>Records per run: all accounts</source>
        <translation>Fiches par synchronisation&#xa0;: tous les comptes</translation>
    </message>
    <message>
        <source>Records the last sync could not send or read. Fix the cause, then retry.</source>
        <translation>Fiches que la dernière synchronisation n’a pu envoyer ou lire. Corrigez la cause, puis réessayez.</translation>
    </message>
    <message>
        <source>Errors (%1)</source>
        <translation>Erreurs (%1)</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Erreurs</translation>
    </message>
    <message>
        <source>Conflicts (%1)</source>
        <translation>Conflits (%1)</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflits</translation>
    </message>
    <message>
        <source>Warnings (%1)</source>
        <translation>Avertissements (%1)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; is waiting for your confirmation.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; attend votre confirmation.</translation>
    </message>
    <message>
        <source>Sending the records held back for %1…</source>
        <translation>Envoi des fiches retenues pour %1…</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Supprimer le compte</translation>
    </message>
    <message>
        <source>Remove the account “%1”? Its links to the service’s records, its history and its key are forgotten. Contacts stay.</source>
        <translation>Supprimer le compte « %1 »&#x202f;? Ses liens vers les fiches du service, son historique et sa clé sont oubliés. Les contacts restent.</translation>
    </message>
    <message>
        <source>Cannot remove the account: %1</source>
        <translation>Impossible de supprimer le compte&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln account was left alone: another program is syncing it.</source>
        <translation>
            <numerusform>%Ln compte laissé de côté&#xa0;: un autre programme le synchronise.</numerusform>
            <numerusform>%Ln compte laissé de côté&#xa0;: un autre programme le synchronise.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln accounts were left alone: another program is syncing them.</source>
        <translation>
            <numerusform>%Ln comptes laissés de côté&#xa0;: un autre programme les synchronise.</numerusform>
            <numerusform>%Ln comptes laissés de côté&#xa0;: un autre programme les synchronise.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln account, ready: Sync Now sends your changes and reads the service&apos;s contacts.</source>
        <translation>
            <numerusform>%Ln compte, prêt&#xa0;: Synchroniser envoie vos modifications et lit les contacts du service.</numerusform>
            <numerusform>%Ln comptes, prêts&#xa0;: Synchroniser envoie vos modifications et lit les contacts des services.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln accounts, ready: Sync Now sends your changes and reads the services&apos; contacts.</source>
        <translation>
            <numerusform>%Ln compte, prêt&#xa0;: Synchroniser envoie vos modifications et lit les contacts du service.</numerusform>
            <numerusform>%Ln comptes, prêts&#xa0;: Synchroniser envoie vos modifications et lit les contacts des services.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln changed record would overwrite a contact already on %1.</source>
        <translation>
            <numerusform>%Ln fiche modifiée écraserait un contact déjà dans %1.</numerusform>
            <numerusform>%Ln fiche modifiée écraserait un contact déjà dans %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln changed records would overwrite contacts already on %1, more than a safe share of them.</source>
        <translation>
            <numerusform>%Ln fiches modifiées écraseraient des contacts déjà dans %1, plus qu’une part sûre.</numerusform>
            <numerusform>%Ln fiches modifiées écraseraient des contacts déjà dans %1, plus qu’une part sûre.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln record deleted here would be deleted on %1.</source>
        <translation>
            <numerusform>%Ln fiche supprimée ici serait supprimée dans %1.</numerusform>
            <numerusform>%Ln fiche supprimée ici serait supprimée dans %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln records deleted here would be deleted on %1.</source>
        <translation>
            <numerusform>%Ln fiches supprimées ici seraient supprimées dans %1.</numerusform>
            <numerusform>%Ln fiches supprimées ici seraient supprimées dans %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%Ln accounts are waiting.)</source>
        <translation>
            <numerusform>(%Ln compte en attente.)</numerusform>
            <numerusform>(%Ln comptes en attente.)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Syncing %Ln account…</source>
        <translation>
            <numerusform>Synchronisation de %Ln compte…</numerusform>
            <numerusform>Synchronisation de %Ln compte…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Syncing %Ln accounts…</source>
        <translation>
            <numerusform>Synchronisation de %Ln comptes…</numerusform>
            <numerusform>Synchronisation de %Ln comptes…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retrying %Ln account…</source>
        <translation>
            <numerusform>Nouvel essai pour %Ln compte…</numerusform>
            <numerusform>Nouvel essai pour %Ln compte…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retrying %Ln accounts…</source>
        <translation>
            <numerusform>Nouvel essai pour %Ln comptes…</numerusform>
            <numerusform>Nouvel essai pour %Ln comptes…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The API key of “%1” is kept in memory until Roster quits. To keep it for good, set %2 before starting Roster.</source>
        <translation>La clé d’API de « %1 » est gardée en mémoire jusqu’à la fermeture de Roster. Pour la garder durablement, définissez %2 avant de lancer Roster.</translation>
    </message>
    <message>
        <source>Send the selected records again (an account-level error syncs its whole account); with none selected, every record the last sync could not send, listed or not yet</source>
        <translation>Renvoyer les enregistrements sélectionnés (une erreur de compte synchronise tout le compte)&#x202f;; sans sélection, chaque enregistrement que la dernière synchronisation n’a pas pu envoyer, affiché ou non</translation>
    </message>
    <message>
        <source>Show &amp;More</source>
        <translation>Afficher &amp;plus</translation>
    </message>
    <message>
        <source>List the next errors of the last sync</source>
        <translation>Afficher les erreurs suivantes de la dernière synchronisation</translation>
    </message>
    <message numerus="yes">
        <source>Showing %1 of %Ln records the last sync could not send or read. Fix the cause, then retry.</source>
        <translation>
            <numerusform>%1 affiché sur %Ln enregistrement que la dernière synchronisation n’a pas pu envoyer ou lire. Corrigez la cause, puis réessayez.</numerusform>
            <numerusform>%1 affichés sur %Ln enregistrements que la dernière synchronisation n’a pas pu envoyer ou lire. Corrigez la cause, puis réessayez.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing the first %1 of %Ln records sent without part of them. Fix the contact or the service, then sync.</source>
        <translation>
            <numerusform>Les %1 premiers sur %Ln enregistrement envoyé sans une partie de ses données. Corrigez le contact ou le service, puis synchronisez.</numerusform>
            <numerusform>Les %1 premiers sur %Ln enregistrements envoyés sans une partie de leurs données. Corrigez le contact ou le service, puis synchronisez.</numerusform>
        </translation>
    </message>
</context>
</TS>
