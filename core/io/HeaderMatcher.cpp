#include "HeaderMatcher.h"

#include "contact/Field.h"

#include <QHash>
#include <QRegularExpression>

#include <array>
#include <utility>

namespace roster {

namespace {

// Normalised header spellings per target. Field names themselves ("first_name", "linkedin_url") are
// added from the registry, so Roster's own export and lemlist's camelCase always match.
constexpr std::array<std::pair<const char*, const char*>, 31> kSynonyms {{
    {"first_name", "first givenname forename prenom vorname fname nombre voornaam nome"},
    {"last_name",
     "last familyname surname nomdefamille nachname familienname lname apellido apellidos achternaam "
     "cognome"},
    {"full_name", "name fullname displayname contactname nomcomplet vollstandigername nombrecompleto nom"},
    {"email",
     "mail emailaddress emailvalue courriel adresseemail adressemail adresseelectronique adressecourriel "
     "mel emailadresse mailadresse correo correoelectronico"},
    {"extra_emails",
     "additionalemails additionalemail secondaryemail otheremail otheremails alternateemail alternativeemail "
     "autreemail autresemails weitereemail weitereemails secondemail"},
    {"phone",
     "phonenumber phonevalue telephone telephonenumber tel mobile mobilenumber mobilephone "
     "mobilephonenumber cell cellphone cellular portable telephoneportable telefon telefonnummer handy mobil "
     "mobilnummer mobiltelefon numerodetelephone telefono movil fax faxnumber telefax faxnummer telecopie "
     "pager pagernumber carphone callback isdn radiophone telex ttytddphone assistantsphone assistantphone "
     "companymainphone"},
    {"linkedin_url",
     "linkedin linkedinprofile linkedinprofileurl personlinkedinurl linkedinprofilelink "
     "profillinkedin linkedinprofil linkedinlink profileurl"},
    {"sales_nav_url",
     "salesnavigatorurl salesnavigator linkedinurlsalesnav linkedinsalesnavurl "
     "salesnavigatorprofileurl salesnav"},
    {"job_title",
     "jobtitle position poste fonction role occupation designation jobposition titreduposte "
     "berufsbezeichnung funktion cargo puesto organizationtitle titre jobrole"},
    {"job_description", "descriptionduposte stellenbeschreibung organizationjobdescription positiondescription"},
    {"headline", "tagline titreduprofil linkedinheadline"},
    {"summary", "about bio biography apropos zusammenfassung"},
    {"company_name",
     "company organization organisation organizationname employer accountname societe entreprise "
     "firma unternehmen arbeitgeber empresa compania currentcompany employeur nomdelentreprise "
     "associatedcompany"},
    {"company_domain", "domain domaine companywebsitedomain"},
    {"company_linkedin_url", "companylinkedin linkedincompanyurl companylinkedinprofile"},
    {"website",
     "webpage websiteurl web site url homepage websitevalue siteweb siteinternet webseite internetseite "
     "urlhomepage personalwebsite webaddress"},
    {"address1",
     "address street streetaddress addressline addressline1 addressstreet adresse rue strasse "
     "anschrift direccion"},
    {"city", "town locality addresscity ville ort stadt ciudad citta"},
    {"state", "region province stateprovince stateregion addressregion bundesland estado provincia"},
    {"postal_code",
     "zip zipcode postcode addresspostalcode codepostal cp plz postleitzahl codigopostal "
     "zippostalcode"},
    {"country", "countryregion addresscountry pays land pais"},
    {"location", "localisation lieu standort ubicacion"},
    {"timezone", "tz fuseauhoraire zeitzone"},
    {"industry", "secteur secteurdactivite branche industrie sector"},
    {"languages", "language langues langue sprachen sprache idiomas"},
    {"skills", "competences fahigkeiten kenntnisse"},
    {"picture_url",
     "picture photo photourl avatar avatarurl profilepicture profilepictureurl imageurl image "
     "profileimageurl foto"},
    {"date_of_birth", "birthday birthdate dob datedenaissance anniversaire geburtsdatum geburtstag fechadenacimiento"},
    {"gender", "sex sexe genre geschlecht"},
    {"owner", "contactowner assignedto assignee proprietaire responsable zustandig besitzer leadowner recordowner"},
    {"source", "leadsource origine quelle herkunft contactsource"},
}};

constexpr std::array<std::pair<const char*, const char*>, 4> kMoreSynonyms {{
    {"do_not_contact",
     "unsubscribed emailoptout optedout optout dnd donotemail hasoptedoutofemail desabonne "
     "nepascontacter abgemeldet"},
    {"notes",
     "note comments comment remarques commentaires remarque bemerkungen notizen anmerkungen notiz "
     "description"},
    {"phone_type", "phonelabel phonekind"},
    {"tags",
     "tag labels label categories category groups group groupmembership lists list etiquettes libelles "
     "kategorien schlagworter gruppen segments"},
}};

// Words that say whose or which kind of a value it is, not what it is: "Business City", "Email (Work)".
constexpr std::array kQualifiers {
    "business",        "work",    "home",      "personal", "private",   "primary",      "main",
    "mailing",         "other",   "office",    "direct",   "corporate", "professional", "professionnel",
    "professionnelle", "perso",   "personnel", "prive",    "pro",       "geschaftlich", "privat",
    "dienstlich",      "contact", "lead",      "mobile",   "cell"};

const QHash<QString, QString>& synonyms()
{
    static const QHash<QString, QString> table = [] {
        QHash<QString, QString> map;
        const auto add = [&map](const char* target, const char* keys) {
            const QString name = QString::fromLatin1(target);
            for (const QString& key : QString::fromLatin1(keys).split(QLatin1Char(' '), Qt::SkipEmptyParts))
                map.insert(key, name);
        };
        for (const auto& [target, keys] : kSynonyms)
            add(target, keys);
        for (const auto& [target, keys] : kMoreSynonyms)
            add(target, keys);
        for (const QString& name : FieldRegistry::names())
            map.insert(HeaderMatcher::normalize(name), name);
        return map;
    }();
    return table;
}

} // namespace

QString HeaderMatcher::normalize(QStringView header)
{
    const QString decomposed = header.toString().normalized(QString::NormalizationForm_KD);
    QString key;
    key.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c == QChar(0x00DF)) {
            key += QStringLiteral("ss");
        } else if (c.isLetterOrNumber()) {
            key += c.toLower();
        }
    }
    return key;
}

