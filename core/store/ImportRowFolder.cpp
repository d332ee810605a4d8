#include "ImportRowFolder.h"

#include "KeyHash.h"
#include "contact/EmailNormalizer.h"
#include "contact/LinkedinUrlNormalizer.h"

#include <numeric>
#include <unordered_map>

namespace roster {

namespace {

// Qt's string hash cost a tenth of the reading thread's time (KeyHash.h says why).
struct KeyHasher
{
    std::size_t operator()(const ImportRowFolder::Key& key) const
    {
        return static_cast<std::size_t>(keyHash(key.key, static_cast<quint64>(key.field)));
    }
};

bool present(const ContactPatch& patch, Field field)
{
    return patch.has(field) && !patch.value(field).trimmed().isEmpty();
}

QString fullName(const ContactPatch& patch)
{
    return QStringList {patch.value(Field::FirstName).trimmed(), patch.value(Field::LastName).trimmed()}
        .join(u' ')
        .trimmed();
}

bool sameText(const QString& a, const QString& b)
{
    return a.trimmed().compare(b.trimmed(), Qt::CaseInsensitive) == 0;
}

QStringList appendMissing(QStringList list, const QStringList& additions, const QString& except = {})
{
    for (const QString& item : additions) {
        if (!list.contains(item, Qt::CaseInsensitive) && !sameText(item, except))
            list << item;
    }
    return list;
}

// Every list field of a patch adds up when rows fold: a new list field (phones, websites) is one more line here.
void addLists(ContactPatch& head, const ContactPatch& later)
{
    if (later.hasExtraEmails())
        head.setExtraEmails(appendMissing(head.extraEmails(), later.extraEmails(), head.value(Field::Email)),
                            head.hasExtraEmails() ? head.extraEmailMode() : later.extraEmailMode());
    if (later.hasExtraPhones())
        head.setExtraPhones(PhoneTypes::appendMissing(head.extraPhones(), later.extraPhones()),
                            head.hasExtraPhones() ? head.extraPhoneMode() : later.extraPhoneMode());
    if (later.hasExtraWebsites())
        head.setExtraWebsites(appendMissing(head.extraWebsites(), later.extraWebsites(), head.value(Field::Website)),
                              head.hasExtraWebsites() ? head.extraWebsiteMode() : later.extraWebsiteMode());
    if (later.hasTags())
        head.setTags(appendMissing(head.tags(), later.tags()), head.hasTags() ? head.tagMode() : later.tagMode());
}

std::optional<QString> identityKey(Field field, const QString& value)
{
    if (field == Field::Email) {
        auto email = EmailNormalizer::normalize(value);
        return email ? std::optional(email->key) : std::nullopt;
    }
    auto url
        = field == Field::LinkedinUrl ? LinkedinUrlNormalizer::profile(value) : LinkedinUrlNormalizer::salesNav(value);
    return url ? std::optional(*url) : std::nullopt;
}

qsizetype findRoot(QVector<qsizetype>& parent, qsizetype i)
{
    while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    return i;
}

} // namespace

ImportRowFolder::ImportRowFolder(const UpsertPolicy& policy)
    : m_byEmail(policy.matchKeys.contains(MatchKey::Email))
    , m_byLinkedin(policy.matchKeys.contains(MatchKey::LinkedinUrl))
    , m_bySalesNav(policy.matchKeys.contains(MatchKey::SalesNavUrl))
{
}

QVector<ImportRowFolder::Key> ImportRowFolder::keys(const ContactPatch& patch) const
{
    QVector<Key> keys;
    if (m_byEmail && present(patch, Field::Email)) {
        const auto key = identityKey(Field::Email, patch.value(Field::Email));
        if (!key)
            return {};
        keys.append({Field::Email, *key});
    }
    if (m_byEmail) {
        for (const QString& extra : patch.extraEmails()) {
            if (const auto key = identityKey(Field::Email, extra))
                keys.append({Field::Email, *key});
        }
    }
    for (const auto& [field, on] :
         {std::pair(Field::LinkedinUrl, m_byLinkedin), std::pair(Field::SalesNavUrl, m_bySalesNav)}) {
        if (on && present(patch, field)) {
            if (const auto key = identityKey(field, patch.value(field)))
                keys.append({field, *key});
        }
    }
    return keys;
}

QVector<ImportRowFolder::Outcome> ImportRowFolder::fold(QVector<ContactPatch>& patches,
                                                        const QVector<qint64>& lines) const
{
    const qsizetype n = patches.size();
    QVector<Outcome> outcomes(n);
    QVector<qsizetype> parent(n);
    std::iota(parent.begin(), parent.end(), qsizetype(0));
    // For each row, the earlier row it shares a key with, and that key: what its report names.
    struct Link
    {
        qsizetype row = -1;
        Key key {Field::Email, {}};
    };
    QVector<Link> links(n);
    std::unordered_map<Key, qsizetype, KeyHasher> firstHolder;
    firstHolder.reserve(static_cast<std::size_t>(2 * n));
    bool any = false;
    for (qsizetype i = 0; i < n; ++i) {
        for (Key& key : keys(patches.at(i))) {
            const auto [it, first] = firstHolder.try_emplace(key, i);
            if (first || it->second == i)
                continue;
            any = true;
            const qsizetype a = findRoot(parent, i), b = findRoot(parent, it->second);
            if (a != b)
                parent[std::max(a, b)] = std::min(a, b);
            if (links.at(i).row < 0)
                links[i] = {it->second, std::move(key)};
        }
    }
    if (!any)
        return outcomes;
    // The root of a group is its first row (unions point at the smaller index), so heads come first.
    for (qsizetype i = 0; i < n; ++i) {
        const qsizetype root = findRoot(parent, i);
        if (root == i)
            continue;
        Outcome& outcome = outcomes[i];
        outcome.head = root;
        const Link& link = links.at(i);
        const QString via = link.row < 0 ? QStringLiteral("through other rows")
                                         : QStringLiteral("%1 %2 with line %3")
                                               .arg(FieldRegistry::name(link.key.field), link.key.key)
                                               .arg(lines.at(link.row));
        outcome.warnings.append(
            {ErrorCode::DuplicateInFile, link.row < 0 ? QString() : FieldRegistry::name(link.key.field),
             QStringLiteral("same person as line %1 (shares %2); merged into it").arg(lines.at(root)).arg(via), 0});
        const QString headName = fullName(patches.at(root));
        const QString name = fullName(patches.at(i));
        bool namesDiffer = false;
        for (const Field f : {Field::FirstName, Field::LastName}) {
            if (present(patches.at(root), f) && present(patches.at(i), f)
                && !sameText(patches.at(root).value(f), patches.at(i).value(f)))
                namesDiffer = true;
        }
        foldInto(patches[root], lines.at(root), patches.at(i), outcome);
        if (namesDiffer) {
            QString detail = QStringLiteral("'%1' (line %2) and '%3' (line %4) share %5: merged into one contact "
                                            "named '%3'")
                                 .arg(name)
                                 .arg(lines.at(i))
                                 .arg(headName)
                                 .arg(lines.at(root))
                                 .arg(link.row < 0 ? QStringLiteral("keys through other rows")
                                                   : FieldRegistry::name(link.key.field) + u' ' + link.key.key);
            if (present(patches.at(i), Field::Email)
                && !sameText(patches.at(i).value(Field::Email), patches.at(root).value(Field::Email)))
                detail
                    += QStringLiteral(", %1 kept as an extra email").arg(patches.at(i).value(Field::Email).trimmed());
            detail += QStringLiteral("; check whether they are one person");
            outcome.warnings.append({ErrorCode::PossibleDuplicate,
                                     link.row < 0 ? QString() : FieldRegistry::name(link.key.field), detail, 0});
        }
    }
    return outcomes;
}

void ImportRowFolder::foldInto(ContactPatch& first, qint64 firstLine, const ContactPatch& next, Outcome& outcome) const
{
    QStringList notTaken;
    for (const FieldInfo& info : FieldRegistry::all()) {
        const Field f = info.field;
        if (!present(next, f))
            continue;
        const QString& value = next.value(f);
        if (!present(first, f)) {
            first.set(f, value);
            continue;
        }
        const QString& kept = first.value(f);
        if (sameText(kept, value))
            continue;
        if (f == Field::Email || f == Field::LinkedinUrl || f == Field::SalesNavUrl) {
            const auto a = identityKey(f, kept), b = identityKey(f, value);
            if (a && b && *a == *b)
                continue; // another spelling of the same address
            if (f == Field::Email && b) {
                first.setExtraEmails(appendMissing(first.extraEmails(), {value.trimmed()}, kept),
                                     first.hasExtraEmails() ? first.extraEmailMode() : TagMode::Append);
                continue;
            }
        }
        if (f == Field::Phone) {
            // Another phone of the same person: one more of theirs, with its kind.
            if (!PhoneTypes::contains(first.extraPhones(), value.trimmed())) {
                PhoneList phones = first.extraPhones();
                phones << PhoneEntry {value.trimmed(),
                                      PhoneTypes::fromName(next.value(Field::PhoneType)).value_or(PhoneType::None)};
                first.setExtraPhones(phones, first.hasExtraPhones() ? first.extraPhoneMode() : TagMode::Append);
            }
            continue;
        }
        if (f == Field::PhoneType)
            continue; // it went with its phone
        if (f == Field::Website) {
            first.setExtraWebsites(appendMissing(first.extraWebsites(), {value.trimmed()}, kept),
                                   first.hasExtraWebsites() ? first.extraWebsiteMode() : TagMode::Append);
            continue;
        }
        if (f == Field::FirstName || f == Field::LastName)
            continue; // the PossibleDuplicate warning names both
        notTaken << QStringLiteral("%1 '%2'").arg(FieldRegistry::name(f), value.trimmed());
    }
    addLists(first, next);
    for (auto it = next.custom().cbegin(); it != next.custom().cend(); ++it) {
        if (it.value().trimmed().isEmpty())
            continue;
        const auto kept = first.custom().constFind(it.key());
        if (kept == first.custom().constEnd() || kept->trimmed().isEmpty())
            first.setCustom(it.key(), it.value());
        else if (!sameText(*kept, it.value()))
            notTaken << QStringLiteral("%1%2 '%3'").arg(FieldRegistry::customPrefix(), it.key(), it.value().trimmed());
    }
    if (!notTaken.isEmpty()) {
        UpsertWarning& folded = outcome.warnings.first();
        folded.detail += QStringLiteral("; line %1's values kept over this row's %2")
                             .arg(firstLine)
                             .arg(notTaken.join(QStringLiteral(", ")));
    }
}

} // namespace roster
