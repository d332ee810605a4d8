#include "PatchNormalizer.h"

#include "CustomFieldRegistry.h"
#include "contact/DomainNormalizer.h"
#include "contact/EmailNormalizer.h"
#include "contact/LinkedinUrlNormalizer.h"

#include <QDate>
#include <QSet>

namespace roster {

PatchNormalizer::PatchNormalizer(const PhoneNormalizer& phones, CustomFieldRegistry& customFields)
    : m_phones(phones)
    , m_customFields(customFields)
{
}

std::optional<QString> PatchNormalizer::normalizeBoolean(const QString& text)
{
    static const QSet<QString> yes {QStringLiteral("true"), QStringLiteral("1"), QStringLiteral("yes"),
                                    QStringLiteral("y"),    QStringLiteral("x"), QStringLiteral("oui"),
                                    QStringLiteral("ja")};
    static const QSet<QString> no {QStringLiteral("false"), QStringLiteral("0"),   QStringLiteral("no"),
                                   QStringLiteral("n"),     QStringLiteral("non"), QStringLiteral("nein")};
    const QString lower = text.trimmed().toLower();
    if (yes.contains(lower))
        return QStringLiteral("true");
    if (no.contains(lower))
        return QStringLiteral("false");
    return std::nullopt;
}

std::optional<QString> PatchNormalizer::normalizeDate(const QString& text)
{
    // Unambiguous spellings only: 03/04/1990 could be either day or month first, so it stays as typed.
    for (const char* format : {"yyyy-MM-dd", "yyyy/MM/dd", "yyyy.MM.dd", "yyyy_MM_dd", "dd.MM.yyyy"}) {
        const QDate date = QDate::fromString(text, QLatin1String(format));
        if (date.isValid())
            return date.toString(Qt::ISODate);
    }
    const QDateTime dateTime = QDateTime::fromString(text, Qt::ISODate);
    if (dateTime.isValid())
        return dateTime.date().toString(Qt::ISODate);
    return std::nullopt;
}

Result<PreparedPatch> PatchNormalizer::prepare(const ContactPatch& patch, const UpsertPolicy& policy) const
{
    PreparedPatch out;
    out.contactId = patch.contactId();
    out.companyId = patch.companyId();
    if (auto ok = prepareScalars(patch, policy, out); !ok)
        return std::unexpected(ok.error());
    if (auto ok = prepareLists(patch, policy, out); !ok)
        return std::unexpected(ok.error());
    if (auto ok = prepareCustom(patch, policy, out); !ok)
        return std::unexpected(ok.error());
    if (auto ok = checkIdentity(policy, out); !ok)
        return std::unexpected(ok.error());
    return out;
}

Result<void> PatchNormalizer::prepareScalars(const ContactPatch& patch, const UpsertPolicy& policy,
                                             PreparedPatch& out) const
{
    for (const FieldInfo& info : FieldRegistry::all()) {
        const Field field = info.field;
        if (!patch.has(field))
            continue;
        const auto index = static_cast<std::size_t>(field);
        QString text = patch.value(field).trimmed();
        // A NUL is not text: SQLite's text functions and C strings stop at it, so a value stored with one reads cut
        // short. A file's reader already replaced them; a CRM's JSON ("\u0000") or a caller may still bring one.
        if (text.contains(QChar(u'\0'))) {
            text.replace(QChar(u'\0'), QChar::ReplacementCharacter);
            out.warnings.append(
                {ErrorCode::InvalidEncoding, QLatin1String(info.name),
                 QStringLiteral("'%1': a NUL character, which is not text, was replaced by \uFFFD").arg(text), 0});
        }
        if (text.isEmpty()) {
            if (patch.isCleared(field) || policy.emptyValues == EmptyValues::Clear)
                out.clear.set(index);
            continue;
        }
        QString value = text;
        const QLatin1String name(info.name);
        switch (info.kind) {
        case FieldKind::Email: {
            auto email = EmailNormalizer::normalize(text);
            if (!email)
                return std::unexpected(email.error());
            value = email->display;
            out.emailKey = email->key;
            break;
        }
        case FieldKind::LinkedinProfile: {
            auto url = LinkedinUrlNormalizer::profile(text);
            if (!url)
                return std::unexpected(url.error());
            value = *url;
            out.linkedinKey = *url;
            break;
        }
        case FieldKind::SalesNavProfile: {
            auto url = LinkedinUrlNormalizer::salesNav(text);
            if (!url)
                return std::unexpected(url.error());
            value = *url;
            out.salesNavKey = *url;
            break;
        }
        case FieldKind::Phone: {
            const NormalizedPhone phone = m_phones.normalize(text);
            value = phone.text;
            if (!phone.valid)
                out.warnings.append({ErrorCode::InvalidPhone, name, phone.problem, 0});
            else if (PhoneNormalizer::looksLikeE164(phone.text))
                out.phoneKey = phone.text; // a number with an extension has no E.164 key
            break;
        }
        case FieldKind::Domain: {
            auto domain = DomainNormalizer::fromWebsite(text);
            if (domain) {
                value = *domain;
                out.companyDomainKey = *domain;
            } else {
                out.warnings.append(
                    {ErrorCode::InvalidDomain, name, domain.error().detail + QStringLiteral("; kept as typed"), 0});
            }
            break;
        }
        case FieldKind::Url:
            if (field == Field::CompanyLinkedinUrl) {
                if (auto url = LinkedinUrlNormalizer::company(text)) {
                    value = *url;
                    out.companyLinkedinKey = *url;
                }
            }
            break;
        case FieldKind::Date:
            if (auto date = normalizeDate(text))
                value = *date;
            else
                out.warnings.append({ErrorCode::InvalidDate, name,
                                     QStringLiteral("'%1' is not an unambiguous date; kept as typed").arg(text), 0});
            break;
        case FieldKind::Boolean:
            if (auto flag = normalizeBoolean(text)) {
                value = *flag;
            } else {
                out.warnings.append({ErrorCode::InvalidBoolean, name,
                                     QStringLiteral("'%1' is neither yes nor no; field not changed").arg(text), 0});
                continue;
            }
            break;
        case FieldKind::PhoneKind:
            if (const auto type = PhoneTypes::fromName(text)) {
                value = PhoneTypes::name(*type);
            } else {
                const PhoneType guessed = PhoneTypes::fromLabel(text).value_or(PhoneType::Other);
                value = PhoneTypes::name(guessed);
                if (guessed == PhoneType::Other)
                    out.warnings.append({ErrorCode::FieldIgnored, name,
                                         QStringLiteral("'%1' is not a phone type (mobile, work, home, fax, other); "
                                                        "stored as other")
                                             .arg(text),
                                         0});
            }
            break;
        case FieldKind::Text:
            break;
        }
        if (field == Field::Owner && !policy.knownOwners.isEmpty() && !policy.knownOwners.contains(value)) {
            out.warnings.append({ErrorCode::OwnerIgnored, name,
                                 QStringLiteral("'%1' is not a known owner; owner not changed").arg(value), 0});
            continue;
        }
        out.values[index] = value;
        out.set.set(index);
    }
    return {};
}

Result<void> PatchNormalizer::prepareLists(const ContactPatch& patch, const UpsertPolicy& policy,
                                           PreparedPatch& out) const
{
    if (patch.hasExtraEmails()) {
        out.hasExtraEmails = true;
        out.extraEmailMode = patch.extraEmailMode();
        QSet<QString> seen;
        if (!out.emailKey.isEmpty())
            seen.insert(out.emailKey);
        for (const QString& raw : patch.extraEmails()) {
            if (raw.trimmed().isEmpty())
                continue;
            auto email = EmailNormalizer::normalize(raw);
            if (!email)
                return fail(ErrorCode::InvalidExtraEmail, email.error().detail, FieldRegistry::extraEmailsName());
            if (seen.contains(email->key))
                continue;
            seen.insert(email->key);
            out.extraEmails << email->display;
            out.extraEmailKeys << email->key;
        }
    }
    if (patch.hasExtraPhones())
        prepareExtraPhones(patch, out);
    if (patch.hasExtraWebsites()) {
        out.hasExtraWebsites = true;
        out.extraWebsiteMode = patch.extraWebsiteMode();
        QSet<QString> seen;
        if (out.isSet(Field::Website))
            seen.insert(out.value(Field::Website).toCaseFolded());
        for (const QString& raw : patch.extraWebsites()) {
            const QString url = raw.trimmed();
            if (url.isEmpty() || seen.contains(url.toCaseFolded()))
                continue;
            seen.insert(url.toCaseFolded());
            out.extraWebsites << url;
        }
    }
    if (patch.hasTags()) {
        if (policy.tags == TagRule::Unsupported) {
            out.warnings.append({ErrorCode::TagsIgnored, FieldRegistry::tagsName(),
                                 QStringLiteral("the %1 policy has no tags; tags not changed").arg(policy.name), 0});
        } else {
            out.hasTags = true;
            out.tagMode = policy.tags == TagRule::Replace ? TagMode::Replace
                : policy.tags == TagRule::Append          ? TagMode::Append
                                                          : patch.tagMode();
            QSet<QString> seen;
            for (const QString& raw : patch.tags()) {
                const QString tag = raw.simplified();
                if (tag.isEmpty() || seen.contains(tag.toLower()))
                    continue;
                seen.insert(tag.toLower());
                out.tags << tag;
            }
        }
    }
    return {};
}

void PatchNormalizer::prepareExtraPhones(const ContactPatch& patch, PreparedPatch& out) const
{
    out.hasExtraPhones = true;
    out.extraPhoneMode = patch.extraPhoneMode();
    QSet<QString> seen;
    if (out.isSet(Field::Phone))
        seen.insert(PhoneTypes::identity(out.value(Field::Phone)));
    const QString field = FieldRegistry::extraPhonesName();
    for (const PhoneEntry& raw : patch.extraPhones()) {
        const QString text = raw.number.trimmed();
        if (text.isEmpty())
            continue;
        const NormalizedPhone phone = m_phones.normalize(text);
        const QString identity = PhoneTypes::identity(phone.text);
        if (seen.contains(identity))
            continue;
        seen.insert(identity);
        if (!phone.valid)
            out.warnings.append({ErrorCode::InvalidPhone, field, phone.problem, 0});
        out.extraPhones << PhoneEntry {phone.text, raw.type};
        // A number with an extension is valid but has no E.164 key to match on.
        out.extraPhoneKeys << (PhoneNormalizer::looksLikeE164(phone.text) ? phone.text : QString());
    }
}

Result<void> PatchNormalizer::prepareCustom(const ContactPatch& patch, const UpsertPolicy& policy,
                                            PreparedPatch& out) const
{
    for (auto it = patch.custom().cbegin(); it != patch.custom().cend(); ++it) {
        const QString& key = it.key();
        const QString value = it.value().trimmed();
        const QString field = FieldRegistry::customPrefix() + key;
        if (!m_customFields.contains(key)) {
            if (policy.customFields == CustomFieldRule::RejectUnknown)
                return fail(ErrorCode::UnknownCustomField,
                            QStringLiteral("%1 is not a registered custom field").arg(field), field);
            if (auto ok = m_customFields.add({key, key, QStringLiteral("text")}); !ok)
                return std::unexpected(ok.error());
        }
        if (value.isEmpty()) {
            if (policy.emptyValues == EmptyValues::Clear || patch.clearedCustom().contains(key))
                out.custom.insert(key, std::nullopt);
            continue;
        }
        if (auto ok = CustomFieldRegistry::checkValue(key, m_customFields.type(key), value); !ok)
            return ok;
        out.custom.insert(key, value);
    }
    return {};
}

Result<void> PatchNormalizer::checkIdentity(const UpsertPolicy& policy, const PreparedPatch& out)
{
    const bool hasId = out.contactId.has_value();
    const bool present[] = {hasId, !out.emailKey.isEmpty(), !out.linkedinKey.isEmpty(), !out.salesNavKey.isEmpty(),
                            out.isSet(Field::Phone)};
    bool any = policy.requiredAnyOf.isEmpty();
    QStringList names;
    for (MatchKey key : policy.requiredAnyOf) {
        any = any || present[static_cast<int>(key)];
        names << matchKeyName(key);
    }
    if (!any)
        return fail(ErrorCode::MissingIdentifier,
                    QStringLiteral("at least one identifier is required: %1").arg(names.join(QStringLiteral(", "))));
    if (policy.linkedinOnlyNeedsCompany && out.emailKey.isEmpty() && !hasId && !out.companyId
        && out.companyDomainKey.isEmpty())
        return fail(ErrorCode::MissingIdentifier,
                    QStringLiteral("a contact identified by LinkedIn alone needs an account id or a company domain"),
                    QStringLiteral("company_domain"));
    return {};
}

} // namespace roster