QString HeaderMatcher::lookup(const QString& key)
{
    return synonyms().value(key);
}

QString HeaderMatcher::lookupQualified(const QString& key)
{
    QString rest = key;
    for (int round = 0; round < 3 && !rest.isEmpty(); ++round) {
        if (const QString target = lookup(rest); !target.isEmpty())
            return target;
        bool stripped = false;
        for (const char* qualifier : kQualifiers) {
            const QLatin1String word(qualifier);
            if (rest.size() > word.size() && rest.startsWith(word)) {
                rest = rest.mid(word.size());
                stripped = true;
                break;
            }
            if (rest.size() > word.size() && rest.endsWith(word)) {
                rest.chop(word.size());
                stripped = true;
                break;
            }
        }
        if (!stripped)
            break;
    }
    return lookup(rest);
}

QString HeaderMatcher::match(QStringView header)
{
    // Roster's own export names custom fields "custom.<key>".
    const QStringView trimmed = header.trimmed();
    const QString prefix = FieldRegistry::customPrefix();
    if (trimmed.startsWith(prefix) && FieldRegistry::isValidCustomKey(trimmed.sliced(prefix.size())))
        return trimmed.toString();

    const QString key = normalize(header);
    if (key.isEmpty())
        return {};
    return typed(header, matchKey(key));
}

// A phone column's kind comes from its header's words: "Mobile Phone", "Business Fax", "Telefon privat".
QString HeaderMatcher::typed(QStringView header, const QString& target)
{
    if (target != u"phone")
        return target;
    const auto type = PhoneTypes::fromLabel(header);
    return type ? phoneTarget(*type) : target;
}

QString HeaderMatcher::phoneTarget(PhoneType type)
{
    return type == PhoneType::None ? QStringLiteral("phone") : QStringLiteral("phone:") + PhoneTypes::name(type);
}

std::optional<PhoneType> HeaderMatcher::phoneTargetType(QStringView target)
{
    if (target == u"phone")
        return PhoneType::None;
    if (!target.startsWith(u"phone:"))
        return std::nullopt;
    const auto type = PhoneTypes::fromName(target.sliced(6));
    if (!type || *type == PhoneType::None)
        return std::nullopt;
    return type;
}

QString HeaderMatcher::matchKey(const QString& key)
{
    if (const QString target = lookupQualified(key); !target.isEmpty())
        return target;

    // Numbered groups: Google's "E-mail 2 - Value", Outlook's "E-mail 2 Address", "Business Phone 2".
    static const QRegularExpression numbered(QStringLiteral("^([a-z]+)([0-9]+)([a-z]*)$"));
    const QRegularExpressionMatch m = numbered.match(key);
    if (!m.hasMatch())
        return {};
    const QString target = lookupQualified(m.captured(1) + m.captured(3));
    if (m.captured(2).toInt() == 1)
        return target;
    if (target == u"email" || target == u"extra_emails")
        return FieldRegistry::extraEmailsName();
    // A second phone or web page is one more of the contact's; a second street or company is not.
    if (target == u"phone" || target == u"website" || target == u"phone_type")
        return target;
    return {};
}

} // namespace roster
